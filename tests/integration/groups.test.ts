import * as groupRoute from "~/routes/groups+/$groupId";
import * as inviteRoute from "~/routes/groups+/$groupId_.invite";
import * as meetingRoute from "~/routes/groups+/$groupId_.meetings.$meetingId";
import * as newMeetingRoute from "~/routes/groups+/$groupId_.meetings.new";
import * as newMemberRoute from "~/routes/groups+/$groupId_.members.new";
import * as memberRoute from "~/routes/groups+/$groupId_.members.$memberId";
import { createFamily } from "~/models/casework/family.server";
import { FamilySchema } from "~/models/casework/schemas";
import { addDays, isoDate, startOfDay } from "~/models/casework/rules";
import { addGroupMember, inviteToGroup, markMemberLeft, updateGroupMember } from "~/models/groups/member.server";
import { createGroup, getGroupPage, listGroups } from "~/models/groups/group.server";
import { getMeeting, recordMeeting } from "~/models/groups/meeting.server";
import { getReach } from "~/models/groups/reach.server";
import { GroupSchema, MeetingSchema, MemberLeftSchema, MemberSchema, MemberUpdateSchema } from "~/models/groups/schemas";
import { monthKey } from "~/models/groups/rules";
import type { Actor } from "~/utils/auth.server";
import { createUserSession, csrfTokenFor, sessionCookie } from "~/utils/session.server";
import { actorFor, createTeam, getDb } from "./helpers";

// Own family references, so the demo seed's EH- references stay free (seed.test.ts).
const previousPrefix = process.env.FAMILY_REFERENCE_PREFIX;
beforeAll(() => {
  process.env.FAMILY_REFERENCE_PREFIX = "TGR-";
});
afterAll(() => {
  if (previousPrefix === undefined) delete process.env.FAMILY_REFERENCE_PREFIX;
  else process.env.FAMILY_REFERENCE_PREFIX = previousPrefix;
});

type Args = { request: Request; params: Record<string, string>; context: Record<string, unknown> };
type Fn = (args: Args) => Promise<unknown>;

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

function form(session: { cookie: string; csrf: string }, fields: Array<[string, string]>): RequestInit {
  const body = new URLSearchParams([...fields, ["csrf", session.csrf]]);
  return { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: session.cookie } };
}

const today = () => startOfDay(new Date());
const daysAgo = (n: number) => addDays(today(), -n);
const iso = (n: number) => isoDate(daysAgo(n));

async function setup() {
  const db = getDb();
  const team = await createTeam(db);
  const otherTeam = await createTeam(db);
  const lead = await actorFor(["lead"], "manage:group", team.id);
  const practitioner = await actorFor(["practitioner"], "read:group", team.id);
  const otherPractitioner = await actorFor(["practitioner"], "read:group", otherTeam.id);
  const champion = await actorFor(["parent_champion"], "write:group", null);
  const otherChampion = await actorFor(["parent_champion"], "write:group", null);
  const family = await createFamily(
    practitioner,
    FamilySchema.parse({ name: "Popal family", preferredLanguage: "ps", members: [{ kind: "adult", firstName: "Gul", lastName: "Popal", phone: "07700 900001" }, { kind: "child", firstName: "Aimal", lastName: "Popal", dateOfBirth: "2019-05-06" }] }),
  );
  const otherFamily = await createFamily(otherPractitioner, FamilySchema.parse({ name: "Nowak family", members: [{ kind: "adult", firstName: "Agnieszka", lastName: "Nowak" }] }));
  const gul = (await db.familyMember.findFirstOrThrow({ where: { familyId: family.id, kind: "adult" } })).id;
  const agnieszka = (await db.familyMember.findFirstOrThrow({ where: { familyId: otherFamily.id } })).id;
  const group = await createGroup(lead, GroupSchema.parse({ name: "Afghan mothers", languages: ["ps", "fa-AF"], audienceTags: ["resettled_afghan"], championIds: [champion.user.id] }));
  const other = await createGroup(lead, GroupSchema.parse({ name: "Dads", languages: ["en"], championIds: [otherChampion.user.id] }));
  return { db, team, lead, practitioner, otherPractitioner, champion, otherChampion, family, gul, agnieszka, group, other };
}

