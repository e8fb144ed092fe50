import { Prisma } from "~/generated/prisma/client";
import type { ContactStatus, DecisionOutcome, DecisionStage } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor } from "~/utils/permissions";
import { familyScope } from "./family.server";
import {

  assessmentDueDate,
  isActionOverdue,
  isAssessmentOverdue,
  isReReferral,
  isReviewOverdue,
  nextReviewDate,
  startOfDay,
} from "./rules";
import type {
  AssessmentInput,
  CaseNoteInput,
  ClosureInput,
  ConsentInput,
  ContactInput,
  DecisionInput,
  FamilyInput,
  MemberInput,
  ReviewInput,
} from "./schemas";
import { CHRONOLOGY_TYPES, type ChronologyType } from "./schemas";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { likeLiteral } from "~/utils/like";
export { CHRONOLOGY_TYPES, type ChronologyType };

/**
 * Early help casework: every function takes the Actor, limits itself to the families the
 * actor may see (familyScope), audits the read or write, and throws a 4xx Response
 * (with a `casework` translation key) for bad requests, so nothing changes.
 */

type Tx = Prisma.TransactionClient;

const OPEN_STATUSES: ContactStatus[] = ["awaiting_decision", "open"];

function canDecide(actor: Actor) {
  return scopeFor(actor.user.roles, "decide:family") !== null;
}

function requireLead(actor: Actor) {
  if (!canDecide(actor)) throw errorResponse(403, "errors.forbidden");
}

function conflict(): Response {
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

// ---------------------------------------------------------------------------
// Families and members
// ---------------------------------------------------------------------------

/**
 * The next family reference: the prefix (FAMILY_REFERENCE_PREFIX, default "EH-") and a
 * five-digit number one above the highest in use.
 */
export async function nextFamilyReference(client: Tx | typeof db): Promise<string> {
  const prefix = process.env.FAMILY_REFERENCE_PREFIX || "EH-";
  const last = await client.family.findFirst({ where: { reference: { startsWith: prefix } }, orderBy: { reference: "desc" }, select: { reference: true } });
  const n = last ? Number.parseInt(last.reference.slice(prefix.length), 10) || 0 : 0;
  return `${prefix}${String(n + 1).padStart(5, "0")}`;
}

function memberData(m: MemberInput) {
  return {
    kind: m.kind,
    firstName: m.firstName,
    lastName: m.lastName,
    dateOfBirth: m.dateOfBirth ?? null,
    relationship: m.relationship ?? null,
    phone: m.phone ?? null,
    email: m.email ?? null,
    preferredLanguage: m.preferredLanguage ?? null,
    interpreterNeeded: m.interpreterNeeded,
    school: m.school ?? null,
    firstLanguage: m.firstLanguage ?? null,
  };
}

/** "Smith family" → "Smith": the family name as usually typed, less the word "family". */
function surnameOf(name: string) {
  const words = name.trim().split(/\s+/).filter((w) => !/^famil(y|ies)$/i.test(w));
  return words.at(-1) ?? name;
}

/**
 * Families in the actor's scope that look like this one: the same surname and a child
 * with the same date of birth, or the same postcode and surname. Audited as a search.
 */
export async function findPossibleDuplicates(actor: Actor, input: Pick<FamilyInput, "name" | "postcode" | "members">) {
  const surnames = [...new Set([surnameOf(input.name), ...input.members.map((m) => m.lastName)].map((s) => s.trim()).filter(Boolean))];
  const dobs = input.members.filter((m) => m.kind === "child" && m.dateOfBirth).map((m) => m.dateOfBirth!);
  const postcode = input.postcode?.replace(/\s+/g, "").toUpperCase();
  const surnameMatch = (s: string): Prisma.FamilyWhereInput => ({
    OR: [{ name: { contains: likeLiteral(s), mode: "insensitive" } }, { members: { some: { lastName: { equals: likeLiteral(s), mode: "insensitive" } } } }],
  });
  const or: Prisma.FamilyWhereInput[] = [];
  for (const s of surnames) {
    if (dobs.length) or.push({ AND: [surnameMatch(s), { members: { some: { kind: "child", dateOfBirth: { in: dobs } } } }] });
    if (postcode) or.push({ AND: [surnameMatch(s), { postcode: { in: [postcode, input.postcode!.trim()] , mode: "insensitive" } }] });
  }
  if (!or.length) return [];
  const found = await db.family.findMany({
    where: { AND: [familyScope(actor), { OR: or }] },
    select: { id: true, reference: true, name: true, postcode: true },
    take: 10,
  });
  await audit(actor, { action: "search", entity: "family", detail: { duplicateCheck: true, count: found.length } });
  return found;
}

/** Creates a family with its members in the actor's team. */
export async function createFamily(actor: Actor, input: FamilyInput) {
  if (!actor.user.teamId) throw errorResponse(403, "errors.forbidden");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const family = await tx.family.create({
          data: {
            reference: await nextFamilyReference(tx),
            name: input.name,
            teamId: actor.user.teamId!,
            addressLine1: input.addressLine1 ?? null,
            town: input.town ?? null,
            postcode: input.postcode?.toUpperCase() ?? null,
            preferredLanguage: input.preferredLanguage,
            resettlementScheme: input.resettlementScheme ?? null,
            arrivalDate: input.arrivalDate ?? null,
            members: { create: input.members.map(memberData) },
          },
        });
        await audit(actor, { action: "create", entity: "family", entityId: family.id, familyId: family.id, detail: { members: input.members.length } }, tx);
        return family;
      });
    } catch (error) {
      // Two people creating a family at once can race for the next reference: retry.
      if ((error as { code?: string }).code !== "P2002" || attempt === 2) throw error;
    }
  }
  throw errorResponse(409, "errors.versionConflict");
}

