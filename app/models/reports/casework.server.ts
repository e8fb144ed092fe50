import type { Prisma } from "~/generated/prisma/client";
import { ClosureReason, ContactSource, DecisionOutcome, DecisionStage, HeadlineOutcome, NeedResult } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { addDays, isoDate } from "~/models/casework/rules";
import type { RawTable, ReportPeriod, ReportScope, ReportSection } from "./types";

/**
 * Casework outcome figures for a period (issue 7): counts only, nothing identifying.
 * Dates: calendar-date columns are compared as dates; timestamps (decisions, sign-offs)
 * by their date in London. Heavy counts run as SQL aggregates (groupBy or one
 * parameterised query each), so the time grows with the number of groups, not of rows.
 */

const label = (ns: string, group: string) => (key: string) => ({ key, labelKey: `${ns}:${group}.${key}` });
const count = (labelKey: string) => [{ key: "count", labelKey }];

type Window = { from: string; to: string; next: string; teamId: string | null };

function windowOf(period: ReportPeriod, scope: ReportScope): Window {
  return { from: isoDate(period.from), to: isoDate(period.to), next: isoDate(addDays(period.to, 1)), teamId: scope.teamId };
}

/** Prisma filter on a family's team, or nothing for every team. */
function familyTeam(w: Window): Prisma.FamilyWhereInput {
  return w.teamId ? { teamId: w.teamId } : {};
}

/** Date-range filter on a `@db.Date` column. */
function onDates(w: Window) {
  return { gte: new Date(`${w.from}T00:00:00Z`), lte: new Date(`${w.to}T00:00:00Z`) };
}

/** Counts keyed by `key` laid out in the order of `keys` (zeros for keys with no rows). */
function column(keys: readonly string[], counts: Map<string, number>): number[][] {
  return keys.map((k) => [counts.get(k) ?? 0]);
}

async function contactsBySource(w: Window): Promise<RawTable> {
  const groups = await db.contact.groupBy({
    by: ["source"],
    where: { receivedOn: onDates(w), ...(w.teamId ? { teamId: w.teamId } : {}) },
    _count: { _all: true },
  });
  const keys = Object.values(ContactSource);
  return {
    id: "contacts-by-source",
    titleKey: "reports:casework.contactsBySource.title",
    rowHeaderKey: "reports:casework.contactsBySource.row",
    rows: keys.map(label("casework", "sources")),
    cols: count("reports:casework.contacts"),
    counts: column(keys, new Map(groups.map((g) => [g.source, g._count._all]))),
    colTotals: true,
    noteKey: "reports:casework.contactsBySource.note",
  };
}

/** Decisions recorded in the period, by stage (rows) and outcome (columns that occur). */
async function decisionsByStage(w: Window): Promise<{ table: RawTable; stepUps: number; stepDowns: number }> {
  const rows = await db.$queryRaw<Array<{ stage: string; outcome: string; n: number }>>`
    SELECT d."stage"::text AS stage, d."outcome"::text AS outcome, count(*)::int AS n
    FROM "Decision" d JOIN "Family" f ON f."id" = d."familyId"
    WHERE ((d."decidedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date BETWEEN ${w.from}::date AND ${w.to}::date
      AND (${w.teamId}::text IS NULL OR f."teamId" = ${w.teamId}::text)
    GROUP BY 1, 2`;
  const stages = Object.values(DecisionStage);
  const outcomes = Object.values(DecisionOutcome).filter((o) => rows.some((r) => r.outcome === o));
  const counts = stages.map((s) => outcomes.map((o) => rows.find((r) => r.stage === s && r.outcome === o)?.n ?? 0));
  const sum = (outcome: string) => rows.filter((r) => r.outcome === outcome).reduce((a, r) => a + r.n, 0);
  return {
    table: {
      id: "decisions",
      titleKey: "reports:casework.decisions.title",
      rowHeaderKey: "reports:casework.decisions.row",
      rows: stages.map(label("casework", "stages")),
      cols: outcomes.map(label("casework", "outcomes")),
      counts: outcomes.length ? counts : stages.map(() => []),
      rowTotals: true,
      colTotals: true,
      noteKey: "reports:casework.decisions.note",
    },
    stepUps: sum("step_up_to_social_care"),
    stepDowns: sum("step_down_to_early_help"),
  };
}

