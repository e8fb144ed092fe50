import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseloadTable } from "~/components/casework/caseload-table";
import { getTeamCaseload } from "~/models/casework/caseload.server";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18n.server";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Team caseload" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "decide:family");
  const t = await getFixedT(request, "casework");
  return json({ title: t("caseload.team"), ...(await getTeamCaseload(actor)) });
}

export default function TeamCaseload() {
  const { rows, practitioners, unallocated } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("casework");
  return (
    <>
      <h1 className="govuk-heading-l">{t("caseload.team")}</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("caseload.perPractitioner")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("episode.practitioner")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("caseload.cases")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("caseload.withOverdue")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {practitioners.map((p) => (
            <tr key={p.id} className="govuk-table__row">
              <td className="govuk-table__cell"><bdi>{p.name}</bdi></td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(p.cases, i18n.language)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(p.overdue, i18n.language)}</td>
            </tr>
          ))}
          <tr className="govuk-table__row">
            <td className="govuk-table__cell">{t("episode.unallocated")}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(unallocated, i18n.language)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric"></td>
          </tr>
        </tbody>
      </table>
      <CaseloadTable rows={rows} showPractitioner caption={t("caseload.count", { count: rows.length })} />
    </>
  );
}
