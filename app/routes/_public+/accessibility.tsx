import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";

export const handle = { i18n: ["common"] };

export const meta: MetaFunction = () => [{ title: "Accessibility statement" }];

export default function Accessibility() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("accessibility.title")}</h1>
        <p className="govuk-body">{t("accessibility.intro")}</p>
        <p className="govuk-body">{t("accessibility.standard")}</p>
        <p className="govuk-body">{t("accessibility.testing")}</p>
        <p className="govuk-body">{t("accessibility.contact")}</p>
      </div>
    </div>
  );
}
