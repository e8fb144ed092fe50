import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { isoDate } from "~/models/casework/rules";
import { caseworkSections } from "./casework.server";
import { courseSections } from "./courses.server";
import { groupSections } from "./groups.server";
import { differencingThreshold, roundingBase, roundingFor, roundTable, share, suppressionThreshold, suppressTable, type Rounding } from "./suppression";
import { surveySections } from "./survey.server";
import type { PublishedSection, PublishedTable, RawTable, ReportPeriod, ReportScope, ReportSection } from "./types";

/**
 * The areas that contribute to the reports. Each returns its sections for a period and
 * scope; adding courses, groups or the survey is one module and one line here.
 */
export const REPORT_SOURCES: ReadonlyArray<{ id: string; sections: (period: ReportPeriod, scope: ReportScope) => Promise<ReportSection[]> }> = [
  { id: "casework", sections: caseworkSections },
  { id: "courses", sections: courseSections },
  { id: "groups", sections: (period, scope) => groupSections(period, scope) },
  { id: "survey", sections: surveySections },
];

/**
 * The suppression threshold from REPORT_SUPPRESSION_THRESHOLD (default 5, never below 3;
 * 3 is raised to 4, the least that differencing cannot undo: see suppression.ts).
 */
export function reportThreshold(): number {
  return differencingThreshold(suppressionThreshold(process.env.REPORT_SUPPRESSION_THRESHOLD));
}

/** How published counts are rounded: REPORT_ROUNDING_BASE (default 5), raised where needed so differencing pins nothing. */
export function reportRounding(threshold = reportThreshold()): Rounding {
  return roundingFor(threshold, roundingBase(process.env.REPORT_ROUNDING_BASE));
}

/**
 * Suppresses one table (on the true counts, so no hidden cell is solvable from its own
 * totals), then rounds every shown count, totals independently, so that no hidden count
 * can be worked out by differencing two reports. The share is of the published figures.
 */
export function publishTable(raw: RawTable, threshold = reportThreshold(), rounding = reportRounding(threshold)): PublishedTable {
  const { counts, ...rest } = raw;
  const table = roundTable(suppressTable({ cells: counts, rowTotals: raw.rowTotals, colTotals: raw.colTotals }, threshold), rounding);
  const row = raw.shareOfRow ? raw.rows.findIndex((r) => r.key === raw.shareOfRow) : -1;
  const total = table.colTotals[0];
  const value = row >= 0 && total ? share(table.cells[row]![0]!, total) : null;
  if (!raw.means) return { ...rest, table, share: value };
  const col = raw.cols.findIndex((c) => c.key === raw.means!.basedOnCol);
  const scale = 10 ** raw.means.digits;
  const values = raw.means.values.map((v, r) => (v === null || col < 0 || table.cells[r]![col]!.value === null ? null : Math.round(v * scale) / scale));
  return { ...rest, means: { ...raw.means, values }, table, share: value };
}

/** Every section of the report for the period and scope, suppressed. Audited as a report view or export. */
export async function buildReport(actor: Actor, period: ReportPeriod, scope: ReportScope, purpose: { action: "read" | "export"; format?: string; report: string }): Promise<PublishedSection[]> {
  const threshold = reportThreshold();
  const rounding = reportRounding(threshold);
  const sections = (await Promise.all(REPORT_SOURCES.map((s) => s.sections(period, scope)))).flat();
  await audit(actor, {
    action: purpose.action,
    entity: "report",
    entityId: purpose.report,
    detail: { from: isoDate(period.from), to: isoDate(period.to), teamId: scope.teamId, ...(purpose.format ? { format: purpose.format } : {}) },
  });
  return sections.map((s) => ({ ...s, tables: s.tables.map((t) => publishTable(t, threshold, rounding)) }));
}
