import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useDateLocale } from "~/utils/use-date-locale";
import { CsrfInput } from "~/components/csrf-input";
import { deleteFamiliesPastRetention, getDeletionPreview, readFamilyIds } from "~/models/data-protection/retention.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";

export const handle = { i18n: ["common", "dataprotection"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Confirm deletion" }];

/** The confirmation step: what will be deleted, family by family, re-checked against the retention rule. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:family");
  const ids = readFamilyIds(new URL(request.url).searchParams);
  if (!ids) throw redirect("/retention?error=none");
  const families = await getDeletionPreview(actor, ids);
  const t = await getFixedT(request, "dataprotection");
  return json({ title: t("confirm.title"), families });
}

/** Deletes the confirmed families; each is checked again in the transaction, so a posted id that is not due is refused (409) and nothing changes. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:family");
  const form = await readForm(request, actor);
  const ids = readFamilyIds(form);
  if (!ids) throw errorResponse(400, "errors.badForm");
  const deleted = await deleteFamiliesPastRetention(actor, ids);
  return redirect(`/retention?deleted=${deleted.length}`);
}

export default function ConfirmDeletion() {
  const { families } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("dataprotection");
  const dates = useDateLocale();
  return (
    <>
      <Link to="/retention" className="govuk-back-link">
        {t("confirm.back")}
      </Link>
      <h1 className="govuk-heading-l">{t("confirm.heading")}</h1>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">{t("confirm.warningLabel")}</span>
          {t("confirm.warning")}
        </strong>
      </div>
      {families.map((f) => (
        <section key={f.id} className="eh-panel" aria-labelledby={`family-${f.id}`}>
          <h2 className="govuk-heading-m" id={`family-${f.id}`}>
            <bdi>{f.name}</bdi> <span className="govuk-caption-m"><bdi>{f.reference}</bdi></span>
          </h2>
          <p className="govuk-body">{t("confirm.lastClosed", { date: formatDate(f.lastClosedOn, dates) })}</p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{t("confirm.records", { reference: f.reference })}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("confirm.kind")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("confirm.number")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {Object.entries(f.counts)
                .filter(([kind, n]) => n > 0 && kind !== "family")
                .map(([kind, n]) => (
                  <tr key={kind} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">{t(`counts.${kind}`)}</th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(n, i18n.language)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <p className="govuk-body">{t("confirm.audit")}</p>
      <Form method="post">
        <CsrfInput />
        {families.map((f) => (
          <input key={f.id} type="hidden" name="family" value={f.id} />
        ))}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            {t("confirm.submit")}
          </button>
          <Link to="/retention" className="govuk-link">
            {t("confirm.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
