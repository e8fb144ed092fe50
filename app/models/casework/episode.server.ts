import type { ContactStatus, DecisionOutcome, DecisionStage } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { conflict, OPEN_STATUSES, requireContact, requireFamily, requireLead, type Tx } from "./access.server";
import { assessmentDueDate, isReReferral } from "./rules";
import type { ConsentInput, ContactInput, DecisionInput } from "./schemas";

/**
 * Early help episodes (a contact and what follows from it): consent, the lead's
 * decisions and allocation. Like every casework module, each function takes the Actor,
 * goes through the scoped access in access.server.ts, audits the read or write, and
 * throws a 4xx Response (with a `casework` translation key) for bad requests, so nothing
 * changes.
 */

/** The family's most recent closure date, for re-referral detection. */
async function lastClosedOn(familyId: string, client: Tx | typeof db) {
  const last = await client.closure.findFirst({ where: { familyId }, orderBy: { closedOn: "desc" }, select: { closedOn: true } });
  return last?.closedOn ?? null;
}

async function addConsent(actor: Actor, familyId: string, contactId: string | null, c: ConsentInput, tx: Tx) {
  if (c.status === "overridden") {
    // An override needs a written reason and a lead's authority.
    requireLead(actor);
    if (!c.overrideReason?.trim()) throw errorResponse(400, "errors.overrideReasonRequired");
  }
  if (c.memberId && !(await tx.familyMember.count({ where: { id: c.memberId, familyId } }))) throw errorResponse(400, "errors.unknownMember");
  const consent = await tx.consent.create({
    data: {
      familyId,
      contactId,
      memberId: c.memberId ?? null,
      purpose: c.purpose,
      agencyName: c.purpose === "sharing_with_agency" ? (c.agencyName ?? null) : null,
      status: c.status,
      recordedOn: c.recordedOn,
      overrideReason: c.status === "overridden" ? c.overrideReason! : null,
      overrideLeadId: c.status === "overridden" ? actor.user.id : null,
      recordedById: actor.user.id,
    },
  });
  await audit(actor, { action: "create", entity: "consent", entityId: consent.id, familyId, detail: { purpose: c.purpose, status: c.status } }, tx);
  return consent;
}

/** Records a new request for support, with the early help consent and the re-referral flag. */
export async function createContact(actor: Actor, familyId: string, input: ContactInput) {
  const family = await requireFamily(actor, familyId, "write:family");
  if (input.consentStatus === "overridden") {
    requireLead(actor);
    if (!input.overrideReason?.trim()) throw errorResponse(400, "errors.overrideReasonRequired");
  }
  return db.$transaction(async (tx) => {
    const closed = await lastClosedOn(family.id, tx);
    const contact = await tx.contact.create({
      data: {
        familyId: family.id,
        teamId: family.teamId,
        receivedOn: input.receivedOn,
        source: input.source,
        sourceDetail: input.sourceDetail ?? null,
        reason: input.reason,
        assessmentDays: input.assessmentDays,
        reReferral: isReReferral(input.receivedOn, closed),
        previousClosedOn: closed,
        createdById: actor.user.id,
      },
    });
    await audit(actor, { action: "create", entity: "contact", entityId: contact.id, familyId, detail: { source: input.source, reReferral: contact.reReferral } }, tx);
    await addConsent(
      actor,
      family.id,
      contact.id,
      { purpose: "early_help_support", status: input.consentStatus, recordedOn: input.receivedOn, overrideReason: input.overrideReason },
      tx,
    );
    return contact;
  });
}

/** Adds a consent record; earlier records for the purpose stay as history. */
export async function recordConsent(actor: Actor, familyId: string, input: ConsentInput) {
  const family = await requireFamily(actor, familyId, "write:family");
  return db.$transaction((tx) => addConsent(actor, family.id, null, input, tx));
}

