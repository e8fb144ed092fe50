import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { listAuditEvents } from "~/models/users/audit-log.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { getFixedT } from "~/utils/i18n.server";
import { parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "admin"] };

const QuerySchema = z.strictObject({
  family: z.string().regex(/^[a-z0-9]{1,64}$/i).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Audit log" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:audit");
  const query = parseQuery(request, QuerySchema);
  const t = await getFixedT(request, "admin");
  const result = await listAuditEvents(actor, { familyId: query.family, page: query.page });
  return json({ title: t("audit.title"), family: query.family ?? null, ...result });
}

export default function AuditLog() {
  const { events, page, hasMore, family } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const dates = useDateLocale();
  const href = (p: number) => `?${new URLSearchParams({ ...(family ? { family } : {}), page: String(p) }).toString()}`;
  return (
    <>
      <h1 className="govuk-heading-l">{t("audit.title")}</h1>
      <p className="govuk-body">{t("audit.intro")}</p>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("audit.when")}</th>
            <th scope="col" className="govuk-table__header">{t("audit.who")}</th>
            <th scope="col" className="govuk-table__header">{t("audit.action")}</th>
            <th scope="col" className="govuk-table__header">{t("audit.record")}</th>
            <th scope="col" className="govuk-table__header">{t("audit.from")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((e) => (
            <tr key={e.id} className="govuk-table__row">
              <td className="govuk-table__cell">{formatDateTime(e.at, dates)}</td>
              <td className="govuk-table__cell">
                <bdi>{e.actorEmail ?? t("audit.anonymous")}</bdi>
              </td>
              <td className="govuk-table__cell">{e.action}</td>
              <td className="govuk-table__cell">
                {e.entity}
                {e.familyId ? (
                  <>
                    {" · "}
                    <Link className="govuk-link" to={`/families/${e.familyId}`}>
                      {t("audit.family")}
                    </Link>
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell">
                <bdi>{e.ip ?? ""}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="govuk-pagination" aria-label={t("audit.pagination")}>
        {page > 1 ? (
          <div className="govuk-pagination__prev">
            <Link className="govuk-link govuk-pagination__link" to={href(page - 1)} rel="prev">
              <span className="govuk-pagination__link-title">{t("audit.newer")}</span>
            </Link>
          </div>
        ) : null}
        {hasMore ? (
          <div className="govuk-pagination__next">
            <Link className="govuk-link govuk-pagination__link" to={href(page + 1)} rel="next">
              <span className="govuk-pagination__link-title">{t("audit.older")}</span>
            </Link>
          </div>
        ) : null}
      </nav>
    </>
  );
}
