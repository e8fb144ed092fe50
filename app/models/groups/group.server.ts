import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { startOfDay } from "~/models/casework/rules";
import { visibleFamilyIds } from "~/models/casework/access.server";
import { auditMemberRead, groupScope, requireGroup, scopeOf, seesMemberDetails, type Tx } from "./access.server";
import type { GroupInput } from "./schemas";

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
