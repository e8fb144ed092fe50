import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export type SummaryError = { fieldId?: string; message: string };

/**
 * GOV.UK error summary: focused when it appears, each error linking to its field.
 * Messages arrive already translated.
 */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="govuk-error-summary__title" id="error-summary-title">
        {t("forms.errorSummaryTitle")}
      </h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {errors.map((e, i) => (
            <li key={`${e.fieldId ?? "form"}-${i}`}>{e.fieldId ? <a href={`#${e.fieldId}`}>{e.message}</a> : e.message}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * The error summary's entries from a Conform form: form-level errors first, then one per
 * field error linking to `${formId}-${field}` (Conform's field ids). Keys are translated.
 */
export function summaryFromForm(form: { id: string; allErrors: Record<string, string[]> }, translate: (key: string) => string): SummaryError[] {
  return Object.entries(form.allErrors)
    .sort(([a], [b]) => Number(b === form.id || b === "") - Number(a === form.id || a === ""))
    .flatMap(([name, keys]) =>
      keys.map((key) => ({
        fieldId: name && name !== form.id ? `${form.id}-${name.replace(/[[.].*$/, "")}` : undefined,
        message: translate(key),
      })),
    );
}
