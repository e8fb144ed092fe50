import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { addDays } from "~/models/casework/rules";
import { groupScope, requireGroup } from "./access.server";
import { computeReach, monthKey, personKey } from "./rules";

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
