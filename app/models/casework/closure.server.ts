import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { conflict, OPEN_STATUSES, requireContact, requireLead } from "./access.server";
import type { ClosureInput } from "./schemas";

/**
 * The closure form: the episode (checked once, audited as a read of it), whether it was
 * stepped up, and the needs its assessment found, for an outcome each. 409 once closed.
 */
export async function getClosureForm(actor: Actor, familyId: string, contactId: string) {
  const { family, contact } = await requireContact(actor, familyId, contactId, "decide:family");
  if (await db.closure.count({ where: { contactId: contact.id } })) throw errorResponse(409, "errors.status409");
  const needs = await db.assessmentNeed.findMany({ where: { assessment: { contactId: contact.id }, present: true }, select: { outcome: true } });
  await audit(actor, { action: "read", entity: "contact", entityId: contact.id, familyId: family.id });
  return { family, contact, needs: needs.map((n) => n.outcome) };
}

/** Closes an episode with an outcome per need; a lead signs it off (recorded as a decision). */
export async function closeEpisode(actor: Actor, familyId: string, contactId: string, input: ClosureInput) {
  requireLead(actor);
  const { contact } = await requireContact(actor, familyId, contactId, "decide:family");
  if (!OPEN_STATUSES.includes(contact.status) && contact.status !== "stepped_up") throw errorResponse(409, "errors.episodeNotOpen");
  if (await db.closure.count({ where: { contactId: contact.id } })) throw errorResponse(409, "errors.alreadyClosed");
  if (input.closedOn < contact.receivedOn) throw errorResponse(400, "errors.closureBeforeContact");
  return db.$transaction(async (tx) => {
    const closure = await tx.closure.create({
      data: {
        familyId: contact.familyId,
        contactId: contact.id,
        closedOn: input.closedOn,
        reason: input.reason,
        summary: input.summary,
        signedOffById: actor.user.id,
        outcomes: { create: input.outcomes },
      },
    });
    const moved = await tx.contact.updateMany({ where: { id: contact.id, version: contact.version }, data: { status: "closed", version: { increment: 1 } } });
    if (!moved.count) throw conflict();
    await tx.allocation.updateMany({ where: { contactId: contact.id, endedAt: null }, data: { endedAt: new Date() } });
    await tx.decision.create({
      data: { familyId: contact.familyId, contactId: contact.id, stage: "closure", outcome: "close", rationale: input.summary, decidedById: actor.user.id },
    });
    await audit(actor, { action: "close", entity: "contact", entityId: contact.id, familyId, detail: { reason: input.reason } }, tx);
    return closure;
  });
}
