import { useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A parent page's survey (loaders return `privacySurveyId`), so its privacy notice is that survey's. */
function usePrivacyHref(lng: string): string {
  const surveyId = useMatches()
    .map((m) => (m.data as { privacySurveyId?: unknown } | undefined)?.privacySurveyId)
    .find((id): id is string => typeof id === "string");
  return surveyId ? `/privacy?survey=${encodeURIComponent(surveyId)}&lng=${encodeURIComponent(lng)}` : "/privacy";
}

export function Footer() {
  const { t, i18n } = useTranslation();
  const privacy = usePrivacyHref(i18n.language);
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t("footer.supportLinks")}</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href="/accessibility">
                  {t("footer.accessibility")}
                </a>
              </li>
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href={privacy}>
                  {t("footer.privacy")}
                </a>
              </li>
            </ul>
            <span className="govuk-footer__licence-description">{t("footer.licence")}</span>
          </div>
        </div>
      </div>
    </footer>
  );
}
