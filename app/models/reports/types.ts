import type { RoundedTable } from "./suppression";

/**
 * How one area of the service (casework today; courses, groups and the survey later)
 * contributes to the reports: a section of tables of counts for a period. Shared with the
 * browser, so no server imports here.
 */

/** The SEF's three headings, under which the annual report lays out each section. */
export const SEF_HEADINGS = ["core", "creative", "outcomes"] as const;
export type SefHeading = (typeof SEF_HEADINGS)[number];

/** A reporting period: calendar dates, both inclusive, held as UTC midnight. */
export type ReportPeriod = { from: Date; to: Date };

/** Which teams a report covers: one team, or every team (null). */
export type ReportScope = { teamId: string | null };

/**
 * A label: a translation key ("casework:sources.MASH") rendered in the reader's language,
 * or, for names that are data (a programme, a measure), the name itself in `text`.
 */
export type Label = { key: string; labelKey: string; text?: string };

/** A label as the reader sees it. */
export function labelText(label: Label, t: (key: string) => string): string {
  return label.text ?? t(label.labelKey);
}

/**
 * A figure per row that is not a count (e.g. the average change in a score), published
 * only where the row's count in column `basedOnCol` is shown: a mean of fewer people than
 * the threshold is hidden with them.
 */
export type RowMeans = { labelKey: string; basedOnCol: string; values: Array<number | null>; digits: number };

/** A table of counts as a section computes it, before suppression. Never sent to the browser. */
export type RawTable = {
  /** Stable id, used in links, file names and XLSX sheet names (≤ 31 characters). */
  id: string;
  titleKey: string;
  /** Heading of the first column (what the rows are). */
  rowHeaderKey: string;
  rows: Label[];
  cols: Label[];
  counts: number[][];
  /** Publish a total per row / per column (the sum). */
  rowTotals?: boolean;
  colTotals?: boolean;
  /** Show the share of this row in the first column's total (e.g. "within timescale"). */
  shareOfRow?: string;
  /** One sentence on how the figure is counted. */
  noteKey?: string;
  means?: RowMeans;
};

export type ReportSection = { id: string; titleKey: string; heading: SefHeading; tables: RawTable[] };

/** A table as published: suppressed (hidden numbers are null) and rounded. Safe to send and export. */
export type PublishedTable = Omit<RawTable, "counts"> & { table: RoundedTable; share: number | null };
export type PublishedSection = Omit<ReportSection, "tables"> & { tables: PublishedTable[] };
