import type { Prisma } from "~/generated/prisma/client";
import type { ContactStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit, type AuditEntry } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor, type Action } from "~/utils/permissions";

/**
 * Early help casework: every function takes the Actor, limits itself to the families the
 * actor may see (familyScope), audits the read or write, and throws a 4xx Response
 * (with a `casework` translation key) for bad requests, so nothing changes.
 *
 * Access to families lives here and nowhere else: the scope comes from the actor's roles
 * and the permission being exercised (read, write, decide or manage), and other areas
 * (courses, groups, data protection) ask here rather than building their own filter.
 */

export type Tx = Prisma.TransactionClient;

export type FamilyPermission = `${Action}:family`;

export const OPEN_STATUSES: ContactStatus[] = ["awaiting_decision", "open"];

/**
 * The team whose families the actor may act on with this permission: null for the whole
 * service ("any"), "__none__" (matches nothing) without the permission or without a team.
 * Families belong to teams, so "own" and "team" both mean the actor's team.
 */
export function familyTeamFilter(actor: Pick<Actor, "user">, permission: FamilyPermission = "read:family"): string | null {
  const scope = scopeFor(actor.user.roles, permission);
  if (scope === "any") return null;
  return (scope && actor.user.teamId) || "__none__";
}

/** The `where` that limits family records to those the actor may act on with this permission. */
export function familyScope(actor: Pick<Actor, "user">, permission: FamilyPermission = "read:family"): Prisma.FamilyWhereInput {
  const teamId = familyTeamFilter(actor, permission);
  return teamId === null ? {} : teamId === "__none__" ? { id: "__none__" } : { teamId };
}

/** Whether the actor may take a lead's decisions on families. */
export function canDecide(actor: Actor) {
  return scopeFor(actor.user.roles, "decide:family") !== null;
}

/** A 403 unless the actor may take a lead's decisions. */
export function requireLead(actor: Actor) {
  if (!canDecide(actor)) throw errorResponse(403, "errors.forbidden");
}

/** The 409 for a record changed since it was read. */
export function conflict(): Response {
  return errorResponse(409, "errors.versionConflict");
}

/**
 * The family if the actor may act on it with this permission; otherwise a 404 (audited as
 * denied when it exists). The one scope check of a family per request: what follows
 * reads by the id it returns.
 */
export async function requireFamily(actor: Actor, familyId: string, permission: FamilyPermission = "read:family") {
  // Another area asking for a family (enrolling on a course, linking a group member) of someone who may not read families at all.
  if (!scopeFor(actor.user.roles, permission)) throw errorResponse(403, "errors.forbidden");
  const family = await db.family.findFirst({ where: { AND: [{ id: familyId }, familyScope(actor, permission)] } });
  if (!family) {
    await auditIfDenied(actor, familyId);
    throw errorResponse(404, "errors.notFound");
  }
  return family;
}

/** After a scoped look-up found nothing: a family that exists was refused, so the refusal goes in its history. */
export async function auditIfDenied(actor: Actor, familyId: string) {
  if (await db.family.count({ where: { id: familyId } })) await audit(actor, { action: "denied", entity: "family", entityId: familyId, familyId });
}

/**
 * The audited read of a family for a page that shows it (its name, reference, members…):
 * requireFamily, then one "read" entry in the family's history.
 */
export async function readFamily(actor: Actor, familyId: string, options: { permission?: FamilyPermission; detail?: AuditEntry["detail"] } = {}) {
  const family = await requireFamily(actor, familyId, options.permission);
  await audit(actor, { action: "read", entity: "family", entityId: family.id, familyId: family.id, ...(options.detail ? { detail: options.detail } : {}) });
  return family;
}

/** A contact (episode) of a family the actor may act on with this permission, or 404. */
export async function requireContact(actor: Actor, familyId: string, contactId: string, permission: FamilyPermission = "read:family") {
  const family = await requireFamily(actor, familyId, permission);
  const contact = await db.contact.findFirst({ where: { id: contactId, familyId: family.id } });
  if (!contact) throw errorResponse(404, "errors.notFound");
  return { family, contact };
}

/** Of these family ids, those the actor may open (read:family in scope): for links from other areas. */
export async function visibleFamilyIds(actor: Actor, ids: Array<string | null | undefined>): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((f): f is string => !!f))];
  if (!wanted.length || scopeFor(actor.user.roles, "read:family") === null) return new Set();
  const rows = await db.family.findMany({ where: { AND: [{ id: { in: wanted } }, familyScope(actor, "read:family")] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
