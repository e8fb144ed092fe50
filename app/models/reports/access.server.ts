import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor } from "~/utils/permissions";
import type { ReportScope } from "./types";

/** Whether the actor reports on every team (read:report:any: leads and administrators), not only their own. */
export function readsEveryTeam(actor: Pick<Actor, "user">): boolean {
  return scopeFor(actor.user.roles, "read:report") === "any";
}

/** The annual report is the whole service's: for those who may see every team (leads, administrators). 403 otherwise, audited. */
export async function requireAnnualReader(actor: Actor): Promise<void> {
  if (readsEveryTeam(actor)) return;
  await audit(actor, { action: "denied", entity: "report", entityId: "annual" });
  throw errorResponse(403, "errors.forbidden");
}

/**
 * The teams the actor may report on and the one this report covers: team-scoped staff
 * get their own team whatever they ask for; others may choose one team or all (null).
 */
export async function resolveReportScope(actor: Actor, requestedTeam: string | undefined): Promise<{ scope: ReportScope; teams: Array<{ id: string; name: string }>; canChooseTeam: boolean }> {
  if (!readsEveryTeam(actor)) {
    if (!actor.user.teamId) throw errorResponse(403, "errors.forbidden");
    if (requestedTeam && requestedTeam !== actor.user.teamId) throw errorResponse(403, "errors.forbidden");
    const team = await db.team.findUnique({ where: { id: actor.user.teamId }, select: { id: true, name: true } });
    return { scope: { teamId: actor.user.teamId }, teams: team ? [team] : [], canChooseTeam: false };
  }
  const teams = await db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  if (requestedTeam && !teams.some((t) => t.id === requestedTeam)) throw errorResponse(400, "errors.badQuery");
  return { scope: { teamId: requestedTeam || null }, teams, canChooseTeam: true };
}
