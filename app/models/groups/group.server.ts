import { likeLiteral } from "~/utils/like";
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor, type Scope } from "~/utils/permissions";
import { addDays, startOfDay } from "~/models/casework/rules";
import { familyScope } from "~/models/casework/family.server";
import { computeReach, hasHappened, monthKey, personKey } from "./rules";
import type { AttendanceInput, GroupInput, InviteePerson, MeetingInput, MemberInput, MemberLeftInput, MemberUpdateInput } from "./schemas";

/**
 * Peer support groups. Access: leads see every group; practitioners their team's groups
 * and any they help run; facilitators and parent champions only the groups they lead.
 * Staff (team or wider read scope) see member details; everyone else sees first names
 * and meetings, never contact details or anything of casework. Every read and write of
 * member data is audited; a linked member's family gets the entry in its own history.
 * Bad requests throw a 4xx Response with a `groups:` translation key and change nothing.
 */

type Tx = Prisma.TransactionClient;
type Need = "read" | "write" | "manage";

function scopeOf(actor: Actor, need: Need): Scope | null {
  return scopeFor(actor.user.roles, `${need}:group`);
}

/** Whether the actor sees member details (contact, consent, family link) rather than names only. */
export function seesMemberDetails(actor: Actor): boolean {
  const scope = scopeOf(actor, "read");
  return scope === "team" || scope === "any";
}

/** The `where` for groups the actor may act on with the given need. */
export function groupScope(actor: Actor, need: Need): Prisma.GroupWhereInput {
  const scope = scopeOf(actor, need);
  const leads: Prisma.GroupWhereInput = { leaders: { some: { userId: actor.user.id } } };
  if (scope === "any") return {};
  if (scope === "team") return actor.user.teamId ? { OR: [{ teamId: actor.user.teamId }, leads] } : leads;
  if (scope === "own") return leads;
  return { id: "__none__" };
}

/** The group if the actor may act on it; 403 when they may see it but not do this, else 404. */
export async function requireGroup(actor: Actor, groupId: string, need: Need = "read", client: Tx | typeof db = db) {
  const group = await client.group.findFirst({ where: { AND: [{ id: groupId }, groupScope(actor, need)] } });
  if (group) return group;
  const exists = await client.group.count({ where: { id: groupId } });
  if (exists) {
    await audit(actor, { action: "denied", entity: "group", entityId: groupId, detail: { need } });
    if (need !== "read" && (await client.group.count({ where: { AND: [{ id: groupId }, groupScope(actor, "read")] } }))) {
      throw errorResponse(403, "errors.forbidden");
    }
  }
  throw errorResponse(404, "errors.notFound");
}

/** Audits a read of members, with one entry per linked family so each family's history shows it. */
async function auditMemberRead(actor: Actor, groupId: string, what: string, familyIds: Array<string | null | undefined>, client: Tx | typeof db = db) {
  await audit(actor, { action: "read", entity: what, entityId: groupId, detail: { groupId } }, client);
  for (const familyId of new Set(familyIds.filter((f): f is string => !!f))) {
    await audit(actor, { action: "read", entity: "group-member", entityId: groupId, familyId, detail: { groupId } }, client);
  }
}

// ---------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------

/** Groups the actor may see, with member and meeting counts and the last meeting. */
export async function listGroups(actor: Actor) {
  const today = startOfDay(new Date());
  const groups = await db.group.findMany({
    where: groupScope(actor, "read"),
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      languages: true,
      audienceTags: true,
      status: true,
      meetingPattern: true,
      venue: true,
      _count: { select: { members: { where: { leftOn: null } } } },
      meetings: { where: { heldOn: { lte: today } }, orderBy: { heldOn: "desc" }, take: 1, select: { heldOn: true } },
    },
  });
  await audit(actor, { action: "list", entity: "group", detail: { count: groups.length } });
  return groups.map(({ meetings, _count, ...g }) => ({ ...g, members: _count.members, lastMeeting: meetings[0]?.heldOn ?? null }));
}

