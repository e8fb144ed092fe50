import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CalendarSwitch } from "~/components/calendar-switch";
import { LANGUAGES } from "~/utils/languages";
import { useDateLocale } from "~/utils/use-date-locale";

/**
 * The language switcher: plain links to the same page with `?lng=` (GOV.UK's language
 * navigation), so it works without JavaScript. Each name is in its own language. In Dari
 * and Pashto the calendar choice follows it.
 */
export function LanguageBar() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const dates = useDateLocale();
  const hrefFor = (code: string) => {
    const params = new URLSearchParams(location.search);
    params.set("lng", code);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <div className="eh-language-bar">
      <nav className="govuk-language-navigation" aria-label={t("layout.chooseLanguage")}>
        <ul className="govuk-language-navigation__list">
          {LANGUAGES.map((l) =>
            l.code === i18n.language ? (
              <li key={l.code} className="govuk-language-navigation__list-item">
                <span className="govuk-language-navigation__text" aria-current="true" lang={l.code} dir={l.dir}>
                  {l.name}
                </span>
              </li>
            ) : (
              <li key={l.code} className="govuk-language-navigation__list-item">
                <a className="govuk-language-navigation__link" href={hrefFor(l.code)} rel="alternate" lang={l.code} hrefLang={l.code} dir={l.dir}>
                  {l.name}
                </a>
              </li>
            ),
          )}
        </ul>
      </nav>
      <CalendarSwitch lng={dates.lng} calendar={dates.calendar ?? "gregory"} />
    </div>
  );
}
