import { randomUUID } from "node:crypto";
import { courseSections } from "~/models/reports/courses.server";
import { groupSections } from "~/models/reports/groups.server";
import { publishTable } from "~/models/reports/index.server";
import { financialYearStarting } from "~/models/reports/period";
import type { RawTable, ReportSection } from "~/models/reports/types";
import { createTeam, createUser, getDb } from "./helpers";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const period = financialYearStarting(2025); // 2025-04-01 to 2026-03-31
const uid = () => randomUUID().slice(0, 8);

function table(sections: ReportSection[], id: string): RawTable {
  const t = sections.flatMap((s) => s.tables).find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}
const byRow = (t: RawTable) => Object.fromEntries(t.rows.map((r, i) => [r.key, t.counts[i]![0]]));

/**
 * A small fixed set of courses for one team; every expected figure below is counted by
 * hand from it. Cohort C1 (Alpha, May 2025, finished), C2 (Alpha, Feb 2026, running),
 * C3 (Beta, Sep 2025, finished); C4 started before the period and C5 was cancelled.
 */
async function seedCourses(teamId: string) {
  const db = getDb();
  const staff = await createUser(db, { roles: ["lead"], teamId });
  const programme = (name: string, measureKeys: string[]) =>
    db.programme.create({ data: { name: `${name} ${uid()}`, description: "d", sessionCount: 4, sessionMinutes: 120, completionRule: "min_sessions", completionValue: 3, measureKeys, languages: ["en"] } });
  const alpha = await programme("Alpha", ["swemwbs", "parenting_confidence"]);
  const beta = await programme("Beta", ["parenting_confidence"]);
  const cohort = (programmeId: string, startDate: string, status: "running" | "completed" | "cancelled") =>
    db.cohort.create({ data: { programmeId, teamId, name: `Cohort ${uid()}`, startDate: d(startDate), startTime: "10:00", capacity: 20, status, createdById: staff.id, languages: ["en"] } });
  const enrol = async (cohortId: string, status: string, n: number) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(await db.enrolment.create({ data: { cohortId, name: `Parent ${i}`, status: status as never, createdById: staff.id } }));
    return out;
  };
  const score = (enrolmentId: string, measureKey: string, timepoint: "pre" | "post", value: number) =>
    db.measureResponse.create({ data: { enrolmentId, measureKey, timepoint, answers: [], rawScore: 0, score: value, recordedOn: d("2025-06-01"), recordedById: staff.id } });

  const c1 = await cohort(alpha.id, "2025-05-01", "completed");
  const done1 = await enrol(c1.id, "completed", 6);
  const stayed1 = await enrol(c1.id, "enrolled", 2);
  const withdrawn1 = await enrol(c1.id, "withdrawn", 1);
  await enrol(c1.id, "waiting", 1); // never took a place: not counted
  await enrol(c1.id, "offered", 1);
  const c2 = await cohort(alpha.id, "2026-02-01", "running");
  await enrol(c2.id, "enrolled", 3);
  await enrol(c2.id, "withdrawn", 1);
  const c3 = await cohort(beta.id, "2025-09-01", "completed");
  const done3 = await enrol(c3.id, "completed", 4);
  await enrol(c3.id, "enrolled", 1);
  const c4 = await cohort(alpha.id, "2025-03-01", "completed"); // before the period
  const done4 = await enrol(c4.id, "completed", 5);
  const c5 = await cohort(beta.id, "2025-10-01", "cancelled");
  await enrol(c5.id, "withdrawn", 3);

  // SWEMWBS on Alpha: four parents with both scores (+3.35, +3.41, 0, −1.39), one before only.
  await score(done1[0]!.id, "swemwbs", "pre", 14.08);
  await score(done1[0]!.id, "swemwbs", "post", 17.43);
  await score(done1[1]!.id, "swemwbs", "pre", 15.84);
  await score(done1[1]!.id, "swemwbs", "post", 19.25);
  await score(done1[2]!.id, "swemwbs", "pre", 17.98);
  await score(done1[2]!.id, "swemwbs", "post", 17.98);
  await score(stayed1[0]!.id, "swemwbs", "pre", 19.98);
  await score(stayed1[0]!.id, "swemwbs", "post", 18.59);
  await score(done1[3]!.id, "swemwbs", "pre", 20.73);
  // Not counted: a parent who withdrew; a cohort before the period; a measure Beta does not use.
  await score(withdrawn1[0]!.id, "swemwbs", "pre", 14.75);
  await score(withdrawn1[0]!.id, "swemwbs", "post", 25.03);
  await score(done4[0]!.id, "swemwbs", "pre", 10);
  await score(done4[0]!.id, "swemwbs", "post", 30);
  await score(done3[3]!.id, "swemwbs", "pre", 10);
  await score(done3[3]!.id, "swemwbs", "post", 20);
  // Parenting confidence: +10, +10 on Alpha; +10, −5 on Beta.
  await score(done1[0]!.id, "parenting_confidence", "pre", 20);
  await score(done1[0]!.id, "parenting_confidence", "post", 30);
  await score(done1[1]!.id, "parenting_confidence", "pre", 25);
  await score(done1[1]!.id, "parenting_confidence", "post", 35);
  await score(done3[0]!.id, "parenting_confidence", "pre", 30);
  await score(done3[0]!.id, "parenting_confidence", "post", 40);
  await score(done3[1]!.id, "parenting_confidence", "pre", 40);
  await score(done3[1]!.id, "parenting_confidence", "post", 35);
  return { alpha, beta };
}