const member = (a: Actor, groupId: string, fields: Record<string, unknown>) =>
  addGroupMember(a, groupId, MemberSchema.parse({ language: "ps", consentToContact: "yes", ...fields }));

describe("groups: access", () => {
  it("shows a parent champion only their own group, with names and nothing of casework", async () => {
    const s = await setup();
    await member(s.lead, s.group.id, { familyMemberId: s.gul });
    await member(s.lead, s.group.id, { firstName: "Freshta", contact: "07700 900311" });
    const mine = await listGroups(s.champion);
    expect(mine.map((g) => g.id)).toEqual([s.group.id]);
    const page = await getGroupPage(s.champion, s.group.id);
    expect(page.details).toBe(false);
    expect(page.members.map((m) => m.firstName).sort()).toEqual(["Freshta", "Gul"]);
    const json = JSON.stringify(page.members);
    expect(json).not.toContain("07700");
    expect(json).not.toContain("Popal");
    expect(json).not.toContain(s.family.id);
    await expect(getGroupPage(s.champion, s.other.id)).rejects.toMatchObject({ status: 404 });
    await expect(getGroupPage(s.otherPractitioner, s.group.id)).rejects.toMatchObject({ status: 404 });
    // Staff of the team see details, including the link to the family they may see.
    const staffPage = await getGroupPage(s.practitioner, s.group.id);
    expect(staffPage.members.find((m) => m.firstName === "Gul")).toMatchObject({ familyId: s.family.id, lastName: "Popal" });
    expect(staffPage.members.find((m) => m.firstName === "Freshta")).toMatchObject({ contact: "07700 900311" });
  });

  it("audits reads of members, with an entry in a linked family's own history", async () => {
    const s = await setup();
    await member(s.lead, s.group.id, { familyMemberId: s.gul });
    const before = await s.db.auditEvent.count({ where: { familyId: s.family.id, entity: "group-member", action: "read" } });
    await getGroupPage(s.practitioner, s.group.id);
    expect(await s.db.auditEvent.count({ where: { familyId: s.family.id, entity: "group-member", action: "read" } })).toBe(before + 1);
    expect(await s.db.auditEvent.count({ where: { actorId: s.champion.user.id, entity: "group", action: "read", entityId: s.group.id } })).toBe(0);
    await getGroupPage(s.champion, s.group.id);
    expect(await s.db.auditEvent.count({ where: { actorId: s.champion.user.id, entity: "group", action: "read", entityId: s.group.id } })).toBe(1);
  });

  it("links a member only to a family the user may see", async () => {
    const s = await setup();
    await expect(member(s.lead, s.group.id, { familyMemberId: s.agnieszka })).rejects.toMatchObject({ status: 400 });
    await expect(member(s.champion, s.group.id, { familyMemberId: s.gul })).rejects.toMatchObject({ status: 400 });
    await member(s.lead, s.group.id, { familyMemberId: s.gul });
    await expect(member(s.lead, s.group.id, { familyMemberId: s.gul })).rejects.toMatchObject({ status: 400 });
    expect(await s.db.groupMember.count({ where: { groupId: s.group.id } })).toBe(1);
  });
});

