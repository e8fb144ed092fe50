import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { getTranslations, saveTranslation } from "~/models/survey/survey.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGE_CODES, LANGUAGES, languageDir } from "~/utils/languages";
import { parseParams, parseQuery } from "~/utils/query.server";
import { surveyChange } from "~/utils/survey-action.server";

export const handle = { i18n: ["common", "surveys"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Translations" }];

const ParamsSchema = z.object({ surveyId: z.string().regex(/^[a-z0-9]{10,40}$/) });
const QuerySchema = z.strictObject({ language: z.enum(LANGUAGE_CODES).default("fa-AF") });

/** Every string of the survey in one language, with its status, reviewer and date. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:survey");
  const { surveyId } = parseParams(params, ParamsSchema);
  const { language } = parseQuery(request, QuerySchema);
  const data = await getTranslations(surveyId, language);
  const t = await getFixedT(request, "surveys");
  const name = LANGUAGES.find((l) => l.code === language)!.name;
  return json({ title: t("translations.title", { language: name, year: String(data.survey.year) }), language, surveyId, ...data });
}

const SaveSchema = z.strictObject({
  key: z.string().max(120).regex(/^[a-z_.0-9]+$/),
  language: z.enum(LANGUAGE_CODES),
  text: z.string().trim().max(2000),
  reviewed: z.literal("on").optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:survey");
  const { surveyId } = parseParams(params, ParamsSchema);
  const parsed = SaveSchema.safeParse(Object.fromEntries(await readForm(request, actor)));
  if (!parsed.success) throw errorResponse(400, "errors.badForm");
  const input = parsed.data;
  return surveyChange(
    () => saveTranslation(actor, surveyId, { key: input.key, language: input.language, text: input.text, reviewed: input.reviewed === "on" }),
    () => redirect(`/surveys/${surveyId}/translations?language=${input.language}#s-${input.key.replace(/\./g, "-")}`),
  );
}

export default function SurveyTranslations() {
  const { title, language, surveyId, strings, summary } = useLoaderData<typeof loader>();
  const { t } = useTranslation("surveys");
  const dates = useDateLocale();
  const dir = languageDir(language);
  return (
    <>
      <a href={`/surveys/${surveyId}`} className="govuk-back-link">
        {t("translations.back")}
      </a>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{t("translations.summary", { translated: String(summary.translated), total: String(summary.total), reviewed: String(summary.reviewed) })}</p>
      <form method="get" className="govuk-form-group">
        <label className="govuk-label" htmlFor="language">{t("translations.chooseLanguage")}</label>
        <select className="govuk-select" id="language" name="language" defaultValue={language}>
          {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
        </select>{" "}
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">{t("translations.show")}</button>
      </form>
      {strings.map((s) => {
        const id = `s-${s.key.replace(/\./g, "-")}`;
        return (
          <Form key={s.key} method="post" id={id} className="eh-panel govuk-!-margin-bottom-6">
            <CsrfInput />
            <input type="hidden" name="key" value={s.key} />
            <input type="hidden" name="language" value={language} />
            <h2 className="govuk-heading-s">
              <code>{s.key}</code>{" "}
              <strong className={`govuk-tag ${s.status === "missing" ? "govuk-tag--red" : s.status === "draft" ? "govuk-tag--yellow" : "govuk-tag--green"}`}>{t(`translations.${s.status}`)}</strong>
            </h2>
            <p className="govuk-body">
              {t("translations.english")}: <span lang="en" dir="ltr">{s.source}</span>
            </p>
            {s.status === "reviewed" && s.reviewedBy ? (
              <p className="govuk-body-s">{t("translations.reviewedBy", { name: s.reviewedBy, date: formatDate(s.reviewedAt, dates) })}</p>
            ) : null}
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor={`${id}-text`}>{t("translations.text", { key: s.key })}</label>
              <textarea className="govuk-textarea" id={`${id}-text`} name="text" rows={2} lang={language} dir={dir} defaultValue={s.text} />
            </div>
            <div className="govuk-checkboxes govuk-checkboxes--small govuk-form-group">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id={`${id}-reviewed`} name="reviewed" type="checkbox" defaultChecked={s.status === "reviewed"} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-reviewed`}>{t("translations.markReviewed")}</label>
              </div>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary">{t("translations.save", { key: s.key })}</button>
          </Form>
        );
      })}
    </>
  );
}
