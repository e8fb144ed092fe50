import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { offersSolarHijri, type Calendar } from "~/utils/format";

/**
 * The Solar Hijri / Gregorian choice for Dari and Pashto readers: plain links to the same
 * page with `?cal=` (the root loader keeps it in a cookie), so it works without
 * JavaScript, like the language switcher. Shown only in the languages that offer it.
 */
export function CalendarSwitch({ lng, calendar, className }: { lng: string; calendar: Calendar; className?: string }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  if (!offersSolarHijri(lng)) return null;
  const hrefFor = (cal: Calendar) => {
    const params = new URLSearchParams(location.search);
    params.set("cal", cal);
    return `${location.pathname}?${params.toString()}`;
  };
  const options: Array<{ value: Calendar; label: string }> = [
    { value: "gregory", label: t("calendar.gregory") },
    { value: "persian", label: t("calendar.persian") },
  ];
  return (
    <nav className={`eh-calendar-switch ${className ?? ""}`.trim()} aria-label={t("calendar.label")}>
      <ul className="eh-calendar-switch__list">
        {options.map((o) => (
          <li key={o.value} className="eh-calendar-switch__item">
            {o.value === calendar ? (
              <span aria-current="true">{o.label}</span>
            ) : (
              <a className="govuk-link" href={hrefFor(o.value)}>
                {o.label}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
