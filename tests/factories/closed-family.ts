import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/utils/db.server";

const day = (d: Date, offset: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + offset));

/**
 * A family whose one episode closed on `closedOn`, with a record of every kind the
 * service keeps: members, the partner's online request, consent, decisions, allocation,
 * assessment (needs, child's voice), plan (outcome, action, TAF meeting, review with a
 * score), case note, closure with outcomes, resettlement item, a course enrolment with
 * attendance and a measure, a group membership with attendance, and a survey letter.
 * The course cohort, the group and the survey are shared: pass them to put several
 * families in the same ones (each call adds one of each when not given).
 */
export async function createClosedFamily(
  db: PrismaClient,
  options: {
    teamId: string;
    staffId: string;
    closedOn: Date;
    name?: string;
    reference?: string;
    shared?: { sessionId: string; cohortId: string; groupId: string; meetingId: string; surveyId: string };
    /** Extra episode after the closure, e.g. an open one that stops deletion. */
    laterContact?: { receivedOn: Date; status: "awaiting_decision" | "open" | "no_further_action" | "signposted" };
  },
) {
  const tag = randomUUID().slice(0, 8);
  const surname = options.name ?? `Retain${tag}`;
  const closedOn = options.closedOn;
  const receivedOn = day(closedOn, -200);
  const family = await db.family.create({
    data: {
      reference: options.reference ?? `RT-${tag}`,
      name: `${surname} family`,
      teamId: options.teamId,
      addressLine1: `1 ${surname} Street`,
      town: "London",
      postcode: "E1 1AA",
      preferredLanguage: "en",
      resettlementScheme: "ACRS",
      arrivalDate: day(receivedOn, -30),
      members: {
        create: [
          { kind: "adult", firstName: `Parent${tag}`, lastName: surname, relationship: "mother", phone: "07700 900001", email: `parent-${tag}@example.test` },
          { kind: "child", firstName: `Child${tag}`, lastName: surname, dateOfBirth: day(receivedOn, -3000), school: "Test Primary" },
        ],
      },
    },
    include: { members: { orderBy: { kind: "asc" } } },
  });
  const [adult, child] = family.members as [(typeof family.members)[0], (typeof family.members)[0]];
  const staff = options.staffId;
  const contact = await db.contact.create({
    data: { familyId: family.id, teamId: options.teamId, receivedOn, source: "school", reason: `Reason ${tag}`, status: "closed", createdById: staff },
  });
  const request = await db.supportRequest.create({
    data: {
      reference: `RFS-${tag.toUpperCase()}`,
      teamId: options.teamId,
      referrerName: `Referrer ${tag}`,
      referrerAgency: "Test School",
      referrerEmail: `referrer-${tag}@school.test`,
      familyName: `${surname} family`,
      concern: `Concern ${tag}`,
      familyConsents: true,
      status: "accepted",
      contactId: contact.id,
      clientKey: `key-${tag}`,
    },
  });
  await db.consent.create({ data: { familyId: family.id, contactId: contact.id, memberId: adult.id, purpose: "early_help_support", status: "given", recordedOn: receivedOn, recordedById: staff } });
  await db.decision.create({ data: { familyId: family.id, contactId: contact.id, stage: "contact", outcome: "accept_for_assessment", rationale: `Rationale ${tag}`, decidedById: staff, decidedAt: day(receivedOn, 1) } });
  await db.allocation.create({ data: { familyId: family.id, contactId: contact.id, practitionerId: staff, allocatedById: staff, startedAt: day(receivedOn, 1), endedAt: closedOn } });
  await db.assessment.create({
    data: {
      familyId: family.id,
      contactId: contact.id,
      status: "signed_off",
      strengths: `Strengths ${tag}`,
      dueOn: day(receivedOn, 63),
      signedOffById: staff,
      signedOffAt: day(receivedOn, 30),
      needs: { create: [{ outcome: "education", present: true, severity: 2, notes: `Need ${tag}` }] },
      childVoices: { create: [{ memberId: child.id, wishesAndFeelings: `Wishes ${tag}`, seenAlone: true }] },
    },
  });
  const plan = await db.plan.create({ data: { familyId: family.id, contactId: contact.id, startedOn: day(receivedOn, 32), nextReviewOn: day(receivedOn, 74) } });
  const outcome = await db.planOutcome.create({ data: { planId: plan.id, need: "education", description: `Outcome ${tag}` } });
  await db.planAction.create({ data: { planId: plan.id, outcomeId: outcome.id, description: `Action ${tag}`, owner: "Mum", agency: "Family", dueOn: day(receivedOn, 50), status: "done", completedOn: day(receivedOn, 45) } });
  await db.tafMeeting.create({ data: { familyId: family.id, planId: plan.id, heldOn: day(receivedOn, 32), attendees: "Mum, school", minutes: `Minutes ${tag}` } });
  await db.review.create({ data: { familyId: family.id, planId: plan.id, heldOn: day(receivedOn, 74), summary: `Review ${tag}`, scores: { create: [{ outcomeId: outcome.id, score: 7 }] } } });
  await db.caseNote.create({ data: { familyId: family.id, contactId: contact.id, occurredOn: day(receivedOn, 40), type: "home", purpose: `Visit ${tag}`, whatHappened: `Happened ${tag}`, authorId: staff } });
  await db.closure.create({
    data: { familyId: family.id, contactId: contact.id, closedOn, reason: "outcomes_met", summary: `Closed ${tag}`, signedOffById: staff, signedOffAt: closedOn, outcomes: { create: [{ need: "education", result: "met" }] } },
  });
  await db.resettlementTask.create({ data: { familyId: family.id, item: "gp", doneOn: day(receivedOn, 5), notes: `GP ${tag}` } });
  if (options.laterContact) {
    await db.contact.create({
      data: { familyId: family.id, teamId: options.teamId, receivedOn: options.laterContact.receivedOn, source: "health", reason: `Later ${tag}`, status: options.laterContact.status, createdById: staff },
    });
  }

  const shared = options.shared ?? (await createSharedPlaces(db, options.teamId, staff));
  const enrolment = await db.enrolment.create({
    data: { cohortId: shared.cohortId, familyId: family.id, familyMemberId: adult.id, name: `Parent${tag} ${surname}`, status: "completed", createdById: staff },
  });
  await db.attendance.create({ data: { sessionId: shared.sessionId, enrolmentId: enrolment.id, status: "present", recordedById: staff } });
  await db.measureResponse.create({
    data: { enrolmentId: enrolment.id, measureKey: "swemwbs", timepoint: "pre", answers: [3, 3, 3, 3, 3, 3, 3], rawScore: 21, score: 19.25, recordedOn: day(receivedOn, 60), recordedById: staff },
  });
  const groupMember = await db.groupMember.create({ data: { groupId: shared.groupId, familyMemberId: adult.id, firstName: `Parent${tag}`, language: "en", joinedOn: day(receivedOn, 90) } });
  await db.groupAttendance.create({ data: { meetingId: shared.meetingId, memberId: groupMember.id } });
  const invitation = await db.surveyInvitation.create({ data: { surveyId: shared.surveyId, code: `SV-${tag}`, familyId: family.id, sentAt: closedOn } });
  return { family, adult, child, contact, request, plan, enrolment, groupMember, invitation, shared, tag };
}

