import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AGREE_VALUES, MAX_TEXT, SCALE_VALUES, type Answer, type QuestionDef } from "~/models/survey/rules";
import { formatNumber } from "~/utils/format";
import { LANGUAGES } from "~/utils/languages";

/** The parent pages' language switcher: plain links, only the survey's languages. */
export function SurveyLanguages({ languages, current, path }: { languages: string[]; current: string; path: string }) {
  const { t } = useTranslation("survey");
  const shown = LANGUAGES.filter((l) => languages.includes(l.code));
  if (shown.length < 2) return null;
  return (
    <nav className="eh-survey-languages" aria-label={t("start.language")}>
      <h2 className="govuk-heading-s">{t("start.language")}</h2>
      <ul className="govuk-list eh-survey-languages__list">
        {shown.map((l) => (
          <li key={l.code}>
            {l.code === current ? (
              <span aria-current="true" lang={l.code} dir={l.dir}>
                {l.name}
              </span>
            ) : (
              <a className="govuk-link" href={`${path}?lng=${l.code}`} lang={l.code} hrefLang={l.code} dir={l.dir}>
                {l.name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A plain message page (unknown code, closed survey, already done). */
export function SurveyMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
      </div>
    </div>
  );
}

export function fieldIdFor(key: string) {
  return `q-${key}`;
}

/** The words a parent sees for a stored answer. */
export function answerLabel(q: QuestionDef, value: Answer | undefined, texts: Record<string, string>, lng: string, t: (k: string) => string): string {
  if (value === undefined || value === "" || (Array.isArray(value) && !value.length)) return "";
  if (q.type === "agree") return t(`agree.${String(value)}`);
  if (q.type === "scale") return formatNumber(Number(value), lng);
  if (q.type === "single") return texts[`option.${q.key}.${String(value)}`] ?? String(value);
  if (q.type === "multiple") return (value as string[]).map((v) => texts[`option.${q.key}.${v}`] ?? v).join("\n");
  return String(value);
}

/** One question of a section page, in GOV.UK markup; keeps what was sent on an error. */
export function SurveyQuestion({
  q,
  texts,
  value,
  error,
  lng,
}: {
  q: QuestionDef;
  texts: Record<string, string>;
  value: Answer | undefined;
  error?: string;
  lng: string;
}) {
  const { t } = useTranslation("survey");
  const id = fieldIdFor(q.key);
  const label = texts[`question.${q.key}`] ?? q.key;
  const optional = q.required ? "" : ` ${t("page.optional")}`;
  const errorEl = error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      {error}
    </p>
  ) : null;
  const group = `govuk-form-group${error ? " govuk-form-group--error" : ""}`;
  if (q.type === "text") {
    const hintId = `${id}-hint`;
    return (
      <div className={group}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          {label}
          {optional}
        </label>
        <div id={hintId} className="govuk-hint">
          {t("page.textHint", { max: formatNumber(MAX_TEXT, lng) })}
        </div>
        {errorEl}
        <textarea
          id={id}
          name={q.key}
          rows={5}
          dir="auto"
          className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
          aria-describedby={[hintId, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
          defaultValue={typeof value === "string" ? value : ""}
        />
      </div>
    );
  }
  const options: Array<{ value: string; label: string }> =
    q.type === "agree"
      ? AGREE_VALUES.map((v) => ({ value: v, label: t(`agree.${v}`) }))
      : q.type === "scale"
        ? SCALE_VALUES.map((v) => ({ value: v, label: formatNumber(Number(v), lng) }))
        : q.options.map((o) => ({ value: o, label: texts[`option.${q.key}.${o}`] ?? o }));
  const multiple = q.type === "multiple";
  const selected = new Set(Array.isArray(value) ? value : value ? [value] : []);
  const hintId = multiple ? `${id}-hint` : undefined;
  const kind = multiple ? "checkboxes" : "radios";
  return (
    <div className={group}>
      <fieldset className="govuk-fieldset" aria-describedby={[hintId, error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          {label}
          {optional}
        </legend>
        {multiple ? (
          <div id={hintId} className="govuk-hint">
            {t("page.selectAll")}
          </div>
        ) : null}
        {errorEl}
        <div className={`govuk-${kind}${q.type === "scale" ? " govuk-radios--small eh-survey-scale" : ""}`}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div key={o.value} className={`govuk-${kind}__item`}>
                <input
                  className={`govuk-${kind}__input`}
                  id={optionId}
                  name={q.key}
                  type={multiple ? "checkbox" : "radio"}
                  value={o.value}
                  defaultChecked={selected.has(o.value)}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={optionId}>
                  {o.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** What the parent is told about who can see their answers (text from anonymityKeys). */
export function AnonymityStatement({ anonymous, text }: { anonymous: boolean; text: string }) {
  if (anonymous) return <p className="govuk-inset-text">{text}</p>;
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">{text}</strong>
    </div>
  );
}
