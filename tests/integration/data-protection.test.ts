import * as exportRoute from "~/routes/families+/$familyId_.export";
import * as exportJsonRoute from "~/routes/families+/$familyId_.export[.]json";
import * as familyRoute from "~/routes/families+/$familyId";
import * as retentionRoute from "~/routes/retention+/_index";
import * as confirmRoute from "~/routes/retention+/confirm";
import { deleteFamiliesPastRetention, listDueForDeletion } from "~/models/data-protection/retention.server";
import { exportToJson, getSubjectAccessExport } from "~/models/data-protection/export.server";
import { retentionCutoff } from "~/models/data-protection/rules";
import { createUserSession, csrfTokenFor, sessionCookie } from "~/utils/session.server";
import { createClosedFamily, createSharedPlaces } from "../factories/closed-family";
import { actorFor, createTeam, getDb } from "./helpers";

type Args = { request: Request; params: Record<string, string>; context: Record<string, unknown> };
type Fn = (args: Args) => Promise<unknown>;

const TODAY = new Date("2026-11-23T10:00:00Z");
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Ten years ago: past the default six-year period whenever the tests run. */
const longAgo = () => utc(`${new Date().getUTCFullYear() - 10}-03-01`);

async function signIn(userId: string) {
  const setCookie = await createUserSession(new Request("http://localhost/login"), userId);
  const cookie = setCookie.split(";")[0]!;
  const sessionId = (await sessionCookie.parse(cookie)) as string;
  return { cookie, csrf: csrfTokenFor(sessionId) };
}

