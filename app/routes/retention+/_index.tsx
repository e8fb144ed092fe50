import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useDateLocale } from "~/utils/use-date-locale";
import { z } from "zod";
import { ErrorSummary } from "~/components/ui/error-summary";
import { listDueForDeletion } from "~/models/data-protection/retention.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18n.server";
import { parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "dataprotection"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Retention" }];

const QuerySchema = z.strictObject({
  /** How many families the last confirmation deleted (shown once after the redirect). */
  deleted: z.coerce.number().int().min(1).max(100).optional(),
  /** Set when "Continue" was pressed with nothing ticked. */
  error: z.literal("none").optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:family");
  const query = parseQuery(request, QuerySchema);
  const { years, cutoff, families } = await listDueForDeletion(actor);
  const t = await getFixedT(request, "dataprotection");
  return json({ title: t("retention.title"), years, cutoff, families, deleted: query.deleted ?? 0, noneChosen: query.error === "none" });
}

export default function Retention() {
  const { years, cutoff, families, deleted, noneChosen } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("dataprotection");
  const dates = useDateLocale();
  return (
    <>
      <ErrorSummary errors={noneChosen ? [{ fieldId: families[0] ? `family-${families[0].id}` : undefined, message: t("retention.noneChosen") }] : []} />
      {deleted ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="deleted-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="deleted-title">
              {t("retention.deletedTitle")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("retention.deleted", { n: formatNumber(deleted, i18n.language) })}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("retention.title")}</h1>
      <p className="govuk-body">{t("retention.intro", { years, date: formatDate(cutoff, dates) })}</p>
      <p className="govuk-body">{t("retention.whatHappens")}</p>
      {families.length ? (
        <Form method="get" action="/retention/confirm">
          <div className={`govuk-form-group${noneChosen ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" aria-describedby={noneChosen ? "family-error" : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">{t("retention.count", { n: formatNumber(families.length, i18n.language) })}</h2>
              </legend>
              {noneChosen ? (
                <p id="family-error" className="govuk-error-message">
                  {t("retention.noneChosen")}
                </p>
              ) : null}
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">{t("retention.count", { n: formatNumber(families.length, i18n.language) })}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">{t("retention.choose")}</th>
                    <th scope="col" className="govuk-table__header">{t("retention.family")}</th>
                    <th scope="col" className="govuk-table__header">{t("retention.lastClosed")}</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("retention.members")}</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("retention.episodes")}</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {families.map((f) => (
                    <tr key={f.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                          <div className="govuk-checkboxes__item">
                            <input className="govuk-checkboxes__input" id={`family-${f.id}`} name="family" type="checkbox" value={f.id} />
                            <label className="govuk-label govuk-checkboxes__label" htmlFor={`family-${f.id}`}>
                              <span className="govuk-visually-hidden">{t("retention.chooseFamily", { reference: f.reference })}</span>
                            </label>
                          </div>
                        </div>
                      </td>
                      <td className="govuk-table__cell">
                        <bdi>{f.name}</bdi> <span className="govuk-caption-s"><bdi>{f.reference}</bdi></span>
                      </td>
                      <td className="govuk-table__cell">{formatDate(f.lastClosedOn, dates)}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(f.members, i18n.language)}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(f.contacts, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("retention.continue")}
          </button>
        </Form>
      ) : (
        <p className="govuk-body">{t("retention.none")}</p>
      )}
    </>
  );
}
