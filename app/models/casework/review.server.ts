import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { OPEN_STATUSES, requireContact } from "./access.server";
import { nextReviewDate } from "./rules";
import type { ReviewInput } from "./schemas";

/** Records a team-around-the-family meeting on the episode's plan. */
export async function addTafMeeting(actor: Actor, familyId: string, contactId: string, input: { heldOn: Date; attendees: string; minutes: string }) {
  const { contact } = await requireContact(actor, familyId, contactId, "write:family");
  const plan = await db.plan.findUnique({ where: { contactId: contact.id } });
  if (!plan) throw errorResponse(404, "errors.notFound");
  if (input.heldOn < contact.receivedOn) throw errorResponse(400, "errors.beforeContact");
  return db.$transaction(async (tx) => {
    const meeting = await tx.tafMeeting.create({ data: { familyId: contact.familyId, planId: plan.id, ...input } });
    await audit(actor, { action: "create", entity: "taf-meeting", entityId: meeting.id, familyId }, tx);
    return meeting;
  });
}

/** Records a review with a 0–10 score per plan outcome and sets the next review date. */
export async function addReview(actor: Actor, familyId: string, contactId: string, input: ReviewInput) {
  const { contact } = await requireContact(actor, familyId, contactId, "write:family");
  if (!OPEN_STATUSES.includes(contact.status)) throw errorResponse(409, "errors.episodeNotOpen");
  const plan = await db.plan.findUnique({ where: { contactId: contact.id }, include: { outcomes: { select: { id: true } } } });
  if (!plan) throw errorResponse(404, "errors.notFound");
  if (input.heldOn < contact.receivedOn) throw errorResponse(400, "errors.beforeContact");
  const ids = new Set(plan.outcomes.map((o) => o.id));
  if (input.scores.some((s) => !ids.has(s.outcomeId))) throw errorResponse(400, "errors.unknownOutcome");
  return db.$transaction(async (tx) => {
    const review = await tx.review.create({
      data: { familyId: contact.familyId, planId: plan.id, heldOn: input.heldOn, summary: input.summary, scores: { create: input.scores } },
    });
    const next = nextReviewDate(input.heldOn, plan.reviewIntervalWeeks);
    await tx.plan.update({ where: { id: plan.id }, data: { nextReviewOn: next } });
    // The decision at the review is a management decision like any other (ADR 0004).
    const decision = await tx.decision.create({
      data: { familyId: contact.familyId, contactId: contact.id, stage: "review", outcome: input.outcome, rationale: input.rationale, decidedById: actor.user.id },
    });
    await audit(actor, { action: "create", entity: "review", entityId: review.id, familyId, detail: { scores: input.scores.length } }, tx);
    await audit(actor, { action: "decide", entity: "decision", entityId: decision.id, familyId, detail: { stage: "review", outcome: input.outcome } }, tx);
    return review;
  });
}
