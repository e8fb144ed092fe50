import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { isoDate } from "../casework-rules";
import { caseworkSections } from "./casework.server";
import { share, suppressionThreshold, suppressTable } from "./suppression";
import { surveySections } from "./survey.server";
import type { PublishedSection, PublishedTable, RawTable, ReportPeriod, ReportScope, ReportSection } from "./types";

/**
 * The areas that contribute to the reports. Each returns its sections for a period and
 * scope; adding courses, groups or the survey is one module and one line here.
 */
export const REPORT_SOURCES: ReadonlyArray<{ id: string; sections: (period: ReportPeriod, scope: ReportScope) => Promise<ReportSection[]> }> = [
  { id: "casework", sections: caseworkSections },
  { id: "survey", sections: surveySections },
];

/** The suppression threshold from REPORT_SUPPRESSION_THRESHOLD (default 5, never below 3). */
export function reportThreshold(): number {
  return suppressionThreshold(process.env.REPORT_SUPPRESSION_THRESHOLD);
}

/** Suppresses one table and derives its share from the published (not the true) cells. */
export function publishTable(raw: RawTable, threshold = reportThreshold()): PublishedTable {
  const { counts, ...rest } = raw;
  const table = suppressTable({ cells: counts, rowTotals: raw.rowTotals, colTotals: raw.colTotals }, threshold);
  const row = raw.shareOfRow ? raw.rows.findIndex((r) => r.key === raw.shareOfRow) : -1;
  const total = table.colTotals[0];
  const value = row >= 0 && total ? share(table.cells[row]![0]!, total) : null;
  return { ...rest, table, share: value };
}

/**
 * The teams the actor may report on and the one this report covers: team-scoped staff
 * get their own team whatever they ask for; others may choose one team or all (null).
 */
export async function resolveReportScope(actor: Actor, requestedTeam: string | undefined): Promise<{ scope: ReportScope; teams: Array<{ id: string; name: string }>; canChooseTeam: boolean }> {
  if (actor.scope !== "any") {
    if (!actor.user.teamId) throw errorResponse(403, "errors.forbidden");
    if (requestedTeam && requestedTeam !== actor.user.teamId) throw errorResponse(403, "errors.forbidden");
    const team = await db.team.findUnique({ where: { id: actor.user.teamId }, select: { id: true, name: true } });
    return { scope: { teamId: actor.user.teamId }, teams: team ? [team] : [], canChooseTeam: false };
  }
  const teams = await db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  if (requestedTeam && !teams.some((t) => t.id === requestedTeam)) throw errorResponse(400, "errors.badQuery");
  return { scope: { teamId: requestedTeam || null }, teams, canChooseTeam: true };
}

/** Every section of the report for the period and scope, suppressed. Audited as a report view or export. */
export async function buildReport(actor: Actor, period: ReportPeriod, scope: ReportScope, purpose: { action: "read" | "export"; format?: string; report: string }): Promise<PublishedSection[]> {
  const threshold = reportThreshold();
  const sections = (await Promise.all(REPORT_SOURCES.map((s) => s.sections(period, scope)))).flat();
  await audit(actor, {
    action: purpose.action,
    entity: "report",
    entityId: purpose.report,
    detail: { from: isoDate(period.from), to: isoDate(period.to), teamId: scope.teamId, ...(purpose.format ? { format: purpose.format } : {}) },
  });
  return sections.map((s) => ({ ...s, tables: s.tables.map((t) => publishTable(t, threshold)) }));
}
