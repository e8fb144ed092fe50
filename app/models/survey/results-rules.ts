/**
 * Rules of the survey's satisfaction results that need no database: the filters, the
 * comment themes, and which figures may be published beside a suppressed table.
 * Shared by the model, the route and the unit tests (no server imports).
 */
import { z } from "zod";
import { LANGUAGE_CODES } from "~/utils/languages";
import type { Cell, SuppressedTable } from "~/models/reports/suppression";
import { SERVICES } from "./rules";

/** Themes staff can tag a comment with. Fixed, so counts by theme compare year on year. */
export const COMMENT_THEMES = ["listening", "practical", "timing", "staff", "access", "language", "children", "groups", "other"] as const;
export type CommentTheme = (typeof COMMENT_THEMES)[number];

/** Answers that count as agreeing on an agree-scale question. */
export const AGREEING = ["strongly_agree", "agree"] as const;

export type ResultsFilters = { service?: (typeof SERVICES)[number]; language?: (typeof LANGUAGE_CODES)[number] };

/** Comments listed per page of the results. */
export const COMMENTS_PER_PAGE = 50;

/** The results page's query: "all" (or nothing) means no filter. Unknown parameters are refused. */
export const ResultsQuerySchema = z.strictObject({
  service: z.enum(["all", ...SERVICES]).optional(),
  language: z.enum(["all", ...LANGUAGE_CODES]).optional(),
  theme: z.enum(["all", "none", ...COMMENT_THEMES]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type ResultsQuery = z.infer<typeof ResultsQuerySchema>;

/** The filters of a query, without the "all" placeholders. */
export function filtersOf(query: ResultsQuery): ResultsFilters {
  return {
    ...(query.service && query.service !== "all" ? { service: query.service } : {}),
    ...(query.language && query.language !== "all" ? { language: query.language } : {}),
  };
}

/** The form that saves a translation and theme for one comment. */
export const CommentNoteSchema = z.strictObject({
  responseId: z.string().uuid(),
  questionKey: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  translation: z.string().max(4000).default(""),
  theme: z.enum(["", ...COMMENT_THEMES]).default(""),
});

/**
 * The share of the first `rows` cells in the table's total, from published cells only:
 * null (not shown) when the total is below the threshold or any cell it adds up is
 * hidden, because a share of visible numbers then reveals the hidden one by subtraction.
 */
export function publishedShare(table: SuppressedTable, rows: number[]): number | null {
  const total = table.colTotals[0];
  if (!total || total.value === null || total.value < table.threshold || total.value === 0) return null;
  let sum = 0;
  for (const r of rows) {
    const cell: Cell | undefined = table.cells[r]?.[0];
    if (!cell || cell.value === null) return null;
    sum += cell.value;
  }
  return sum / total.value;
}

/**
 * The mean of a 0–10 item from its true distribution, rounded to one decimal place, or
 * null when fewer than `threshold` people answered (a mean of a few is nearly a person's answer).
 */
export function publishedMean(distribution: Array<{ value: number; count: number }>, threshold: number): number | null {
  const n = distribution.reduce((a, d) => a + d.count, 0);
  if (n < threshold || n === 0) return null;
  const sum = distribution.reduce((a, d) => a + d.value * d.count, 0);
  return Math.round((sum / n) * 10) / 10;
}
