import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ReportTable, SuppressionNote } from "~/components/reports/report-table";
import { TextArea } from "~/components/ui/fields";
import { ErrorSummary } from "~/components/ui/error-summary";
import { AnnualNarrativeSchema, AnnualParamsSchema } from "~/models/reports/annual-schema";
import { getAnnualNarrative, saveAnnualNarrative } from "~/models/reports/annual.server";
import { requireAnnualReader } from "~/models/reports/access.server";
import { buildReport } from "~/models/reports/index.server";
import { financialYearStarting } from "~/models/reports/period";
import { SEF_HEADINGS } from "~/models/reports/types";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDateTime } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "reports", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Annual report" }];

/** The annual report is the whole service's: for those who may see every team (leads, administrators). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:report");
  await requireAnnualReader(actor);
  const { year } = parseParams(params, AnnualParamsSchema);
  const period = financialYearStarting(year);
  const sections = await buildReport(actor, period, { teamId: null }, { action: "read", report: `annual-${year}` });
  const narrative = await getAnnualNarrative(year);
  const t = await getFixedT(request, "reports");
  return json({
    title: t("annual.title", { year: String(year) }),
    year,
    sections,
    narrative,
    canEdit: userHasPermission(actor.user, "manage:report"),
    saved: new URL(request.url).searchParams.get("saved") === "1",
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:report");
  const { year } = parseParams(params, AnnualParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: AnnualNarrativeSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => saveAnnualNarrative(actor, year, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/reports/annual/${year}?saved=1`);
}

export default function AnnualReport() {
  const { year, sections, narrative, canEdit, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("reports");
  const dates = useDateLocale();
  const f = useFormState(actionData?.result);
  return (
    <>
      <ErrorSummary errors={f.summary} />
      {saved && !actionData ? (
        <div className="govuk-notification-banner govuk-notification-banner--success eh-no-print" role="status" aria-labelledby="saved-title">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading" id="saved-title">
              {t("annual.saved")}
            </p>
          </div>
        </div>
      ) : null}
      <span className="govuk-caption-l">{t("annual.period", { start: String(year), end: String(year + 1) })}</span>
      <h1 className="govuk-heading-xl">{t("annual.title", { year: String(year) })}</h1>
      <p className="govuk-body eh-no-print">{t("annual.print")}</p>
      <h2 className="govuk-heading-s eh-no-print">{t("outcomes.downloads")}</h2>
      <ul className="govuk-list eh-no-print">
        <li>
          <a className="govuk-link" href={`/reports/annual/${year}/report.pdf`} download>
            {t("annual.pdf")}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`/reports/annual/${year}/report.xlsx`} download>
            {t("annual.xlsx")}
          </a>
        </li>
      </ul>
      <SuppressionNote table={sections[0]?.tables[0]} />
      {narrative.updatedAt ? <p className="govuk-body-s">{t("annual.lastSaved", { at: formatDateTime(narrative.updatedAt, dates), name: narrative.updatedBy ?? "" })}</p> : null}
      {SEF_HEADINGS.map((heading) => (
        <section key={heading} aria-labelledby={`sef-${heading}`} className="eh-sef-heading">
          <h2 className="govuk-heading-l" id={`sef-${heading}`}>
            {t(`sef.${heading}`)}
          </h2>
          <h3 className="govuk-heading-s">{t("annual.narrative")}</h3>
          {narrative[heading] ? <p className="govuk-body eh-narrative">{narrative[heading]}</p> : <p className="govuk-body">{t("annual.noNarrative")}</p>}
          {sections
            .filter((s) => s.heading === heading)
            .flatMap((s) => s.tables)
            .map((table) => (
              <ReportTable key={table.id} table={table} />
            ))}
        </section>
      ))}
      <section aria-labelledby="case-studies">
        <h2 className="govuk-heading-l" id="case-studies">
          {t("annual.caseStudies")}
        </h2>
        {narrative.caseStudies ? <p className="govuk-body eh-narrative">{narrative.caseStudies}</p> : <p className="govuk-body">{t("annual.noNarrative")}</p>}
      </section>
      {canEdit ? (
        <Form method="post" className="eh-no-print eh-panel" id="narrative">
          <CsrfInput />
          <input type="hidden" name="version" value={narrative.version} />
          <h2 className="govuk-heading-m">{t("annual.edit")}</h2>
          {SEF_HEADINGS.map((heading) => (
            <TextArea key={heading} name={heading} label={t(`sef.${heading}`)} rows={6} defaultValue={f.value(heading, narrative[heading])} errors={f.errors(heading)} />
          ))}
          <TextArea name="caseStudies" label={t("annual.caseStudies")} hint={t("annual.caseStudiesHint")} rows={8} defaultValue={f.value("caseStudies", narrative.caseStudies)} errors={f.errors("caseStudies")} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("annual.save")}
          </button>
        </Form>
      ) : null}
      <p className="govuk-body eh-no-print">
        <Link className="govuk-link" to="/reports">
          {t("index.title")}
        </Link>
      </p>
    </>
  );
}
