import type { SuppressedTable } from "./suppression";

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

/** A label: a translation key ("casework:sources.MASH") rendered in the reader's language. */
export type Label = { key: string; labelKey: string };

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
};

export type ReportSection = { id: string; titleKey: string; heading: SefHeading; tables: RawTable[] };

/** A table as published: suppressed, so hidden numbers are null. Safe to send and export. */
export type PublishedTable = Omit<RawTable, "counts"> & { table: SuppressedTable; share: number | null };
export type PublishedSection = Omit<ReportSection, "tables"> & { tables: PublishedTable[] };
