import { randomUUID } from "node:crypto";
import { financialYearStarting } from "~/models/reports/period";
import { recoverable, type CellStatus, type SuppressedTable } from "~/models/reports/suppression";
import { surveySections } from "~/models/reports/survey.server";
import { publishTable } from "~/models/reports/index.server";
import { buildSatisfactionResults, listComments, saveCommentNote } from "~/models/survey/results.server";
import { createSurveyForYear } from "~/models/survey/survey.server";
import { newCode } from "~/models/survey/invitation.server";
import type { Answers } from "~/models/survey/rules";
import { actorFor, createTeam, getDb } from "./helpers";

/**
 * A small fixed dataset; every expected figure below is counted by hand from it. Years far
 * in the past so no other test's survey is an "earlier year" of these.
 */
const EARLIER = 1901;
const YEAR = 1902;
const T = 5;

type Fixture = { surveyId: string; earlierId: string; responseIds: string[] };
let fx: Fixture;

const sa = "strongly_agree";
const a = "agree";

/** Twenty responses of the 1902 survey: 0–11 casework in English, 12–17 course in Polish, 18–19 group in Arabic. */
function currentAnswers(): Array<{ service: "casework" | "course" | "group"; language: string; answers: Answers }> {
  const listened = [sa, sa, sa, sa, sa, a, a, a, a, "neutral", "disagree", "na", sa, sa, a, a, "neutral", "strongly_disagree", a, "disagree"];
  const recommend = [sa, sa, sa, sa, sa, sa, a, a, a, a, "na", "na", sa, sa, sa, a, a, "na", sa, "na"];
  const scores: Array<string | null> = ["10", "10", "9", "9", "8", "8", "8", "7", "7", "6", "5", "3", null, null, null, null, null, null, "0", null];
  const comments: Record<number, string> = {
    0: "Someone listened to me.",
    1: "Help with the <b>housing</b> forms.",
    2: "The worker came quickly.",
    12: "Pomoc przy formularzach.",
    18: "المساعدة في تسجيل الأطفال في المدرسة.",
  };
  return listened.map((l, i) => {
    const service = i < 12 ? "casework" : i < 18 ? "course" : "group";
    const language = i < 12 ? "en" : i < 18 ? "pl" : "ar";
    const answers: Answers = { listened: l, recommend: recommend[i]! };
    if (scores[i] !== null) answers.score = scores[i]!;
    if (i < 6) answers.helped_most = i < 3 ? ["talk", "practical"] : ["talk"];
    if (comments[i]) answers.what_helped = comments[i]!;
    return { service, language, answers };
  });
}

beforeAll(async () => {
  const db = getDb();
  const earlier = await createSurveyForYear(null, EARLIER, db, { fromDefault: true });
  const survey = await createSurveyForYear(null, YEAR, db, { fromDefault: true });
  // In 1901 the question "better" had another key: its answers must not count as "better" year on year.
  await db.surveyQuestion.update({ where: { surveyId_key: { surveyId: earlier.id, key: "better" } }, data: { key: "better_old" } });
  // 1901: 20 casework answers in English: listened 5 / 5 / 5 neutral / 5 disagree; better_old all agree.
  const earlierAnswers = [...Array(5).fill(sa), ...Array(5).fill(a), ...Array(5).fill("neutral"), ...Array(5).fill("disagree")];
  await db.surveyResponse.createMany({
    data: earlierAnswers.map((l) => ({ surveyId: earlier.id, year: EARLIER, service: "casework" as const, language: "en", answers: { listened: l, better_old: a } })),
  });
  const rows = currentAnswers().map((r) => ({ id: randomUUID(), surveyId: survey.id, year: YEAR, ...r }));
  await db.surveyResponse.createMany({ data: rows });

  // Invitations: 20 letter codes (casework, en), 12 completed; 11 open-link visits (course, pl),
  // 6 completed; 3 open-link visits (group, ar), 1 completed; a reusable code, never counted.
  const team = await createTeam(db);
  const family = await db.family.create({ data: { reference: `SR-${randomUUID().slice(0, 8)}`, name: "Survey results family", teamId: team.id } });
  const invite = (n: number, done: number, extra: { familyId?: string; service: "casework" | "course" | "group"; language: string }) =>
    db.surveyInvitation.createMany({
      data: Array.from({ length: n }, (_, i) => ({ surveyId: survey.id, code: newCode(), ...extra, completedOn: i < done ? new Date("1902-06-01") : null })),
    });
  await invite(20, 12, { familyId: family.id, service: "casework", language: "en" });
  await invite(11, 6, { service: "course", language: "pl" });
  await invite(3, 1, { service: "group", language: "ar" });
  await db.surveyInvitation.create({ data: { surveyId: survey.id, code: newCode(), reusable: true, service: "casework", language: "en", completedOn: new Date("1902-06-01") } });
  fx = { surveyId: survey.id, earlierId: earlier.id, responseIds: rows.map((r) => r.id) };
});

