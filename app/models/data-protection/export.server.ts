import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import type { ContactStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { errorResponse } from "~/utils/http.server";
import { requireFamily } from "~/models/casework/episode.server";
import { startOfDay } from "~/models/casework/rules";
import { familyScope } from "~/models/casework/family.server";

/**
 * Data protection: the subject access export of one family, and deletion of families
 * past the retention period. Leads only (`manage:family`), always team-scoped and audited.
 * See docs/decisions/0010-data-protection.md.
 */

type Tx = Prisma.TransactionClient;

const OPEN_STATUSES: ContactStatus[] = ["awaiting_decision", "open"];
const name = { select: { name: true } } as const;

// ---------------------------------------------------------------------------
// Subject access export
// ---------------------------------------------------------------------------

/** Everything the service holds about one family, as plain data (no staff-only audit internals, no other family). */
async function collectFamilyRecords(familyId: string) {
  const family = await db.family.findUniqueOrThrow({
    where: { id: familyId },
    select: {
      reference: true,
      name: true,
      team: name,
      addressLine1: true,
      town: true,
      postcode: true,
      preferredLanguage: true,
      resettlementScheme: true,
      arrivalDate: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  const where = { familyId };
  const [members, contacts, consents, decisions, allocations, assessments, plans, caseNotes, closures, resettlementTasks, enrolments, groupMemberships, surveyInvitations] =
    await Promise.all([
      db.familyMember.findMany({
        where,
        orderBy: [{ kind: "asc" }, { dateOfBirth: "asc" }, { firstName: "asc" }],
        select: {
          id: true,
          kind: true,
          firstName: true,
          lastName: true,
          dateOfBirth: true,
          relationship: true,
          phone: true,
          email: true,
          preferredLanguage: true,
          interpreterNeeded: true,
          school: true,
          firstLanguage: true,
        },
      }),
      db.contact.findMany({
        where,
        orderBy: { receivedOn: "asc" },
        select: {
          id: true,
          receivedOn: true,
          source: true,
          sourceDetail: true,
          reason: true,
          status: true,
          reReferral: true,
          previousClosedOn: true,
          // The partner's online request that opened the episode; the referrer's own contact details and the rate-limit key are not the family's.
          request: { select: { reference: true, referrerAgency: true, children: true, concern: true, familyConsents: true, createdAt: true } },
        },
      }),
      db.consent.findMany({
        where,
        orderBy: [{ recordedOn: "asc" }, { createdAt: "asc" }],
        select: { recordedOn: true, purpose: true, agencyName: true, status: true, overrideReason: true, overrideLead: name, member: { select: { firstName: true, lastName: true } } },
      }),
      db.decision.findMany({ where, orderBy: { decidedAt: "asc" }, select: { decidedAt: true, stage: true, outcome: true, rationale: true, pathway: true, decidedBy: name } }),
      db.allocation.findMany({ where, orderBy: { startedAt: "asc" }, select: { startedAt: true, endedAt: true, practitioner: name, allocatedBy: name } }),
      db.assessment.findMany({
        where,
        orderBy: { createdAt: "asc" },
        select: {
          status: true,
          dueOn: true,
          strengths: true,
          risks: true,
          parentsViews: true,
          analysis: true,
          signedOffAt: true,
          signedOffBy: name,
          needs: { where: { present: true }, orderBy: { outcome: "asc" }, select: { outcome: true, severity: true, notes: true } },
          childVoices: { select: { member: { select: { firstName: true, lastName: true } }, wishesAndFeelings: true, seenAlone: true, directWorkTool: true } },
        },
      }),
      db.plan.findMany({
        where,
        orderBy: { startedOn: "asc" },
        select: {
          startedOn: true,
          nextReviewOn: true,
          reviewIntervalWeeks: true,
          outcomes: { orderBy: { createdAt: "asc" }, select: { need: true, description: true } },
          actions: { orderBy: { dueOn: "asc" }, select: { description: true, owner: true, agency: true, dueOn: true, status: true, completedOn: true } },
          meetings: { orderBy: { heldOn: "asc" }, select: { heldOn: true, attendees: true, minutes: true } },
          reviews: { orderBy: { heldOn: "asc" }, select: { heldOn: true, summary: true, scores: { select: { outcome: { select: { description: true } }, score: true } } } },
        },
      }),
      db.caseNote.findMany({
        where,
        orderBy: { occurredOn: "asc" },
        select: {
          occurredOn: true,
          type: true,
          whoSeen: true,
          childSeenAlone: true,
          purpose: true,
          whatHappened: true,
          childVoice: true,
          differenceMade: true,
          nextSteps: true,
          author: name,
        },
      }),
      db.closure.findMany({ where, orderBy: { closedOn: "asc" }, select: { closedOn: true, reason: true, summary: true, signedOffBy: name, outcomes: { select: { need: true, result: true } } } }),
      db.resettlementTask.findMany({ where, orderBy: { item: "asc" }, select: { item: true, doneOn: true, notes: true } }),
      db.enrolment.findMany({
        where: { OR: [{ familyId }, { familyMember: { familyId } }] },
        orderBy: { createdAt: "asc" },
        select: {
          name: true,
          status: true,
          preferredLanguage: true,
          withdrawnReason: true,
          cohort: { select: { name: true, startDate: true, programme: name } },
          attendance: { orderBy: { session: { number: "asc" } }, select: { status: true, session: { select: { number: true, date: true } } } },
          measures: { orderBy: [{ measureKey: "asc" }, { timepoint: "asc" }], select: { measureKey: true, timepoint: true, score: true, recordedOn: true } },
        },
      }),
      // Only this family's own membership and the meetings it attended: never other members.
      db.groupMember.findMany({
        where: { familyMember: { familyId } },
        orderBy: { joinedOn: "asc" },
        select: {
          firstName: true,
          language: true,
          consentToContact: true,
          source: true,
          joinedOn: true,
          leftOn: true,
          group: name,
          attendance: { orderBy: { meeting: { heldOn: "asc" } }, select: { meeting: { select: { heldOn: true, topic: true } } } },
        },
      }),
      // The letter only: the code is a secret and responses never link to a family.
      db.surveyInvitation.findMany({ where, orderBy: { createdAt: "asc" }, select: { survey: { select: { year: true } }, service: true, language: true, sentAt: true, completedOn: true } }),
    ]);
  return {
    family: { ...family, team: family.team.name },
    members: members.map(({ id: _id, ...m }) => m),
    contacts: contacts.map(({ id: _id, ...c }) => c),
    consents: consents.map((c) => ({ ...c, overrideLead: c.overrideLead?.name ?? null, member: c.member ? `${c.member.firstName} ${c.member.lastName}` : null })),
    decisions: decisions.map((d) => ({ ...d, decidedBy: d.decidedBy.name })),
    allocations: allocations.map((a) => ({ ...a, practitioner: a.practitioner.name, allocatedBy: a.allocatedBy.name })),
    assessments: assessments.map((a) => ({
      ...a,
      signedOffBy: a.signedOffBy?.name ?? null,
      childVoices: a.childVoices.map((v) => ({ ...v, member: `${v.member.firstName} ${v.member.lastName}` })),
    })),
    plans: plans.map((p) => ({ ...p, reviews: p.reviews.map((r) => ({ ...r, scores: r.scores.map((s) => ({ outcome: s.outcome.description, score: s.score })) })) })),
    caseNotes: caseNotes.map((n) => ({ ...n, author: n.author.name })),
    closures: closures.map((c) => ({ ...c, signedOffBy: c.signedOffBy.name })),
    resettlementTasks,
    courseEnrolments: enrolments.map((e) => ({
      course: e.cohort.name,
      programme: e.cohort.programme.name,
      startDate: e.cohort.startDate,
      name: e.name,
      status: e.status,
      preferredLanguage: e.preferredLanguage,
      withdrawnReason: e.withdrawnReason,
      attendance: e.attendance.map((a) => ({ session: a.session.number, date: a.session.date, status: a.status })),
      measures: e.measures,
    })),
    groupMemberships: groupMemberships.map((g) => ({
      group: g.group.name,
      firstName: g.firstName,
      language: g.language,
      consentToContact: g.consentToContact,
      source: g.source,
      joinedOn: g.joinedOn,
      leftOn: g.leftOn,
      meetingsAttended: g.attendance.map((a) => a.meeting),
    })),
    surveyInvitations: surveyInvitations.map((s) => ({ year: s.survey.year, service: s.service, language: s.language, sentAt: s.sentAt, completed: s.completedOn !== null })),
  };
}

export type FamilyRecords = Awaited<ReturnType<typeof collectFamilyRecords>>;

/**
 * A subject access export of one family the lead's team holds: every record, for the
 * printable page and the JSON download. Audited as an export with the family id.
 */
export async function getSubjectAccessExport(actor: Actor, familyId: string, format: "html" | "json") {
  const family = await requireFamily(actor, familyId);
  const records = await collectFamilyRecords(family.id);
  await audit(actor, { action: "export", entity: "family", entityId: family.id, familyId: family.id, detail: { format, purpose: "subject-access" } });
  return { familyId: family.id, exportedAt: new Date(), exportedBy: actor.user.name, ...records };
}

/** JSON with calendar dates as YYYY-MM-DD and times as ISO 8601 (UTC). */
export function exportToJson(data: unknown): string {
  return JSON.stringify(
    data,
    function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      if (raw instanceof Date) {
        const iso = raw.toISOString();
        return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
      }
      return value;
    },
    2,
  );
}

// ---------------------------------------------------------------------------
// Retention
// ---------------------------------------------------------------------------

/** The retention period in years after the last closure (RETENTION_YEARS, default 6). */
export function retentionYears(): number {
  return getEnv().RETENTION_YEARS;
}

/**
 * The day on or before which a family's last involvement must fall for it to be due:
 * `years` calendar years before today (29 February becomes 28 February).
 */
export function retentionCutoff(today: Date, years: number): Date {
  const day = startOfDay(today);
  const target = new Date(Date.UTC(day.getUTCFullYear() - years, day.getUTCMonth(), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), lastDay));
  return target;
}

/**
 * Families past retention: at least one closure, none after the cutoff, no open episode,
 * and no request for support received after the cutoff (a later contact restarts the clock).
 */
function dueWhere(cutoff: Date): Prisma.FamilyWhereInput {
  return {
    AND: [
      { closures: { some: {} } },
      { closures: { none: { closedOn: { gt: cutoff } } } },
      { contacts: { none: { OR: [{ status: { in: OPEN_STATUSES } }, { receivedOn: { gt: cutoff } }] } } },
    ],
  };
}

/** Families of the lead's team past the retention period, oldest closure first. Audited as one list read. */
export async function listDueForDeletion(actor: Actor, today = new Date()) {
  const years = retentionYears();
  const cutoff = retentionCutoff(today, years);
  const families = await db.family.findMany({
    where: { AND: [familyScope(actor), dueWhere(cutoff)] },
    select: {
      id: true,
      reference: true,
      name: true,
      closures: { orderBy: { closedOn: "desc" }, take: 1, select: { closedOn: true } },
      _count: { select: { members: true, contacts: true } },
    },
  });
  const rows = families
    .map((f) => ({ id: f.id, reference: f.reference, name: f.name, lastClosedOn: f.closures[0]!.closedOn, members: f._count.members, contacts: f._count.contacts }))
    .sort((a, b) => a.lastClosedOn.getTime() - b.lastClosedOn.getTime() || a.reference.localeCompare(b.reference));
  await audit(actor, { action: "list", entity: "retention", detail: { count: rows.length, years } });
  return { years, cutoff, families: rows };
}

/**
 * The families chosen for deletion, each checked: in the lead's team (else 404, audited
 * as denied) and past retention (else 409). Outside any transaction: the denial's audit
 * entry needs the connection (the embedded database has one).
 */
async function requireDue(actor: Actor, familyIds: string[], today: Date) {
  const families = [];
  for (const id of familyIds) {
    await requireFamily(actor, id);
    const [family] = await findDue(db, actor, [id], today);
    if (!family) throw errorResponse(409, "errors.notDueForDeletion");
    families.push(family);
  }
  return families;
}

/** Those of the given families that are in the actor's scope and past retention today. */
async function findDue(client: Tx | typeof db, actor: Actor, familyIds: string[], today: Date) {
  const cutoff = retentionCutoff(today, retentionYears());
  const families = await client.family.findMany({
    where: { AND: [{ id: { in: familyIds } }, familyScope(actor), dueWhere(cutoff)] },
    select: { id: true, reference: true, name: true, closures: { orderBy: { closedOn: "desc" }, take: 1, select: { closedOn: true } } },
  });
  return families.map((f) => ({ id: f.id, reference: f.reference, name: f.name, lastClosedOn: f.closures[0]!.closedOn }));
}

/** What the confirmation page shows: each chosen family with the number of records of each kind. Audited. */
export async function getDeletionPreview(actor: Actor, familyIds: string[], today = new Date()) {
  const families = await requireDue(actor, familyIds, today);
  const withCounts = [];
  for (const f of families) withCounts.push({ ...f, counts: await countRecords(db, f.id) });
  await audit(actor, { action: "read", entity: "retention", detail: { families: families.map((f) => f.reference) } });
  return withCounts;
}

/** Every record linked to a family, by kind (the names of the deletion's audit detail). */
async function countRecords(client: Tx | typeof db, familyId: string) {
  const memberOf = { familyMember: { familyId } };
  const enrolmentOf = { OR: [{ familyId }, memberOf] };
  const [members, contacts, supportRequests, consents, decisions, allocations, assessments, assessmentNeeds, childVoices, plans, planOutcomes, planActions, tafMeetings, reviews, reviewScores, caseNotes, closures, closureOutcomes, resettlementTasks, enrolments, courseAttendance, courseMeasures, groupMembers, groupAttendance, surveyInvitations] =
    await Promise.all([
      client.familyMember.count({ where: { familyId } }),
      client.contact.count({ where: { familyId } }),
      client.supportRequest.count({ where: { contact: { familyId } } }),
      client.consent.count({ where: { familyId } }),
      client.decision.count({ where: { familyId } }),
      client.allocation.count({ where: { familyId } }),
      client.assessment.count({ where: { familyId } }),
      client.assessmentNeed.count({ where: { assessment: { familyId } } }),
      client.childVoice.count({ where: { OR: [{ assessment: { familyId } }, { member: { familyId } }] } }),
      client.plan.count({ where: { familyId } }),
      client.planOutcome.count({ where: { plan: { familyId } } }),
      client.planAction.count({ where: { plan: { familyId } } }),
      client.tafMeeting.count({ where: { familyId } }),
      client.review.count({ where: { familyId } }),
      client.reviewScore.count({ where: { review: { familyId } } }),
      client.caseNote.count({ where: { familyId } }),
      client.closure.count({ where: { familyId } }),
      client.closureOutcome.count({ where: { closure: { familyId } } }),
      client.resettlementTask.count({ where: { familyId } }),
      client.enrolment.count({ where: enrolmentOf }),
      client.attendance.count({ where: { enrolment: enrolmentOf } }),
      client.measureResponse.count({ where: { enrolment: enrolmentOf } }),
      client.groupMember.count({ where: memberOf }),
      client.groupAttendance.count({ where: { member: memberOf } }),
      client.surveyInvitation.count({ where: { familyId } }),
    ]);
  return {
    family: 1,
    members,
    contacts,
    supportRequests,
    consents,
    decisions,
    allocations,
    assessments,
    assessmentNeeds,
    childVoices,
    plans,
    planOutcomes,
    planActions,
    tafMeetings,
    reviews,
    reviewScores,
    caseNotes,
    closures,
    closureOutcomes,
    resettlementTasks,
    enrolments,
    courseAttendance,
    courseMeasures,
    groupMembers,
    groupAttendance,
    surveyInvitationsUnlinked: surveyInvitations,
  };
}

export type RecordCounts = Awaited<ReturnType<typeof countRecords>>;

/**
 * Deletes families past retention, in one transaction: the family and every record linked
 * to it (casework, course enrolments with their registers and measures, group memberships
 * with their attendance, the partners' requests that opened its episodes); survey
 * invitations lose their family link and anonymous responses are untouched. Each family
 * is re-checked inside the transaction, so a posted id that is not due changes nothing.
 * One audit entry per family: reference and counts by kind, never names; earlier audit
 * entries stay (the audit table refuses deletes).
 */
export async function deleteFamiliesPastRetention(actor: Actor, familyIds: string[], today = new Date()) {
  if (!familyIds.length) throw errorResponse(400, "errors.badForm");
  const ids = [...new Set(familyIds)];
  await requireDue(actor, ids, today);
  return db.$transaction(
    async (tx) => {
      // Checked again inside the transaction, so nothing that stopped being due in between is deleted.
      const families = await findDue(tx, actor, ids, today);
      if (families.length !== ids.length) throw errorResponse(409, "errors.notDueForDeletion");
      const deleted: Array<{ reference: string; counts: RecordCounts }> = [];
      for (const f of families) {
        const counts = await countRecords(tx, f.id);
        await deleteFamilyRecords(tx, f.id);
        await audit(
          actor,
          {
            action: "delete",
            entity: "family",
            entityId: f.id,
            familyId: f.id,
            detail: { reason: "retention", reference: f.reference, lastClosedOn: f.lastClosedOn.toISOString().slice(0, 10), retentionYears: retentionYears(), counts },
          },
          tx,
        );
        deleted.push({ reference: f.reference, counts });
      }
      return deleted;
    },
    { timeout: 60_000 },
  );
}

/** Removes one family and everything linked to it, children before parents (some links have no cascade). */
async function deleteFamilyRecords(tx: Tx, familyId: string) {
  const memberOf = { familyMember: { familyId } };
  await tx.groupMember.deleteMany({ where: memberOf }); // attendance cascades
  await tx.enrolment.deleteMany({ where: { OR: [{ familyId }, memberOf] } }); // attendance and measures cascade
  await tx.surveyInvitation.updateMany({ where: { familyId }, data: { familyId: null } });
  await tx.supportRequest.deleteMany({ where: { contact: { familyId } } });
  await tx.caseNote.deleteMany({ where: { familyId } });
  await tx.consent.deleteMany({ where: { familyId } });
  await tx.decision.deleteMany({ where: { familyId } });
  await tx.allocation.deleteMany({ where: { familyId } });
  await tx.closure.deleteMany({ where: { familyId } }); // outcomes cascade
  await tx.review.deleteMany({ where: { familyId } }); // scores cascade
  await tx.tafMeeting.deleteMany({ where: { familyId } });
  await tx.plan.deleteMany({ where: { familyId } }); // outcomes and actions cascade
  await tx.assessment.deleteMany({ where: { familyId } }); // needs and child voices cascade
  await tx.resettlementTask.deleteMany({ where: { familyId } });
  await tx.contact.deleteMany({ where: { familyId } });
  await tx.familyMember.deleteMany({ where: { familyId } });
  await tx.family.delete({ where: { id: familyId } });
}

const FamilyIdsSchema = z.array(z.string().min(1).max(64).regex(/^[a-z0-9]+$/i)).min(1).max(100);

/**
 * The families chosen on the retention page: repeated `family` fields and nothing else
 * (besides `lng` in a query). Null when none is chosen; a 400 for anything malformed.
 */
export function readFamilyIds(entries: Iterable<[string, FormDataEntryValue]>): string[] | null {
  const ids: unknown[] = [];
  for (const [key, value] of entries) {
    if (key === "lng") continue;
    if (key !== "family" || typeof value !== "string") throw errorResponse(400, "errors.badForm");
    ids.push(value);
  }
  if (!ids.length) return null;
  const parsed = FamilyIdsSchema.safeParse(ids);
  if (!parsed.success) throw errorResponse(400, "errors.badForm");
  return [...new Set(parsed.data)];
}
