import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";

export const handle = { i18n: ["common"] };

export const meta: MetaFunction = () => [{ title: "Privacy notice" }];

export default function Privacy() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("privacy.title")}</h1>
        <p className="govuk-body">{t("privacy.intro")}</p>
        <p className="govuk-body">{t("privacy.audit")}</p>
        <p className="govuk-body">{t("privacy.cookies")}</p>
      </div>
    </div>
  );
}
