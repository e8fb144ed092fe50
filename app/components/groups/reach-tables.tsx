import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Reach, ReachFigures } from "~/models/groups/rules";
import { formatDate, formatNumber } from "~/utils/format";

const COLUMNS: Array<keyof ReachFigures> = ["meetings", "uniqueParents", "repeatParents", "newMembers", "fromCourse", "headCountAdults", "headCountChildren"];

function Cells({ row, lng }: { row: ReachFigures; lng: string }) {
  return (
    <>
      {COLUMNS.map((c) => (
        <td key={c} className="govuk-table__cell govuk-table__cell--numeric" suppressHydrationWarning>
          {formatNumber(row[c], lng)}
        </td>
      ))}
    </>
  );
}

function Head({ first }: { first: string }) {
  const { t } = useTranslation("groups");
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">{first}</th>
        {COLUMNS.map((c) => (
          <th key={c} scope="col" className="govuk-table__header govuk-table__header--numeric">
            {t(`reach.cols.${c}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The period form and the reach tables (by month, by language), shared by both reach pages. */
export function ReachTables({ reach, from, to }: { reach: Reach; from: string; to: string }) {
  const { t, i18n } = useTranslation("groups");
  const lng = i18n.language;
  // Reach is counted per Gregorian month, so its month names stay Gregorian in any calendar.
  const monthName = (m: string) => formatDate(`${m}-15T12:00:00Z`, lng, { month: "long", year: "numeric" });
  return (
    <>
      <Form method="get" className="eh-groups-period">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="from">
            {t("reach.from")}
          </label>
          <div id="from-hint" className="govuk-hint">
            {t("reach.monthHint")}
          </div>
          <input className="govuk-input govuk-input--width-10" id="from" name="from" type="month" defaultValue={from} aria-describedby="from-hint" />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="to">
            {t("reach.to")}
          </label>
          <input className="govuk-input govuk-input--width-10" id="to" name="to" type="month" defaultValue={to} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t("reach.show")}
        </button>
      </Form>
      <h2 className="govuk-heading-m">{t("reach.totalHeading")}</h2>
      <dl className="govuk-summary-list">
        {COLUMNS.map((c) => (
          <div key={c} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t(`reach.cols.${c}`)}</dt>
            <dd className="govuk-summary-list__value" data-reach={c} suppressHydrationWarning>
              {formatNumber(reach.total[c], lng)}
            </dd>
          </div>
        ))}
      </dl>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{t("reach.howTitle")}</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">{t("reach.howUnique")}</p>
          <p className="govuk-body">{t("reach.howRepeat")}</p>
          <p className="govuk-body">{t("reach.howHeadCount")}</p>
          <p className="govuk-body">{t("reach.howLanguage")}</p>
        </div>
      </details>
      <div className="eh-groups-table-wrap" role="region" aria-labelledby="reach-months" tabIndex={0}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m" id="reach-months">
            {t("reach.byMonth")}
          </caption>
          <Head first={t("reach.cols.month")} />
          <tbody className="govuk-table__body">
            {reach.months.map((m) => (
              <tr key={m.month} className="govuk-table__row">
                <th scope="row" className="govuk-table__header" suppressHydrationWarning>
                  {monthName(m.month)}
                </th>
                <Cells row={m} lng={lng} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="eh-groups-table-wrap" role="region" aria-labelledby="reach-languages" tabIndex={0}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m" id="reach-languages">
            {t("reach.byLanguage")}
          </caption>
          <Head first={t("reach.cols.language")} />
          <tbody className="govuk-table__body">
            {reach.languages.map((l) => (
              <tr key={l.language} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {t(`languages.${l.language}`, { ns: "common" })}
                </th>
                <Cells row={l} lng={lng} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
