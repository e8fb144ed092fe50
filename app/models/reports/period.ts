import { z } from "zod";
import { isoDate, parseIsoDate } from "~/models/casework/rules";
import type { ReportPeriod } from "./types";

/** The financial year (1 April to 31 March) that contains the date. */
export function financialYear(today: Date): ReportPeriod {
  const start = today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return financialYearStarting(start);
}

/** The financial year starting 1 April of `year`, e.g. 2025 → 2025-04-01 to 2026-03-31. */
export function financialYearStarting(year: number): ReportPeriod {
  return { from: new Date(Date.UTC(year, 3, 1)), to: new Date(Date.UTC(year + 1, 2, 31)) };
}

const IsoDate = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const d = parseIsoDate(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "reports:errors.date" });
      return z.NEVER;
    }
    return d;
  });

export const MAX_PERIOD_DAYS = 366 * 5;

/**
 * Periods are whole months (first day to last day): with any day allowed, two reports a
 * day apart would isolate one day's families. Together with rounding (suppression.ts)
 * this keeps differencing two reports from revealing a hidden count.
 */
export function isFirstOfMonth(d: Date): boolean {
  return d.getUTCDate() === 1;
}

export function isLastOfMonth(d: Date): boolean {
  return new Date(d.getTime() + 86_400_000).getUTCDate() === 1;
}

/**
 * The report query: a period of whole months (default the current financial year) and,
 * for those who may see every team, an optional team. Unknown parameters are refused.
 */
export const ReportQuerySchema = z
  .strictObject({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    team: z.string().trim().max(64).regex(/^[A-Za-z0-9_-]*$/).optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.from && !q.to) || (!q.from && q.to)) ctx.addIssue({ code: "custom", message: "reports:errors.bothDates", path: ["to"] });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", message: "reports:errors.order", path: ["to"] });
    if (q.from && q.to && (q.to.getTime() - q.from.getTime()) / 86_400_000 > MAX_PERIOD_DAYS) ctx.addIssue({ code: "custom", message: "reports:errors.tooLong", path: ["to"] });
    if (q.from && !isFirstOfMonth(q.from)) ctx.addIssue({ code: "custom", message: "reports:errors.monthStart", path: ["from"] });
    if (q.to && !isLastOfMonth(q.to)) ctx.addIssue({ code: "custom", message: "reports:errors.monthEnd", path: ["to"] });
  });

export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export function periodOf(query: ReportQuery, today = new Date()): ReportPeriod {
  return query.from && query.to ? { from: query.from, to: query.to } : financialYear(today);
}

/** The query string for a period and team, for links and export URLs. */
export function periodSearch(period: ReportPeriod, teamId: string | null): string {
  const p = new URLSearchParams({ from: isoDate(period.from), to: isoDate(period.to) });
  if (teamId) p.set("team", teamId);
  return p.toString();
}