export async function addMember(actor: Actor, familyId: string, input: MemberInput) {
  const family = await requireFamily(actor, familyId);
  return db.$transaction(async (tx) => {
    const member = await tx.familyMember.create({ data: { ...memberData(input), familyId: family.id } });
    await tx.family.update({ where: { id: family.id }, data: { version: { increment: 1 } } });
    await audit(actor, { action: "create", entity: "family-member", entityId: member.id, familyId }, tx);
    return member;
  });
}

export async function updateMember(actor: Actor, familyId: string, memberId: string, input: MemberInput) {
  const family = await requireFamily(actor, familyId);
  const member = await db.familyMember.findFirst({ where: { id: memberId, familyId: family.id } });
  if (!member) throw errorResponse(404, "errors.notFound");
  return db.$transaction(async (tx) => {
    const updated = await tx.familyMember.update({ where: { id: member.id }, data: memberData(input) });
    await audit(actor, { action: "update", entity: "family-member", entityId: member.id, familyId }, tx);
    return updated;
  });
}

export async function getResettlement(actor: Actor, familyId: string) {
  const family = await requireFamily(actor, familyId);
  const tasks = await db.resettlementTask.findMany({ where: { familyId: family.id } });
  await audit(actor, { action: "read", entity: "resettlement", familyId });
  return { family, tasks };
}

export async function saveResettlement(actor: Actor, familyId: string, items: Array<{ item: string; doneOn?: Date; notes: string }>) {
  const family = await requireFamily(actor, familyId);
  await db.$transaction(async (tx) => {
    for (const i of items) {
      const item = i.item as Prisma.ResettlementTaskCreateInput["item"];
      await tx.resettlementTask.upsert({
        where: { familyId_item: { familyId: family.id, item } },
        create: { familyId: family.id, item, doneOn: i.doneOn ?? null, notes: i.notes },
        update: { doneOn: i.doneOn ?? null, notes: i.notes },
      });
    }
    await audit(actor, { action: "update", entity: "resettlement", familyId, detail: { items: items.length } }, tx);
  });
}

// ---------------------------------------------------------------------------
// Contacts, consent, decisions, allocation
// ---------------------------------------------------------------------------

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
  const family = await requireFamily(actor, familyId);
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
  const family = await requireFamily(actor, familyId);
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
  const { contact } = await requireContact(actor, familyId, contactId);
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
  const { family, contact } = await requireContact(actor, familyId, contactId);
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