/** Every consent record for the family, newest first, with the current one per purpose. */
export async function getConsents(actor: Actor, familyId: string) {
  const family = await requireFamily(actor, familyId);
  const consents = await db.consent.findMany({
    where: { familyId: family.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { overrideLead: { select: { name: true } }, member: { select: { firstName: true, lastName: true } } },
  });
  const current = new Map<string, (typeof consents)[number]>();
  for (const c of consents) {
    const key = `${c.purpose}:${c.agencyName ?? ""}`;
    if (!current.has(key)) current.set(key, c);
  }
  await audit(actor, { action: "read", entity: "consent", familyId });
  return { family, consents, current: [...current.values()] };
}

function statusAfterDecision(stage: DecisionStage, outcome: DecisionOutcome, current: ContactStatus): ContactStatus {
  if (outcome === "step_up_to_social_care") return "stepped_up";
  if (stage === "contact") {
    if (outcome === "accept_for_assessment") return "open";
    if (outcome === "signpost") return "signposted";
    if (outcome === "no_further_action") return "no_further_action";
  }
  if (outcome === "step_down_to_early_help") return "open";
  return current;
}

/**
 * Records a lead's decision with its rationale. A contact decision moves the episode on:
 * accepted episodes get an assessment due N working days from the contact.
 */
export async function recordDecision(actor: Actor, familyId: string, contactId: string, input: DecisionInput) {
  requireLead(actor);
  const { contact } = await requireContact(actor, familyId, contactId, "decide:family");
  if (input.stage === "contact" && contact.status !== "awaiting_decision") throw errorResponse(409, "errors.alreadyDecided");
  if (input.stage !== "contact" && input.stage !== "step_down" && !OPEN_STATUSES.includes(contact.status)) {
    throw errorResponse(409, "errors.episodeNotOpen");
  }
  if (input.stage === "step_down" && contact.status !== "stepped_up") throw errorResponse(409, "errors.notSteppedUp");
  return db.$transaction(async (tx) => {
    const decision = await tx.decision.create({
      data: {
        familyId: contact.familyId,
        contactId: contact.id,
        stage: input.stage,
        outcome: input.outcome,
        rationale: input.rationale,
        pathway: input.pathway ?? null,
        decidedById: actor.user.id,
      },
    });
    const status = statusAfterDecision(input.stage, input.outcome, contact.status);
    const moved = await tx.contact.updateMany({ where: { id: contact.id, version: contact.version }, data: { status, version: { increment: 1 } } });
    if (!moved.count) throw conflict();
    if (input.stage === "contact" && input.outcome === "accept_for_assessment") {
      await tx.assessment.create({
        data: { familyId: contact.familyId, contactId: contact.id, dueOn: assessmentDueDate(contact.receivedOn, contact.assessmentDays) },
      });
    }
    await audit(actor, { action: "decide", entity: "decision", entityId: decision.id, familyId, detail: { stage: input.stage, outcome: input.outcome } }, tx);
    return decision;
  });
}

/** Staff of the family's team who can hold a case. */
export async function listAllocatable(actor: Actor, teamId: string) {
  return db.user.findMany({
    where: { teamId, disabledAt: null, OR: [{ roles: { has: "practitioner" } }, { roles: { has: "lead" } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Allocates (or reallocates) the lead practitioner; the previous allocation is ended, not removed. */
export async function allocate(actor: Actor, familyId: string, contactId: string, practitionerId: string) {
  requireLead(actor);
  const { family, contact } = await requireContact(actor, familyId, contactId, "decide:family");
  if (!OPEN_STATUSES.includes(contact.status)) throw errorResponse(409, "errors.episodeNotOpen");
  const eligible = await db.user.count({
    where: { id: practitionerId, teamId: family.teamId, disabledAt: null, OR: [{ roles: { has: "practitioner" } }, { roles: { has: "lead" } }] },
  });
  if (!eligible) throw errorResponse(400, "errors.unknownPractitioner");
  return db.$transaction(async (tx) => {
    const now = new Date();
    await tx.allocation.updateMany({ where: { contactId: contact.id, endedAt: null }, data: { endedAt: now } });
    const allocation = await tx.allocation.create({
      data: { familyId: family.id, contactId: contact.id, practitionerId, allocatedById: actor.user.id, startedAt: now },
    });
    await audit(actor, { action: "allocate", entity: "allocation", entityId: allocation.id, familyId, detail: { practitionerId } }, tx);
    return allocation;
  });
}

/** One episode with everything hanging from it. Audited. */
export async function getEpisode(actor: Actor, familyId: string, contactId: string) {
  const { family } = await requireContact(actor, familyId, contactId);
  const contact = await db.contact.findUniqueOrThrow({
    where: { id: contactId },
    include: {
      decisions: { orderBy: { decidedAt: "asc" }, include: { decidedBy: { select: { name: true } } } },
      allocations: { orderBy: { startedAt: "desc" }, include: { practitioner: { select: { name: true } }, allocatedBy: { select: { name: true } } } },
      consents: { orderBy: { createdAt: "desc" } },
      assessment: { select: { id: true, status: true, dueOn: true, version: true } },
      plan: { select: { id: true, nextReviewOn: true, version: true, _count: { select: { actions: true, reviews: true } } } },
      closure: { include: { outcomes: true, signedOffBy: { select: { name: true } } } },
    },
  });
  await audit(actor, { action: "read", entity: "contact", entityId: contact.id, familyId });
  return { family, contact };
}

/** The episodes of a family already scope-checked (requireFamily, getFamily), newest first. The family's read is the audit entry. */
export async function episodesOf(family: { id: string }) {
  return db.contact.findMany({
    where: { familyId: family.id },
    orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
    include: {
      allocations: { where: { endedAt: null }, include: { practitioner: { select: { name: true } } } },
      assessment: { select: { status: true, dueOn: true } },
    },
  });
}
