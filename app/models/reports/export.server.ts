import ExcelJS from "exceljs";
import type { Cell } from "./suppression";
import { labelText, type PublishedTable } from "./types";

type T = (key: string, values?: Record<string, unknown>) => string;

/** A published table as rows of text: header, one row per label, the totals row. Hidden cells as their words. */
export function tableRows(pub: PublishedTable, t: T): string[][] {
  const text = (c: Cell) => (c.value === null ? t(c.status === "primary" ? "reports:cell.primary" : "reports:cell.secondary", { threshold: pub.table.threshold }) : String(c.value));
  const hasRowTotals = pub.table.rowTotals.length > 0;
  const means = pub.means;
  const mean = (v: number | null) => (v === null ? t("reports:cell.mean") : v.toFixed(means?.digits ?? 0));
  const out: string[][] = [[t(pub.rowHeaderKey), ...pub.cols.map((c) => t(c.labelKey)), ...(hasRowTotals ? [t("reports:outcomes.total")] : []), ...(means ? [t(means.labelKey)] : [])]];
  pub.rows.forEach((r, i) =>
    out.push([labelText(r, t), ...pub.table.cells[i]!.map(text), ...(hasRowTotals ? [text(pub.table.rowTotals[i]!)] : []), ...(means ? [mean(means.values[i] ?? null)] : [])]),
  );
  if (pub.table.colTotals.length) out.push([t("reports:outcomes.total"), ...pub.table.colTotals.map(text), ...(pub.table.grandTotal ? [text(pub.table.grandTotal)] : [])]);
  return out;
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula (not plain numbers such as -1.5) are prefixed with an apostrophe. */
export function toCsv(rows: string[][]): string {
  const quote = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}

/** A first sheet of text before the tables (the annual report's narrative): a name and rows of [heading, text]. */
export type FrontSheet = { name: string; title: string; rows: Array<[string, string]> };

/**
 * An XLSX workbook with one sheet per table: title, period line, the table; numbers as
 * numbers. An optional first sheet holds text (the annual narrative under its headings).
 */
export async function toXlsx(tables: PublishedTable[], t: T, periodLine: string, front?: FrontSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Early Help";
  const used = new Set<string>();
  if (front) {
    used.add(front.name);
    const ws = wb.addWorksheet(front.name);
    ws.addRow([front.title]).font = { bold: true };
    ws.addRow([periodLine]);
    ws.addRow([]);
    for (const [heading, text] of front.rows) {
      ws.addRow([heading]).font = { bold: true };
      ws.addRow([text]).alignment = { wrapText: true, vertical: "top" };
      ws.addRow([]);
    }
    ws.getColumn(1).width = 100;
  }
  for (const pub of tables) {
    let name = pub.id.slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${pub.id.slice(0, 28)}-${i}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([t(pub.titleKey)]).font = { bold: true };
    ws.addRow([periodLine]);
    ws.addRow([]);
    tableRows(pub, t).forEach((row, i) => {
      const added = ws.addRow(row.map((v, c) => (i > 0 && c > 0 && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
      if (i === 0) added.font = { bold: true };
    });
    ws.getColumn(1).width = 48;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