async function call(fn: Fn, url: string, params: Record<string, string>, init: RequestInit = {}): Promise<Response> {
  try {
    return (await fn({ request: new Request(`http://localhost${url}`, init), params, context: {} })) as Response;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

const get = (session: { cookie: string }) => ({ headers: { Cookie: session.cookie } });
function post(session: { cookie: string; csrf: string }, families: string[]): RequestInit {
  const body = new URLSearchParams([["csrf", session.csrf], ...families.map((id) => ["family", id] as [string, string])]);
  return { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: session.cookie } };
}

async function setup() {
  const db = getDb();
  const teamA = await createTeam(db);
  const teamB = await createTeam(db);
  const leadA = await actorFor(["lead"], "manage:family", teamA.id);
  const leadB = await actorFor(["lead"], "manage:family", teamB.id);
  const shared = await createSharedPlaces(db, teamA.id, leadA.user.id);
  return { db, teamA, teamB, leadA, leadB, shared };
}

describe("subject access export", () => {
  it("holds every record of the family and nothing of another family in the same course, group and survey", async () => {
    const s = await setup();
    const mine = await createClosedFamily(s.db, { teamId: s.teamA.id, staffId: s.leadA.user.id, closedOn: utc("2025-01-10"), shared: s.shared });
    const other = await createClosedFamily(s.db, { teamId: s.teamA.id, staffId: s.leadA.user.id, closedOn: utc("2025-01-10"), shared: s.shared });
    const data = await getSubjectAccessExport(s.leadA, mine.family.id, "json");
    const text = exportToJson(data);
    const tag = mine.tag;
    // Every kind of record, by the text each one carries.
    for (const needle of [
      mine.family.reference,
      `Parent${tag}`,
      `Child${tag}`,
      `parent-${tag}@example.test`,
      `Reason ${tag}`,
      mine.request.reference,
      `Concern ${tag}`,
      `Rationale ${tag}`,
      `Strengths ${tag}`,
      `Need ${tag}`,
      `Wishes ${tag}`,
      `Outcome ${tag}`,
      `Action ${tag}`,
      `Minutes ${tag}`,
      `Review ${tag}`,
      `Visit ${tag}`,
      `Happened ${tag}`,
      `Closed ${tag}`,
      `GP ${tag}`,
    ]) {
      expect(text, needle).toContain(needle);
    }
    expect(data.members).toHaveLength(2);
    expect(data.consents).toHaveLength(1);
    expect(data.decisions).toHaveLength(1);
    expect(data.allocations).toHaveLength(1);
    expect(data.plans[0]!.reviews[0]!.scores).toEqual([{ outcome: `Outcome ${tag}`, score: 7 }]);
    expect(data.closures[0]!.outcomes).toEqual([{ need: "education", result: "met" }]);
    expect(data.courseEnrolments).toHaveLength(1);
    expect(data.courseEnrolments[0]!.attendance).toEqual([expect.objectContaining({ session: 1, status: "present" })]);
    expect(data.courseEnrolments[0]!.measures).toHaveLength(1);
    expect(data.groupMemberships).toHaveLength(1);
    expect(data.groupMemberships[0]!.meetingsAttended).toHaveLength(1);
    expect(data.surveyInvitations).toEqual([expect.objectContaining({ completed: false })]);
    // Calendar dates as days, not midnight timestamps.
    expect(text).toContain('"closedOn": "2025-01-10"');
    // Nothing of the other family, though it shares the cohort, the group, the meeting and the survey.
    for (const needle of [other.tag, other.family.reference, other.family.name]) expect(text).not.toContain(needle);
    // No staff-only internals: the referrer's own details, codes, audit, ids.
    for (const needle of [`referrer-${tag}@school.test`, `Referrer ${tag}`, `key-${tag}`, mine.invitation.code, '"ip"', '"requestId"', '"actorId"', mine.adult.id, mine.contact.id]) {
      expect(text, needle).not.toContain(needle);
    }
    const audit = await s.db.auditEvent.findFirst({ where: { familyId: mine.family.id, action: "export" } });
    expect(audit).toMatchObject({ entity: "family", entityId: mine.family.id, actorId: s.leadA.user.id, detail: { format: "json", purpose: "subject-access" } });
  });

  it("serves the printable page and the JSON download to the family's lead, 404 to another team's lead, 403 to a practitioner", async () => {
    const s = await setup();
    const mine = await createClosedFamily(s.db, { teamId: s.teamA.id, staffId: s.leadA.user.id, closedOn: utc("2025-01-10"), shared: s.shared });
    const params = { familyId: mine.family.id };
    const leadA = await signIn(s.leadA.user.id);
    const leadB = await signIn(s.leadB.user.id);
    const practitioner = await signIn((await actorFor(["practitioner"], "read:family", s.teamA.id)).user.id);

    const page = await call(exportRoute.loader as Fn, `/families/${mine.family.id}/export`, params, get(leadA));
    expect(page.status).toBe(200);
    expect(JSON.stringify(await page.json())).toContain(`Happened ${mine.tag}`);
    const download = await call(exportJsonRoute.loader as Fn, `/families/${mine.family.id}/export.json`, params, get(leadA));
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(download.headers.get("Content-Disposition")).toBe(`attachment; filename="subject-access-${mine.family.reference}.json"`);
    expect(download.headers.get("Cache-Control")).toBe("no-store");
    expect((await download.json()).caseNotes[0].whatHappened).toBe(`Happened ${mine.tag}`);

    for (const route of [exportRoute, exportJsonRoute]) {
      const before = await s.db.auditEvent.count({ where: { familyId: mine.family.id, action: "export" } });
      expect((await call(route.loader as Fn, "/x", params, get(leadB))).status).toBe(404);
      expect((await call(route.loader as Fn, "/x", params, get(practitioner))).status).toBe(403);
      expect(await s.db.auditEvent.count({ where: { familyId: mine.family.id, action: "export" } })).toBe(before);
    }
    expect(await s.db.auditEvent.count({ where: { familyId: mine.family.id, action: "denied", actorId: s.leadB.user.id } })).toBe(2);

    // The family page links to the export for the lead only.
    const leadPage = (await (await call(familyRoute.loader as Fn, "/x", params, get(leadA))).json()) as { canExport: boolean };
    const practitionerPage = (await (await call(familyRoute.loader as Fn, "/x", params, get(practitioner))).json()) as { canExport: boolean };
    expect([leadPage.canExport, practitionerPage.canExport]).toEqual([true, false]);
  });
});

describe("retention", () => {
  it("lists a family exactly when its last closure is the period ago or more, with no open or later request", async () => {
    const s = await setup();
    const cutoff = retentionCutoff(TODAY, 6);
    expect(cutoff.toISOString().slice(0, 10)).toBe("2020-11-23");
    expect(retentionCutoff(utc("2028-02-29"), 6).toISOString().slice(0, 10)).toBe("2022-02-28");
    const make = (closedOn: string, extra: Partial<Parameters<typeof createClosedFamily>[1]> = {}) =>
      createClosedFamily(s.db, { teamId: s.teamA.id, staffId: s.leadA.user.id, closedOn: utc(closedOn), shared: s.shared, ...extra });
    const exactly = await make("2020-11-23");
    const dayLater = await make("2020-11-24");
    const older = await make("2015-06-01");
    const openNow = await make("2015-06-01", { laterContact: { receivedOn: utc("2016-01-01"), status: "awaiting_decision" } });
    const laterContact = await make("2015-06-01", { laterContact: { receivedOn: utc("2021-05-01"), status: "no_further_action" } });
    const oldNfa = await make("2015-06-01", { laterContact: { receivedOn: utc("2016-01-01"), status: "no_further_action" } });
    const otherTeam = await createClosedFamily(s.db, { teamId: s.teamB.id, staffId: s.leadB.user.id, closedOn: utc("2015-06-01"), shared: s.shared });

    const { years, families } = await listDueForDeletion(s.leadA, TODAY);
    expect(years).toBe(6);
    const listed = families.map((f) => f.id);
    expect(listed).toContain(exactly.family.id);
    expect(listed).toContain(older.family.id);
    expect(listed).toContain(oldNfa.family.id);
    for (const f of [dayLater, openNow, laterContact, otherTeam]) expect(listed).not.toContain(f.family.id);
    // Oldest first.
    expect(listed.indexOf(older.family.id)).toBeLessThan(listed.indexOf(exactly.family.id));
    // The other team's lead sees their own and nothing of team A.
    const theirs = (await listDueForDeletion(s.leadB, TODAY)).families.map((f) => f.id);
    expect(theirs).toContain(otherTeam.family.id);
    expect(theirs).not.toContain(older.family.id);

    // The day after the boundary family's period ends, the day-later family becomes due too.
    const tomorrow = (await listDueForDeletion(s.leadA, new Date("2026-11-24T10:00:00Z"))).families.map((f) => f.id);
    expect(tomorrow).toContain(dayLater.family.id);
  });

  it("deletes a family past retention everywhere, unlinks its survey letter, keeps anonymous responses and earlier audit, and audits counts without names", async () => {
    const s = await setup();
    const doomed = await createClosedFamily(s.db, { teamId: s.teamA.id, staffId: s.leadA.user.id, closedOn: longAgo(), shared: s.shared });
    const kept = await createClosedFamily(s.db, { teamId: s.teamA.id, staffId: s.leadA.user.id, closedOn: longAgo(), shared: s.shared });
    await s.db.surveyResponse.create({ data: { surveyId: s.shared.surveyId, year: 2019, language: "en", answers: { listened: "agree" } } });
    await getSubjectAccessExport(s.leadA, doomed.family.id, "html");
    const earlierAudit = await s.db.auditEvent.findMany({ where: { familyId: doomed.family.id }, select: { id: true } });
    expect(earlierAudit.length).toBeGreaterThan(0);
    const id = doomed.family.id;
    const memberIds = [doomed.adult.id, doomed.child.id];

    const deleted = await deleteFamiliesPastRetention(s.leadA, [id]);
    expect(deleted).toEqual([expect.objectContaining({ reference: doomed.family.reference })]);

    const db = s.db;
    const remaining = await Promise.all([
      db.family.count({ where: { id } }),
      db.familyMember.count({ where: { id: { in: memberIds } } }),
      db.contact.count({ where: { familyId: id } }),
      db.supportRequest.count({ where: { id: doomed.request.id } }),
      db.consent.count({ where: { familyId: id } }),
      db.decision.count({ where: { familyId: id } }),
      db.allocation.count({ where: { familyId: id } }),
      db.assessment.count({ where: { familyId: id } }),
      db.assessmentNeed.count({ where: { notes: `Need ${doomed.tag}` } }),
      db.childVoice.count({ where: { memberId: { in: memberIds } } }),
      db.plan.count({ where: { familyId: id } }),
      db.planOutcome.count({ where: { planId: doomed.plan.id } }),
      db.planAction.count({ where: { planId: doomed.plan.id } }),
      db.tafMeeting.count({ where: { familyId: id } }),
      db.review.count({ where: { familyId: id } }),
      db.reviewScore.count({ where: { review: { planId: doomed.plan.id } } }),
      db.caseNote.count({ where: { familyId: id } }),
      db.closure.count({ where: { familyId: id } }),
      db.closureOutcome.count({ where: { closure: { familyId: id } } }),
      db.resettlementTask.count({ where: { familyId: id } }),
      db.enrolment.count({ where: { id: doomed.enrolment.id } }),
      db.attendance.count({ where: { enrolmentId: doomed.enrolment.id } }),
      db.measureResponse.count({ where: { enrolmentId: doomed.enrolment.id } }),
      db.groupMember.count({ where: { id: doomed.groupMember.id } }),
      db.groupAttendance.count({ where: { memberId: doomed.groupMember.id } }),
    ]);
    expect(remaining.every((n) => n === 0), JSON.stringify(remaining)).toBe(true);
    // The survey letter stays for the survey's counts, with no family.
    expect(await db.surveyInvitation.findUnique({ where: { id: doomed.invitation.id } })).toMatchObject({ familyId: null });
    expect(await db.surveyResponse.count({ where: { surveyId: s.shared.surveyId } })).toBe(1);
    // The other family in the same cohort, group and survey is untouched.
    const other = await getSubjectAccessExport(s.leadA, kept.family.id, "json");
    expect([other.members.length, other.courseEnrolments.length, other.groupMemberships.length, other.surveyInvitations.length]).toEqual([2, 1, 1, 1]);

    // Earlier audit entries stay; one new entry says what was deleted and by whom, without names.
    expect(await db.auditEvent.count({ where: { id: { in: earlierAudit.map((e) => e.id) } } })).toBe(earlierAudit.length);
    const entry = await db.auditEvent.findFirstOrThrow({ where: { familyId: id, action: "delete", entity: "family" } });
    expect(entry.actorId).toBe(s.leadA.user.id);
    expect(entry.actorEmail).toBe(s.leadA.user.email);
    expect(entry.detail).toMatchObject({
      reason: "retention",
      reference: doomed.family.reference,
      retentionYears: 6,
      counts: {
        family: 1,
        members: 2,
        contacts: 1,
        supportRequests: 1,
        consents: 1,
        decisions: 1,
        allocations: 1,
        assessments: 1,
        assessmentNeeds: 1,
        childVoices: 1,
        plans: 1,
        planOutcomes: 1,
        planActions: 1,
        tafMeetings: 1,
        reviews: 1,
        reviewScores: 1,
        caseNotes: 1,
        closures: 1,
        closureOutcomes: 1,
        resettlementTasks: 1,
        enrolments: 1,
        courseAttendance: 1,
        courseMeasures: 1,
        groupMembers: 1,
        groupAttendance: 1,
        surveyInvitationsUnlinked: 1,
      },
    });
    const detail = JSON.stringify(entry.detail);
    for (const name of [doomed.family.name, `Parent${doomed.tag}`, `Child${doomed.tag}`, `Happened ${doomed.tag}`]) expect(detail).not.toContain(name);
  });

  it("through the routes: confirms, deletes, and refuses a family not yet due (409) or of another team (404), changing nothing", async () => {
    const s = await setup();
    const due = await createClosedFamily(s.db, { teamId: s.teamA.id, staffId: s.leadA.user.id, closedOn: longAgo(), shared: s.shared });
    const notDue = await createClosedFamily(s.db, { teamId: s.teamA.id, staffId: s.leadA.user.id, closedOn: utc("2025-01-10"), shared: s.shared });
    const theirs = await createClosedFamily(s.db, { teamId: s.teamB.id, staffId: s.leadB.user.id, closedOn: longAgo(), shared: s.shared });
    const leadA = await signIn(s.leadA.user.id);
    const practitioner = await signIn((await actorFor(["practitioner"], "read:family", s.teamA.id)).user.id);

    const list = await call(retentionRoute.loader as Fn, "/retention", {}, get(leadA));
    const ids = ((await list.json()) as { families: Array<{ id: string }> }).families.map((f) => f.id);
    expect(ids).toContain(due.family.id);
    expect(ids).not.toContain(notDue.family.id);
    expect(ids).not.toContain(theirs.family.id);
    expect((await call(retentionRoute.loader as Fn, "/retention", {}, get(practitioner))).status).toBe(403);

    // The confirmation page counts what will go; nothing ticked goes back with an error.
    const preview = await call(confirmRoute.loader as Fn, `/retention/confirm?family=${due.family.id}`, {}, get(leadA));
    expect(preview.status).toBe(200);
    const { families } = (await preview.json()) as { families: Array<{ reference: string; counts: Record<string, number> }> };
    expect(families[0]).toMatchObject({ reference: due.family.reference, counts: expect.objectContaining({ caseNotes: 1, members: 2 }) });
    const none = await call(confirmRoute.loader as Fn, "/retention/confirm", {}, get(leadA));
    expect([none.status, none.headers.get("Location")]).toEqual([302, "/retention?error=none"]);
    expect((await call(confirmRoute.loader as Fn, `/retention/confirm?family=${notDue.family.id}`, {}, get(leadA))).status).toBe(409);
    expect((await call(confirmRoute.loader as Fn, "/retention/confirm?family=%3Cscript%3E", {}, get(leadA))).status).toBe(400);

    // Posting ids directly: a family not yet due, or another team's, is refused and nothing changes, even beside a due one.
    const auditBefore = await s.db.auditEvent.count({ where: { action: "delete" } });
    const notYet = await call(confirmRoute.action as Fn, "/retention/confirm", {}, post(leadA, [due.family.id, notDue.family.id]));
    expect(notYet.status).toBe(409);
    expect(await notYet.json()).toEqual({ messageKey: "errors.notDueForDeletion" });
    const otherTeam = await call(confirmRoute.action as Fn, "/retention/confirm", {}, post(leadA, [theirs.family.id]));
    expect(otherTeam.status).toBe(404);
    expect((await call(confirmRoute.action as Fn, "/retention/confirm", {}, post(practitioner, [due.family.id]))).status).toBe(403);
    expect((await call(confirmRoute.action as Fn, "/retention/confirm", {}, post(leadA, []))).status).toBe(400);
    expect(await s.db.family.count({ where: { id: { in: [due.family.id, notDue.family.id, theirs.family.id] } } })).toBe(3);
    expect(await s.db.caseNote.count({ where: { familyId: { in: [due.family.id, notDue.family.id] } } })).toBe(2);
    expect(await s.db.auditEvent.count({ where: { action: "delete" } })).toBe(auditBefore);

    // The confirmed post deletes and says how many.
    const done = await call(confirmRoute.action as Fn, "/retention/confirm", {}, post(leadA, [due.family.id]));
    expect([done.status, done.headers.get("Location")]).toEqual([302, "/retention?deleted=1"]);
    expect(await s.db.family.count({ where: { id: due.family.id } })).toBe(0);
    expect(await s.db.family.count({ where: { id: { in: [notDue.family.id, theirs.family.id] } } })).toBe(2);
    expect(await s.db.auditEvent.count({ where: { action: "delete", familyId: due.family.id } })).toBe(1);
    // A second post of the same id is a 404: it is gone.
    expect((await call(confirmRoute.action as Fn, "/retention/confirm", {}, post(leadA, [due.family.id]))).status).toBe(404);
  });
});