/** Users who may be named as a group's facilitators (staff) and parent champions. */
export async function listLeaderCandidates() {
  const users = await db.user.findMany({
    where: { disabledAt: null, OR: [{ roles: { hasSome: ["practitioner", "lead", "facilitator"] } }, { roles: { has: "parent_champion" } }] },
    select: { id: true, name: true, roles: true, organisation: true },
    orderBy: { name: "asc" },
  });
  return {
    facilitators: users.filter((u) => u.roles.some((r) => r === "practitioner" || r === "lead" || r === "facilitator")),
    champions: users.filter((u) => u.roles.includes("parent_champion")),
  };
}

async function checkLeaders(input: Pick<GroupInput, "facilitatorIds" | "championIds">, client: Tx) {
  const ids = [...new Set([...input.facilitatorIds, ...input.championIds])];
  if (!ids.length) return;
  const users = await client.user.findMany({ where: { id: { in: ids }, disabledAt: null }, select: { id: true, roles: true } });
  const byId = new Map(users.map((u) => [u.id, u.roles]));
  for (const f of input.facilitatorIds) {
    const roles = byId.get(f);
    if (!roles?.some((r) => r === "practitioner" || r === "lead" || r === "facilitator")) throw errorResponse(400, "groups:staff.errors.unknownFacilitator");
  }
  for (const c of input.championIds) {
    if (!byId.get(c)?.includes("parent_champion")) throw errorResponse(400, "groups:staff.errors.unknownChampion");
  }
  if (input.facilitatorIds.some((f) => input.championIds.includes(f))) throw errorResponse(400, "groups:staff.errors.leaderTwice");
}

function leaderRows(input: Pick<GroupInput, "facilitatorIds" | "championIds">) {
  return [
    ...[...new Set(input.facilitatorIds)].map((userId) => ({ userId, role: "facilitator" as const })),
    ...[...new Set(input.championIds)].map((userId) => ({ userId, role: "parent_champion" as const })),
  ];
}

/** Creates a group in the lead's team, with its facilitators and parent champions. */
export async function createGroup(actor: Actor, input: GroupInput) {
  if (scopeOf(actor, "manage") === null) throw errorResponse(403, "errors.forbidden");
  return db.$transaction(async (tx) => {
    await checkLeaders(input, tx);
    const group = await tx.group.create({
      data: {
        name: input.name,
        purpose: input.purpose,
        languages: [...new Set(input.languages)],
        meetingPattern: input.meetingPattern,
        venue: input.venue,
        audienceTags: [...new Set(input.audienceTags)],
        status: input.status,
        teamId: actor.user.teamId ?? null,
        leaders: { create: leaderRows(input) },
      },
    });
    await audit(actor, { action: "create", entity: "group", entityId: group.id, detail: { leaders: input.facilitatorIds.length + input.championIds.length } }, tx);
    return group;
  });
}

/** Changes a group's details and leaders (optimistic concurrency on `version`). */
export async function updateGroup(actor: Actor, groupId: string, version: number, input: GroupInput) {
  const group = await requireGroup(actor, groupId, "manage");
  return db.$transaction(async (tx) => {
    await checkLeaders(input, tx);
    const moved = await tx.group.updateMany({
      where: { id: group.id, version },
      data: {
        name: input.name,
        purpose: input.purpose,
        languages: [...new Set(input.languages)],
        meetingPattern: input.meetingPattern,
        venue: input.venue,
        audienceTags: [...new Set(input.audienceTags)],
        status: input.status,
        version: { increment: 1 },
      },
    });
    if (!moved.count) throw errorResponse(409, "groups:staff.errors.versionConflict");
    await tx.groupLeader.deleteMany({ where: { groupId: group.id } });
    await tx.groupLeader.createMany({ data: leaderRows(input).map((l) => ({ ...l, groupId: group.id })) });
    await audit(actor, { action: "update", entity: "group", entityId: group.id }, tx);
    return group;
  });
}

