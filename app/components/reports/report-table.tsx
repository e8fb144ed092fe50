import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/charts/bar-chart";
import type { Cell } from "~/models/reports/suppression";
import { labelText, type PublishedTable } from "~/models/reports/types";
import { formatNumber } from "~/utils/format";

/** A published cell as text: the number, or "fewer than 5" / "withheld". */
export function useCellText() {
  const { t, i18n } = useTranslation("reports");
  return (cell: Cell, threshold: number) =>
    cell.value === null ? t(cell.status === "primary" ? "cell.primary" : "cell.secondary", { threshold }) : formatNumber(cell.value, i18n.language);
}

/** What the reader must know to read the figures: small numbers hidden, the rest rounded. */
export function SuppressionNote({ table }: { table: PublishedTable | undefined }) {
  const { t } = useTranslation("reports");
  const threshold = table?.table.threshold ?? 5;
  const r = table?.table.rounding;
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">{t("outcomes.suppressionNote", { threshold, max: threshold - 1 })}</p>
      {r ? (
        <p className="govuk-body">
          {t("outcomes.roundingNote", { threshold, base: r.base })}
          {r.lowestUpTo > threshold ? ` ${t("outcomes.lowestNote", { lowest: r.lowest, threshold, upTo: r.lowestUpTo })}` : ""}
        </p>
      ) : null}
    </div>
  );
}

/**
 * One report table with its caption, totals and share, and a bar chart of its first
 * column beside it (a picture of the table; the table is the record).
 */
export function ReportTable({ table: pub, csvHref }: { table: PublishedTable; csvHref?: string }) {
  const { t, i18n } = useTranslation("reports");
  const text = useCellText();
  const { table } = pub;
  const title = t(pub.titleKey);
  const threshold = table.threshold;
  const hasCols = pub.cols.length > 0;
  const bars = hasCols
    ? pub.rows.map((r, i) => {
        const cell = pub.cols.length === 1 ? table.cells[i]![0]! : (table.rowTotals[i] ?? { value: null, status: "secondary" as const });
        return { key: r.key, label: labelText(r, t), value: cell.value, hiddenText: text(cell, threshold) };
      })
    : [];
  const meanText = (v: number | null) =>
    v === null ? t("cell.mean") : formatNumber(v, i18n.language, { minimumFractionDigits: pub.means?.digits ?? 0, maximumFractionDigits: pub.means?.digits ?? 0, signDisplay: "exceptZero" });
  const shareText = pub.shareOfRow
    ? pub.share === null
      ? t("outcomes.shareHidden", { threshold })
      : t("outcomes.share", { share: formatNumber(pub.share, i18n.language, { style: "percent", maximumFractionDigits: 0 }) })
    : null;
  return (
    <section className="eh-report-table" aria-labelledby={`table-${pub.id}`}>
      <h3 className="govuk-heading-m" id={`table-${pub.id}`}>
        {title}
      </h3>
      {pub.noteKey ? <p className="govuk-body-s">{t(pub.noteKey)}</p> : null}
      <div className="eh-report-table__pair">
        <table className="govuk-table eh-report-table__data" data-table={pub.id}>
          <caption className="govuk-table__caption govuk-table__caption--s">{title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t(pub.rowHeaderKey)}</th>
              {pub.cols.map((c) => (
                <th key={c.key} scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t(c.labelKey)}
                </th>
              ))}
              {table.rowTotals.length ? <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("outcomes.total")}</th> : null}
              {pub.means ? <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t(pub.means.labelKey)}</th> : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {pub.rows.map((r, i) => (
              <tr key={r.key} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{labelText(r, t)}</th>
                {table.cells[i]!.map((cell, c) => (
                  <td key={pub.cols[c]!.key} className="govuk-table__cell govuk-table__cell--numeric" data-status={cell.status}>
                    {text(cell, threshold)}
                  </td>
                ))}
                {table.rowTotals[i] ? (
                  <td className="govuk-table__cell govuk-table__cell--numeric" data-status={table.rowTotals[i]!.status}>
                    {text(table.rowTotals[i]!, threshold)}
                  </td>
                ) : null}
                {pub.means ? (
                  <td className="govuk-table__cell govuk-table__cell--numeric" data-status={pub.means.values[i] === null ? "secondary" : "shown"}>
                    {meanText(pub.means.values[i] ?? null)}
                  </td>
                ) : null}
              </tr>
            ))}
            {table.colTotals.length ? (
              <tr className="govuk-table__row eh-report-table__total">
                <th scope="row" className="govuk-table__header">{t("outcomes.total")}</th>
                {table.colTotals.map((cell, c) => (
                  <td key={pub.cols[c]!.key} className="govuk-table__cell govuk-table__cell--numeric" data-status={cell.status}>
                    {text(cell, threshold)}
                  </td>
                ))}
                {table.grandTotal ? (
                  <td className="govuk-table__cell govuk-table__cell--numeric" data-status={table.grandTotal.status}>
                    {text(table.grandTotal, threshold)}
                  </td>
                ) : null}
              </tr>
            ) : null}
          </tbody>
        </table>
        {bars.length ? <BarChart title={title} description={t("outcomes.chartDescription")} bars={bars} hiddenText={t("cell.secondary")} formatValue={(v) => formatNumber(v, i18n.language)} /> : null}
      </div>
      {shareText ? <p className="govuk-body">{shareText}</p> : null}
      {csvHref ? (
        <p className="govuk-body-s eh-no-print">
          <a className="govuk-link" href={csvHref} download>
            {t("outcomes.csvOf", { table: title })}
          </a>
        </p>
      ) : null}
    </section>
  );
}
