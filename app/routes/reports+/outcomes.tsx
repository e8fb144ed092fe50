import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReportTable, SuppressionNote } from "~/components/reports/report-table";
import { isoDate } from "~/models/casework/rules";
import { buildReport } from "~/models/reports/index.server";
import { resolveReportScope } from "~/models/reports/access.server";
import { periodOf, periodSearch, ReportQuerySchema } from "~/models/reports/period";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { getFixedT } from "~/utils/i18n.server";
import { parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "reports", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Outcome figures" }];

/** The casework (and later courses, groups, survey) figures for a period, suppressed, with charts. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:report");
  const query = parseQuery(request, ReportQuerySchema);
  const { scope, teams } = await resolveReportScope(actor, query.team || undefined);
  const period = periodOf(query);
  const sections = await buildReport(actor, period, scope, { action: "read", report: "outcomes" });
  const t = await getFixedT(request, "reports");
  return json({
    title: t("outcomes.title"),
    from: isoDate(period.from),
    to: isoDate(period.to),
    teamName: scope.teamId ? (teams.find((x) => x.id === scope.teamId)?.name ?? null) : null,
    search: periodSearch(period, query.team ? scope.teamId : null),
    sections,
  });
}

export default function Outcomes() {
  const { from, to, teamName, search, sections } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reports");
  const dates = useDateLocale();
  return (
    <>
      <Link to={`/reports?${search}`} className="govuk-back-link eh-no-print">
        {t("outcomes.change")}
      </Link>
      <span className="govuk-caption-l">{t("outcomes.caption", { from: formatDate(from, dates), to: formatDate(to, dates) })}</span>
      <h1 className="govuk-heading-l">{t("outcomes.title")}</h1>
      <p className="govuk-body">{teamName ? t("outcomes.scopeTeam", { team: teamName }) : t("outcomes.scopeAll")}</p>
      <SuppressionNote table={sections[0]?.tables[0]} />
      <h2 className="govuk-heading-s eh-no-print">{t("outcomes.downloads")}</h2>
      <ul className="govuk-list eh-no-print">
        <li>
          <a className="govuk-link" href={`/reports/export?${search}&format=xlsx`} download>
            {t("outcomes.xlsx")}
          </a>
        </li>
      </ul>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`section-${s.id}`} className="eh-report-section">
          <h2 className="govuk-heading-l" id={`section-${s.id}`}>
            {t(s.titleKey)}
          </h2>
          {s.tables.map((table) => (
            <ReportTable key={table.id} table={table} csvHref={`/reports/export?${search}&format=csv&table=${table.id}`} />
          ))}
        </section>
      ))}
    </>
  );
}
