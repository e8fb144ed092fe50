import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/ui/error-summary";
import { isoDate } from "~/models/casework/rules";
import { readsEveryTeam, resolveReportScope } from "~/models/reports/access.server";
import { listSurveys } from "~/models/survey/survey.server";
import { financialYear, periodSearch, ReportQuerySchema } from "~/models/reports/period";
import { audit } from "~/utils/audit.server";
import { requirePermission } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { PAGE_PARAMS } from "~/utils/query.server";

export const handle = { i18n: ["common", "reports"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Reports" }];

/** The reports home: choose a period (and a team, for those who may) and open the figures. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:report");
  const t = await getFixedT(request, "reports");
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([k]) => !PAGE_PARAMS.has(k)));
  const submitted = Object.keys(raw).length > 0;
  const parsed = ReportQuerySchema.safeParse(raw);
  const { teams, canChooseTeam, scope } = await resolveReportScope(actor, parsed.success ? parsed.data.team || undefined : undefined);
  const fy = financialYear(new Date());
  const canSeeAnnual = readsEveryTeam(actor);
  const surveys = canSeeAnnual ? (await listSurveys()).filter((s) => s.status !== "draft").map((s) => ({ id: s.id, year: s.year })) : [];
  await audit(actor, { action: "read", entity: "report", entityId: "index" });
  const base = {
    title: t("index.title"),
    teams: canChooseTeam ? teams : [],
    ownTeam: canChooseTeam ? null : (teams[0]?.name ?? null),
    values: { from: typeof raw.from === "string" ? raw.from : isoDate(fy.from), to: typeof raw.to === "string" ? raw.to : isoDate(fy.to), team: scope.teamId ?? "" },
    annualYear: fy.from.getUTCFullYear(),
    canSeeAnnual,
    surveys,
  };
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ fieldId: i.path[0] === "from" ? "from" : i.path[0] === "team" ? "team" : "to", message: t(i.message.startsWith("reports:") ? i.message.slice(8) : "errors.badQuery") }));
    return json({ ...base, errors }, { status: 400 });
  }
  if (submitted && parsed.data.from && parsed.data.to) {
    throw redirect(`/reports/outcomes?${periodSearch({ from: parsed.data.from, to: parsed.data.to }, canChooseTeam ? scope.teamId : null)}`);
  }
  return json({ ...base, errors: [] as Array<{ fieldId: string; message: string }> });
}

export default function ReportsIndex() {
  const { teams, ownTeam, values, errors, annualYear, canSeeAnnual, surveys } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reports");
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const field = (id: "from" | "to") => {
    const error = errorFor(id);
    return (
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor={id}>
          {t(`index.${id}`)}
        </label>
        <div className="govuk-hint" id={`${id}-hint`}>
          {t("index.dateHint")}
        </div>
        {error ? (
          <p className="govuk-error-message" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <input className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`} id={id} name={id} type="text" inputMode="numeric" defaultValue={values[id]} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} />
      </div>
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("index.title")}</h1>
      <p className="govuk-body">{t("index.intro")}</p>
      {ownTeam ? <p className="govuk-body">{t("index.yourTeam", { team: ownTeam })}</p> : null}
      <Form method="get" className="eh-panel">
        <fieldset className="govuk-fieldset" aria-describedby="period-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("index.period")}</legend>
          <div className="govuk-hint" id="period-hint">
            {t("index.periodHint")} {t("index.wholeMonths")}
          </div>
          {field("from")}
          {field("to")}
        </fieldset>
        {teams.length ? (
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="team">
              {t("index.team")}
            </label>
            <select className="govuk-select" id="team" name="team" defaultValue={values.team}>
              <option value="">{t("index.allTeams")}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t("index.show")}
        </button>
      </Form>
      {canSeeAnnual ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/reports/annual/${annualYear}`}>
            {t("index.annualFor", { year: String(annualYear) })}
          </Link>
        </p>
      ) : null}
      {surveys.length ? (
        <>
          <h2 className="govuk-heading-m">{t("index.surveyResults")}</h2>
          <ul className="govuk-list">
            {surveys.map((s) => (
              <li key={s.id}>
                <Link className="govuk-link" to={`/surveys/${s.id}/results`}>
                  {t("index.surveyResultsFor", { year: String(s.year) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
