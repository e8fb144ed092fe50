import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCourseFormState } from "~/components/courses/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { Checkboxes } from "~/components/ui/choice-fields";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Radios, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { createProgramme, getMeasures, listProgrammes } from "~/models/cohort.server";
import { COMPLETION_RULES, ProgrammeSchema } from "~/models/course-schemas";
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
                <h2 className="govuk-summary-card__title">{p.name}</h2>
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
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput id="f-name" name="name" label={t("programmes.name")} defaultValue={f.value("name")} errors={f.errors("name")} />
          <TextArea name="description" label={t("programmes.description")} defaultValue={f.value("description")} errors={f.errors("description")} />
          <TextInput id="f-sessionCount" name="sessionCount" inputMode="numeric" className="govuk-input--width-3" label={t("programmes.sessionCount")} defaultValue={f.value("sessionCount", "13")} errors={f.errors("sessionCount")} />
          <TextInput id="f-sessionMinutes" name="sessionMinutes" inputMode="numeric" className="govuk-input--width-3" label={t("programmes.sessionMinutes")} defaultValue={f.value("sessionMinutes", "150")} errors={f.errors("sessionMinutes")} />
          <Radios
            name="completionRule"
            legend={t("programmes.completionRule")}
            defaultValue={f.value("completionRule", "min_sessions")}
            errors={f.errors("completionRule")}
            options={COMPLETION_RULES.map((r) => ({ value: r, label: t(`completionRuleNames.${r}`) }))}
          />
          <TextInput id="f-completionValue" name="completionValue" inputMode="numeric" className="govuk-input--width-3" label={t("programmes.completionValue")} hint={t("programmes.completionValueHint")} defaultValue={f.value("completionValue", "10")} errors={f.errors("completionValue")} />
          <Checkboxes id="f-measureKeys" name="measureKeys" legend={t("programmes.measures")} options={measures.map((m) => ({ value: m.key, label: m.name }))} defaultValue={f.values("measureKeys")} errors={f.errors("measureKeys")} />
          <Checkboxes id="f-languages" name="languages" legend={t("programmes.languages")} options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} defaultValue={f.values("languages", ["en"])} errors={f.errors("languages")} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("programmes.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
