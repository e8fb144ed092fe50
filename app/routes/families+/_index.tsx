import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/pagination";
import { z } from "zod";
import { listFamilies } from "~/models/casework/family.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";
import { parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "families"] };

const QuerySchema = z.strictObject({
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Families" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const query = parseQuery(request, QuerySchema);
  const t = await getFixedT(request, "families");
  const result = await listFamilies(actor, { q: query.q, page: query.page });
  return json({ title: t("list.title"), q: query.q ?? "", canWrite: userHasPermission(actor.user, "write:family"), ...result });
}

export default function Families() {
  const { families, total, page, pageCount, q, canWrite } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("families");
  const dates = useDateLocale();
  const pageHref = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;
  return (
    <>
      <h1 className="govuk-heading-l">{t("list.title")}</h1>
      {canWrite ? (
        <Link to="/families/new" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t("list.add")}
        </Link>
      ) : null}
      <Form method="get" role="search" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="q">
            {t("list.search")}
          </label>
          <div id="q-hint" className="govuk-hint">
            {t("list.searchHint")}
          </div>
          <input className="govuk-input govuk-input--width-20" id="q" name="q" type="search" defaultValue={q} aria-describedby="q-hint" />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("list.searchButton")}
        </button>
      </Form>
      <p className="govuk-body">{t("list.count", { count: total })}</p>
      {families.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("list.title")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("fields.reference")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.name")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.members")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.language")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.updated")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {families.map((f) => (
              <tr key={f.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link to={`/families/${f.id}`} className="govuk-link">
                    <bdi>{f.reference}</bdi>
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  <bdi>{f.name}</bdi>
                  {f.resettlementScheme ? (
                    <strong className="govuk-tag govuk-tag--light-blue govuk-!-margin-inline-start-2">{t(`schemes.${f.resettlementScheme}`)}</strong>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{formatNumber(f._count.members, i18n.language)}</td>
                <td className="govuk-table__cell">{t(`languages.${f.preferredLanguage}`, { ns: "common" })}</td>
                <td className="govuk-table__cell">{formatDate(f.updatedAt, dates)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("list.none")}</p>
      )}
      <Pagination page={page} pageCount={pageCount} href={pageHref} label={t("list.pagination")} />
    </>
  );
}
