/**
 * The parent survey's satisfaction results (issue 7): response rate by mode, per question
 * the share agreeing and the full distribution, 0–10 means, year on year by question key,
 * and the free-text comments with staff's translation and theme. Every count goes through
 * `suppressTable`; shares and means follow `publishedShare` / `publishedMean`.
 *
 * The counting runs in PostgreSQL (jsonb operators, one scan per figure), so the time
 * grows with the number of questions and options, not of responses held in Node.
 */
import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { reportThreshold } from "~/models/reports/index.server";
import { suppressTable, type Cell, type SuppressedTable } from "~/models/reports/suppression";
import { getStructure, textsFor } from "./structure.server";
import { AGREEING, COMMENT_THEMES, COMMENTS_PER_PAGE, publishedMean, publishedShare, type CommentTheme, type ResultsFilters } from "./results-rules";
import { AGREE_VALUES, sanitizeText, SCALE_VALUES } from "./rules";

/** A row heading: a translation key of the staff screens, or the survey's own English text. */
export type ResultRow = { key: string; labelKey?: string; label?: string };

export type QuestionResult = {
  key: string;
  type: "agree" | "scale" | "single" | "multiple";
  text: string;
  rows: ResultRow[];
  /** One column: how many chose each row's answer; the column total is how many answered. */
  table: SuppressedTable;
  /** Agree-scale: (strongly agree + agree) ÷ everyone who answered, "does not apply" included. */
  shareAgreeing: number | null;
  /** 0–10 items: the mean, one decimal place. */
  mean: number | null;
  /** Agree-scale: this and earlier years with a question of the same key. */
  yearOnYear: Array<{ year: number; answered: Cell; share: number | null }>;
};

export type SatisfactionResults = {
  survey: { id: string; year: number; status: string };
  filters: ResultsFilters;
  threshold: number;
  /** Responses in this breakdown; hidden when fewer than the threshold. */
  responses: Cell;
  /** Whether the breakdown has at least `threshold` responses (comments are listed only then). */
  enough: boolean;
  /**
   * Rows: by invitation code (made for a family, or sent: a family may since have been
   * removed), and by open link (a code made for each visit); columns: completed, not
   * completed; totals. Reusable codes hand out single-use ones and are not counted.
   */
  rate: { rows: ResultRow[]; table: SuppressedTable; rates: Array<number | null> };
  questions: QuestionResult[];
  textQuestions: ResultRow[];
};

const RESPONSE = Prisma.sql`"SurveyResponse"`;

