import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { useCourseFormState } from "~/components/courses/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { Checkboxes } from "~/components/ui/choice-fields";
import { Radios, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { COMPLETION_RULES } from "~/models/courses/schemas";
import { LANGUAGES } from "~/utils/languages";

export type ProgrammeValues = {
  name: string;
  description: string;
  sessionCount: number;
  sessionMinutes: number;
  completionRule: string;
  completionValue: number;
  measureKeys: string[];
  languages: string[];
  version: number;
};

/**
 * The form for adding or changing a programme. When cohorts already use the programme
 * (`inUse`), its sessions, completion rule and measures are shown but not sent: changing
 * them would rewrite the completion and pre/post figures of courses already run.
 */
export function ProgrammeForm({
  f,
  measures,
  values,
  inUse = 0,
  submitLabel,
}: {
  f: ReturnType<typeof useCourseFormState>;
  measures: Array<{ key: string; name: string }>;
  values?: ProgrammeValues;
  inUse?: number;
  submitLabel: string;
}) {
  const { t } = useTranslation("courses");
  const locked = inUse > 0 && values;
  return (
    <Form method="post" noValidate>
      <CsrfInput />
      {values ? <input type="hidden" name="version" value={values.version} /> : null}
      <TextInput id="f-name" name="name" label={t("programmes.name")} defaultValue={f.value("name", values?.name)} errors={f.errors("name")} />
      <TextArea name="description" label={t("programmes.description")} defaultValue={f.value("description", values?.description)} errors={f.errors("description")} />
      <TextInput id="f-sessionMinutes" name="sessionMinutes" inputMode="numeric" className="govuk-input--width-3" label={t("programmes.sessionMinutes")} defaultValue={f.value("sessionMinutes", String(values?.sessionMinutes ?? 150))} errors={f.errors("sessionMinutes")} />
      {locked ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">{t("programmes.lockedHint", { count: inUse })}</p>
          <p className="govuk-body">
            {t("programmes.sessionsValue", { count: values.sessionCount, minutes: values.sessionMinutes })}. {t(`completionRules.${values.completionRule}`, { value: values.completionValue })}.
          </p>
        </div>
      ) : (
        <>
          <TextInput id="f-sessionCount" name="sessionCount" inputMode="numeric" className="govuk-input--width-3" label={t("programmes.sessionCount")} defaultValue={f.value("sessionCount", String(values?.sessionCount ?? 13))} errors={f.errors("sessionCount")} />
          <Radios
            name="completionRule"
            legend={t("programmes.completionRule")}
            defaultValue={f.value("completionRule", values?.completionRule ?? "min_sessions")}
            errors={f.errors("completionRule")}
            options={COMPLETION_RULES.map((r) => ({ value: r, label: t(`completionRuleNames.${r}`) }))}
          />
          <TextInput id="f-completionValue" name="completionValue" inputMode="numeric" className="govuk-input--width-3" label={t("programmes.completionValue")} hint={t("programmes.completionValueHint")} defaultValue={f.value("completionValue", String(values?.completionValue ?? 10))} errors={f.errors("completionValue")} />
          <Checkboxes id="f-measureKeys" name="measureKeys" legend={t("programmes.measures")} options={measures.map((m) => ({ value: m.key, label: m.name }))} defaultValue={f.values("measureKeys", values?.measureKeys ?? [])} errors={f.errors("measureKeys")} />
        </>
      )}
      <Checkboxes id="f-languages" name="languages" legend={t("programmes.languages")} options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} defaultValue={f.values("languages", values?.languages ?? ["en"])} errors={f.errors("languages")} />
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {submitLabel}
      </button>
    </Form>
  );
}
