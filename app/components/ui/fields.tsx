import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** A valid HTML id for a form field name such as `needs[0].notes`. */
export function fieldId(name: string) {
  return `f-${name.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
}

function describedBy(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

function ErrorMessage({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={`${id}-error`} className="govuk-error-message">
      {errors.map((e) => (
        <span key={e}>{e} </span>
      ))}
    </p>
  ) : null;
}

type Common = { name: string; label: string; hint?: string; errors?: string[]; id?: string; labelClassName?: string };

/** GOV.UK textarea. */
export function TextArea({ name, label, hint, errors, id = fieldId(name), labelClassName, rows = 4, ...rest }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">) {
  return (
    <div className={`govuk-form-group${errors?.length ? " govuk-form-group--error" : ""}`}>
      <label className={`govuk-label ${labelClassName ?? ""}`.trim()} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} errors={errors} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={`govuk-textarea${errors?.length ? " govuk-textarea--error" : ""}`}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={errors?.length ? true : undefined}
        {...rest}
      />
    </div>
  );
}

/** GOV.UK select. */
export function Select({
  name,
  label,
  hint,
  errors,
  id = fieldId(name),
  labelClassName,
  options,
  ...rest
}: Common & { options: Array<{ value: string; label: string }> } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name">) {
  return (
    <div className={`govuk-form-group${errors?.length ? " govuk-form-group--error" : ""}`}>
      <label className={`govuk-label ${labelClassName ?? ""}`.trim()} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} errors={errors} />
      <select
        id={id}
        name={name}
        className={`govuk-select${errors?.length ? " govuk-select--error" : ""}`}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={errors?.length ? true : undefined}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** GOV.UK radios in a fieldset; the first radio carries the field id for the error summary link. */
export function Radios({
  name,
  legend,
  hint,
  errors,
  options,
  defaultValue,
  inline,
  small,
  id = fieldId(name),
}: {
  name: string;
  legend: ReactNode;
  hint?: string;
  errors?: string[];
  options: Array<{ value: string; label: string }>;
  defaultValue?: string;
  inline?: boolean;
  small?: boolean;
  id?: string;
}) {
  return (
    <div className={`govuk-form-group${errors?.length ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, errors)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} errors={errors} />
        <div className={`govuk-radios${inline ? " govuk-radios--inline" : ""}${small ? " govuk-radios--small" : ""}`} data-module="govuk-radios">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div key={o.value} className="govuk-radios__item">
                <input className="govuk-radios__input" id={optionId} name={name} type="radio" value={o.value} defaultChecked={defaultValue === o.value} />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
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

/** A single GOV.UK checkbox (posts "on" when ticked). */
export function Checkbox({ name, label, defaultChecked, id = fieldId(name), hint }: { name: string; label: string; defaultChecked?: boolean; id?: string; hint?: string }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-hint` : undefined} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** A date field (`<input type="date">`: a native picker, and YYYY-MM-DD where there is none). */
export function DateField({ name, label, hint, errors, id = fieldId(name), defaultValue, labelClassName }: Common & { defaultValue?: string }) {
  return (
    <div className={`govuk-form-group${errors?.length ? " govuk-form-group--error" : ""}`}>
      <label className={`govuk-label ${labelClassName ?? ""}`.trim()} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} errors={errors} />
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={defaultValue}
        className={`govuk-input govuk-input--width-10${errors?.length ? " govuk-input--error" : ""}`}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={errors?.length ? true : undefined}
      />
    </div>
  );
}
