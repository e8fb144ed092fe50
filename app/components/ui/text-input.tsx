import type { InputHTMLAttributes } from "react";

type Props = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** Already-translated error messages for this field. */
  errors?: string[];
  labelClassName?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

/** GOV.UK text input with label, hint and inline error, wired with aria-describedby. */
export function TextInput({ id, name, label, hint, errors, labelClassName, className, ...rest }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${errorId ? " govuk-form-group--error" : ""}`}>
      <label className={`govuk-label ${labelClassName ?? ""}`.trim()} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {errorId ? (
        <p id={errorId} className="govuk-error-message">
          {errors!.map((e) => (
            <span key={e}>{e} </span>
          ))}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        className={`govuk-input${errorId ? " govuk-input--error" : ""} ${className ?? ""}`.trim()}
        aria-describedby={describedBy}
        aria-invalid={errorId ? true : undefined}
        {...rest}
      />
    </div>
  );
}