async function stepUpsAndDowns(w: Window, stepUps: number, stepDowns: number): Promise<RawTable> {
  const fromSocialCare = await db.contact.count({ where: { receivedOn: onDates(w), source: "step_down_csc", ...(w.teamId ? { teamId: w.teamId } : {}) } });
  return {
    id: "step-ups-downs",
    titleKey: "reports:casework.steps.title",
    rowHeaderKey: "reports:casework.steps.row",
    rows: [
      { key: "stepUps", labelKey: "reports:casework.steps.stepUps" },
      { key: "stepDowns", labelKey: "reports:casework.steps.stepDowns" },
      { key: "contactsFromSocialCare", labelKey: "reports:casework.steps.contactsFromSocialCare" },
    ],
    cols: count("reports:casework.count"),
    counts: [[stepUps], [stepDowns], [fromSocialCare]],
    noteKey: "reports:casework.steps.note",
  };
}

/** A two-row table "yes / no" with its total and the share of the first row. */
function yesNo(id: string, group: string, yes: number, total: number, colKey: string): RawTable {
  return {
    id,
    titleKey: `reports:casework.${group}.title`,
    rowHeaderKey: `reports:casework.${group}.row`,
    rows: [
      { key: "yes", labelKey: `reports:casework.${group}.yes` },
      { key: "no", labelKey: `reports:casework.${group}.no` },
    ],
    cols: count(colKey),
    counts: [[yes], [total - yes]],
    colTotals: true,
    shareOfRow: "yes",
    noteKey: `reports:casework.${group}.note`,
  };
}

/** Assessments signed off in the period, and how many by their due date. */
async function assessments(w: Window): Promise<RawTable> {
  const [r] = await db.$queryRaw<Array<{ total: number; ontime: number }>>`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE ((a."signedOffAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date <= a."dueOn")::int AS ontime
    FROM "Assessment" a JOIN "Family" f ON f."id" = a."familyId"
    WHERE a."status" = 'signed_off' AND a."signedOffAt" IS NOT NULL
      AND ((a."signedOffAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date BETWEEN ${w.from}::date AND ${w.to}::date
      AND (${w.teamId}::text IS NULL OR f."teamId" = ${w.teamId}::text)`;
  return yesNo("assessments", "assessments", r?.ontime ?? 0, r?.total ?? 0, "reports:casework.assessments.count");
}

/**
 * Plans started in the period: with every action dated (the plan form requires an owner
 * and a due date on each action, so a plan qualifies once it has at least one action)
 * against plans with no actions yet, which have no timescales at all.
 */
async function plansDated(w: Window): Promise<RawTable> {
  const where: Prisma.PlanWhereInput = { startedOn: onDates(w), family: familyTeam(w) };
  const [total, withActions] = await Promise.all([db.plan.count({ where }), db.plan.count({ where: { ...where, actions: { some: {} } } })]);
  return yesNo("plans-dated", "plans", withActions, total, "reports:casework.plans.count");
}

/**
 * Reviews held in the period, on time when held by their due date: the previous review
 * (or the plan's start) plus the plan's review interval.
 */
async function reviews(w: Window): Promise<RawTable> {
  const [r] = await db.$queryRaw<Array<{ total: number; ontime: number }>>`
    WITH r AS (
      SELECT rv."heldOn", f."teamId",
        COALESCE(LAG(rv."heldOn") OVER (PARTITION BY rv."planId" ORDER BY rv."heldOn", rv."createdAt"), p."startedOn") + p."reviewIntervalWeeks" * 7 AS due
      FROM "Review" rv JOIN "Plan" p ON p."id" = rv."planId" JOIN "Family" f ON f."id" = rv."familyId"
      WHERE (${w.teamId}::text IS NULL OR f."teamId" = ${w.teamId}::text) AND rv."heldOn" <= ${w.to}::date
    )
    SELECT count(*)::int AS total, count(*) FILTER (WHERE "heldOn" <= due)::int AS ontime
    FROM r WHERE "heldOn" >= ${w.from}::date`;
  return yesNo("reviews", "reviews", r?.ontime ?? 0, r?.total ?? 0, "reports:casework.reviews.count");
}

