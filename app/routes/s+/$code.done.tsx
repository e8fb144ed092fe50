import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadParent, PARENT_HEADERS } from "~/models/survey/parent.server";
import { getFixedT } from "~/utils/i18n.server";

export const handle = { i18n: ["common", "survey"], hydrate: false, languageBar: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Survey" }];

/** The confirmation, only for a code that has been sent; otherwise the start page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const state = await loadParent(request, params.code, "done");
  if (state.kind !== "already") throw redirect(`/s/${encodeURIComponent(params.code ?? "")}?lng=${state.lng}`);
  const t = await getFixedT(request, "survey");
  return json({ title: t("done.title"), thanks: state.texts["page.thanks"] ?? "", privacySurveyId: state.invitation.survey.id }, { headers: PARENT_HEADERS });
}

export default function SurveyDone() {
  const data = useLoaderData<typeof loader>();
  useTranslation("survey");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{data.title}</h1>
        </div>
        <p className="govuk-body">{data.thanks}</p>
      </div>
    </div>
  );
}
