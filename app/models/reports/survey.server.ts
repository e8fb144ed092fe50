import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { AGREEING } from "~/models/survey/results-rules";
import { surveyYearsIn } from "./survey-years";
import type { RawTable, ReportPeriod, ReportScope, ReportSection } from "./types";

/**
 * The parent survey's headline satisfaction for a report (issue 7): per headline question,
 * how many agreed (strongly agree or agree) and how many did not, of everyone who answered
 * it ("does not apply" included, as the NHS Friends and Family Test counts "don't know").
 *
 * Which survey years a period covers: a year counts when 1 July of it falls in the period
 * (so a financial year takes the one survey run in its summer), or when the whole period
 * lies within that year. Responses carry no team, so the figures are council-wide whatever
 * the scope.
 */

/** The default survey's agree-scale questions: the ones every year asks, compared in reports. */
export const HEADLINE_KEYS = ["listened", "understood", "right_time", "better", "recommend"] as const;

/**
 * Answered and agreeing per headline question, in one pass over the year's responses: a
 * column per question (a join of responses to questions read every response once per
 * question, 10× slower at 500,000 responses). A question counts only in surveys where it
 * is an agree-scale question.
 */
async function headlineCounts(years: number[]): Promise<Array<{ key: string; answered: number; agreeing: number }>> {
  const questions = await db.surveyQuestion.findMany({ where: { type: "agree", key: { in: [...HEADLINE_KEYS] } }, select: { surveyId: true, key: true } });
  const surveysOf = (key: string) => questions.filter((q) => q.key === key).map((q) => q.surveyId);
  const agreeing = Prisma.join([...AGREEING]);
  const columns = HEADLINE_KEYS.map(
    (key, i) => Prisma.sql`
      count(*) FILTER (WHERE r."surveyId" = ANY(${surveysOf(key)}::text[]) AND r."answers" ? ${key})::int AS ${Prisma.raw(`"answered${i}"`)},
      count(*) FILTER (WHERE r."surveyId" = ANY(${surveysOf(key)}::text[]) AND r."answers" ->> ${key} IN (${agreeing}))::int AS ${Prisma.raw(`"agreeing${i}"`)}`,
  );
  const [row] = await db.$queryRaw<Array<Record<string, number>>>`
    SELECT ${Prisma.join(columns)} FROM "SurveyResponse" r WHERE r."year" = ANY(${years}::int[])`;
  return HEADLINE_KEYS.map((key, i) => ({ key, answered: row?.[`answered${i}`] ?? 0, agreeing: row?.[`agreeing${i}`] ?? 0 }));
}

export async function surveySections(period: ReportPeriod, _scope: ReportScope): Promise<ReportSection[]> {
  const years = surveyYearsIn(period);
  const rows = years.length ? await headlineCounts(years) : [];
  const of = (key: string) => rows.find((r) => r.key === key) ?? { answered: 0, agreeing: 0 };
  const byQuestion: RawTable = {
    id: "survey-satisfaction",
    titleKey: "reports:survey.satisfaction.title",
    rowHeaderKey: "reports:survey.satisfaction.row",
    rows: HEADLINE_KEYS.map((k) => ({ key: k, labelKey: `reports:survey.questions.${k}` })),
    cols: [
      { key: "agreeing", labelKey: "reports:survey.satisfaction.agreeing" },
      { key: "notAgreeing", labelKey: "reports:survey.satisfaction.notAgreeing" },
    ],
    counts: HEADLINE_KEYS.map((k) => [of(k).agreeing, of(k).answered - of(k).agreeing]),
    rowTotals: true,
    noteKey: "reports:survey.satisfaction.note",
  };
  const recommend = of("recommend");
  const recommendTable: RawTable = {
    id: "survey-recommend",
    titleKey: "reports:survey.recommend.title",
    rowHeaderKey: "reports:survey.recommend.row",
    rows: [
      { key: "agreeing", labelKey: "reports:survey.satisfaction.agreeing" },
      { key: "notAgreeing", labelKey: "reports:survey.satisfaction.notAgreeing" },
    ],
    cols: [{ key: "count", labelKey: "reports:survey.recommend.count" }],
    counts: [[recommend.agreeing], [recommend.answered - recommend.agreeing]],
    colTotals: true,
    shareOfRow: "agreeing",
    noteKey: "reports:survey.recommend.note",
  };
  return [{ id: "survey", titleKey: "reports:survey.title", heading: "outcomes", tables: [byQuestion, recommendTable] }];
}