/**
 * A group's page: details, leaders, current members, meetings (newest first) and open
 * follow-ups. Member details and follow-ups only for staff (see seesMemberDetails).
 */
export async function getGroupPage(actor: Actor, groupId: string) {
  const group = await requireGroup(actor, groupId, "read");
  const details = seesMemberDetails(actor);
  const [leaders, members, meetings, followUps, former] = await Promise.all([
    db.groupLeader.findMany({ where: { groupId }, include: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } }),
    db.groupMember.findMany({
      where: { groupId, leftOn: null },
      orderBy: [{ firstName: "asc" }, { id: "asc" }],
      include: { familyMember: { select: { lastName: true, familyId: true, family: { select: { reference: true, teamId: true } } } }, _count: { select: { attendance: true } } },
    }),
    db.groupMeeting.findMany({
      where: { groupId },
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      take: 100,
      select: { id: true, heldOn: true, topic: true, language: true, attendanceMode: true, headCountAdults: true, headCountChildren: true, _count: { select: { attendance: true, followUps: true } } },
    }),
    details
      ? db.groupFollowUp.findMany({ where: { meeting: { groupId }, doneOn: null }, orderBy: { createdAt: "asc" }, include: { meeting: { select: { id: true, heldOn: true } } } })
      : Promise.resolve([]),
    details
      ? db.groupMember.findMany({ where: { groupId, leftOn: { not: null } }, orderBy: [{ leftOn: "desc" }, { id: "asc" }], take: 200, select: { id: true, firstName: true, leftOn: true } })
      : Promise.resolve([]),
  ]);
  await auditMemberRead(actor, groupId, "group", details ? members.map((m) => m.familyMember?.familyId) : []);
  const visibleFamilies = details ? await visibleFamilyIds(actor, members.map((m) => m.familyMember?.familyId)) : new Set<string>();
  return {
    group,
    details,
    leaders: leaders.map((l) => ({ id: l.user.id, name: l.user.name, role: l.role })),
    members: members.map((m) => ({
      id: m.id,
      firstName: m.firstName,
      attended: m._count.attendance,
      ...(details
        ? {
            lastName: m.familyMember?.lastName ?? null,
            contact: m.contact,
            language: m.language,
            consentToContact: m.consentToContact,
            source: m.source,
            joinedOn: m.joinedOn,
            familyId: m.familyMember && visibleFamilies.has(m.familyMember.familyId) ? m.familyMember.familyId : null,
            familyReference: m.familyMember && visibleFamilies.has(m.familyMember.familyId) ? m.familyMember.family.reference : null,
          }
        : {}),
    })),
    formerMembers: former.map((m) => ({ id: m.id, firstName: m.firstName, leftOn: m.leftOn! })),
    meetings,
    followUps: followUps.map((f) => ({ id: f.id, description: f.description, meetingId: f.meeting.id, heldOn: f.meeting.heldOn })),
  };
}

