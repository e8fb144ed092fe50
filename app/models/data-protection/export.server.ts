import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { requireFamily } from "~/models/casework/access.server";

/**
 * Data protection: the subject access export of one family, and deletion of families
 * past the retention period. Leads only (`manage:family`), always team-scoped and audited.
 * See docs/decisions/0010-data-protection.md.
 */

const name = { select: { name: true } } as const;

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
  const family = await requireFamily(actor, familyId, "manage:family");
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
