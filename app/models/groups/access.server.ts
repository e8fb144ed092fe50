import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor, type Scope } from "~/utils/permissions";

/**
 * Peer support groups. Access: leads see every group; practitioners their team's groups
 * and any they help run; facilitators and parent champions only the groups they lead.
 * Staff (team or wider read scope) see member details; everyone else sees first names
 * and meetings, never contact details or anything of casework. Every read and write of
 * member data is audited; a linked member's family gets the entry in its own history.
 * Bad requests throw a 4xx Response with a `groups:` translation key and change nothing.
 */

export type Tx = Prisma.TransactionClient;

export type Need = "read" | "write" | "manage";

/** The scope the actor's roles grant for this need on groups, or null. */
export function scopeOf(actor: Actor, need: Need): Scope | null {
  return scopeFor(actor.user.roles, `${need}:group`);
}

/** Whether the actor sees member details (contact, consent, family link) rather than names only. */
export function seesMemberDetails(actor: Actor): boolean {
  const scope = scopeOf(actor, "read");
  return scope === "team" || scope === "any";
}

/** The `where` for groups the actor may act on with the given need. */
export function groupScope(actor: Actor, need: Need): Prisma.GroupWhereInput {
  const scope = scopeOf(actor, need);
  const leads: Prisma.GroupWhereInput = { leaders: { some: { userId: actor.user.id } } };
  if (scope === "any") return {};
  if (scope === "team") return actor.user.teamId ? { OR: [{ teamId: actor.user.teamId }, leads] } : leads;
  if (scope === "own") return leads;
  return { id: "__none__" };
}

/** The group if the actor may act on it; 403 when they may see it but not do this, else 404. */
export async function requireGroup(actor: Actor, groupId: string, need: Need = "read", client: Tx | typeof db = db) {
  const group = await client.group.findFirst({ where: { AND: [{ id: groupId }, groupScope(actor, need)] } });
  if (group) return group;
  const exists = await client.group.count({ where: { id: groupId } });
  if (exists) {
    await audit(actor, { action: "denied", entity: "group", entityId: groupId, detail: { need } });
    if (need !== "read" && (await client.group.count({ where: { AND: [{ id: groupId }, groupScope(actor, "read")] } }))) {
      throw errorResponse(403, "errors.forbidden");
    }
  }
  throw errorResponse(404, "errors.notFound");
}

/** Audits a read of members, with one entry per linked family so each family's history shows it. */
export async function auditMemberRead(actor: Actor, groupId: string, what: string, familyIds: Array<string | null | undefined>, client: Tx | typeof db = db) {
  await audit(actor, { action: "read", entity: what, entityId: groupId, detail: { groupId } }, client);
  for (const familyId of new Set(familyIds.filter((f): f is string => !!f))) {
    await audit(actor, { action: "read", entity: "group-member", entityId: groupId, familyId, detail: { groupId } }, client);
  }
}
