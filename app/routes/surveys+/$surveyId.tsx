import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { addQuestion, addSection, closeSurvey, getSurveyOverview, openSurvey, removeQuestion } from "~/models/survey/survey.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";
import { parseParams } from "~/utils/query.server";
import { surveyChange } from "~/utils/survey-action.server";

export const handle = { i18n: ["common", "surveys"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Survey" }];

const ParamsSchema = z.object({ surveyId: z.string().regex(/^[a-z0-9]{10,40}$/) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:survey");
  const { surveyId } = parseParams(params, ParamsSchema);
  const overview = await getSurveyOverview(surveyId);
  const t = await getFixedT(request, "surveys");
  const origin = new URL(request.url).origin;
  return json({ title: t("overview.title", { year: String(overview.survey.year) }), ...overview, openLink: `${origin}/s/open/${overview.survey.openToken}` });
}

const Key = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/);
const Text = z.string().trim().min(1).max(500);
const ActionSchema = z.discriminatedUnion("intent", [
  z.strictObject({ intent: z.literal("open"), languages: z.array(z.string().max(10)).max(20).default([]) }),
  z.strictObject({ intent: z.literal("close") }),
  z.strictObject({ intent: z.literal("remove"), key: Key }),
  z.strictObject({ intent: z.literal("addSection"), key: Key, text: Text }),
  z.strictObject({
    intent: z.literal("addQuestion"),
    section: Key,
    key: Key,
    text: Text,
    type: z.enum(["agree", "single", "multiple", "scale", "text"]),
    required: z.literal("on").optional(),
    options: z.string().max(5000).default(""),
  }),
]);

function parseOptions(raw: string) {
  const lines = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const options = lines.map((l) => {
    const m = /^([a-z][a-z0-9_]{0,39})\s*:\s*(.{1,200})$/.exec(l);
    return m ? { key: m[1]!, text: m[2]!.trim() } : null;
  });
  return options.every(Boolean) ? (options as Array<{ key: string; text: string }>) : null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:survey");
  const { surveyId } = parseParams(params, ParamsSchema);
  const form = await readForm(request, actor);
  const raw: Record<string, unknown> = Object.fromEntries(form);
  raw.languages = form.getAll("languages");
  if (raw.intent !== "open") delete raw.languages;
  const parsed = ActionSchema.safeParse(raw);
  if (!parsed.success) throw errorResponse(400, "errors.badForm");
  const input = parsed.data;
  const back = () => redirect(`/surveys/${surveyId}`);
  switch (input.intent) {
    case "open":
      return surveyChange(() => openSurvey(actor, surveyId, input.languages), back);
    case "close":
      return surveyChange(() => closeSurvey(actor, surveyId), back);
    case "remove":
      return surveyChange(() => removeQuestion(actor, surveyId, input.key), back);
    case "addSection":
      return surveyChange(() => addSection(actor, surveyId, { key: input.key, text: input.text }), back);
    case "addQuestion": {
      const choice = input.type === "single" || input.type === "multiple";
      const options = choice ? parseOptions(input.options) : [];
      if (!options || (choice && options.length < 2)) return json({ error: { key: "errors.badOptions", values: {} } }, { status: 400 });
      return surveyChange(
        () => addQuestion(actor, surveyId, { section: input.section, key: input.key, type: input.type, required: input.required === "on", text: input.text, options }),
        back,
      );
    }
  }
}

export default function SurveyOverview() {
  const { survey, sections, english, languages, counts, openLink } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("surveys");
  const error = actionData && "error" in actionData ? (actionData.error as { key: string; values: Record<string, string> }) : null;
  const draft = survey.status === "draft";
  const nameOf = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;
  return (
    <>
      <a href="/surveys" className="govuk-back-link">
        {t("list.title")}
      </a>
      {error ? (
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{t(error.key, error.values)}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">
        {t("overview.title", { year: String(survey.year) })} <strong className="govuk-tag">{t(`status.${survey.status}`)}</strong>
      </h1>
      {survey.anonymous ? (
        <p className="govuk-inset-text">{t("overview.anonymous")}</p>
      ) : (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">{t("overview.notAnonymous")}</strong>
        </div>
      )}

      <h2 className="govuk-heading-m">{t("overview.counts")}</h2>
      <dl className="govuk-summary-list">
        {(["invited", "sent", "opened", "completed", "responses"] as const).map((k) => (
          <div key={k} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t(`overview.${k}`)}</dt>
            <dd className="govuk-summary-list__value">{counts[k]}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body">
        <a className="govuk-link" href={`/surveys/${survey.id}/invitations`}>
          {t("overview.invitations")}
        </a>
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/surveys/${survey.id}/results`}>
          {t("overview.results")}
        </a>
      </p>
      {survey.status === "open" ? (
        <p className="govuk-body">
          {t("overview.openLink")}: <code>{openLink}</code>
        </p>
      ) : null}

      <h2 className="govuk-heading-m">{t("overview.translations")}</h2>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("overview.language")}</th>
            <th scope="col" className="govuk-table__header">{t("overview.complete")}</th>
            <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">{t("overview.reviewTranslations")}</span></th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {languages.map((l) => (
            <tr key={l.language} className="govuk-table__row">
              <td className="govuk-table__cell" lang={l.language}>{nameOf(l.language)}</td>
              <td className="govuk-table__cell">
                {t("overview.translated", { translated: String(l.translated), total: String(l.total), reviewed: String(l.reviewed) })}
              </td>
              <td className="govuk-table__cell">
                <a className="govuk-link" href={`/surveys/${survey.id}/translations?language=${l.language}`}>
                  {t("overview.reviewTranslations")}
                  <span className="govuk-visually-hidden"> {nameOf(l.language)}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {survey.status === "open" ? (
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="close" className="govuk-button govuk-button--warning">
            {t("overview.close")}
          </button>
        </Form>
      ) : (
        <Form method="post">
          <CsrfInput />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset" aria-describedby="open-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("overview.openLanguages")}</legend>
              <div id="open-hint" className="govuk-hint">{t("overview.openHint")}</div>
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {languages.filter((l) => l.complete && l.language !== "en").map((l) => (
                  <div key={l.language} className="govuk-checkboxes__item">
                    <input className="govuk-checkboxes__input" id={`lang-${l.language}`} name="languages" type="checkbox" value={l.language} defaultChecked />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`lang-${l.language}`} lang={l.language}>
                      {nameOf(l.language)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" name="intent" value="open" className="govuk-button">
            {t("overview.open")}
          </button>
        </Form>
      )}

      <h2 className="govuk-heading-m">{t("overview.structure")}</h2>
      {draft ? null : <p className="govuk-body">{t("overview.onlyDraft")}</p>}
      {sections.map((s) => (
        <section key={s.key}>
          <h3 className="govuk-heading-s">{english[`section.${s.key}`] ?? s.key}</h3>
          <dl className="govuk-summary-list">
            {s.questions.map((q) => (
              <div key={q.key} className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{english[`question.${q.key}`] ?? q.key}</dt>
                <dd className="govuk-summary-list__value">
                  <code>{q.key}</code> · {t(`types.${q.type}`)} · {q.required ? t("overview.required") : t("overview.optional")}
                  {q.options.length ? <ul className="govuk-list govuk-list--bullet">{q.options.map((o) => <li key={o}>{english[`option.${q.key}.${o}`] ?? o}</li>)}</ul> : null}
                </dd>
                <dd className="govuk-summary-list__actions">
                  {draft ? (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="key" value={q.key} />
                      <button type="submit" name="intent" value="remove" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        {t("overview.remove", { key: q.key })}
                      </button>
                    </Form>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {draft ? (
        <>
          <h2 className="govuk-heading-m">{t("overview.addQuestion")}</h2>
          <Form method="post">
            <CsrfInput />
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="aq-section">{t("overview.section")}</label>
              <select className="govuk-select" id="aq-section" name="section">
                {sections.map((s) => <option key={s.key} value={s.key}>{english[`section.${s.key}`] ?? s.key}</option>)}
              </select>
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="aq-key">{t("overview.questionKey")}</label>
              <div id="aq-key-hint" className="govuk-hint">{t("overview.questionKeyHint")}</div>
              <input className="govuk-input govuk-input--width-20" id="aq-key" name="key" aria-describedby="aq-key-hint" spellCheck={false} />
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="aq-text">{t("overview.questionText")}</label>
              <input className="govuk-input" id="aq-text" name="text" />
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="aq-type">{t("overview.questionType")}</label>
              <select className="govuk-select" id="aq-type" name="type">
                {(["agree", "single", "multiple", "scale", "text"] as const).map((k) => <option key={k} value={k}>{t(`types.${k}`)}</option>)}
              </select>
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="aq-options">{t("overview.optionsLabel")}</label>
              <div id="aq-options-hint" className="govuk-hint">{t("overview.optionsHint")}</div>
              <textarea className="govuk-textarea" id="aq-options" name="options" rows={4} aria-describedby="aq-options-hint" />
            </div>
            <div className="govuk-checkboxes govuk-checkboxes--small govuk-form-group">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="aq-required" name="required" type="checkbox" />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="aq-required">{t("overview.isRequired")}</label>
              </div>
            </div>
            <button type="submit" name="intent" value="addQuestion" className="govuk-button">{t("overview.add")}</button>
          </Form>
          <h2 className="govuk-heading-m">{t("overview.addSection")}</h2>
          <Form method="post">
            <CsrfInput />
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="as-key">{t("overview.sectionKey")}</label>
              <input className="govuk-input govuk-input--width-20" id="as-key" name="key" spellCheck={false} />
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="as-text">{t("overview.sectionText")}</label>
              <input className="govuk-input" id="as-text" name="text" />
            </div>
            <button type="submit" name="intent" value="addSection" className="govuk-button">{t("overview.add")}</button>
          </Form>
        </>
      ) : null}
    </>
  );
}