function statuses(t: SuppressedTable) {
  return {
    status: t.cells.map((row) => row.map((c) => c.status)),
    rowStatus: t.rowTotals.map((c) => c.status),
    colStatus: t.colTotals.map((c) => c.status),
    grandStatus: (t.grandTotal?.status ?? "shown") as CellStatus,
  };
}
const values = (t: SuppressedTable) => t.cells.map((row) => row.map((c) => c.value));
const question = (r: Awaited<ReturnType<typeof buildSatisfactionResults>>, key: string) => r.questions.find((q) => q.key === key)!;

describe("buildSatisfactionResults", () => {
  it("counts every answer of an agree-scale question and the share agreeing over everyone who answered", async () => {
    const r = await buildSatisfactionResults(fx.surveyId, {}, { threshold: T });
    expect(r.responses).toEqual({ value: 20, status: "shown" });
    expect(r.enough).toBe(true);
    const listened = question(r, "listened");
    expect(listened.rows.map((x) => x.key)).toEqual(["strongly_agree", "agree", "neutral", "disagree", "strongly_disagree", "na"]);
    // sa 7, a 7, neutral 2, disagree 2, strongly disagree 1, na 1 (total 20): the four small ones
    // are hidden; four unknowns in one equation cannot be solved, so nothing else is withheld.
    expect(values(listened.table)).toEqual([[7], [7], [null], [null], [null], [null]]);
    expect(listened.table.cells.slice(2).map((c) => c[0]!.status)).toEqual(["primary", "primary", "primary", "primary"]);
    expect(listened.table.colTotals[0]).toEqual({ value: 20, status: "shown" });
    expect(listened.shareAgreeing).toBeCloseTo(14 / 20);
  });

  it("withholds a complement so a lone small cell cannot be recovered from the total, and then shows no share", async () => {
    const r = await buildSatisfactionResults(fx.surveyId, {}, { threshold: T });
    const recommend = question(r, "recommend");
    // sa 10, a 6, na 4: na is fewer than 5 and alone, so the smallest other non-zero cell (agree, 6) is withheld.
    expect(recommend.table.cells.map((c) => c[0]!.status)).toEqual(["shown", "secondary", "shown", "shown", "shown", "primary"]);
    expect(values(recommend.table)).toEqual([[10], [null], [0], [0], [0], [null]]);
    expect(recommend.table.colTotals[0]!.value).toBe(20);
    expect(recommend.shareAgreeing).toBeNull();
    expect(recoverable({ cells: [[10], [6], [0], [0], [0], [4]], rowTotals: false, colTotals: true, threshold: T }, statuses(recommend.table))).toEqual([]);
  });

  it("gives 0–10 items a mean and their distribution, and no mean under the threshold", async () => {
    const all = question(await buildSatisfactionResults(fx.surveyId, {}, { threshold: T }), "score");
    // 13 answers summing to 90: mean 6.92 → 6.9.
    expect(all.mean).toBe(6.9);
    expect(all.table.colTotals[0]!.value).toBe(13);
    expect(all.rows.map((x) => x.key)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(all.table.cells.map((c) => c[0]!.status)).toEqual(["primary", "shown", "shown", "primary", "shown", "primary", "primary", "primary", "primary", "primary", "primary"]);
    const casework = question(await buildSatisfactionResults(fx.surveyId, { service: "casework" }, { threshold: T }), "score");
    expect(casework.mean).toBe(7.5); // 12 answers summing to 90
    const group = question(await buildSatisfactionResults(fx.surveyId, { service: "group" }, { threshold: T }), "score");
    expect(group.table.colTotals[0]).toEqual({ value: null, status: "primary" }); // one answer
    expect(group.mean).toBeNull();
  });

  it("counts multiple choice by option with the people who answered as the total", async () => {
    const helped = question(await buildSatisfactionResults(fx.surveyId, {}, { threshold: T }), "helped_most");
    expect(helped.table.colTotals[0]).toEqual({ value: 6, status: "shown" });
    expect(helped.table.cells[0]![0]).toEqual({ value: 6, status: "shown" }); // talk
    expect(helped.table.cells[1]![0]).toEqual({ value: null, status: "primary" }); // practical: 3
    expect(helped.table.cells[2]![0]).toEqual({ value: 0, status: "shown" });
  });

  it("filters by service and by language, and hides shares for a breakdown under the threshold", async () => {
    const course = await buildSatisfactionResults(fx.surveyId, { service: "course" }, { threshold: T });
    expect(course.responses.value).toBe(6);
    // course listened: sa 2, a 2, neutral 1, strongly disagree 1 → agree hidden, so no share.
    expect(question(course, "listened").table.colTotals[0]!.value).toBe(6);
    expect(question(course, "listened").shareAgreeing).toBeNull();
    const english = await buildSatisfactionResults(fx.surveyId, { language: "en" }, { threshold: T });
    expect(english.responses.value).toBe(12);
    expect(question(english, "listened").table.cells[0]![0]!.value).toBe(5);
    const arabic = await buildSatisfactionResults(fx.surveyId, { language: "ar" }, { threshold: T });
    expect(arabic.responses).toEqual({ value: null, status: "primary" });
    expect(arabic.enough).toBe(false);
    expect(question(arabic, "listened").shareAgreeing).toBeNull();
    const none = await buildSatisfactionResults(fx.surveyId, { service: "course", language: "en" }, { threshold: T });
    expect(none.responses).toEqual({ value: 0, status: "shown" });
  });

  it("compares a question year on year by its key, and ignores an earlier question under another key", async () => {
    const r = await buildSatisfactionResults(fx.surveyId, {}, { threshold: T });
    // 1901: 10 of 20 agreeing; 1902: 14 of 20.
    expect(question(r, "listened").yearOnYear).toEqual([
      { year: EARLIER, answered: { value: 20, status: "shown" }, share: 0.5 },
      { year: YEAR, answered: { value: 20, status: "shown" }, share: 0.7 },
    ]);
    expect(question(r, "better").yearOnYear.map((y) => y.year)).toEqual([YEAR]);
    // With a filter the earlier year is filtered the same way: no course answers in 1901.
    const course = await buildSatisfactionResults(fx.surveyId, { service: "course" }, { threshold: T });
    expect(question(course, "listened").yearOnYear.map((y) => y.year)).toEqual([YEAR]);
  });

  it("gives the response rate by mode (letter codes and open link), suppressed, without reusable codes", async () => {
    const r = await buildSatisfactionResults(fx.surveyId, {}, { threshold: T });
    // Codes: 12 of 20; open link: 7 of 14 (6 of 11 + 1 of 3).
    expect(values(r.rate.table)).toEqual([[12, 8], [7, 7]]);
    expect(r.rate.table.rowTotals.map((c) => c.value)).toEqual([20, 14]);
    expect(r.rate.table.grandTotal!.value).toBe(34);
    expect(r.rate.rates[0]).toBeCloseTo(0.6);
    expect(r.rate.rates[1]).toBeCloseTo(0.5);
    const course = await buildSatisfactionResults(fx.surveyId, { service: "course" }, { threshold: T });
    expect(values(course.rate.table)).toEqual([[0, 0], [6, 5]]);
    expect(course.rate.rates).toEqual([null, 6 / 11]);
    // Arabic: 1 of 3 by open link; every number is small or would give a small one away.
    const arabic = await buildSatisfactionResults(fx.surveyId, { language: "ar" }, { threshold: T });
    expect(arabic.rate.table.cells[1]!.map((c) => c.value)).toEqual([null, null]);
    expect(arabic.rate.rates).toEqual([null, null]);
    expect(recoverable({ cells: [[0, 0], [1, 2]], rowTotals: true, colTotals: true, threshold: T }, statuses(arabic.rate.table))).toEqual([]);
  });

  it("no hidden number on the page can be recovered by subtraction from the totals beside it", async () => {
    for (const filters of [{}, { service: "casework" as const }, { service: "course" as const }, { language: "pl" as const }]) {
      const r = await buildSatisfactionResults(fx.surveyId, filters, { threshold: T });
      for (const q of r.questions.filter((x) => x.type !== "multiple")) {
        const hidden = q.table.cells.filter((c) => c[0]!.value === null).length;
        if (hidden === 0) continue;
        // The attacker knows the shown cells and the total: the hidden part is never a single cell.
        expect(hidden === 1 && q.table.colTotals[0]!.value !== null, `${q.key} ${JSON.stringify(filters)}`).toBe(false);
        expect(q.shareAgreeing === null || q.table.cells.slice(0, 2).every((c) => c[0]!.value !== null)).toBe(true);
      }
    }
  });
});

describe("comments", () => {
  it("lists free-text answers with their language only where the breakdown has at least the threshold", async () => {
    const all = await listComments(fx.surveyId, {}, { threshold: T, responses: 20, textKeys: ["what_helped", "could_be_better"] });
    expect(all.shown).toBe(true);
    expect(all.comments).toHaveLength(5);
    expect(all.comments.map((c) => c.language).sort()).toEqual(["ar", "en", "en", "en", "pl"]);
    expect(all.comments.find((c) => c.text.includes("housing"))!.text).toBe("Help with the <b>housing</b> forms.");
    const course = await listComments(fx.surveyId, { service: "course" }, { threshold: T, responses: 6, textKeys: ["what_helped"] });
    expect(course.comments.map((c) => c.text)).toEqual(["Pomoc przy formularzach."]);
    const group = await listComments(fx.surveyId, { service: "group" }, { threshold: T, responses: 2, textKeys: ["what_helped"] });
    expect(group).toMatchObject({ shown: false, comments: [] });
  });

  it("saves a translation and theme per comment, audited, then filters and counts by theme", async () => {
    const lead = await actorFor(["lead"], "manage:report", null);
    const polish = fx.responseIds[12]!;
    await saveCommentNote(lead, fx.surveyId, { responseId: polish, questionKey: "what_helped", translation: "  Help with the forms. ", theme: "practical" });
    await saveCommentNote(lead, fx.surveyId, { responseId: fx.responseIds[1]!, questionKey: "what_helped", translation: "", theme: "practical" });
    await saveCommentNote(lead, fx.surveyId, { responseId: fx.responseIds[1]!, questionKey: "what_helped", translation: "", theme: "timing" }); // changed: one note per comment
    const practical = await listComments(fx.surveyId, {}, { threshold: T, responses: 20, textKeys: ["what_helped"], theme: "practical" });
    expect(practical.comments).toEqual([{ responseId: polish, questionKey: "what_helped", language: "pl", text: "Pomoc przy formularzach.", translation: "Help with the forms.", theme: "practical" }]);
    expect(practical.matching).toBe(1);
    const untagged = await listComments(fx.surveyId, {}, { threshold: T, responses: 20, textKeys: ["what_helped"], theme: "none" });
    expect(untagged.matching).toBe(3);
    // By theme: practical 1, timing 1, none 3 (all small), total 5 shown.
    const themes = untagged.themes!;
    const row = (k: string) => themes.table.cells[themes.rows.findIndex((r) => r.key === k)]![0]!;
    expect(row("practical")).toEqual({ value: null, status: "primary" });
    expect(row("none")).toEqual({ value: null, status: "primary" });
    expect(row("staff")).toEqual({ value: 0, status: "shown" });
    expect(themes.table.colTotals[0]).toEqual({ value: 5, status: "shown" });
    const events = await getDb().auditEvent.findMany({ where: { entity: "survey-comment", entityId: polish } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.detail)).not.toContain("forms"); // the text itself is never audited
  });

  it("refuses a note on a question that is not free text, or on another survey's response", async () => {
    const lead = await actorFor(["lead"], "manage:report", null);
    await expect(saveCommentNote(lead, fx.surveyId, { responseId: fx.responseIds[0]!, questionKey: "listened", translation: "x", theme: "" })).rejects.toMatchObject({ status: 400 });
    const other = await getDb().surveyResponse.findFirstOrThrow({ where: { surveyId: fx.earlierId }, select: { id: true } });
    await expect(saveCommentNote(lead, fx.surveyId, { responseId: other.id, questionKey: "what_helped", translation: "x", theme: "" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("surveySections (the reports' survey section)", () => {
  it("counts the headline questions for the survey year in the period, council-wide", async () => {
    const [section] = await surveySections(financialYearStarting(YEAR), { teamId: "any-team" });
    expect(section!.heading).toBe("outcomes");
    const table = section!.tables.find((t) => t.id === "survey-satisfaction")!;
    // listened 14 agreeing / 6 not; recommend 16 / 4; the others were not asked of these responses.
    expect(table.counts).toEqual([[14, 6], [0, 0], [0, 0], [0, 0], [16, 4]]);
    const recommend = publishTable(section!.tables.find((t) => t.id === "survey-recommend")!, T);
    expect(recommend.table.cells.map((c) => c[0]!.status)).toEqual(["secondary", "primary"]);
    expect(recommend.share).toBeNull();
    const [earlier] = await surveySections(financialYearStarting(EARLIER), { teamId: null });
    expect(earlier!.tables[0]!.counts[0]).toEqual([10, 10]);
    expect(publishTable(earlier!.tables[1]!, T).table.colTotals[0]!.value).toBe(0);
  });
});
