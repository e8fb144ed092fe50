/**
 * Pure rules for parenting courses: measure scoring (with the SWEMWBS conversion table),
 * completion, the session schedule, capacity and the pre/post change. No database here,
 * so the unit tests cover every rule directly.
 */

/**
 * The published SWEMWBS raw-to-metric conversion table (Stewart-Brown et al. 2009,
 * Rasch-transformed; Warwick Medical School's scoring guidance): raw total 7–35 to the
 * metric score reported and compared across studies.
 */
export const SWEMWBS_CONVERSION: Readonly<Record<number, number>> = {
  7: 7.0,
  8: 9.51,
  9: 11.25,
  10: 12.4,
  11: 13.33,
  12: 14.08,
  13: 14.75,
  14: 15.32,
  15: 15.84,
  16: 16.36,
  17: 16.88,
  18: 17.43,
  19: 17.98,
  20: 18.59,
  21: 19.25,
  22: 19.98,
  23: 20.73,
  24: 21.54,
  25: 22.35,
  26: 23.21,
  27: 24.11,
  28: 25.03,
  29: 26.02,
  30: 27.03,
  31: 28.13,
  32: 29.31,
  33: 30.7,
  34: 32.55,
  35: 35.0,
};

/** What scoring needs to know about a measure (a row of OutcomeMeasure). */
export type MeasureDefinition = {
  key: string;
  itemCount: number;
  scaleMin: number;
  scaleMax: number;
  scoring: "sum" | "swemwbs_metric";
  /** Raw total (as a string key, as stored in JSON) to metric score. */
  conversion?: Record<string, number> | null;
};

export type Score = { raw: number; score: number };

/** Why answers cannot be scored; each is a `courses` translation key. */
export class ScoringError extends Error {}

/**
 * Scores one set of answers: every item answered, each a whole number on the scale; the
 * raw total, then the conversion table for SWEMWBS-style measures.
 */
export function scoreMeasure(measure: MeasureDefinition, answers: readonly number[]): Score {
  if (answers.length !== measure.itemCount) throw new ScoringError("errors.measureIncomplete");
  for (const a of answers) {
    if (!Number.isInteger(a) || a < measure.scaleMin || a > measure.scaleMax) throw new ScoringError("errors.scoreOutOfScale");
  }
  const raw = answers.reduce((sum, a) => sum + a, 0);
  if (measure.scoring === "sum") return { raw, score: raw };
  const metric = measure.conversion?.[String(raw)];
  if (metric === undefined) throw new ScoringError("errors.scoreOutOfScale");
  return { raw, score: metric };
}

export type CompletionRuleInput = { rule: "min_sessions" | "percentage"; value: number };

/** Sessions a parent must attend to complete, given the sessions held (not cancelled). */
export function sessionsNeeded(rule: CompletionRuleInput, sessionsHeld: number): number {
  if (rule.rule === "min_sessions") return Math.min(rule.value, sessionsHeld);
  return Math.ceil((rule.value / 100) * sessionsHeld - 1e-9);
}

/** Whether a parent who attended `attended` of `sessionsHeld` sessions completes. */
export function meetsCompletion(rule: CompletionRuleInput, attended: number, sessionsHeld: number): boolean {
  if (sessionsHeld <= 0) return false;
  return attended >= sessionsNeeded(rule, sessionsHeld);
}

const DAY = 86_400_000;

/** A Date at UTC midnight `days` after `date`. */
export function addDaysUtc(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + days * DAY);
}

/** The session dates of a weekly course: the start date, then every `intervalDays` days. */
export function sessionSchedule(startDate: Date, count: number, intervalDays = 7): Date[] {
  return Array.from({ length: count }, (_, i) => addDaysUtc(startDate, i * intervalDays));
}

/** Statuses that hold a place on a cohort (count against capacity). */
export const PLACE_HOLDING = ["offered", "enrolled", "completed"] as const;

export function holdsPlace(status: string): boolean {
  return (PLACE_HOLDING as readonly string[]).includes(status);
}

/** Whether one more parent may take a place. */
export function hasPlace(capacity: number, placesTaken: number): boolean {
  return placesTaken < capacity;
}

/** The waiting list in order: earliest first, then by id so ties are stable. */
export function orderWaitingList<T extends { waitingSince: Date | string | null; id: string }>(rows: readonly T[]): T[] {
  const t = (r: T) => (r.waitingSince ? new Date(r.waitingSince).getTime() : Number.MAX_SAFE_INTEGER);
  return [...rows].sort((a, b) => t(a) - t(b) || a.id.localeCompare(b.id));
}

export type ChangeSummary = {
  /** Parents with both a pre and a post score: the figures are based on these. */
  basedOn: number;
  preOnly: number;
  meanPre: number | null;
  meanPost: number | null;
  meanChange: number | null;
  improved: number;
  /** improved / basedOn, 0–1, or null when nobody has both. */
  improvedShare: number | null;
};

/** Pre/post change for one measure; only parents with both scores count. */
export function summariseChange(pairs: ReadonlyArray<{ pre: number | null; post: number | null }>): ChangeSummary {
  const both = pairs.filter((p): p is { pre: number; post: number } => p.pre !== null && p.post !== null);
  const preOnly = pairs.filter((p) => p.pre !== null && p.post === null).length;
  if (!both.length) return { basedOn: 0, preOnly, meanPre: null, meanPost: null, meanChange: null, improved: 0, improvedShare: null };
  const mean = (xs: number[]) => Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100;
  const improved = both.filter((p) => p.post > p.pre).length;
  return {
    basedOn: both.length,
    preOnly,
    meanPre: mean(both.map((p) => p.pre)),
    meanPost: mean(both.map((p) => p.post)),
    meanChange: mean(both.map((p) => p.post - p.pre)),
    improved,
    improvedShare: improved / both.length,
  };
}
