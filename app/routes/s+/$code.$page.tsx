import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fieldIdFor, SurveyMessage, SurveyQuestion } from "~/components/survey/parent";
import { loadParent, PARENT_HEADERS, parentUrl, type ParentState } from "~/models/survey/parent.server";
import { MAX_TEXT, readSectionAnswers, type Answers } from "~/models/survey/rules";
import { saveDraft } from "~/models/survey/parent.server";
import { formatNumber } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";

export const handle = { i18n: ["common", "survey"], hydrate: false, languageBar: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Survey" }];

function pageIndex(raw: string | undefined, sections: number): number {
  const n = /^[0-9]{1,2}$/.test(raw ?? "") ? Number(raw) : 0;
  if (n < 1 || n > sections) throw errorResponse(404, "errors.notFound");
  return n - 1;
}

/** Not open: back to the start page, which says why in the parent's language. */
function elsewhere(state: ParentState, code: string | undefined) {
  return redirect(`/s/${encodeURIComponent(code ?? "")}?lng=${state.lng}`);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const state = await loadParent(request, params.code, params.page);
  if (state.kind !== "open") throw elsewhere(state, params.code);
  const index = pageIndex(params.page, state.sections.length);
  const section = state.sections[index]!;
  return json(
    {
      title: state.texts[`section.${section.key}`] ?? section.key,
      code: state.invitation.code,
      lng: state.lng,
      index,
      total: state.sections.length,
      section,
      texts: state.texts,
      answers: state.answers,
      privacySurveyId: state.invitation.survey.id,
    },
    { headers: PARENT_HEADERS },
  );
}

/** Saves this page's answers against the code, then goes on; an error keeps what was sent. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request, null);
  const state = await loadParent(request, params.code, params.page);
  if (state.kind !== "open") return elsewhere(state, params.code);
  const index = pageIndex(params.page, state.sections.length);
  const section = state.sections[index]!;
  const { answers, errors } = readSectionAnswers(section, form);
  if (Object.keys(errors).length) {
    const t = await getFixedT(request, "survey");
    const messages: Record<string, string> = {};
    for (const [key, code] of Object.entries(errors)) {
      const typed = form.get(key);
      const count = typeof typed === "string" ? [...typed].length : 0;
      messages[key] = t(code, { max: formatNumber(MAX_TEXT, state.lng), written: formatNumber(count, state.lng) });
    }
    // Keep what was typed, even the invalid text, so nothing is lost.
    const kept: Answers = { ...answers };
    for (const q of section.questions) {
      const typed = form.get(q.key);
      if (q.type === "text" && typeof typed === "string") kept[q.key] = typed;
    }
    return json({ errors: messages, answers: kept }, { status: 400, headers: PARENT_HEADERS });
  }
  const saved = await saveDraft(state.invitation, index, answers, state.lng, section.questions.map((q) => q.key));
  if (!saved) return elsewhere(state, params.code);
  const next = index + 1 < state.sections.length ? String(index + 2) : "check";
  return redirect(parentUrl(state.invitation.code, next, state.lng));
}

export default function SurveyPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("survey");
  const errors: Record<string, string> = actionData && "errors" in actionData ? actionData.errors : {};
  const answers = actionData && "answers" in actionData ? actionData.answers : data.answers;
  const errorList = data.section.questions.filter((q) => errors[q.key]);
  const back = data.index === 0 ? `/s/${data.code}?lng=${data.lng}` : parentUrl(data.code, String(data.index), data.lng);
  if (!data.section.questions.length) {
    return <SurveyMessage title={data.title}>{null}</SurveyMessage>;
  }
  return (
    <>
      <a href={back} className="govuk-back-link">
        {t("page.back")}
      </a>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errorList.length ? (
            <div className="govuk-error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
              <h2 className="govuk-error-summary__title" id="error-summary-title">
                {t("errors.summary")}
              </h2>
              <div className="govuk-error-summary__body">
                <ul className="govuk-list govuk-error-summary__list">
                  {errorList.map((q) => (
                    <li key={q.key}>
                      <a href={`#${fieldIdFor(q.key)}`}>{errors[q.key]}</a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
          <span className="govuk-caption-l">
            {t("page.progress", { current: formatNumber(data.index + 1, data.lng), total: formatNumber(data.total, data.lng) })}
          </span>
          <h1 className="govuk-heading-l">{data.title}</h1>
          <form method="post" action={parentUrl(data.code, String(data.index + 1), data.lng)} noValidate>
            {data.section.questions.map((q) => (
              <SurveyQuestion key={q.key} q={q} texts={data.texts} value={answers[q.key]} error={errors[q.key]} lng={data.lng} />
            ))}
            <button type="submit" className="govuk-button">
              {t("page.continue")}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
