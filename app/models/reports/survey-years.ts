import type { ReportPeriod } from "./types";

/**
 * The survey years a report period covers: a year counts when 1 July of it falls in the
 * period (so a financial year takes the one survey run in its summer), or when the whole
 * period lies within that year.
 */
export function surveyYearsIn(period: ReportPeriod): number[] {
  const first = period.from.getUTCFullYear();
  const last = period.to.getUTCFullYear();
  const years: number[] = [];
  for (let y = first; y <= last; y++) {
    const midYear = Date.UTC(y, 6, 1);
    if ((midYear >= period.from.getTime() && midYear <= period.to.getTime()) || first === last) years.push(y);
  }
  return years;
}