async function closures(w: Window): Promise<RawTable> {
  const groups = await db.closure.groupBy({ by: ["reason"], where: { closedOn: onDates(w), family: familyTeam(w) }, _count: { _all: true } });
  const keys = Object.values(ClosureReason);
  return {
    id: "closures",
    titleKey: "reports:casework.closures.title",
    rowHeaderKey: "reports:casework.closures.row",
    rows: keys.map(label("casework", "closureReasons")),
    cols: count("reports:casework.closures.count"),
    counts: column(keys, new Map(groups.map((g) => [g.reason, g._count._all]))),
    colTotals: true,
  };
}

async function needsAtClosure(w: Window): Promise<RawTable> {
  const groups = await db.closureOutcome.groupBy({
    by: ["need", "result"],
    where: { closure: { closedOn: onDates(w), family: familyTeam(w) } },
    _count: { _all: true },
  });
  const needs = Object.values(HeadlineOutcome);
  const results = Object.values(NeedResult);
  return {
    id: "needs-at-closure",
    titleKey: "reports:casework.needs.title",
    rowHeaderKey: "reports:casework.needs.row",
    rows: needs.map(label("casework", "needs")),
    cols: results.map(label("casework", "needResults")),
    counts: needs.map((n) => results.map((r) => groups.find((g) => g.need === n && g.result === r)?._count._all ?? 0)),
    rowTotals: true,
    colTotals: true,
    noteKey: "reports:casework.needs.note",
  };
}

async function reReferrals(w: Window): Promise<RawTable> {
  const where: Prisma.ContactWhereInput = { receivedOn: onDates(w), ...(w.teamId ? { teamId: w.teamId } : {}) };
  const [total, re] = await Promise.all([db.contact.count({ where }), db.contact.count({ where: { ...where, reReferral: true } })]);
  return yesNo("re-referrals", "reReferrals", re, total, "reports:casework.contacts");
}

/**
 * Supervision records for months in the period: held within the month, held later, or
 * missed with a reason recorded.
 */
async function supervision(w: Window): Promise<RawTable> {
  const [r] = await db.$queryRaw<Array<{ ontime: number; late: number; missed: number }>>`
    SELECT count(*) FILTER (WHERE s."heldOn" IS NOT NULL AND s."heldOn" < (s."month" + interval '1 month')::date)::int AS ontime,
      count(*) FILTER (WHERE s."heldOn" IS NOT NULL AND s."heldOn" >= (s."month" + interval '1 month')::date)::int AS late,
      count(*) FILTER (WHERE s."heldOn" IS NULL)::int AS missed
    FROM "Supervision" s
    WHERE s."month" BETWEEN ${w.from}::date AND ${w.to}::date
      AND (${w.teamId}::text IS NULL OR s."teamId" = ${w.teamId}::text)`;
  return {
    id: "supervision",
    titleKey: "reports:casework.supervision.title",
    rowHeaderKey: "reports:casework.supervision.row",
    rows: [
      { key: "onTime", labelKey: "reports:casework.supervision.onTime" },
      { key: "late", labelKey: "reports:casework.supervision.late" },
      { key: "missed", labelKey: "reports:casework.supervision.missed" },
    ],
    cols: count("reports:casework.supervision.count"),
    counts: [[r?.ontime ?? 0], [r?.late ?? 0], [r?.missed ?? 0]],
    colTotals: true,
    shareOfRow: "onTime",
    noteKey: "reports:casework.supervision.note",
  };
}

/** The casework sections of a report: the front door and process ("core") and outcomes. */
export async function caseworkSections(period: ReportPeriod, scope: ReportScope): Promise<ReportSection[]> {
  const w = windowOf(period, scope);
  const decided = await decisionsByStage(w);
  const [sources, steps, assessed, plans, reviewed, closed, needs, re, supervised] = await Promise.all([
    contactsBySource(w),
    stepUpsAndDowns(w, decided.stepUps, decided.stepDowns),
    assessments(w),
    plansDated(w),
    reviews(w),
    closures(w),
    needsAtClosure(w),
    reReferrals(w),
    supervision(w),
  ]);
  return [
    {
      id: "casework-practice",
      titleKey: "reports:casework.practiceTitle",
      heading: "core",
      tables: [sources, decided.table, steps, assessed, plans, reviewed, supervised],
    },
    { id: "casework-outcomes", titleKey: "reports:casework.outcomesTitle", heading: "outcomes", tables: [closed, needs, re] },
  ];
}
