import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor, type Action } from "~/utils/permissions";

/**
 * Parenting course cohorts. Every function takes the Actor and limits itself to the
 * cohorts the actor may see (cohortScope: a lead all, a practitioner their team's, a
 * facilitator the ones they facilitate), audits reads and writes of anything tied to a
 * family, and throws a 4xx Response with a `courses` key for bad requests, so nothing
 * changes. Facilitators never receive family ids: case records are not theirs to see.
 */

export type Client = Prisma.TransactionClient | typeof db;

export type CohortPermission = `${Action}:cohort`;

/**
 * The `where` limiting cohorts to those the actor may act on with this permission, its
 * scope from the actor's roles: any, the team's, or (own) the ones they facilitate.
 */
export function cohortScope(actor: Actor, permission: CohortPermission = "read:cohort"): Prisma.CohortWhereInput {
  const scope = scopeFor(actor.user.roles, permission);
  if (scope === "any") return {};
  if (scope === "team") return actor.user.teamId ? { teamId: actor.user.teamId } : { id: "__none__" };
  if (scope === "own") return { facilitators: { some: { userId: actor.user.id } } };
  return { id: "__none__" };
}

/** The cohort if the actor may act on it with this permission; otherwise a 404 (audited as denied when it exists). */
export async function requireCohort(actor: Actor, cohortId: string, permission: CohortPermission = "read:cohort") {
  const cohort = await db.cohort.findFirst({ where: { AND: [{ id: cohortId }, cohortScope(actor, permission)] }, include: { programme: true } });
  if (!cohort) {
    if (await db.cohort.count({ where: { id: cohortId } })) await audit(actor, { action: "denied", entity: "cohort", entityId: cohortId });
    throw errorResponse(404, "errors.notFound");
  }
  return cohort;
}

/** Whether the actor may create, change and complete cohorts (a lead's). */
export function canManageCohorts(actor: Actor) {
  return scopeFor(actor.user.roles, "manage:cohort") !== null;
}

/** An enrolment of this cohort (the cohort in the actor's scope for this permission), or 404. */
export async function requireEnrolment(actor: Actor, cohortId: string, enrolmentId: string, permission: CohortPermission = "read:cohort") {
  const cohort = await requireCohort(actor, cohortId, permission);
  const enrolment = await db.enrolment.findFirst({ where: { id: enrolmentId, cohortId: cohort.id } });
  if (!enrolment) throw errorResponse(404, "errors.notFound");
  return { cohort, enrolment };
}
