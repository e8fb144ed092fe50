import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { errorResponse } from "~/utils/http.server";
import { conflict, OPEN_STATUSES, requireContact, type Tx } from "./access.server";
import { nextReviewDate, startOfDay } from "./rules";

export async function getPlan(actor: Actor, familyId: string, contactId: string) {
  const { family, contact } = await requireContact(actor, familyId, contactId);
  const plan = await db.plan.findUnique({
    where: { contactId: contact.id },
    include: {
      outcomes: { orderBy: { createdAt: "asc" } },
      actions: { orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }] },
      meetings: { orderBy: { heldOn: "desc" } },
      reviews: { orderBy: { heldOn: "asc" }, include: { scores: true } },
    },
  });
  const assessment = await db.assessment.findUnique({ where: { contactId: contact.id }, include: { needs: { where: { present: true } } } });
  await audit(actor, { action: "read", entity: "plan", entityId: plan?.id ?? null, familyId });
  return { family, contact, plan, assessment };
}

/** Starts the TAF plan for an open episode (idempotent). */
export async function startPlan(actor: Actor, familyId: string, contactId: string, today = new Date()) {
  const { contact } = await requireContact(actor, familyId, contactId, "write:family");
  if (!OPEN_STATUSES.includes(contact.status)) throw errorResponse(409, "errors.episodeNotOpen");
  const existing = await db.plan.findUnique({ where: { contactId: contact.id } });
  if (existing) return existing;
  try {
    return await db.$transaction(async (tx) => {
      const startedOn = startOfDay(today);
      const plan = await tx.plan.create({ data: { familyId: contact.familyId, contactId: contact.id, startedOn, nextReviewOn: nextReviewDate(startedOn) } });
      await audit(actor, { action: "create", entity: "plan", entityId: plan.id, familyId }, tx);
      return plan;
    });
  } catch (error) {
    // Two people pressed "Start the plan" at once: the episode has one plan, theirs.
    if (isUniqueViolation(error)) return db.plan.findUniqueOrThrow({ where: { contactId: contact.id } });
    throw error;
  }
}

/** Runs a plan change if the plan is still at `version`, bumping it; 409 otherwise. */
async function withPlanVersion<T>(actor: Actor, familyId: string, contactId: string, version: number, change: (tx: Tx, plan: { id: string; familyId: string; reviewIntervalWeeks: number }) => Promise<T>) {
  const { contact } = await requireContact(actor, familyId, contactId, "write:family");
  if (!OPEN_STATUSES.includes(contact.status)) throw errorResponse(409, "errors.episodeNotOpen");
  const plan = await db.plan.findUnique({ where: { contactId: contact.id } });
  if (!plan) throw errorResponse(404, "errors.notFound");
  return db.$transaction(async (tx) => {
    const bumped = await tx.plan.updateMany({ where: { id: plan.id, version }, data: { version: { increment: 1 } } });
    if (!bumped.count) throw conflict();
    return change(tx, plan);
  });
}

export async function addPlanOutcome(actor: Actor, familyId: string, contactId: string, input: { version: number; need: string; description: string }) {
  return withPlanVersion(actor, familyId, contactId, input.version, async (tx, plan) => {
    const outcome = await tx.planOutcome.create({ data: { planId: plan.id, need: input.need as never, description: input.description } });
    await audit(actor, { action: "create", entity: "plan-outcome", entityId: outcome.id, familyId }, tx);
    return outcome;
  });
}

export async function addPlanAction(
  actor: Actor,
  familyId: string,
  contactId: string,
  input: { version: number; outcomeId?: string; description: string; owner: string; agency: string; dueOn: Date },
) {
  return withPlanVersion(actor, familyId, contactId, input.version, async (tx, plan) => {
    if (input.outcomeId && !(await tx.planOutcome.count({ where: { id: input.outcomeId, planId: plan.id } }))) throw errorResponse(400, "errors.unknownOutcome");
    const action = await tx.planAction.create({
      data: { planId: plan.id, outcomeId: input.outcomeId ?? null, description: input.description, owner: input.owner, agency: input.agency, dueOn: input.dueOn },
    });
    await audit(actor, { action: "create", entity: "plan-action", entityId: action.id, familyId }, tx);
    return action;
  });
}

export async function setPlanActionStatus(actor: Actor, familyId: string, contactId: string, input: { version: number; actionId: string; status: "not_started" | "in_progress" | "done" | "cancelled" }, today = new Date()) {
  return withPlanVersion(actor, familyId, contactId, input.version, async (tx, plan) => {
    const moved = await tx.planAction.updateMany({
      where: { id: input.actionId, planId: plan.id },
      data: { status: input.status, completedOn: input.status === "done" ? startOfDay(today) : null },
    });
    if (!moved.count) throw errorResponse(404, "errors.notFound");
    await audit(actor, { action: "update", entity: "plan-action", entityId: input.actionId, familyId, detail: { status: input.status } }, tx);
  });
}

export async function setReviewInterval(actor: Actor, familyId: string, contactId: string, input: { version: number; reviewIntervalWeeks: number }) {
  return withPlanVersion(actor, familyId, contactId, input.version, async (tx, plan) => {
    const last = await tx.review.findFirst({ where: { planId: plan.id }, orderBy: { heldOn: "desc" } });
    const from = last?.heldOn ?? (await tx.plan.findUniqueOrThrow({ where: { id: plan.id } })).startedOn;
    await tx.plan.update({ where: { id: plan.id }, data: { reviewIntervalWeeks: input.reviewIntervalWeeks, nextReviewOn: nextReviewDate(from, input.reviewIntervalWeeks) } });
    await audit(actor, { action: "update", entity: "plan", entityId: plan.id, familyId, detail: { reviewIntervalWeeks: input.reviewIntervalWeeks } }, tx);
  });
}