describe("groups: reach", () => {
  it("counts unique parents, repeat attendance and new members by month from recorded meetings", async () => {
    const s = await setup();
    const a = await member(s.champion, s.group.id, { firstName: "Freshta", joinedOn: iso(0) });
    const b = await member(s.champion, s.group.id, { firstName: "Hamida", language: "fa-AF", joinedOn: iso(0) });
    const c = await member(s.lead, s.group.id, { familyMemberId: s.gul, joinedOn: iso(0), source: "course_graduate" });
    const meet = (attendees: string[]) => recordMeeting(s.champion, s.group.id, MeetingSchema.parse({ heldOn: iso(0), topic: "Schools", language: "ps", attendanceMode: "named", attendees }));
    await meet([a.id, b.id]);
    await meet([a.id, c.id]);
    await meet([a.id]);
    await recordMeeting(s.champion, s.group.id, MeetingSchema.parse({ heldOn: iso(0), topic: "Drop-in", language: "ps", attendanceMode: "head_count", headCountAdults: "6", headCountChildren: "4" }));
    // A planned meeting next week does not count yet.
    await recordMeeting(s.champion, s.group.id, MeetingSchema.parse({ heldOn: isoDate(addDays(today(), 7)), topic: "Eid", language: "ps", attendanceMode: "named" }));
    const month = monthKey(today());
    const { reach } = await getReach(s.champion, { groupId: s.group.id, from: month, to: month });
    expect(reach.total).toEqual({ meetings: 4, uniqueParents: 3, repeatParents: 1, newMembers: 3, fromCourse: 1, headCountAdults: 6, headCountChildren: 4 });
    expect(reach.months).toEqual([{ month, ...reach.total }]);
    const ps = reach.languages.find((l) => l.language === "ps");
    expect(ps).toMatchObject({ meetings: 4, uniqueParents: 2, repeatParents: 1 });
    // The other group's reach is its own.
    const other = await getReach(s.lead, { groupId: s.other.id, from: month, to: month });
    expect(other.reach.total.meetings).toBe(0);
  });

  it("counts a parent in two groups once across all groups", async () => {
    const s = await setup();
    const x = await member(s.lead, s.group.id, { familyMemberId: s.gul, joinedOn: iso(0) });
    const y = await member(s.lead, s.other.id, { familyMemberId: s.gul, joinedOn: iso(0) });
    await recordMeeting(s.lead, s.group.id, MeetingSchema.parse({ heldOn: iso(0), topic: "A", language: "ps", attendanceMode: "named", attendees: [x.id] }));
    await recordMeeting(s.lead, s.other.id, MeetingSchema.parse({ heldOn: iso(0), topic: "B", language: "en", attendanceMode: "named", attendees: [y.id] }));
    const month = monthKey(today());
    const all = await getReach(s.practitioner, { from: month, to: month });
    const team = await s.db.group.findMany({ where: { teamId: s.team.id }, select: { id: true } });
    expect(team).toHaveLength(2);
    expect(all.groups).toBe(2);
    expect(all.reach.total).toMatchObject({ meetings: 2, uniqueParents: 1, repeatParents: 1, newMembers: 1 });
  });
});

