import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answerLabel } from "~/components/survey/parent";
import { loadParent, PARENT_HEADERS, parentUrl } from "~/models/survey/parent.server";
import { submitResponse } from "~/models/survey/parent.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";

export const handle = { i18n: ["common", "survey"], hydrate: false, languageBar: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Survey" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const state = await loadParent(request, params.code, "check");
  if (state.kind !== "open") throw redirect(`/s/${encodeURIComponent(params.code ?? "")}?lng=${state.lng}`);
  const t = await getFixedT(request, "survey");
  return json(
    { title: t("check.title"), code: state.invitation.code, lng: state.lng, sections: state.sections, texts: state.texts, answers: state.answers, privacySurveyId: state.invitation.survey.id },
    { headers: PARENT_HEADERS },
  );
}

/** Sends the answers, exactly once: a second send (two tabs, a double click) lands on "already done". */
export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request, null);
  const state = await loadParent(request, params.code, "check");
  if (state.kind !== "open") return redirect(`/s/${encodeURIComponent(params.code ?? "")}?lng=${state.lng}`);
  const result = await submitResponse(state.invitation.code, state.lng, state.invitation);
  if (result.status === "submitted") return redirect(parentUrl(state.invitation.code, "done", state.lng));
  if (result.status === "incomplete") return redirect(parentUrl(state.invitation.code, String(result.section + 1), state.lng));
  return redirect(`/s/${state.invitation.code}?lng=${state.lng}`);
}

export default function SurveyCheck() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  return (
    <>
      <a href={parentUrl(data.code, String(data.sections.length), data.lng)} className="govuk-back-link">
        {t("page.back")}
      </a>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{data.title}</h1>
          {data.sections.map((s, si) => (
            <section key={s.key}>
              <h2 className="govuk-heading-m">{data.texts[`section.${s.key}`]}</h2>
              <dl className="govuk-summary-list govuk-!-margin-bottom-9">
                {s.questions.map((q) => {
                  const label = answerLabel(q, data.answers[q.key], data.texts, data.lng, t);
                  const question = data.texts[`question.${q.key}`] ?? q.key;
                  return (
                    <div key={q.key} className="govuk-summary-list__row">
                      <dt className="govuk-summary-list__key">{question}</dt>
                      <dd className="govuk-summary-list__value eh-survey-answer" dir="auto">
                        {label || t("check.notAnswered")}
                      </dd>
                      <dd className="govuk-summary-list__actions">
                        <a className="govuk-link" href={`${parentUrl(data.code, String(si + 1), data.lng)}#q-${q.key}`}>
                          {t("check.change")}
                          <span className="govuk-visually-hidden"> {question}</span>
                        </a>
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </section>
          ))}
          <h2 className="govuk-heading-m">{t("check.sendTitle")}</h2>
          <p className="govuk-body">{t("check.sendBody")}</p>
          <form method="post" action={parentUrl(data.code, "check", data.lng)}>
            <button type="submit" className="govuk-button">
              {t("check.send")}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
