import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor, type Scope } from "~/utils/permissions";
import { isSupervisionOverdue } from "./rules";
import type { SupervisionInput } from "./schemas";

/** Supervision records the actor may read: a lead their team's; "own" scope only their own; none without the permission. */
function supervisionWhere(actor: Actor, scope: Scope | null) {
  if (scope === "any") return {};
  if (scope === "own") return { practitionerId: actor.user.id };
  if (scope === "team") return { teamId: actor.user.teamId ?? "__none__" };
  return { id: "__none__" };
}

/** Practitioners in the lead's team with their supervision records and whether they are overdue. Audited. */
export async function getSupervisionOverview(actor: Actor, today = new Date()) {
  const teamId = actor.user.teamId;
  const scope = scopeFor(actor.user.roles, "read:supervision");
  const onlyOwn = scope === "own" || scope === null || !teamId;
  const practitioners = onlyOwn
      ? await db.user.findMany({ where: { id: actor.user.id }, select: { id: true, name: true } })
      : await db.user.findMany({ where: { teamId, disabledAt: null, roles: { has: "practitioner" } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const records = await db.supervision.findMany({
    where: { AND: [supervisionWhere(actor, scope), { practitionerId: { in: practitioners.map((p) => p.id) } }] },
    orderBy: { month: "desc" },
    include: { actions: { orderBy: { byWhen: "asc" } }, supervisor: { select: { name: true } }, practitioner: { select: { name: true } } },
  });
  await audit(actor, { action: "list", entity: "supervision", detail: { count: records.length } });
  return {
    practitioners: practitioners.map((p) => {
      const mine = records.filter((r) => r.practitionerId === p.id);
      return { ...p, overdue: isSupervisionOverdue(mine, today), records: mine };
    }),
  };
}

/** Records a month's supervision (or why it was missed) for a practitioner in the lead's team. */
export async function recordSupervision(actor: Actor, input: SupervisionInput) {
  const teamId = actor.user.teamId;
  if (!teamId) throw errorResponse(403, "errors.forbidden");
  const practitioner = await db.user.findFirst({ where: { id: input.practitionerId, teamId, roles: { has: "practitioner" } }, select: { id: true } });
  if (!practitioner) throw errorResponse(400, "errors.unknownPractitioner");
  if (await db.supervision.count({ where: { practitionerId: practitioner.id, month: input.month } })) throw errorResponse(409, "errors.supervisionExists");
  const held = input.held === "yes";
  return db.$transaction(async (tx) => {
    const record = await tx.supervision.create({
      data: {
        teamId,
        practitionerId: practitioner.id,
        supervisorId: actor.user.id,
        month: input.month,
        heldOn: held ? input.heldOn! : null,
        missedReason: held ? null : input.missedReason!,
        casesDiscussed: held ? input.casesDiscussed : "",
        reflections: held ? input.reflections : "",
        actions: { create: held ? input.actions : [] },
      },
    });
    await audit(actor, { action: "create", entity: "supervision", entityId: record.id, detail: { held, practitionerId: practitioner.id } }, tx);
    return record;
  });
}

/** How many of the team's practitioners are overdue supervision (for the home page). */
export async function countSupervisionOverdue(teamId: string | null, today = new Date()) {
  if (!teamId) return 0;
  const practitioners = await db.user.findMany({
    where: { teamId, disabledAt: null, roles: { has: "practitioner" } },
    select: { supervisionsReceived: { select: { month: true, heldOn: true, missedReason: true }, orderBy: { month: "desc" }, take: 3 } },
  });
  return practitioners.filter((p) => isSupervisionOverdue(p.supervisionsReceived, today)).length;
}