describe("groups: invite course graduates", () => {
  it("adds course graduates with their cohort, skips those already in the group, and reach counts them from course completion", async () => {
    const s = await setup();
    const people = [
      { firstName: "Kelly", language: "en" as const, contact: "07700 900123", consentToContact: true, source: "course_graduate" as const, sourceCohortId: "cohort-1" },
      { familyMemberId: s.gul, language: "ps" as const, consentToContact: true, source: "course_graduate" as const, sourceCohortId: "cohort-1" },
    ];
    expect(await inviteToGroup(s.lead, s.group.id, people)).toEqual({ added: 2, skipped: 0 });
    expect(await inviteToGroup(s.lead, s.group.id, people)).toEqual({ added: 0, skipped: 2 });
    const rows = await s.db.groupMember.findMany({ where: { groupId: s.group.id }, orderBy: { firstName: "asc" } });
    expect(rows.map((r) => [r.firstName, r.source, r.sourceCohortId, r.familyMemberId])).toEqual([
      ["Gul", "course_graduate", "cohort-1", s.gul],
      ["Kelly", "course_graduate", "cohort-1", null],
    ]);
    const month = monthKey(today());
    expect((await getReach(s.lead, { groupId: s.group.id, from: month, to: month })).reach.total.fromCourse).toBe(2);
  });

  it("is all or nothing: one person from a family the user may not see changes nothing", async () => {
    const s = await setup();
    await expect(
      inviteToGroup(s.lead, s.group.id, [
        { firstName: "Kelly", language: "en", consentToContact: false, source: "course_graduate", sourceCohortId: "cohort-1" },
        { familyMemberId: s.agnieszka, language: "pl", consentToContact: false, source: "course_graduate", sourceCohortId: "cohort-1" },
      ]),
    ).rejects.toMatchObject({ status: 400 });
    expect(await s.db.groupMember.count({ where: { groupId: s.group.id } })).toBe(0);
  });

  it("takes a list from a form post and returns to the page it came from", async () => {
    const s = await setup();
    const session = await signIn(s.lead.user.id);
    const url = `/groups/${s.group.id}/invite`;
    const ok = await call(inviteRoute.action as Fn, url, { groupId: s.group.id }, form(session, [
      ["people[0].firstName", "Rokeya"],
      ["people[0].language", "bn"],
      ["people[0].consentToContact", "yes"],
      ["people[0].sourceCohortId", "cohort-9"],
      ["people[1].firstName", "James"],
      ["people[1].language", "en"],
      ["people[1].sourceCohortId", "cohort-9"],
      ["returnTo", "/courses/cohorts/cohort-9"],
    ]));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/courses/cohorts/cohort-9?invited=2&alreadyMembers=0");
    expect(await s.db.groupMember.count({ where: { groupId: s.group.id, source: "course_graduate", sourceCohortId: "cohort-9" } })).toBe(2);

    const bad = await call(inviteRoute.action as Fn, url, { groupId: s.group.id }, form(session, [
      ["people[0].firstName", "Nasima"],
      ["people[0].language", "bn"],
      ["people[1].firstName", "Nobody"],
      ["people[1].language", "bn"],
      ["people[1].sourceCohortId", "cohort-9"],
    ]));
    expect(bad.status).toBe(400);
    const offsite = await call(inviteRoute.action as Fn, url, { groupId: s.group.id }, form(session, [
      ["people[0].firstName", "Nasima"],
      ["people[0].language", "bn"],
      ["people[0].sourceCohortId", "cohort-9"],
      ["returnTo", "//evil.example/"],
    ]));
    expect(offsite.status).toBe(400);
    expect(await s.db.groupMember.count({ where: { groupId: s.group.id } })).toBe(2);
    // A champion of another group cannot invite into this one.
    const other = await signIn(s.otherChampion.user.id);
    const denied = await call(inviteRoute.action as Fn, url, { groupId: s.group.id }, form(other, [["people[0].firstName", "X"], ["people[0].language", "en"], ["people[0].sourceCohortId", "c"]]));
    expect(denied.status).toBe(404);
  });
});

