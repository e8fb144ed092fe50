import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCourseFormState } from "~/components/courses/form-state";
import { ProgrammeForm } from "~/components/courses/programme-form";
import { ErrorSummary } from "~/components/ui/error-summary";
import { createProgramme, listProgrammes } from "~/models/courses/programme.server";
import { getMeasures } from "~/models/courses/measure.server";
import { ProgrammeSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Programmes" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:programme");
  const t = await getFixedT(request, "courses");
  const measures = await getMeasures();
  return json({
    title: t("programmes.title"),
    programmes: await listProgrammes(),
    measures: [...measures.values()].map((m) => ({ key: m.key, name: m.name })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:programme");
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ProgrammeSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => createProgramme(actor, submission.value));
  if (!result.ok) return result.response;
  return redirect("/courses/programmes");
}

export default function Programmes() {
  const { programmes, measures } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("courses");
  const f = useCourseFormState(actionData?.result);
  const measureName = (key: string) => measures.find((m) => m.key === key)?.name ?? key;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/courses" className="govuk-back-link">
          {t("backToCourses")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <h1 className="govuk-heading-l">{t("programmes.title")}</h1>
        {programmes.length ? (
          programmes.map((p) => (
            <div key={p.id} className="govuk-summary-card">
              <div className="govuk-summary-card__title-wrapper">
                <h2 className="govuk-summary-card__title">
                  <bdi>{p.name}</bdi>
                </h2>
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <Link className="govuk-link" to={`/courses/programmes/${p.id}`}>
                      {t("programmes.change")}
                      <span className="govuk-visually-hidden"> {p.name}</span>
                    </Link>
                  </li>
                </ul>
              </div>
              <div className="govuk-summary-card__content">
                <p className="govuk-body">{p.description}</p>
                <dl className="govuk-summary-list">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t("programmes.sessions")}</dt>
                    <dd className="govuk-summary-list__value">{t("programmes.sessionsValue", { count: p.sessionCount, minutes: p.sessionMinutes })}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t("programmes.completion")}</dt>
                    <dd className="govuk-summary-list__value">{t(`completionRules.${p.completionRule}`, { value: p.completionValue })}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t("programmes.measures")}</dt>
                    <dd className="govuk-summary-list__value">{p.measureKeys.map(measureName).join("; ") || t("programmes.noMeasures")}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t("programmes.languages")}</dt>
                    <dd className="govuk-summary-list__value">{p.languages.map((l) => LANGUAGES.find((x) => x.code === l)?.name ?? l).join(", ")}</dd>
                  </div>
                </dl>
              </div>
            </div>
          ))
        ) : (
          <p className="govuk-body">{t("programmes.none")}</p>
        )}
        <h2 className="govuk-heading-m">{t("programmes.add")}</h2>
        <ProgrammeForm f={f} measures={measures} submitLabel={t("programmes.submit")} />
      </div>
    </div>
  );
}