/**
 * Groups for one team: G1 (Dari and Pashto) and G2 (English). Parent X has a family record
 * and is in both groups, so counts once. Meetings: G1 on 10 May (Dari, X, M1, M2), 10 June
 * (Pashto, M1, M3), 10 July (Dari, head count 6 adults, 3 children), 10 March 2025 (before
 * the period); G2 on 20 June (X, M4) and 20 August (M4, M5).
 */
async function seedGroups(teamId: string) {
  const db = getDb();
  const family = await db.family.create({ data: { reference: `TRG-${uid()}`, name: "Group family", teamId } });
  const x = await db.familyMember.create({ data: { familyId: family.id, kind: "adult", firstName: "X", lastName: "Parent" } });
  const group = (languages: string[]) => db.group.create({ data: { name: `Group ${uid()}`, languages, teamId } });
  const g1 = await group(["fa-AF", "ps"]);
  const g2 = await group(["en"]);
  const member = (groupId: string, firstName: string, language: string, joinedOn: string, source: "direct" | "course_graduate" | "self", familyMemberId?: string) =>
    db.groupMember.create({ data: { groupId, firstName, language, joinedOn: d(joinedOn), source, familyMemberId: familyMemberId ?? null } });
  const m1 = await member(g1.id, "M1", "fa-AF", "2025-05-01", "course_graduate");
  const m2 = await member(g1.id, "M2", "ps", "2025-05-01", "direct");
  const m3 = await member(g1.id, "M3", "fa-AF", "2024-12-01", "direct");
  const x1 = await member(g1.id, "X", "fa-AF", "2025-05-01", "direct", x.id);
  const m4 = await member(g2.id, "M4", "en", "2025-06-01", "self");
  const m5 = await member(g2.id, "M5", "en", "2025-06-01", "course_graduate");
  const x2 = await member(g2.id, "X", "en", "2025-06-01", "direct", x.id);
  const meeting = async (groupId: string, heldOn: string, language: string, attendees: Array<{ id: string }>, headCount?: [number, number]) => {
    const m = await db.groupMeeting.create({
      data: { groupId, heldOn: d(heldOn), topic: "t", language, attendanceMode: headCount ? "head_count" : "named", headCountAdults: headCount?.[0] ?? null, headCountChildren: headCount?.[1] ?? null },
    });
    for (const a of attendees) await db.groupAttendance.create({ data: { meetingId: m.id, memberId: a.id } });
  };
  await meeting(g1.id, "2025-05-10", "fa-AF", [x1, m1, m2]);
  await meeting(g1.id, "2025-06-10", "ps", [m1, m3]);
  await meeting(g1.id, "2025-07-10", "fa-AF", [], [6, 3]);
  await meeting(g1.id, "2025-03-10", "fa-AF", [m3]); // before the period
  await meeting(g2.id, "2025-06-20", "en", [x2, m4]);
  await meeting(g2.id, "2025-08-20", "en", [m4, m5]);
}