describe("groups: changing a member and recording that they left", () => {
  const update = (fields: Record<string, unknown>) => MemberUpdateSchema.parse({ intent: "update", version: "1", language: "fa-AF", consentToContact: "no", ...fields });
  const left = (version: number, daysBack: number) => MemberLeftSchema.parse({ intent: "left", version: String(version), leftOn: iso(daysBack) });

  it("changes a light record's details, but only language and consent of a linked parent, and audits it in the family's history", async () => {
    const s = await setup();
    const light = await member(s.lead, s.group.id, { firstName: "Freshta", contact: "07700 900311" });
    const linked = await member(s.lead, s.group.id, { familyMemberId: s.gul });
    await updateGroupMember(s.practitioner, s.group.id, light.id, update({ firstName: "Freshteh", contact: "freshteh@example.org" }));
    expect(await s.db.groupMember.findUniqueOrThrow({ where: { id: light.id } })).toMatchObject({ firstName: "Freshteh", contact: "freshteh@example.org", language: "fa-AF", consentToContact: false, version: 2 });
    await updateGroupMember(s.practitioner, s.group.id, linked.id, update({ firstName: "Someone else", contact: "07000 000000", language: "en" }));
    expect(await s.db.groupMember.findUniqueOrThrow({ where: { id: linked.id } })).toMatchObject({ firstName: "Gul", contact: null, language: "en", consentToContact: false });
    expect(await s.db.auditEvent.count({ where: { familyId: s.family.id, entity: "group-member", action: "update", entityId: linked.id } })).toBe(1);
    // A light record needs a first name.
    await expect(updateGroupMember(s.practitioner, s.group.id, light.id, update({ version: "2", firstName: "" }))).rejects.toMatchObject({ status: 400 });
  });

  it("refuses a stale version with 409, so two editors cannot overwrite each other", async () => {
    const s = await setup();
    const light = await member(s.lead, s.group.id, { firstName: "Freshta" });
    await updateGroupMember(s.lead, s.group.id, light.id, update({ firstName: "First editor" }));
    await expect(updateGroupMember(s.practitioner, s.group.id, light.id, update({ firstName: "Second editor" }))).rejects.toMatchObject({ status: 409 });
    expect((await s.db.groupMember.findUniqueOrThrow({ where: { id: light.id } })).firstName).toBe("First editor");
  });

  it("takes a member off the list and future registers when they leave, keeping their past attendance in reach", async () => {
    const s = await setup();
    const freshta = await member(s.lead, s.group.id, { firstName: "Freshta", joinedOn: iso(30) });
    await member(s.lead, s.group.id, { firstName: "Mariam", joinedOn: iso(30) });
    await recordMeeting(s.lead, s.group.id, MeetingSchema.parse({ heldOn: iso(10), topic: "Schools", language: "ps", attendanceMode: "named", attendees: [freshta.id] }));
    const reachBefore = await getReach(s.lead, { groupId: s.group.id, from: iso(60).slice(0, 7), to: iso(0).slice(0, 7) });
    await expect(markMemberLeft(s.lead, s.group.id, freshta.id, left(1, 31))).rejects.toMatchObject({ status: 400 });
    await markMemberLeft(s.lead, s.group.id, freshta.id, left(1, 5));
    const page = await getGroupPage(s.practitioner, s.group.id);
    expect(page.members.map((m) => m.firstName)).toEqual(["Mariam"]);
    expect(page.formerMembers).toEqual([{ id: freshta.id, firstName: "Freshta", leftOn: daysAgo(5) }]);
    expect(await getReach(s.lead, { groupId: s.group.id, from: iso(60).slice(0, 7), to: iso(0).slice(0, 7) })).toEqual(reachBefore);
    // Leaving twice is refused; a later meeting cannot tick someone who has left.
    await expect(markMemberLeft(s.lead, s.group.id, freshta.id, left(2, 1))).rejects.toMatchObject({ status: 400 });
    await expect(recordMeeting(s.lead, s.group.id, MeetingSchema.parse({ heldOn: iso(0), topic: "Sleep", language: "ps", attendanceMode: "named", attendees: [freshta.id] }))).rejects.toMatchObject({ status: 400 });
    // A parent champion sees no former members.
    expect((await getGroupPage(s.champion, s.group.id)).formerMembers).toEqual([]);
  });

  it("lets only staff who see member details open or change a member; other groups' members are 404", async () => {
    const s = await setup();
    const light = await member(s.lead, s.group.id, { firstName: "Freshta" });
    const otherMember = await member(s.lead, s.other.id, { firstName: "Dave" });
    await expect(updateGroupMember(s.champion, s.group.id, light.id, update({ firstName: "X" }))).rejects.toMatchObject({ status: 403 });
    await expect(updateGroupMember(s.otherPractitioner, s.group.id, light.id, update({ firstName: "X" }))).rejects.toMatchObject({ status: 404 });
    await expect(updateGroupMember(s.lead, s.group.id, otherMember.id, update({ firstName: "X" }))).rejects.toMatchObject({ status: 404 });
    expect((await s.db.groupMember.findUniqueOrThrow({ where: { id: light.id } })).firstName).toBe("Freshta");

    const session = await signIn(s.practitioner.user.id);
    const url = `/groups/${s.group.id}/members/${light.id}`;
    const params = { groupId: s.group.id, memberId: light.id };
    const page = await call(memberRoute.loader as Fn, url, params, { headers: { Cookie: session.cookie } });
    expect(page.status).toBe(200);
    const champion = await signIn(s.champion.user.id);
    expect((await call(memberRoute.loader as Fn, url, params, { headers: { Cookie: champion.cookie } })).status).toBe(403);
    // Bad posts are 400 with nothing changed: an unknown intent, a future date, a bad language.
    for (const fields of [[["intent", "delete"]], [["intent", "left"], ["version", "1"], ["leftOn", iso(-3)]], [["intent", "update"], ["version", "1"], ["language", "xx"], ["consentToContact", "yes"], ["firstName", "Y"]]] as Array<Array<[string, string]>>) {
      const res = await call(memberRoute.action as Fn, url, params, form(session, fields));
      expect(res.status).toBe(400);
    }
    expect(await s.db.groupMember.findUniqueOrThrow({ where: { id: light.id } })).toMatchObject({ firstName: "Freshta", leftOn: null, version: 1 });
    const ok = await call(memberRoute.action as Fn, url, params, form(session, [["intent", "left"], ["version", "1"], ["leftOn", iso(0)]]));
    expect(ok.status).toBe(302);
    expect((await s.db.groupMember.findUniqueOrThrow({ where: { id: light.id } })).leftOn).toEqual(today());
  });
});