/** A family's episodes, newest first, for the family page. Audited with the family read. */
export async function listEpisodes(actor: Actor, familyId: string) {
  const family = await requireFamily(actor, familyId);
  return db.contact.findMany({
    where: { familyId: family.id },
    orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
    include: {
      allocations: { where: { endedAt: null }, include: { practitioner: { select: { name: true } } } },
      assessment: { select: { status: true, dueOn: true } },
    },
  });
}

// ---------------------------------------------------------------------------
// Assessment
// ---------------------------------------------------------------------------

export async function getAssessment(actor: Actor, familyId: string, contactId: string) {
  const { family, contact } = await requireContact(actor, familyId, contactId);
  const assessment = await db.assessment.findUnique({
    where: { contactId: contact.id },
    include: { needs: true, childVoices: true, signedOffBy: { select: { name: true } } },
  });
  if (!assessment) throw errorResponse(404, "errors.notFound");
  const children = await db.familyMember.findMany({ where: { familyId: family.id, kind: "child" }, orderBy: { dateOfBirth: "asc" } });
  await audit(actor, { action: "read", entity: "assessment", entityId: assessment.id, familyId });
  return { family, contact, assessment, children };
}

/** Saves the assessment if nobody has changed it since `version` was read; 409 otherwise. */
export async function saveAssessment(actor: Actor, familyId: string, contactId: string, input: AssessmentInput) {
  const { family, contact } = await requireContact(actor, familyId, contactId);
  const assessment = await db.assessment.findUnique({ where: { contactId: contact.id } });
  if (!assessment) throw errorResponse(404, "errors.notFound");
  if (assessment.status === "signed_off") throw errorResponse(409, "errors.signedOff");
  const childIds = new Set((await db.familyMember.findMany({ where: { familyId: family.id, kind: "child" }, select: { id: true } })).map((c) => c.id));
  if (input.children.some((c) => !childIds.has(c.memberId))) throw errorResponse(400, "errors.unknownMember");
  return db.$transaction(async (tx) => {
    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, version: input.version },
      data: {
        strengths: input.strengths,
        risks: input.risks,
        parentsViews: input.parentsViews,
        analysis: input.analysis,
        status: input.intent === "submit" ? "submitted" : assessment.status === "submitted" ? "submitted" : "draft",
        version: { increment: 1 },
      },
    });
    if (!updated.count) throw conflict();
    for (const n of input.needs) {
      const data = { present: n.present, severity: n.present ? (n.severity ?? null) : null, notes: n.notes };
      await tx.assessmentNeed.upsert({ where: { assessmentId_outcome: { assessmentId: assessment.id, outcome: n.outcome } }, create: { assessmentId: assessment.id, outcome: n.outcome, ...data }, update: data });
    }
    for (const c of input.children) {
      const data = { wishesAndFeelings: c.wishesAndFeelings, seenAlone: c.seenAlone, directWorkTool: c.directWorkTool };
      await tx.childVoice.upsert({ where: { assessmentId_memberId: { assessmentId: assessment.id, memberId: c.memberId } }, create: { assessmentId: assessment.id, memberId: c.memberId, ...data }, update: data });
    }
    await audit(actor, { action: "update", entity: "assessment", entityId: assessment.id, familyId, detail: { intent: input.intent, version: input.version + 1 } }, tx);
    return { version: input.version + 1 };
  });
}

/** A lead signs the assessment off (or returns it), recorded as a decision with rationale. */
export async function signOffAssessment(actor: Actor, familyId: string, contactId: string, input: { version: number; outcome: "approve" | "return_for_work"; rationale: string }) {
  requireLead(actor);
  const { contact } = await requireContact(actor, familyId, contactId);
  const assessment = await db.assessment.findUnique({ where: { contactId: contact.id } });
  if (!assessment) throw errorResponse(404, "errors.notFound");
  if (assessment.status === "signed_off") throw errorResponse(409, "errors.signedOff");
  return db.$transaction(async (tx) => {
    const approve = input.outcome === "approve";
    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, version: input.version },
      data: approve ? { status: "signed_off", signedOffById: actor.user.id, signedOffAt: new Date(), version: { increment: 1 } } : { status: "draft", version: { increment: 1 } },
    });
    if (!updated.count) throw conflict();
    await tx.decision.create({
      data: { familyId: contact.familyId, contactId: contact.id, stage: "assessment_signoff", outcome: input.outcome, rationale: input.rationale, decidedById: actor.user.id },
    });
    await audit(actor, { action: "decide", entity: "assessment", entityId: assessment.id, familyId, detail: { outcome: input.outcome } }, tx);
  });
}

