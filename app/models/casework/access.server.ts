import type { Prisma } from "~/generated/prisma/client";
import type { ContactStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor } from "~/utils/permissions";

/**
 * Early help casework: every function takes the Actor, limits itself to the families the
 * actor may see (familyScope), audits the read or write, and throws a 4xx Response
 * (with a `casework` translation key) for bad requests, so nothing changes.
 */

export type Tx = Prisma.TransactionClient;

export const OPEN_STATUSES: ContactStatus[] = ["awaiting_decision", "open"];

/**
 * The `where` that limits family records to what the actor may see. Team scope: the
 * actor's own team; no team means nothing. "any" scope is the whole service.
 */
export function familyScope(actor: Actor): Prisma.FamilyWhereInput {
  if (actor.scope === "any") return {};
  if (!actor.user.teamId) return { id: "__none__" };
  return { teamId: actor.user.teamId };
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

/** The family if the actor may see it; otherwise a 404 (audited as denied when it exists). */
export async function requireFamily(actor: Actor, familyId: string, client: Tx | typeof db = db) {
  const family = await client.family.findFirst({ where: { AND: [{ id: familyId }, familyScope(actor)] } });
  if (!family) {
    if (await client.family.count({ where: { id: familyId } })) {
      await audit(actor, { action: "denied", entity: "family", entityId: familyId, familyId });
    }
    throw errorResponse(404, "errors.notFound");
  }
  return family;
}

/** A contact (episode) of a family the actor may see, or 404. */
export async function requireContact(actor: Actor, familyId: string, contactId: string, client: Tx | typeof db = db) {
  const family = await requireFamily(actor, familyId, client);
  const contact = await client.contact.findFirst({ where: { id: contactId, familyId: family.id } });
  if (!contact) throw errorResponse(404, "errors.notFound");
  return { family, contact };
}
