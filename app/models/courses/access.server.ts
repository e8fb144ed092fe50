import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor } from "~/utils/permissions";
import { familyScope } from "~/models/casework/access.server";

/**
 * Parenting course cohorts. Every function takes the Actor and limits itself to the
 * cohorts the actor may see (cohortScope: a lead all, a practitioner their team's, a
 * facilitator the ones they facilitate), audits reads and writes of anything tied to a
 * family, and throws a 4xx Response with a `courses` key for bad requests, so nothing
 * changes. Facilitators never receive family ids: case records are not theirs to see.
 */

export type Client = Prisma.TransactionClient | typeof db;

/** The `where` limiting cohorts to what the actor may see for the permission's scope. */
export function cohortScope(actor: Actor): Prisma.CohortWhereInput {
  if (actor.scope === "any") return {};
  if (actor.scope === "team") return actor.user.teamId ? { teamId: actor.user.teamId } : { id: "__none__" };
  return { facilitators: { some: { userId: actor.user.id } } };
}

/** The cohort if the actor may see it; otherwise a 404 (audited as denied when it exists). */
export async function requireCohort(actor: Actor, cohortId: string, client: Client = db) {
  const cohort = await client.cohort.findFirst({ where: { AND: [{ id: cohortId }, cohortScope(actor)] }, include: { programme: true } });
  if (!cohort) {
    if (await client.cohort.count({ where: { id: cohortId } })) await audit(actor, { action: "denied", entity: "cohort", entityId: cohortId });
    throw errorResponse(404, "errors.notFound");
  }
  return cohort;
}

/** Whether the actor may create, change and complete cohorts (a lead's). */
export function canManageCohorts(actor: Actor) {
  return scopeFor(actor.user.roles, "manage:cohort") !== null;
}

/** Family ids this actor may open (read:family in scope), from a list of candidates. */
export async function visibleFamilyIds(actor: Actor, familyIds: string[]): Promise<Set<string>> {
  const scope = scopeFor(actor.user.roles, "read:family");
  if (!scope || !familyIds.length) return new Set();
  const rows = await db.family.findMany({ where: { AND: [{ id: { in: familyIds } }, familyScope({ ...actor, scope })] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** An enrolment of this cohort (the cohort in the actor's scope), or 404. */
export async function requireEnrolment(actor: Actor, cohortId: string, enrolmentId: string) {
  const cohort = await requireCohort(actor, cohortId);
  const enrolment = await db.enrolment.findFirst({ where: { id: enrolmentId, cohortId: cohort.id } });
  if (!enrolment) throw errorResponse(404, "errors.notFound");
  return { cohort, enrolment };
}
