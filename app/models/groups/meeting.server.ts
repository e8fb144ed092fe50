import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { startOfDay } from "~/models/casework/rules";
import { auditMemberRead, requireGroup, seesMemberDetails, type Tx } from "./access.server";
import { hasHappened } from "./rules";
import type { AttendanceInput, MeetingInput } from "./schemas";

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