// ---------------------------------------------------------------------------
// Plan, TAF meetings, reviews
// ---------------------------------------------------------------------------

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
  const { contact } = await requireContact(actor, familyId, contactId);
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
  const { contact } = await requireContact(actor, familyId, contactId);
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

export async function addTafMeeting(actor: Actor, familyId: string, contactId: string, input: { heldOn: Date; attendees: string; minutes: string }) {
  const { contact } = await requireContact(actor, familyId, contactId);
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
  const { contact } = await requireContact(actor, familyId, contactId);
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

// ---------------------------------------------------------------------------
// Case notes and closure
// ---------------------------------------------------------------------------

export async function addCaseNote(actor: Actor, familyId: string, input: CaseNoteInput) {
  const family = await requireFamily(actor, familyId);
  if (input.contactId && !(await db.contact.count({ where: { id: input.contactId, familyId: family.id } }))) throw errorResponse(400, "errors.unknownContact");
  return db.$transaction(async (tx) => {
    const note = await tx.caseNote.create({
      data: {
        familyId: family.id,
        contactId: input.contactId ?? null,
        occurredOn: input.occurredOn,
        type: input.type,
        whoSeen: input.whoSeen,
        childSeenAlone: input.childSeenAlone,
        purpose: input.purpose,
        whatHappened: input.whatHappened,
        childVoice: input.childVoice,
        differenceMade: input.differenceMade,
        nextSteps: input.nextSteps,
        authorId: actor.user.id,
      },
    });
    await audit(actor, { action: "create", entity: "case-note", entityId: note.id, familyId, detail: { type: input.type } }, tx);
    return note;
  });
}

/** Closes an episode with an outcome per need; a lead signs it off (recorded as a decision). */
export async function closeEpisode(actor: Actor, familyId: string, contactId: string, input: ClosureInput) {
  requireLead(actor);
  const { contact } = await requireContact(actor, familyId, contactId);
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

// ---------------------------------------------------------------------------
// Chronology
// ---------------------------------------------------------------------------

export type ChronologyEntry = { id: string; type: ChronologyType; date: Date; at: Date; key: string; values: Record<string, string>; text?: string; by?: string };

export const CHRONOLOGY_PAGE_SIZE = 100;

type ChronologySqlRow = { type: ChronologyType; id: string; date: Date; at: Date; key: string; values: Record<string, string>; text: string | null; by: string | null; total: number };

/**
 * The family's chronology, built from every casework record, a page at a time: one query
 * over the records (each table read by its family index), ordered and cut in the database,
 * so a long-running case costs one page, not its whole history. Audited.
 */
export async function getChronology(actor: Actor, familyId: string, options: { order?: "asc" | "desc"; types?: ChronologyType[]; page?: number } = {}) {
  const family = await requireFamily(actor, familyId);
  const types: ChronologyType[] | null = options.types?.length ? options.types : null;
  const page = Math.max(1, options.page ?? 1);
  const offset = (page - 1) * CHRONOLOGY_PAGE_SIZE;
  const order = options.order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // Ties on date and time keep the order of the types (contact first), as listed here.
  const found = await db.$queryRaw<ChronologySqlRow[]>`
    SELECT e.*, count(*) OVER ()::int AS "total" FROM (
      SELECT 'contact' AS "type", 1 AS "rank", c."id", c."receivedOn"::timestamp AS "date", c."createdAt" AS "at",
        CASE WHEN c."reReferral" THEN 'chronology.contactReReferral' ELSE 'chronology.contact' END AS "key",
        jsonb_build_object('source', c."source") AS "values", c."reason" AS "text", NULL::text AS "by"
      FROM "Contact" c WHERE c."familyId" = ${family.id}
      UNION ALL
      SELECT 'consent', 2, c."id", c."recordedOn"::timestamp, c."createdAt", 'chronology.consent',
        jsonb_build_object('purpose', c."purpose", 'status', c."status"), c."overrideReason", NULL
      FROM "Consent" c WHERE c."familyId" = ${family.id}
      UNION ALL
      SELECT 'decision', 3, d."id", date_trunc('day', d."decidedAt"), d."decidedAt", 'chronology.decision',
        jsonb_build_object('stage', d."stage", 'outcome', d."outcome"), d."rationale", u."name"
      FROM "Decision" d JOIN "User" u ON u."id" = d."decidedById" WHERE d."familyId" = ${family.id}
      UNION ALL
      SELECT 'allocation', 4, a."id", date_trunc('day', a."startedAt"), a."startedAt", 'chronology.allocation',
        jsonb_build_object('name', p."name"), NULL, b."name"
      FROM "Allocation" a JOIN "User" p ON p."id" = a."practitionerId" JOIN "User" b ON b."id" = a."allocatedById" WHERE a."familyId" = ${family.id}
      UNION ALL
      SELECT 'assessment', 5, a."id", date_trunc('day', COALESCE(a."signedOffAt", a."createdAt")), COALESCE(a."signedOffAt", a."createdAt"),
        CASE WHEN a."signedOffAt" IS NOT NULL THEN 'chronology.assessmentSignedOff' ELSE 'chronology.assessmentStarted' END,
        '{}'::jsonb, NULL, CASE WHEN a."signedOffAt" IS NOT NULL THEN u."name" END
      FROM "Assessment" a LEFT JOIN "User" u ON u."id" = a."signedOffById" WHERE a."familyId" = ${family.id}
      UNION ALL
      SELECT 'plan', 6, p."id", p."startedOn"::timestamp, p."createdAt", 'chronology.plan', '{}'::jsonb, NULL, NULL
      FROM "Plan" p WHERE p."familyId" = ${family.id}
      UNION ALL
      SELECT 'meeting', 7, m."id", m."heldOn"::timestamp, m."createdAt", 'chronology.meeting', '{}'::jsonb, m."minutes", NULL
      FROM "TafMeeting" m WHERE m."familyId" = ${family.id}
      UNION ALL
      SELECT 'review', 8, r."id", r."heldOn"::timestamp, r."createdAt", 'chronology.review', '{}'::jsonb, NULLIF(r."summary", ''), NULL
      FROM "Review" r WHERE r."familyId" = ${family.id}
      UNION ALL
      SELECT 'note', 9, n."id", n."occurredOn"::timestamp, n."createdAt", 'chronology.note',
        jsonb_build_object('type', n."type", 'title', n."purpose"),
        concat_ws(E'\n\n', NULLIF(n."whatHappened", ''), NULLIF(n."differenceMade", '')), u."name"
      FROM "CaseNote" n JOIN "User" u ON u."id" = n."authorId" WHERE n."familyId" = ${family.id}
      UNION ALL
      SELECT 'closure', 10, c."id", c."closedOn"::timestamp, c."createdAt", 'chronology.closure',
        jsonb_build_object('reason', c."reason"), c."summary", u."name"
      FROM "Closure" c JOIN "User" u ON u."id" = c."signedOffById" WHERE c."familyId" = ${family.id}
    ) e
    WHERE ${types}::text[] IS NULL OR e."type" = ANY(${types}::text[])
    ORDER BY e."date" ${order}, e."at" ${order}, e."rank" ASC, e."id" ASC
    LIMIT ${CHRONOLOGY_PAGE_SIZE} OFFSET ${offset}`;
  const entries: ChronologyEntry[] = found.map((e) => ({
    id: e.id,
    type: e.type,
    date: e.date,
    at: e.at,
    key: e.key,
    values: e.values,
    ...(e.text !== null ? { text: e.text } : {}),
    ...(e.by !== null ? { by: e.by } : {}),
  }));
  // Past the last page the window has no row to carry the total: ask for the first page's.
  const total = found[0]?.total ?? (page > 1 ? (await getChronologyTotal(family.id, types)) : 0);
  await audit(actor, { action: "read", entity: "chronology", familyId, detail: { entries: entries.length, total, page } });
  return { family, entries, total, page, pageCount: Math.max(1, Math.ceil(total / CHRONOLOGY_PAGE_SIZE)) };
}

async function getChronologyTotal(familyId: string, types: ChronologyType[] | null): Promise<number> {
  const where = { familyId };
  const counts: Record<ChronologyType, () => Promise<number>> = {
    contact: () => db.contact.count({ where }),
    consent: () => db.consent.count({ where }),
    decision: () => db.decision.count({ where }),
    allocation: () => db.allocation.count({ where }),
    assessment: () => db.assessment.count({ where }),
    plan: () => db.plan.count({ where }),
    meeting: () => db.tafMeeting.count({ where }),
    review: () => db.review.count({ where }),
    note: () => db.caseNote.count({ where }),
    closure: () => db.closure.count({ where }),
  };
  const wanted = types ?? (Object.keys(counts) as ChronologyType[]);
  return (await Promise.all(wanted.map((t) => counts[t]()))).reduce((a, b) => a + b, 0);
}

// ---------------------------------------------------------------------------
// Caseloads
// ---------------------------------------------------------------------------

type CaseloadRow = {
  familyId: string;
  reference: string;
  familyName: string;
  contactId: string;
  status: ContactStatus;
  practitioner: string | null;
  practitionerId: string | null;
  overdue: { assessment: boolean; actions: number; review: boolean };
  reReferral: boolean;
};

type CaseloadSqlRow = {
  contactId: string;
  familyId: string;
  reference: string;
  familyName: string;
  status: ContactStatus;
  reReferral: boolean;
  practitionerId: string | null;
  practitioner: string | null;
  assessmentStatus: string | null;
  assessmentDueOn: Date | null;
  nextReviewOn: Date | null;
  actions: Array<{ status: string; dueOn: string }> | null;
  total: number;
};

/**
 * Open episodes in the actor's scope, oldest contact first, with their current practitioner
 * and what is overdue: one query (allocated to `practitionerId` when given; a page of
 * `limit` rows when given), so the page costs the same however many families there are.
 */
async function caseloadRows(actor: Actor, options: { practitionerId: string | null; limit: number | null; offset: number }, today: Date): Promise<{ rows: CaseloadRow[]; total: number }> {
  const teamId = actor.scope === "any" ? null : (actor.user.teamId ?? "__none__");
  const { practitionerId, limit, offset } = options;
  // The page is chosen first (index-driven, from the practitioner's current allocations
  // when given); only its rows are then joined to their allocation, assessment and plan.
  const mine = practitionerId
    ? Prisma.sql`JOIN "Allocation" mine ON mine."contactId" = c."id" AND mine."practitionerId" = ${practitionerId} AND mine."endedAt" IS NULL`
    : Prisma.empty;
  const found = await db.$queryRaw<CaseloadSqlRow[]>`
    WITH page AS (
      SELECT DISTINCT ON (c."receivedOn", c."id") c."id", c."familyId", c."status", c."reReferral", c."receivedOn", f."reference", f."name"
      FROM "Contact" c
      JOIN "Family" f ON f."id" = c."familyId"
      ${mine}
      WHERE c."status" IN ('awaiting_decision', 'open')
        AND (${teamId}::text IS NULL OR f."teamId" = ${teamId}::text)
      ORDER BY c."receivedOn" ASC, c."id" ASC
    ), cut AS (
      SELECT page.*, count(*) OVER ()::int AS "total" FROM page ORDER BY "receivedOn" ASC, "id" ASC LIMIT ${limit}::int OFFSET ${offset}::int
    )
    SELECT c."id" AS "contactId", c."familyId", c."reference", c."name" AS "familyName", c."status"::text AS "status", c."reReferral",
      cur."practitionerId", cur."name" AS "practitioner",
      a."status"::text AS "assessmentStatus", a."dueOn" AS "assessmentDueOn", p."nextReviewOn",
      (SELECT json_agg(json_build_object('status', pa."status", 'dueOn', pa."dueOn")) FROM "PlanAction" pa WHERE pa."planId" = p."id") AS "actions",
      c."total"
    FROM cut c
    LEFT JOIN LATERAL (
      SELECT al."practitionerId", u."name" FROM "Allocation" al JOIN "User" u ON u."id" = al."practitionerId"
      WHERE al."contactId" = c."id" AND al."endedAt" IS NULL ORDER BY al."startedAt" DESC, al."id" LIMIT 1
    ) cur ON true
    LEFT JOIN "Assessment" a ON a."contactId" = c."id"
    LEFT JOIN "Plan" p ON p."contactId" = c."id"
    ORDER BY c."receivedOn" ASC, c."id" ASC`;
  const rows = found.map((c) => ({
    familyId: c.familyId,
    reference: c.reference,
    familyName: c.familyName,
    contactId: c.contactId,
    status: c.status,
    practitioner: c.practitioner,
    practitionerId: c.practitionerId,
    reReferral: c.reReferral,
    overdue: {
      assessment: !!c.assessmentStatus && !!c.assessmentDueOn && isAssessmentOverdue({ status: c.assessmentStatus, dueOn: c.assessmentDueOn }, today),
      actions: (c.actions ?? []).filter((x) => isActionOverdue({ status: x.status, dueOn: new Date(x.dueOn) }, today)).length,
      review: !!c.nextReviewOn && isReviewOverdue({ nextReviewOn: c.nextReviewOn }, true, today),
    },
  }));
  // Past the last page the window has no row to carry the total: count separately.
  const total = found[0]?.total ?? (offset > 0 ? (await caseloadRows(actor, { practitionerId, limit: null, offset: 0 }, today)).total : 0);
  return { rows, total };
}

export const CASELOAD_PAGE_SIZE = 50;

/** The actor's own open cases with overdue items, a page at a time. Audited. */
export async function getMyCaseload(actor: Actor, options: { page?: number; today?: Date } = {}) {
  const page = Math.max(1, options.page ?? 1);
  const { rows, total } = await caseloadRows(actor, { practitionerId: actor.user.id, limit: CASELOAD_PAGE_SIZE, offset: (page - 1) * CASELOAD_PAGE_SIZE }, options.today ?? new Date());
  await audit(actor, { action: "list", entity: "caseload", detail: { count: rows.length, page } });
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE)) };
}