describe("groups: bad input is refused with a 4xx and changes nothing", () => {
  async function withMeeting() {
    const s = await setup();
    const a = await member(s.champion, s.group.id, { firstName: "Freshta" });
    const stranger = await member(s.otherChampion, s.other.id, { firstName: "Daniel", language: "en" });
    const meeting = await recordMeeting(s.champion, s.group.id, MeetingSchema.parse({ heldOn: iso(1), topic: "Schools", language: "ps", attendanceMode: "named", attendees: [a.id] }));
    const otherMeeting = await recordMeeting(s.otherChampion, s.other.id, MeetingSchema.parse({ heldOn: iso(1), topic: "Football", language: "en", attendanceMode: "head_count", headCountAdults: "5" }));
    const session = await signIn(s.champion.user.id);
    const snapshot = async () => ({
      meetings: await s.db.groupMeeting.count(),
      attendance: await s.db.groupAttendance.findMany({ orderBy: { id: "asc" }, select: { meetingId: true, memberId: true } }),
      counts: await s.db.groupMeeting.findMany({ orderBy: { id: "asc" }, select: { id: true, headCountAdults: true, headCountChildren: true } }),
    });
    return { ...s, a, stranger, meeting, otherMeeting, session, snapshot };
  }

  it("refuses attendance for a meeting of another group", async () => {
    const s = await withMeeting();
    const before = await s.snapshot();
    const url = `/groups/${s.group.id}/meetings/${s.otherMeeting.id}`;
    const res = await call(meetingRoute.action as Fn, url, { groupId: s.group.id, meetingId: s.otherMeeting.id }, form(s.session, [["intent", "attendance"], ["attendees", s.a.id]]));
    expect(res.status).toBe(404);
    expect((await res.json()).messageKey).toBe("groups:errors.meetingNotInGroup");
    // Reading it through this group is refused too; through its own group the champion has no access.
    await expect(getMeeting(s.champion, s.group.id, s.otherMeeting.id)).rejects.toMatchObject({ status: 404 });
    const own = await call(meetingRoute.action as Fn, `/groups/${s.other.id}/meetings/${s.otherMeeting.id}`, { groupId: s.other.id, meetingId: s.otherMeeting.id }, form(s.session, [["intent", "attendance"], ["headCountAdults", "50"]]));
    expect(own.status).toBe(404);
    expect(await s.snapshot()).toEqual(before);
  });

  it("refuses a member of another group ticked, on a new meeting and on an existing one", async () => {
    const s = await withMeeting();
    const before = await s.snapshot();
    const created = await call(newMeetingRoute.action as Fn, `/groups/${s.group.id}/meetings/new`, { groupId: s.group.id }, form(s.session, [
      ["heldOn", iso(0)], ["topic", "Health"], ["language", "ps"], ["attendanceMode", "named"], ["attendees", s.a.id], ["attendees", s.stranger.id],
    ]));
    expect(created.status).toBe(400);
    expect((await created.json()).result.error[""]).toEqual(["groups:errors.memberNotInGroup"]);
    const updated = await call(meetingRoute.action as Fn, `/groups/${s.group.id}/meetings/${s.meeting.id}`, { groupId: s.group.id, meetingId: s.meeting.id }, form(s.session, [["intent", "attendance"], ["attendees", s.stranger.id]]));
    expect(updated.status).toBe(400);
    expect(await s.snapshot()).toEqual(before);
  });

  it("refuses negative head counts", async () => {
    const s = await withMeeting();
    const before = await s.snapshot();
    const res = await call(newMeetingRoute.action as Fn, `/groups/${s.group.id}/meetings/new`, { groupId: s.group.id }, form(s.session, [
      ["heldOn", iso(0)], ["topic", "Drop-in"], ["language", "ps"], ["attendanceMode", "head_count"], ["headCountAdults", "-3"], ["headCountChildren", "2"],
    ]));
    expect(res.status).toBe(400);
    expect((await res.json()).result.error.headCountAdults).toEqual(["errors.headCountNegative"]);
    const kids = await call(newMeetingRoute.action as Fn, `/groups/${s.group.id}/meetings/new`, { groupId: s.group.id }, form(s.session, [
      ["heldOn", iso(0)], ["topic", "Drop-in"], ["language", "ps"], ["attendanceMode", "head_count"], ["headCountAdults", "3"], ["headCountChildren", "-1"],
    ]));
    expect(kids.status).toBe(400);
    expect(await s.snapshot()).toEqual(before);
  });

  it("refuses meetings more than a year ahead, and attendance for a meeting that has not happened", async () => {
    const s = await withMeeting();
    const before = await s.snapshot();
    const far = isoDate(addDays(today(), 400));
    const res = await call(newMeetingRoute.action as Fn, `/groups/${s.group.id}/meetings/new`, { groupId: s.group.id }, form(s.session, [
      ["heldOn", far], ["topic", "Far away"], ["language", "ps"], ["attendanceMode", "named"],
    ]));
    expect(res.status).toBe(400);
    expect((await res.json()).result.error.heldOn).toEqual(["errors.dateTooFarAhead"]);
    const soon = isoDate(addDays(today(), 10));
    const ticked = await call(newMeetingRoute.action as Fn, `/groups/${s.group.id}/meetings/new`, { groupId: s.group.id }, form(s.session, [
      ["heldOn", soon], ["topic", "Next week"], ["language", "ps"], ["attendanceMode", "named"], ["attendees", s.a.id],
    ]));
    expect(ticked.status).toBe(400);
    expect(await s.snapshot()).toEqual(before);
    // A planned meeting without attendance is fine.
    const planned = await call(newMeetingRoute.action as Fn, `/groups/${s.group.id}/meetings/new`, { groupId: s.group.id }, form(s.session, [
      ["heldOn", soon], ["topic", "Next week"], ["language", "ps"], ["attendanceMode", "named"],
    ]));
    expect(planned.status).toBe(302);
  });

  it("refuses a champion's writes to a group they do not lead, and a member without consent recorded", async () => {
    const s = await withMeeting();
    const before = await s.snapshot();
    const other = await call(newMeetingRoute.action as Fn, `/groups/${s.other.id}/meetings/new`, { groupId: s.other.id }, form(s.session, [
      ["heldOn", iso(0)], ["topic", "X"], ["language", "en"], ["attendanceMode", "head_count"], ["headCountAdults", "3"],
    ]));
    expect(other.status).toBe(404);
    const noConsent = await call(newMemberRoute.action as Fn, `/groups/${s.group.id}/members/new`, { groupId: s.group.id }, form(s.session, [["firstName", "Hamida"], ["language", "fa-AF"]]));
    expect(noConsent.status).toBe(400);
    expect(await s.db.groupMember.count({ where: { groupId: s.group.id } })).toBe(1);
    expect(await s.snapshot()).toEqual(before);
    // And the champion's group page loads through the route.
    const page = await call(groupRoute.loader as Fn, `/groups/${s.group.id}`, { groupId: s.group.id }, { headers: { Cookie: s.session.cookie } });
    expect(page.status).toBe(200);
  });
});