/** A cohort with one session, a group with one meeting, and a survey, for createClosedFamily. */
export async function createSharedPlaces(db: PrismaClient, teamId: string, staffId: string) {
  const tag = randomUUID().slice(0, 8);
  const programme = await db.programme.create({
    data: { name: `Programme ${tag}`, description: "Test", sessionCount: 1, sessionMinutes: 60, completionRule: "min_sessions", completionValue: 1, measureKeys: ["swemwbs"], languages: ["en"] },
  });
  const cohort = await db.cohort.create({
    data: { programmeId: programme.id, teamId, name: `Cohort ${tag}`, startDate: new Date("2019-01-07"), startTime: "10:00", languages: ["en"], capacity: 10, status: "completed", createdById: staffId },
  });
  const session = await db.cohortSession.create({ data: { cohortId: cohort.id, number: 1, date: new Date("2019-01-07"), startTime: "10:00" } });
  const group = await db.group.create({ data: { name: `Group ${tag}`, languages: ["en"], audienceTags: [], teamId } });
  const meeting = await db.groupMeeting.create({ data: { groupId: group.id, heldOn: new Date("2019-03-01"), topic: `Topic ${tag}`, language: "en", attendanceMode: "named" } });
  const year = 3000 + Math.floor(Math.random() * 6000);
  const survey = await db.survey.create({ data: { year, status: "closed", languages: ["en"], openToken: `rt-${tag}-${year}` } });
  return { cohortId: cohort.id, sessionId: session.id, groupId: group.id, meetingId: meeting.id, surveyId: survey.id };
}
