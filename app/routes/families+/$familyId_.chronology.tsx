import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getChronology } from "~/models/casework/chronology.server";
import { CHRONOLOGY_TYPES, FamilyParamsSchema } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { getFixedT } from "~/utils/i18n.server";
import { errorResponse } from "~/utils/http.server";
import { parseParams } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";
import { Pagination } from "~/components/pagination";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.family.name}` : "Chronology" }];

const QuerySchema = z.strictObject({
  order: z.enum(["asc", "desc"]).default("desc"),
  type: z.array(z.enum(CHRONOLOGY_TYPES)).max(CHRONOLOGY_TYPES.length).default([]),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const url = new URL(request.url);
  const query = QuerySchema.safeParse({ order: url.searchParams.get("order") ?? undefined, type: url.searchParams.getAll("type"), page: url.searchParams.get("page") ?? undefined });
  const extra = [...url.searchParams.keys()].filter((k) => !["order", "type", "page", "lng"].includes(k));
  if (!query.success || extra.length) throw errorResponse(400, "errors.badQuery");
  const { family, entries, total, page, pageCount } = await getChronology(actor, familyId, { order: query.data.order, types: query.data.type, page: query.data.page });
  const t = await getFixedT(request, "casework");
  return json({ title: t("chronology.title"), family: { id: family.id, name: family.name, reference: family.reference }, entries, total, page, pageCount, order: query.data.order, types: query.data.type });
}

export default function Chronology() {
  const { family, entries, total, page, pageCount, order, types } = useLoaderData<typeof loader>();
  const pageHref = (p: number) => `?${new URLSearchParams([["order", order], ...types.map((type) => ["type", type]), ["page", String(p)]]).toString()}`;
  const { t } = useTranslation("casework");
  const dates = useDateLocale();
  const values = (v: Record<string, string>) => ({
    ...v,
    source: v.source ? t(`sources.${v.source}`) : "",
    purpose: v.purpose ? t(`consentPurposes.${v.purpose}`) : "",
    status: v.status ? t(`consentStatuses.${v.status}`) : "",
    stage: v.stage ? t(`stages.${v.stage}`) : "",
    outcome: v.outcome ? t(`outcomes.${v.outcome}`) : "",
    type: v.type ? t(`visitTypes.${v.type}`) : "",
    reason: v.reason ? t(`closureReasons.${v.reason}`) : "",
  });
  return (
    <>
      <Link to={`/families/${family.id}`} className="govuk-back-link eh-no-print">
        {t("common.backToFamily")}
      </Link>
      <FamilyCaption family={family} />
      <h1 className="govuk-heading-l">{t("chronology.title")}</h1>
      <Form method="get" className="eh-no-print eh-panel">
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("chronology.show")}</legend>
            <div className="govuk-checkboxes govuk-checkboxes--small eh-checkbox-columns" data-module="govuk-checkboxes">
              {CHRONOLOGY_TYPES.map((type) => (
                <div key={type} className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id={`type-${type}`} name="type" type="checkbox" value={type} defaultChecked={types.includes(type)} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`type-${type}`}>
                    {t(`chronology.types.${type}`)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="order">
            {t("chronology.order")}
          </label>
          <select id="order" name="order" className="govuk-select" defaultValue={order}>
            <option value="desc">{t("chronology.newest")}</option>
            <option value="asc">{t("chronology.oldest")}</option>
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t("chronology.apply")}
        </button>
      </Form>
      <p className="govuk-body eh-no-print">{t("chronology.printHint")}</p>
      {entries.length ? (
        <table className="govuk-table eh-chronology">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("chronology.count", { count: total })}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("chronology.date")}</th>
              <th scope="col" className="govuk-table__header">{t("chronology.event")}</th>
              <th scope="col" className="govuk-table__header">{t("chronology.detail")}</th>
              <th scope="col" className="govuk-table__header">{t("chronology.by")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {entries.map((e) => (
              <tr key={`${e.type}-${e.id}`} className="govuk-table__row">
                <td className="govuk-table__cell eh-nowrap">{formatDate(e.date, dates)}</td>
                <td className="govuk-table__cell">{t(e.key, values(e.values))}</td>
                <td className="govuk-table__cell eh-pre-line">{e.text ?? ""}</td>
                <td className="govuk-table__cell">{e.by ? <bdi>{e.by}</bdi> : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("chronology.none")}</p>
      )}
      <Pagination page={page} pageCount={pageCount} href={pageHref} label={t("chronology.pagination")} />
    </>
  );
}
