import { db } from "~/utils/db.server";
import { isLanguageCode, LANGUAGE_CODES } from "~/utils/languages";
import { isoDate } from "~/models/casework/rules";
import { computeReach, hasHappened, personKey } from "~/models/groups/rules";
import type { RawTable, ReportPeriod, ReportScope, ReportSection } from "./types";

/**
 * Peer support group reach for a period (issue 7), counted exactly as the groups' reach
 * page counts it (`computeReach`, docs/decisions/0006-groups.md): meetings that have
 * happened, distinct parents ticked present (a linked parent once, however many groups),
 * new members, and head counts at drop-ins, which are visits, not people. The team is the
 * group's. Periods are whole months, as reach is.
 */
export async function groupSections(period: ReportPeriod, scope: ReportScope, today = new Date()): Promise<ReportSection[]> {
  const from = isoDate(period.from).slice(0, 7);
  const to = isoDate(period.to).slice(0, 7);
  const group = scope.teamId ? { teamId: scope.teamId } : {};
  const [meetings, members] = await Promise.all([
    db.groupMeeting.findMany({
      where: { group, heldOn: { gte: period.from, lte: period.to } },
      select: { groupId: true, heldOn: true, language: true, attendanceMode: true, headCountAdults: true, headCountChildren: true, attendance: { select: { member: { select: { id: true, familyMemberId: true } } } } },
    }),
    db.groupMember.findMany({ where: { group }, select: { id: true, familyMemberId: true, language: true, joinedOn: true, source: true } }),
  ]);
  const reach = computeReach({
    from,
    to,
    today,
    meetings: meetings.map((m) => ({ ...m, attendees: m.attendance.map((a) => personKey(a.member)) })),
    members: members
      // Earliest membership first, so a parent in two groups is new once, when they first joined.
      .sort((a, b) => a.joinedOn.getTime() - b.joinedOn.getTime() || a.id.localeCompare(b.id))
      .filter((m, i, all) => !m.familyMemberId || all.findIndex((x) => x.familyMemberId === m.familyMemberId) === i)
      .map((m) => ({ key: personKey(m), language: m.language, joinedOn: m.joinedOn, source: m.source })),
  });
  const held = meetings.filter((m) => hasHappened(m.heldOn, today));
  const attendances = held.reduce((n, m) => n + m.attendance.length, 0);
  const groupsMet = new Set(held.map((m) => m.groupId)).size;
  const total = reach.total;

  const summary: RawTable = {
    id: "group-reach",
    titleKey: "reports:groups.reach.title",
    rowHeaderKey: "reports:groups.reach.row",
    rows: ["groupsMet", "meetings", "attendances", "parents", "repeatParents", "newMembers", "fromCourse", "headCountAdults", "headCountChildren"].map((key) => ({ key, labelKey: `reports:groups.reach.${key}` })),
    cols: [{ key: "count", labelKey: "reports:groups.count" }],
    counts: [[groupsMet], [total.meetings], [attendances], [total.uniqueParents], [total.repeatParents], [total.newMembers], [total.fromCourse], [total.headCountAdults], [total.headCountChildren]],
    noteKey: "reports:groups.reach.note",
  };
  // Languages in the service's order, then any other tag.
  const order = (l: string) => (isLanguageCode(l) ? LANGUAGE_CODES.indexOf(l) : LANGUAGE_CODES.length);
  const languages = [...reach.languages].sort((a, b) => order(a.language) - order(b.language) || a.language.localeCompare(b.language));
  const byLanguage: RawTable = {
    id: "group-reach-languages",
    titleKey: "reports:groups.languages.title",
    rowHeaderKey: "reports:groups.languages.row",
    rows: languages.map((l) => (isLanguageCode(l.language) ? { key: l.language, labelKey: `common:languages.${l.language}` } : { key: l.language, labelKey: "reports:groups.languages.row", text: l.language })),
    cols: [
      { key: "meetings", labelKey: "reports:groups.languages.meetings" },
      { key: "parents", labelKey: "reports:groups.languages.parents" },
      { key: "newMembers", labelKey: "reports:groups.languages.newMembers" },
    ],
    counts: languages.map((l) => [l.meetings, l.uniqueParents, l.newMembers]),
    colTotals: true,
    noteKey: "reports:groups.languages.note",
  };
  return [{ id: "groups-reach", titleKey: "reports:groups.title", heading: "creative", tables: [summary, byLanguage] }];
}