describe("course and group sections", () => {
  let teamId: string;
  let courses: ReportSection[];
  let groups: ReportSection[];
  let names: { alpha: string; beta: string };
  beforeAll(async () => {
    teamId = (await createTeam(getDb())).id;
    const other = (await createTeam(getDb())).id;
    const seeded = await seedCourses(teamId);
    names = { alpha: seeded.alpha.name, beta: seeded.beta.name };
    await seedGroups(teamId);
    await seedCourses(other); // another team's figures must not leak in
    await seedGroups(other);
    courses = await courseSections(period, { teamId });
    groups = await groupSections(period, { teamId });
  });

  it("puts delivery under the core job, change under outcomes and groups under creative", () => {
    expect(courses.map((s) => [s.id, s.heading])).toEqual([["courses-delivery", "core"], ["courses-outcomes", "outcomes"]]);
    expect(groups.map((s) => [s.id, s.heading])).toEqual([["groups-reach", "creative"]]);
  });

  it("counts parents who took a place on cohorts starting in the period, by programme", () => {
    const t = table(courses, "course-enrolments");
    expect(t.rows.map((r) => r.text)).toEqual([names.alpha, names.beta]);
    expect(t.cols.map((c) => c.key)).toEqual(["enrolled", "completed", "withdrawn"]);
    // Alpha: C1 (6 completed, 2 enrolled, 1 withdrawn) and C2 (3 enrolled, 1 withdrawn); Beta: C3 only.
    expect(t.counts).toEqual([[5, 6, 2], [1, 4, 0]]);
    expect(t.rowTotals && t.colTotals).toBe(true);
  });

  it("gives the completion rate of finished cohorts: completed of those who stayed", () => {
    const t = table(courses, "course-completion");
    expect(byRow(t)).toEqual({ yes: 10, no: 3 }); // C1 6 of 8, C3 4 of 5
    expect(t.shareOfRow).toBe("yes");
  });

  it("gives pre/post change per measure with how many parents it rests on", () => {
    const t = table(courses, "course-measures");
    expect(t.rows.map((r) => r.key)).toEqual(["swemwbs", "parenting_confidence"]);
    expect(t.cols.map((c) => c.key)).toEqual(["basedOn", "improved", "preOnly"]);
    expect(t.counts).toEqual([[4, 2, 1], [4, 3, 0]]);
    // (3.35 + 3.41 + 0 − 1.39) / 4 = 1.3425 → 1.34; (10 + 10 + 10 − 5) / 4 = 6.25.
    expect(t.means?.values).toEqual([1.34, 6.25]);
  });

  it("publishes a mean only where the number of parents it rests on is shown", () => {
    const t = table(courses, "course-measures");
    // Four parents is fewer than 5: both means are hidden with their counts.
    expect(publishTable(t, 5).means?.values).toEqual([null, null]);
    // With a threshold of 4 the counts show (4 rounds to 5) and the means to one decimal.
    const at4 = publishTable(t, 4);
    expect(at4.table.cells.map((r) => r[0]!.value)).toEqual([5, 5]);
    expect(at4.means?.values).toEqual([1.3, 6.3]);
    expect(JSON.stringify(publishTable(t, 5))).not.toContain("1.34");
  });

  it("counts group reach: groups, meetings, attendances and distinct parents", () => {
    expect(byRow(table(groups, "group-reach"))).toEqual({
      groupsMet: 2,
      meetings: 5,
      attendances: 9,
      parents: 6, // M1, M2, M3, M4, M5 and X once
      repeatParents: 3, // M1, M4 and X (in two groups)
      newMembers: 5, // M3 joined before the period; X is new once
      fromCourse: 2,
      headCountAdults: 6,
      headCountChildren: 3,
    });
  });

  it("counts reach by language: meetings by their language, parents by their own", () => {
    const t = table(groups, "group-reach-languages");
    expect(t.rows.map((r) => r.key)).toEqual(["en", "fa-AF", "ps"]);
    expect(t.rows[1]!.labelKey).toBe("common:languages.fa-AF");
    expect(t.counts).toEqual([[2, 2, 2], [2, 3, 2], [1, 1, 1]]);
    expect(t.colTotals).toBe(true);
  });

  it("counts every team's courses and groups when the scope is all teams", async () => {
    const all = [...(await courseSections(period, { teamId: null })), ...(await groupSections(period, { teamId: null }))];
    const enrolled = table(all, "course-enrolments");
    expect(enrolled.counts[enrolled.rows.findIndex((r) => r.text === names.alpha)]).toEqual([5, 6, 2]);
    expect(byRow(table(all, "group-reach")).meetings).toBeGreaterThanOrEqual(10);
  });
});
