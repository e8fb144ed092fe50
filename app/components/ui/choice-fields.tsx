type Option = { value: string; label: string };

function describedBy(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      {errors.join(" ")}
    </p>
  );
}

/** GOV.UK checkboxes in a fieldset; the first box carries the id the error summary links to. */
export function Checkboxes({
  id,
  name,
  legend,
  hint,
  options,
  defaultValue,
  errors,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  options: Option[];
  defaultValue?: string[];
  errors?: string[];
}) {
  return (
    <div className={`govuk-form-group${errors?.length ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, errors)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <FieldError id={id} errors={errors} />
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {options.map((o, i) => (
            <div key={o.value} className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={i === 0 ? id : `${id}-${o.value}`}
                name={name}
                type="checkbox"
                value={o.value}
                defaultChecked={defaultValue?.includes(o.value)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? id : `${id}-${o.value}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** GOV.UK select with label, hint and inline error. */
export function Select({
  id,
  name,
  label,
  hint,
  options,
  defaultValue,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  options: Option[];
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <div className={`govuk-form-group${errors?.length ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={id} errors={errors} />
      <select
        className={`govuk-select${errors?.length ? " govuk-select--error" : ""}`}
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, errors)}
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
