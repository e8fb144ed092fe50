import { db } from "~/utils/db.server";
import { isoDate } from "~/models/casework/rules";
import { getMeasures } from "~/models/courses/measure.server";
import { summariseChange } from "~/models/courses/rules";
import type { RawTable, ReportPeriod, ReportScope, ReportSection } from "./types";

/**
 * Parenting course figures for a period (issue 7): counts only, nothing identifying.
 * A course belongs to the period in which its cohort starts (cancelled cohorts are left
 * out), so each parent's place is counted in one period however long the course runs;
 * the team is the cohort's. Definitions match the cohort page (docs/decisions/0005-courses.md):
 * a parent "stayed" when enrolled or completed, the completion rate is completed of those
 * who stayed on finished cohorts, and pre/post change counts only parents with both scores.
 */

type Window = { from: string; to: string; teamId: string | null };

const STATUSES = ["enrolled", "completed", "withdrawn"] as const;

/** Parents who took a place on cohorts starting in the period, by programme and where they are now. */
async function enrolments(w: Window): Promise<RawTable> {
  const rows = await db.$queryRaw<Array<{ id: string; name: string; status: string; n: number }>>`
    SELECT p."id", p."name", e."status"::text AS status, count(*)::int AS n
    FROM "Enrolment" e JOIN "Cohort" c ON c."id" = e."cohortId" JOIN "Programme" p ON p."id" = c."programmeId"
    WHERE c."startDate" BETWEEN ${w.from}::date AND ${w.to}::date AND c."status" <> 'cancelled'
      AND e."status" IN ('enrolled', 'completed', 'withdrawn')
      AND (${w.teamId}::text IS NULL OR c."teamId" = ${w.teamId}::text)
    GROUP BY 1, 2, 3`;
  const programmes = [...new Map(rows.map((r) => [r.id, r.name])).entries()].sort((a, b) => a[1].localeCompare(b[1], "en"));
  return {
    id: "course-enrolments",
    titleKey: "reports:courses.enrolments.title",
    rowHeaderKey: "reports:courses.enrolments.row",
    rows: programmes.map(([id, name]) => ({ key: id, labelKey: "reports:courses.enrolments.row", text: name })),
    cols: STATUSES.map((s) => ({ key: s, labelKey: `reports:courses.enrolments.${s}` })),
    counts: programmes.map(([id]) => STATUSES.map((s) => rows.find((r) => r.id === id && r.status === s)?.n ?? 0)),
    rowTotals: true,
    colTotals: true,
    noteKey: "reports:courses.enrolments.note",
  };
}

/** Of the parents who stayed on finished cohorts starting in the period, how many completed. */
async function completion(w: Window): Promise<RawTable> {
  const [r] = await db.$queryRaw<Array<{ completed: number; stayed: number }>>`
    SELECT count(*) FILTER (WHERE e."status" = 'completed')::int AS completed, count(*)::int AS stayed
    FROM "Enrolment" e JOIN "Cohort" c ON c."id" = e."cohortId"
    WHERE c."startDate" BETWEEN ${w.from}::date AND ${w.to}::date AND c."status" = 'completed'
      AND e."status" IN ('enrolled', 'completed')
      AND (${w.teamId}::text IS NULL OR c."teamId" = ${w.teamId}::text)`;
  const completed = r?.completed ?? 0;
  return {
    id: "course-completion",
    titleKey: "reports:courses.completion.title",
    rowHeaderKey: "reports:courses.completion.row",
    rows: [
      { key: "yes", labelKey: "reports:courses.completion.yes" },
      { key: "no", labelKey: "reports:courses.completion.no" },
    ],
    cols: [{ key: "count", labelKey: "reports:courses.parents" }],
    counts: [[completed], [(r?.stayed ?? 0) - completed]],
    colTotals: true,
    shareOfRow: "yes",
    noteKey: "reports:courses.completion.note",
  };
}

/**
 * Pre/post change per outcome measure: how many parents the change rests on (both
 * scores), how many improved, how many lack an after score, and the average change.
 */
async function measureChange(w: Window): Promise<RawTable> {
  const [rows, measures] = await Promise.all([
    db.$queryRaw<Array<{ enrolmentId: string; measureKey: string; timepoint: string; score: number }>>`
      SELECT m."enrolmentId", m."measureKey", m."timepoint"::text AS timepoint, m."score"
      FROM "MeasureResponse" m JOIN "Enrolment" e ON e."id" = m."enrolmentId" JOIN "Cohort" c ON c."id" = e."cohortId"
      JOIN "Programme" p ON p."id" = c."programmeId"
      WHERE c."startDate" BETWEEN ${w.from}::date AND ${w.to}::date AND c."status" <> 'cancelled'
        AND e."status" IN ('enrolled', 'completed') AND m."measureKey" = ANY (p."measureKeys")
        AND (${w.teamId}::text IS NULL OR c."teamId" = ${w.teamId}::text)`,
    getMeasures(),
  ]);
  const keys = [...measures.keys()].filter((k) => rows.some((r) => r.measureKey === k));
  const summaries = keys.map((key) => {
    const byParent = new Map<string, { pre: number | null; post: number | null }>();
    for (const r of rows.filter((x) => x.measureKey === key)) {
      const pair = byParent.get(r.enrolmentId) ?? { pre: null, post: null };
      pair[r.timepoint === "pre" ? "pre" : "post"] = Number(r.score);
      byParent.set(r.enrolmentId, pair);
    }
    return summariseChange([...byParent.values()]);
  });
  return {
    id: "course-measures",
    titleKey: "reports:courses.measures.title",
    rowHeaderKey: "reports:courses.measures.row",
    rows: keys.map((key) => ({ key, labelKey: "reports:courses.measures.row", text: measures.get(key)!.name })),
    cols: [
      { key: "basedOn", labelKey: "reports:courses.measures.basedOn" },
      { key: "improved", labelKey: "reports:courses.measures.improved" },
      { key: "preOnly", labelKey: "reports:courses.measures.preOnly" },
    ],
    counts: summaries.map((s) => [s.basedOn, s.improved, s.preOnly]),
    noteKey: "reports:courses.measures.note",
    means: { labelKey: "reports:courses.measures.meanChange", basedOnCol: "basedOn", values: summaries.map((s) => s.meanChange), digits: 1 },
  };
}

/** The course sections: delivery (the core offer, to a consistent standard) and change (outcomes). */
export async function courseSections(period: ReportPeriod, scope: ReportScope): Promise<ReportSection[]> {
  const w: Window = { from: isoDate(period.from), to: isoDate(period.to), teamId: scope.teamId };
  const [enrolled, completed, change] = await Promise.all([enrolments(w), completion(w), measureChange(w)]);
  return [
    { id: "courses-delivery", titleKey: "reports:courses.deliveryTitle", heading: "core", tables: [enrolled, completed] },
    { id: "courses-outcomes", titleKey: "reports:courses.outcomesTitle", heading: "outcomes", tables: [change] },
  ];
}