/** SQL condition on a response `r` for the filters. */
function filterSql(filters: ResultsFilters) {
  const parts: Prisma.Sql[] = [];
  if (filters.service) parts.push(Prisma.sql`r."service"::text = ${filters.service}`);
  if (filters.language) parts.push(Prisma.sql`r."language" = ${filters.language}`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

function invitationFilterSql(filters: ResultsFilters) {
  const parts: Prisma.Sql[] = [];
  if (filters.service) parts.push(Prisma.sql`i."service"::text = ${filters.service}`);
  if (filters.language) parts.push(Prisma.sql`i."language" = ${filters.language}`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/** A published cell for a single count (a table of one). */
function singleCell(n: number, threshold: number): Cell {
  return suppressTable({ cells: [[n]] }, threshold).cells[0]![0]!;
}

/**
 * Answered and agreeing per agree-scale question in each earlier year, matched by question
 * key, in one scan of the earlier responses grouped by year: a column pair per question,
 * each counting only in surveys where that key is an agree-scale question. (Joining the
 * responses to their questions read each response once per question: several seconds at
 * 500,000 responses.)
 */
async function yearOnYear(year: number, keys: string[], filters: ResultsFilters): Promise<Array<{ year: number; key: string; answered: number; agreeing: number }>> {
  const questions = await db.surveyQuestion.findMany({ where: { type: "agree", key: { in: keys }, survey: { year: { lt: year } } }, select: { surveyId: true, key: true } });
  const surveysOf = (key: string) => questions.filter((q) => q.key === key).map((q) => q.surveyId);
  const asked = keys.filter((k) => surveysOf(k).length);
  if (!asked.length) return [];
  const agreeing = Prisma.join([...AGREEING]);
  const columns = asked.map(
    (key, i) => Prisma.sql`
      count(*) FILTER (WHERE r."surveyId" = ANY(${surveysOf(key)}::text[]) AND r."answers" ? ${key})::int AS ${Prisma.raw(`"answered${i}"`)},
      count(*) FILTER (WHERE r."surveyId" = ANY(${surveysOf(key)}::text[]) AND r."answers" ->> ${key} IN (${agreeing}))::int AS ${Prisma.raw(`"agreeing${i}"`)}`,
  );
  const rows = await db.$queryRaw<Array<Record<string, number>>>`
    SELECT r."year" AS "year", ${Prisma.join(columns)}
    FROM ${RESPONSE} r
    WHERE r."year" < ${year} AND r."surveyId" = ANY(${[...new Set(questions.map((q) => q.surveyId))]}::text[])${filterSql(filters)}
    GROUP BY r."year"`;
  return rows.flatMap((row) =>
    asked.map((key, i) => ({ year: Number(row.year), key, answered: row[`answered${i}`] ?? 0, agreeing: row[`agreeing${i}`] ?? 0 })).filter((r) => r.answered > 0),
  );
}

/**
 * The results of one survey for a breakdown (all, or one service and/or language).
 * Pure data: no request, no audit (the route's `getSatisfactionResults` audits).
 */
export async function buildSatisfactionResults(surveyId: string, filters: ResultsFilters, options: { threshold?: number } = {}): Promise<SatisfactionResults> {
  const threshold = options.threshold ?? reportThreshold();
  const survey = await db.survey.findUnique({ where: { id: surveyId }, select: { id: true, year: true, status: true, updatedAt: true } });
  if (!survey) throw errorResponse(404, "errors.notFound");
  const { sections, texts } = await getStructure(survey);
  const english = textsFor(texts, "en");
  const questions = sections.flatMap((s) => s.questions);
  const counted = questions.filter((q) => q.type !== "text");
  const agreeKeys = counted.filter((q) => q.type === "agree").map((q) => q.key);
  const where = Prisma.sql`r."surveyId" = ${surveyId}${filterSql(filters)}`;

  const [totals, distribution, invitations, earlier] = await Promise.all([
    db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM ${RESPONSE} r WHERE ${where}`,
    // One scan: a row per chosen option (each element of a multiple-choice array), plus a
    // NULL option per multiple-choice answer to count the people who answered it.
    counted.length
      ? db.$queryRaw<Array<{ key: string; option: string | null; n: number }>>`
          SELECT a.key, v.opt AS option, count(*)::int AS n
          FROM ${RESPONSE} r
          CROSS JOIN LATERAL jsonb_each(r."answers") a
          CROSS JOIN LATERAL (
            SELECT a.value #>> '{}' AS opt WHERE jsonb_typeof(a.value) IN ('string', 'number')
            UNION ALL
            SELECT e FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(a.value) = 'array' THEN a.value ELSE '[]'::jsonb END) e
            UNION ALL
            SELECT NULL WHERE jsonb_typeof(a.value) = 'array'
          ) v
          WHERE ${where} AND a.key = ANY(${counted.map((q) => q.key)}::text[])
          GROUP BY 1, 2`
      : Promise.resolve([]),
    db.$queryRaw<Array<{ code: boolean; total: number; completed: number }>>`
      SELECT (i."familyId" IS NOT NULL OR i."sentAt" IS NOT NULL) AS code, count(*)::int AS total, count(*) FILTER (WHERE i."completedOn" IS NOT NULL)::int AS completed
      FROM "SurveyInvitation" i
      WHERE i."surveyId" = ${surveyId} AND NOT i."reusable"${invitationFilterSql(filters)}
      GROUP BY 1`,
    agreeKeys.length ? yearOnYear(survey.year, agreeKeys, filters) : Promise.resolve([]),
  ]);

  const responseCount = totals[0]?.n ?? 0;
  const counts = new Map<string, Map<string | null, number>>();
  for (const row of distribution) {
    let m = counts.get(row.key);
    if (!m) counts.set(row.key, (m = new Map()));
    m.set(row.option, row.n);
  }

  const results: QuestionResult[] = counted.map((q) => {
    const type = q.type as QuestionResult["type"];
    const optionKeys: readonly string[] = type === "agree" ? AGREE_VALUES : type === "scale" ? SCALE_VALUES : q.options;
    const m = counts.get(q.key) ?? new Map<string | null, number>();
    const rows = optionKeys.map((o) => ({
      key: o,
      ...(type === "agree" ? { labelKey: `surveys:results.agree.${o}` } : { label: type === "scale" ? o : (english[`option.${q.key}.${o}`] ?? o) }),
    }));
    const cells = optionKeys.map((o) => [m.get(o) ?? 0]);
    let table: SuppressedTable;
    if (type === "multiple") {
      // Options are not exclusive: the total is the people who answered, not the sum of the rows,
      // so the rows carry no column equation; each is suppressed on its own.
      const answered = m.get(null) ?? 0;
      table = {
        cells: cells.map((c) => [singleCell(c[0]!, threshold)]),
        rowTotals: [],
        colTotals: [singleCell(answered, threshold)],
        grandTotal: null,
        threshold,
      };
    } else {
      table = suppressTable({ cells, colTotals: true }, threshold);
    }
    const shareAgreeing = type === "agree" ? publishedShare(table, AGREEING.map((a) => optionKeys.indexOf(a))) : null;
    const mean = type === "scale" ? publishedMean(optionKeys.map((o, i) => ({ value: Number(o), count: cells[i]![0]! })), threshold) : null;
    let yearOnYear: QuestionResult["yearOnYear"] = [];
    if (type === "agree") {
      const past = earlier.filter((e) => e.key === q.key).sort((a, b) => a.year - b.year);
      // Each earlier year is published as agreeing / not agreeing with its total, suppressed on its own row.
      const pastTable = suppressTable({ cells: past.map((e) => [e.agreeing, e.answered - e.agreeing]), rowTotals: true }, threshold);
      yearOnYear = past.map((e, i) => {
        const answered = pastTable.rowTotals[i]!;
        const agreeing = pastTable.cells[i]![0]!;
        const share = answered.value !== null && agreeing.value !== null && answered.value >= threshold ? agreeing.value / answered.value : null;
        return { year: e.year, answered, share };
      });
      yearOnYear.push({ year: survey.year, answered: table.colTotals[0]!, share: shareAgreeing });
    }
    return { key: q.key, type, text: english[`question.${q.key}`] ?? q.key, rows, table, shareAgreeing, mean, yearOnYear };
  });

  const byMode = (code: boolean) => invitations.find((i) => i.code === code) ?? { total: 0, completed: 0 };
  const modes = [byMode(true), byMode(false)];
  const rateTable = suppressTable({ cells: modes.map((m) => [m.completed, m.total - m.completed]), rowTotals: true, colTotals: true }, threshold);
  const rates = modes.map((_, i) => {
    const done = rateTable.cells[i]![0]!;
    const total = rateTable.rowTotals[i]!;
    return done.value !== null && total.value !== null && total.value >= threshold ? done.value / total.value : null;
  });

  return {
    survey: { id: survey.id, year: survey.year, status: survey.status },
    filters,
    threshold,
    responses: singleCell(responseCount, threshold),
    enough: responseCount >= threshold,
    rate: {
      rows: [
        { key: "code", labelKey: "surveys:results.rate.code" },
        { key: "open", labelKey: "surveys:results.rate.open" },
      ],
      table: rateTable,
      rates,
    },
    questions: results,
    textQuestions: questions.filter((q) => q.type === "text").map((q) => ({ key: q.key, label: english[`question.${q.key}`] ?? q.key })),
  };
}

export type CommentRow = { responseId: string; questionKey: string; language: string; text: string; translation: string; theme: string | null };

export type CommentList = {
  /** False when the breakdown has fewer than the threshold responses: nothing is listed. */
  shown: boolean;
  comments: CommentRow[];
  /** Comments by theme ("none" last), suppressed; the total is every comment in the breakdown. */
  themes: { rows: ResultRow[]; table: SuppressedTable } | null;
  /** How many comments match the theme filter (for paging), when shown. */
  matching: number;
  page: number;
  pages: number;
};

/**
 * The free-text answers of a breakdown with staff's notes, a page at a time, or nothing
 * when the breakdown has fewer responses than the threshold. `theme` "none" lists the
 * comments not yet tagged.
 */
export async function listComments(
  surveyId: string,
  filters: ResultsFilters,
  options: { theme?: CommentTheme | "none"; page?: number; threshold?: number; responses: number; textKeys: string[] },
): Promise<CommentList> {
  const threshold = options.threshold ?? reportThreshold();
  const page = options.page ?? 1;
  if (options.responses < threshold || !options.textKeys.length) return { shown: false, comments: [], themes: null, matching: 0, page, pages: 0 };
  const where = Prisma.sql`r."surveyId" = ${surveyId}${filterSql(filters)}`;
  const base = Prisma.sql`
    FROM ${RESPONSE} r
    CROSS JOIN LATERAL unnest(${options.textKeys}::text[]) k(key)
    LEFT JOIN "SurveyCommentNote" n ON n."responseId" = r."id" AND n."questionKey" = k.key
    WHERE ${where} AND jsonb_typeof(r."answers" -> k.key) = 'string' AND r."answers" ->> k.key <> ''`;
  const themeSql = options.theme === "none" ? Prisma.sql` AND n."theme" IS NULL` : options.theme ? Prisma.sql` AND n."theme" = ${options.theme}` : Prisma.empty;
  const [byTheme, rows] = await Promise.all([
    db.$queryRaw<Array<{ theme: string | null; n: number }>>`SELECT n."theme" AS theme, count(*)::int AS n ${base} GROUP BY 1`,
    db.$queryRaw<CommentRow[]>`
      SELECT r."id" AS "responseId", k.key AS "questionKey", r."language", r."answers" ->> k.key AS text,
        COALESCE(n."translation", '') AS translation, n."theme" AS theme
      ${base}${themeSql}
      ORDER BY array_position(${options.textKeys}::text[], k.key), r."id"
      LIMIT ${COMMENTS_PER_PAGE} OFFSET ${(page - 1) * COMMENTS_PER_PAGE}`,
  ]);
  const keys = [...COMMENT_THEMES, "none"];
  const countOf = (k: string) => byTheme.find((t) => (t.theme ?? "none") === k)?.n ?? 0;
  const table = suppressTable({ cells: keys.map((k) => [countOf(k)]), colTotals: true }, threshold);
  const matching = options.theme ? countOf(options.theme) : byTheme.reduce((a, t) => a + t.n, 0);
  return {
    shown: true,
    comments: rows,
    themes: { rows: keys.map((k) => ({ key: k, labelKey: `surveys:results.themes.${k}` })), table },
    matching,
    page,
    pages: Math.max(1, Math.ceil(matching / COMMENTS_PER_PAGE)),
  };
}

/** The results page's data for a lead or administrator, audited as a report read. */
export async function getSatisfactionResults(actor: Actor, surveyId: string, filters: ResultsFilters, options: { theme?: CommentTheme | "none"; page?: number }) {
  const threshold = reportThreshold();
  const results = await buildSatisfactionResults(surveyId, filters, { threshold });
  const responses = results.responses.value ?? 0;
  const comments = await listComments(surveyId, filters, { ...options, threshold, responses, textKeys: results.textQuestions.map((q) => q.key) });
  await audit(actor, { action: "read", entity: "report", entityId: `survey-results:${surveyId}`, detail: { ...filters, ...(options.theme ? { theme: options.theme } : {}) } });
  return { results, comments };
}

/**
 * Saves staff's English translation and theme for one comment. The response must be of
 * this survey and hold a text answer to that question; audited without the text itself.
 */
export async function saveCommentNote(actor: Actor, surveyId: string, input: { responseId: string; questionKey: string; translation: string; theme: CommentTheme | "" }) {
  const survey = await db.survey.findUnique({ where: { id: surveyId }, select: { id: true, updatedAt: true } });
  if (!survey) throw errorResponse(404, "errors.notFound");
  const { sections } = await getStructure(survey);
  const question = sections.flatMap((s) => s.questions).find((q) => q.key === input.questionKey);
  if (!question || question.type !== "text") throw errorResponse(400, "errors.badForm");
  const response = await db.surveyResponse.findFirst({ where: { id: input.responseId, surveyId }, select: { id: true, answers: true } });
  const answers = response?.answers as Record<string, unknown> | undefined;
  if (!response || typeof answers?.[input.questionKey] !== "string") throw errorResponse(404, "errors.notFound");
  const data = { translation: sanitizeText(input.translation), theme: input.theme || null, updatedById: actor.user.id };
  await db.$transaction(async (tx) => {
    await tx.surveyCommentNote.upsert({
      where: { responseId_questionKey: { responseId: response.id, questionKey: input.questionKey } },
      create: { responseId: response.id, questionKey: input.questionKey, ...data },
      update: data,
    });
    await audit(actor, { action: "update", entity: "survey-comment", entityId: response.id, detail: { surveyId, questionKey: input.questionKey, theme: data.theme, translated: data.translation !== "" } }, tx);
  });
}