/** For leads: every open case in the team, counts per practitioner, and unallocated contacts. Audited. */
export async function getTeamCaseload(actor: Actor, today = new Date()) {
  requireLead(actor);
  const { rows } = await caseloadRows(actor, { practitionerId: null, limit: null, offset: 0 }, today);
  const byPractitioner = new Map<string, { name: string; cases: number; overdue: number }>();
  for (const r of rows) {
    if (!r.practitionerId) continue;
    const p = byPractitioner.get(r.practitionerId) ?? { name: r.practitioner!, cases: 0, overdue: 0 };
    p.cases += 1;
    if (r.overdue.assessment || r.overdue.actions || r.overdue.review) p.overdue += 1;
    byPractitioner.set(r.practitionerId, p);
  }
  await audit(actor, { action: "list", entity: "caseload", detail: { team: true, count: rows.length } });
  return {
    rows,
    practitioners: [...byPractitioner.entries()].map(([id, p]) => ({ id, ...p })).sort((a, b) => a.name.localeCompare(b.name)),
    unallocated: rows.filter((r) => !r.practitionerId).length,
  };
}

/** Overdue counts for the home page (no family details, so no audit). */
export async function getOverdueCounts(actor: { user: { id: string; teamId: string | null }; scope: "own" | "team" | "any" }, mine: boolean, today = new Date()) {
  const teamWhere: Prisma.ContactWhereInput = actor.scope === "any" ? {} : { teamId: actor.user.teamId ?? "__none__" };
  const where: Prisma.ContactWhereInput = {
    AND: [teamWhere, { status: { in: OPEN_STATUSES } }, mine ? { allocations: { some: { practitionerId: actor.user.id, endedAt: null } } } : {}],
  };
  const day = startOfDay(today);
  const [assessments, actions, reviews, awaiting] = await Promise.all([
    db.assessment.count({ where: { contact: where, status: { not: "signed_off" }, dueOn: { lt: day } } }),
    db.planAction.count({ where: { plan: { contact: where }, status: { in: ["not_started", "in_progress"] }, dueOn: { lt: day } } }),
    db.plan.count({ where: { contact: where, nextReviewOn: { lt: day } } }),
    db.contact.count({ where: { AND: [teamWhere, { status: "awaiting_decision" }] } }),
  ]);
  return { assessments, actions, reviews, awaiting };
}