async function visibleFamilyIds(actor: Actor, ids: Array<string | null | undefined>) {
  const wanted = [...new Set(ids.filter((f): f is string => !!f))];
  if (!wanted.length || scopeFor(actor.user.roles, "read:family") === null) return new Set<string>();
  const scope = scopeFor(actor.user.roles, "read:family") === "any" ? {} : familyScope({ ...actor, scope: "team" });
  const rows = await db.family.findMany({ where: { AND: [{ id: { in: wanted } }, scope] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------

/** A family, looked up by reference, with its adults, for linking a member. Audited. */
export async function findFamilyForLinking(actor: Actor, reference: string) {
  if (scopeFor(actor.user.roles, "read:family") === null) throw errorResponse(403, "errors.forbidden");
  const family = await db.family.findFirst({
    where: { AND: [{ reference: { equals: likeLiteral(reference.trim()), mode: "insensitive" } }, familyScope({ ...actor, scope: scopeFor(actor.user.roles, "read:family")! })] },
    select: { id: true, reference: true, name: true, preferredLanguage: true, members: { where: { kind: "adult" }, select: { id: true, firstName: true, lastName: true, preferredLanguage: true }, orderBy: { firstName: "asc" } } },
  });
  await audit(actor, { action: "search", entity: "family", familyId: family?.id ?? null, detail: { groupLink: true, found: Boolean(family) } });
  return family;
}

/** A family member the actor may see (their family is in scope), or a 400. */
async function requireLinkableMember(actor: Actor, familyMemberId: string, client: Tx) {
  const readScope = scopeFor(actor.user.roles, "read:family");
  if (readScope === null) throw errorResponse(400, "groups:staff.errors.cannotLink");
  const member = await client.familyMember.findFirst({
    where: { id: familyMemberId, kind: "adult", family: familyScope({ ...actor, scope: readScope }) },
    select: { id: true, firstName: true, familyId: true, preferredLanguage: true, family: { select: { preferredLanguage: true } } },
  });
  if (!member) throw errorResponse(400, "groups:staff.errors.unknownFamilyMember");
  return member;
}

type NewMember = Omit<MemberInput, "joinedOn"> & { joinedOn?: Date };

async function createMember(actor: Actor, groupId: string, input: NewMember, tx: Tx) {
  let familyId: string | null = null;
  let firstName = input.firstName ?? "";
  if (input.familyMemberId) {
    const fm = await requireLinkableMember(actor, input.familyMemberId, tx);
    const already = await tx.groupMember.findFirst({ where: { groupId, familyMemberId: fm.id, leftOn: null }, select: { id: true } });
    if (already) return { member: already, created: false };
    familyId = fm.familyId;
    firstName = fm.firstName;
  }
  const member = await tx.groupMember.create({
    data: {
      groupId,
      familyMemberId: input.familyMemberId ?? null,
      firstName,
      // A linked parent's contact details live on the family record, not here.
      contact: input.familyMemberId ? null : (input.contact ?? null),
      language: input.language,
      consentToContact: input.consentToContact,
      source: input.source,
      sourceCohortId: input.sourceCohortId ?? null,
      joinedOn: input.joinedOn ?? startOfDay(new Date()),
      addedById: actor.user.id,
    },
  });
  await audit(actor, { action: "create", entity: "group-member", entityId: member.id, familyId, detail: { groupId, source: input.source, linked: Boolean(familyId) } }, tx);
  return { member, created: true };
}

/** Adds a parent to a group: linked to a family member the actor may see, or a light record. */
export async function addGroupMember(actor: Actor, groupId: string, input: MemberInput) {
  const group = await requireGroup(actor, groupId, "write");
  return db.$transaction(async (tx) => {
    const { member, created } = await createMember(actor, group.id, input, tx);
    if (!created) throw errorResponse(400, "groups:errors.alreadyMember");
    return member;
  });
}

/**
 * One member of a group, for changing their details. Only staff who see member details
 * (not parent champions or facilitators, who see first names) may open it. Audited, with
 * the entry in a linked family's history too.
 */
export async function getGroupMember(actor: Actor, groupId: string, memberId: string) {
  const group = await requireGroup(actor, groupId, "write");
  if (!seesMemberDetails(actor)) throw errorResponse(403, "errors.forbidden");
  const member = await db.groupMember.findFirst({
    where: { id: memberId, groupId: group.id },
    include: { familyMember: { select: { lastName: true, familyId: true } } },
  });
  if (!member) throw errorResponse(404, "errors.notFound");
  await audit(actor, { action: "read", entity: "group-member", entityId: member.id, familyId: member.familyMember?.familyId ?? null, detail: { groupId: group.id } });
  return { group, member };
}

/** Writes a change to one member if nobody else has changed it since `version`; else 409. */
async function changeMember(actor: Actor, groupId: string, memberId: string, version: number, data: (m: { familyMemberId: string | null; joinedOn: Date; leftOn: Date | null }) => Prisma.GroupMemberUpdateManyMutationInput, what: string) {
  const group = await requireGroup(actor, groupId, "write");
  if (!seesMemberDetails(actor)) throw errorResponse(403, "errors.forbidden");
  return db.$transaction(async (tx) => {
    const member = await tx.groupMember.findFirst({ where: { id: memberId, groupId: group.id }, include: { familyMember: { select: { familyId: true } } } });
    if (!member) throw errorResponse(404, "errors.notFound");
    const moved = await tx.groupMember.updateMany({ where: { id: member.id, version }, data: { ...data(member), version: { increment: 1 } } });
    if (!moved.count) throw errorResponse(409, "groups:staff.errors.memberVersionConflict");
    await audit(actor, { action: "update", entity: "group-member", entityId: member.id, familyId: member.familyMember?.familyId ?? null, detail: { groupId: group.id, change: what } }, tx);
    return member;
  });
}

/** Changes a member's language, consent, and (for a light record) first name and contact. */
export async function updateGroupMember(actor: Actor, groupId: string, memberId: string, input: MemberUpdateInput) {
  return changeMember(actor, groupId, memberId, input.version, (m) => {
    if (m.familyMemberId) return { language: input.language, consentToContact: input.consentToContact };
    if (!input.firstName) throw errorResponse(400, "groups:errors.firstNameRequired");
    return { firstName: input.firstName, contact: input.contact ?? null, language: input.language, consentToContact: input.consentToContact };
  }, "details");
}

/**
 * Marks a member as having left on a day. They drop off the member list and the register
 * of later meetings; their past attendance stays, so reach for earlier months is unchanged.
 */
export async function markMemberLeft(actor: Actor, groupId: string, memberId: string, input: MemberLeftInput) {
  return changeMember(actor, groupId, memberId, input.version, (m) => {
    if (m.leftOn) throw errorResponse(400, "groups:errors.alreadyLeft");
    if (input.leftOn < m.joinedOn) throw errorResponse(400, "groups:errors.leftBeforeJoined");
    return { leftOn: input.leftOn };
  }, "left");
}

/**
 * Invites parents who completed a parenting course to a group, all or nothing: one bad
 * entry (a family member the actor may not see, a missing name) changes nothing. A
 * parent already in the group (same family member, or same first name, contact and
 * cohort) is skipped, so posting the same list twice adds no one twice.
 */
export async function inviteToGroup(actor: Actor, groupId: string, people: InviteePerson[]) {
  const group = await requireGroup(actor, groupId, "write");
  return db.$transaction(async (tx) => {
    let added = 0;
    let skipped = 0;
    for (const person of people) {
      if (!person.familyMemberId) {
        const dup = await tx.groupMember.count({
          where: { groupId: group.id, leftOn: null, familyMemberId: null, firstName: person.firstName!, contact: person.contact ?? null, sourceCohortId: person.sourceCohortId },
        });
        if (dup) {
          skipped += 1;
          continue;
        }
      }
      const { created } = await createMember(actor, group.id, { ...person, source: "course_graduate" }, tx);
      if (created) added += 1;
      else skipped += 1;
    }
    await audit(actor, { action: "invite", entity: "group", entityId: group.id, detail: { added, skipped, cohorts: [...new Set(people.map((p) => p.sourceCohortId))] } }, tx);
    return { added, skipped };
  });
}

// ---------------------------------------------------------------------------
// Meetings and attendance
// ---------------------------------------------------------------------------

/** Refuses member ids that are not current members of this group. */
async function requireOwnMembers(groupId: string, ids: string[], client: Tx) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = await client.groupMember.count({ where: { groupId, id: { in: unique }, leftOn: null } });
  if (found !== unique.length) throw errorResponse(400, "groups:errors.memberNotInGroup");
  return unique;
}

/** Records a meeting with named attendance or a head count, and follow-ups for the lead. */
export async function recordMeeting(actor: Actor, groupId: string, input: MeetingInput) {
  const group = await requireGroup(actor, groupId, "write");
  const today = new Date();
  const anyone = input.attendees.length > 0 || (input.headCountAdults ?? 0) > 0 || (input.headCountChildren ?? 0) > 0;
  if (anyone && !hasHappened(input.heldOn, today)) throw errorResponse(400, "groups:errors.attendanceInFuture");
  return db.$transaction(async (tx) => {
    const attendees = await requireOwnMembers(group.id, input.attendees, tx);
    const meeting = await tx.groupMeeting.create({
      data: {
        groupId: group.id,
        heldOn: input.heldOn,
        topic: input.topic,
        language: input.language,
        attendanceMode: input.attendanceMode,
        headCountAdults: input.attendanceMode === "head_count" ? (input.headCountAdults ?? 0) : null,
        headCountChildren: input.headCountChildren ?? null,
        notes: input.notes,
        recordedById: actor.user.id,
        attendance: { create: attendees.map((memberId) => ({ memberId })) },
        followUps: { create: input.followUps.map((description) => ({ description, createdById: actor.user.id })) },
      },
    });
    await audit(actor, { action: "create", entity: "group-meeting", entityId: meeting.id, detail: { groupId: group.id, mode: input.attendanceMode, named: attendees.length } }, tx);
    return meeting;
  });
}

/** A meeting of this group (404 for a meeting of another group), with its attendance. */
export async function getMeeting(actor: Actor, groupId: string, meetingId: string) {
  const group = await requireGroup(actor, groupId, "read");
  const details = seesMemberDetails(actor);
  const meeting = await db.groupMeeting.findFirst({
    where: { id: meetingId, groupId: group.id },
    include: {
      attendance: { select: { memberId: true } },
      followUps: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!meeting) throw errorResponse(404, "groups:errors.meetingNotInGroup");
  const members = await db.groupMember.findMany({
    where: { groupId: group.id, OR: [{ leftOn: null }, { id: { in: meeting.attendance.map((a) => a.memberId) } }] },
    select: { id: true, firstName: true, familyMember: { select: { familyId: true } } },
    orderBy: [{ firstName: "asc" }, { id: "asc" }],
  });
  await auditMemberRead(actor, group.id, "group-meeting", details ? members.map((m) => m.familyMember?.familyId) : []);
  return {
    group,
    details,
    meeting: { ...meeting, followUps: details ? meeting.followUps : [], attendance: meeting.attendance.map((a) => a.memberId) },
    members: members.map((m) => ({ id: m.id, firstName: m.firstName })),
    happened: hasHappened(meeting.heldOn, new Date()),
  };
}

/** Replaces a meeting's attendance: the ticked members, or the head counts. */
export async function updateAttendance(actor: Actor, groupId: string, meetingId: string, input: AttendanceInput) {
  const group = await requireGroup(actor, groupId, "write");
  return db.$transaction(async (tx) => {
    const meeting = await tx.groupMeeting.findFirst({ where: { id: meetingId, groupId: group.id } });
    if (!meeting) throw errorResponse(404, "groups:errors.meetingNotInGroup");
    const anyone = input.attendees.length > 0 || (input.headCountAdults ?? 0) > 0 || (input.headCountChildren ?? 0) > 0;
    if (anyone && !hasHappened(meeting.heldOn, new Date())) throw errorResponse(400, "groups:errors.attendanceInFuture");
    if (meeting.attendanceMode === "head_count") {
      if (input.attendees.length) throw errorResponse(400, "groups:errors.namedInHeadCount");
      if (input.headCountAdults === undefined) throw errorResponse(400, "groups:errors.headCountRequired");
      await tx.groupMeeting.update({ where: { id: meeting.id }, data: { headCountAdults: input.headCountAdults, headCountChildren: input.headCountChildren ?? null } });
    } else {
      if (input.headCountAdults !== undefined) throw errorResponse(400, "groups:errors.adultsInNamed");
      const attendees = await requireOwnMembers(group.id, input.attendees, tx);
      await tx.groupAttendance.deleteMany({ where: { meetingId: meeting.id } });
      await tx.groupAttendance.createMany({ data: attendees.map((memberId) => ({ meetingId: meeting.id, memberId })) });
      await tx.groupMeeting.update({ where: { id: meeting.id }, data: { headCountChildren: input.headCountChildren ?? null } });
    }
    await audit(actor, { action: "update", entity: "group-attendance", entityId: meeting.id, detail: { groupId: group.id, named: input.attendees.length } }, tx);
  });
}

/** Marks a follow-up done (staff who may see follow-ups). */
export async function completeFollowUp(actor: Actor, groupId: string, meetingId: string, followUpId: string) {
  const group = await requireGroup(actor, groupId, "write");
  if (!seesMemberDetails(actor)) throw errorResponse(403, "errors.forbidden");
  const done = await db.groupFollowUp.updateMany({ where: { id: followUpId, meetingId, meeting: { groupId: group.id }, doneOn: null }, data: { doneOn: startOfDay(new Date()) } });
  if (!done.count) throw errorResponse(404, "errors.notFound");
  await audit(actor, { action: "update", entity: "group-follow-up", entityId: followUpId, detail: { groupId: group.id } });
}

// ---------------------------------------------------------------------------
// Reach
// ---------------------------------------------------------------------------

/** The default reach period: the last twelve months including this one. */
export function defaultPeriod(today = new Date()) {
  const to = monthKey(today);
  const from = monthKey(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)));
  return { from, to };
}

/**
 * Reach for one group, or for every group the actor may see. Figures only: no names
 * leave this function. Audited as a report read.
 */
export async function getReach(actor: Actor, options: { groupId?: string; from: string; to: string }) {
  const where: Prisma.GroupWhereInput = options.groupId ? { id: (await requireGroup(actor, options.groupId, "read")).id } : groupScope(actor, "read");
  const [fy, fm] = options.from.split("-").map(Number) as [number, number];
  const [ty, tm] = options.to.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(fy, fm - 1, 1));
  const end = addDays(new Date(Date.UTC(ty, tm, 1)), -1);
  const [meetings, members, groups] = await Promise.all([
    db.groupMeeting.findMany({
      where: { group: where, heldOn: { gte: start, lte: end } },
      select: { heldOn: true, language: true, attendanceMode: true, headCountAdults: true, headCountChildren: true, attendance: { select: { member: { select: { id: true, familyMemberId: true } } } } },
    }),
    db.groupMember.findMany({ where: { group: where }, select: { id: true, familyMemberId: true, language: true, joinedOn: true, source: true } }),
    db.group.count({ where }),
  ]);
  const reach = computeReach({
    from: options.from,
    to: options.to,
    today: new Date(),
    meetings: meetings.map((m) => ({ ...m, attendees: m.attendance.map((a) => personKey(a.member)) })),
    members: members
      // Earliest membership first, so a parent in two groups is "new" once, when they first joined.
      .sort((a, b) => a.joinedOn.getTime() - b.joinedOn.getTime())
      .filter((m, i, all) => !m.familyMemberId || all.findIndex((x) => x.familyMemberId === m.familyMemberId) === i)
      .map((m) => ({ key: personKey(m), language: m.language, joinedOn: m.joinedOn, source: m.source })),
  });
  await audit(actor, { action: "read", entity: "group-reach", entityId: options.groupId ?? null, detail: { from: options.from, to: options.to, groups } });
  return { reach, groups };
}
