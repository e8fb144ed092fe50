import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { anonymityKeys } from "~/models/survey/rules";
import { getSurveyAnonymity } from "~/models/survey/parent.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "survey"] };

export const meta: MetaFunction = () => [{ title: "Privacy notice" }];

/** Parent pages link here with their survey, so the notice says what that survey keeps. */
const QuerySchema = z.strictObject({ survey: z.string().regex(/^[a-z0-9]{10,40}$/).optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const { survey } = parseQuery(request, QuerySchema);
  const anonymous = survey ? await getSurveyAnonymity(survey) : null;
  const t = await getFixedT(request, "survey");
  return json({ survey: anonymous === null ? t("privacy.general") : t(anonymityKeys(anonymous).privacy) });
}

export default function Privacy() {
  const { survey } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["common", "survey"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("privacy.title")}</h1>
        <p className="govuk-body">{t("privacy.intro")}</p>
        <p className="govuk-body">{t("privacy.audit")}</p>
        <h2 className="govuk-heading-m">{t("survey:privacy.title")}</h2>
        <p className="govuk-body">{survey}</p>
        <p className="govuk-body">{t("privacy.cookies")}</p>
      </div>
    </div>
  );
}
