/**
 * Casework rules as pure functions: working-day timescales, overdue detection,
 * re-referral, supervision. Dates are calendar dates held as UTC midnight (as Prisma
 * returns `@db.Date` columns); "today" is passed in so the rules are testable.
 */

/** England and Wales bank holidays (gov.uk/bank-holidays), as data. Extend yearly. */
export const BANK_HOLIDAYS_ENGLAND_WALES: readonly string[] = [
  // 2025
  "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
  // 2026 (Boxing Day is a Saturday: substitute Monday 28 December)
  "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
  // 2027 (Christmas Day and Boxing Day fall at a weekend: substitutes 27 and 28 December)
  "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
];

const HOLIDAYS = new Set(BANK_HOLIDAYS_ENGLAND_WALES);

export const DEFAULT_ASSESSMENT_WORKING_DAYS = 45;
export const DEFAULT_REVIEW_INTERVAL_WEEKS = 6;
export const RE_REFERRAL_MONTHS = 12;

/** The calendar date of a Date (UTC) as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD string as UTC midnight; anything else (or an impossible date) is null. */
export function parseIsoDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || isoDate(date) !== value ? null : date;
}

/** UTC midnight of the given instant's calendar date in London (near enough: date-only). */
export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  const d = startOfDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

export function addMonths(date: Date, months: number): Date {
  const d = startOfDay(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export function isWorkingDay(date: Date): boolean {
  const dow = date.getUTCDay();
  return dow !== 0 && dow !== 6 && !HOLIDAYS.has(isoDate(date));
}

/** The date `days` working days after `from` (from itself does not count). */
export function addWorkingDays(from: Date, days: number): Date {
  let d = startOfDay(from);
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when to is not after from). */
export function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= startOfDay(to); d = addDays(d, 1)) if (isWorkingDay(d)) count += 1;
  return count;
}

/** When the Early Help Assessment is due: N working days (default 45) from the contact. */
export function assessmentDueDate(receivedOn: Date, workingDays = DEFAULT_ASSESSMENT_WORKING_DAYS): Date {
  return addWorkingDays(receivedOn, workingDays);
}

/** An assessment is overdue when it is not signed off and its due date has passed. */
export function isAssessmentOverdue(a: { status: string; dueOn: Date }, today: Date): boolean {
  return a.status !== "signed_off" && startOfDay(a.dueOn) < startOfDay(today);
}

/** A plan action is overdue when it is neither done nor cancelled and its due date has passed. */
export function isActionOverdue(a: { status: string; dueOn: Date }, today: Date): boolean {
  return a.status !== "done" && a.status !== "cancelled" && startOfDay(a.dueOn) < startOfDay(today);
}

export function nextReviewDate(from: Date, intervalWeeks = DEFAULT_REVIEW_INTERVAL_WEEKS): Date {
  return addDays(from, intervalWeeks * 7);
}

/** A review is overdue when the episode is open and the next review date has passed. */
export function isReviewOverdue(plan: { nextReviewOn: Date }, episodeOpen: boolean, today: Date): boolean {
  return episodeOpen && startOfDay(plan.nextReviewOn) < startOfDay(today);
}

/** A contact is a re-referral when the family's last episode closed within 12 months before it. */
export function isReReferral(receivedOn: Date, lastClosedOn: Date | null | undefined): boolean {
  if (!lastClosedOn) return false;
  const closed = startOfDay(lastClosedOn);
  const received = startOfDay(receivedOn);
  return closed <= received && received <= addMonths(closed, RE_REFERRAL_MONTHS);
}

/** First day of the date's month (UTC). */
export function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

export type SupervisionRecord = { month: Date; heldOn: Date | null; missedReason: string | null };

/**
 * Supervision is monthly. A practitioner is overdue when neither last month nor this
 * month is accounted for: no session held and no reason recorded for missing it.
 */
export function isSupervisionOverdue(records: readonly SupervisionRecord[], today: Date): boolean {
  const months = [isoDate(addMonths(monthStart(today), -1)), isoDate(monthStart(today))];
  return !records.some((r) => months.includes(isoDate(monthStart(r.month))) && (r.heldOn || r.missedReason?.trim()));
}

/** A missed month must carry a reason; a held one needs a date. */
export function supervisionRecordProblem(r: { heldOn: Date | null; missedReason: string | null | undefined }): string | null {
  if (!r.heldOn && !r.missedReason?.trim()) return "supervision.errors.missedReasonRequired";
  return null;
}
