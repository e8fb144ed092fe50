import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BarChart } from "~/components/charts/bar-chart";
import { CsrfInput } from "~/components/csrf-input";
import { useCellText } from "~/components/reports/report-table";
import type { Cell, SuppressedTable } from "~/models/reports/suppression";
import { getSatisfactionResults, saveCommentNote, type QuestionResult, type ResultRow } from "~/models/survey/results.server";
import { COMMENT_THEMES, CommentNoteSchema, filtersOf, ResultsQuerySchema } from "~/models/survey/results-rules";
import { SERVICES } from "~/models/survey/rules";
import { readsEveryTeam } from "~/models/reports/access.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { formatNumber } from "~/utils/format";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";
import { userHasPermission } from "~/utils/permissions";
import { parseParams, parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "surveys", "reports"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Satisfaction results" }];

const ParamsSchema = z.object({ surveyId: z.string().regex(/^[a-z0-9]{10,40}$/) });

/** The satisfaction results of one survey: leads and administrators (everyone who reports on every team). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:report");
  if (!readsEveryTeam(actor)) throw errorResponse(403, "errors.forbidden");
  const { surveyId } = parseParams(params, ParamsSchema);
  const query = parseQuery(request, ResultsQuerySchema);
  const filters = filtersOf(query);
  const theme = query.theme && query.theme !== "all" ? query.theme : undefined;
  const { results, comments } = await getSatisfactionResults(actor, surveyId, filters, { theme, page: query.page });
  const t = await getFixedT(request, "surveys");
  return json({
    title: t("results.title", { year: String(results.survey.year) }),
    results,
    comments,
    query: { service: query.service ?? "all", language: query.language ?? "all", theme: query.theme ?? "all" },
    canWrite: userHasPermission(actor.user, "manage:report"),
    canManageSurvey: userHasPermission(actor.user, "manage:survey"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:report");
  const { surveyId } = parseParams(params, ParamsSchema);
  const form = await readForm(request, actor);
  const parsed = CommentNoteSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const responseId = form.get("responseId");
    return json(
      { error: "results.comments.invalid", responseId: typeof responseId === "string" ? responseId : null, translation: String(form.get("translation") ?? "").slice(0, 8000) },
      { status: 400 },
    );
  }
  await saveCommentNote(actor, surveyId, parsed.data);
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return redirect(`${url.pathname}${url.search}#comment-${parsed.data.responseId}-${parsed.data.questionKey}`);
}

function useLabel() {
  const { t } = useTranslation("surveys");
  return (row: ResultRow) => (row.labelKey ? t(row.labelKey) : (row.label ?? row.key));
}

function percent(value: number | null, locale: string) {
  return value === null ? null : formatNumber(value, locale, { style: "percent", maximumFractionDigits: 0 });
}

/** A one-column table of counts with its total and each row's share of the total. */
function CountTable({ id, caption, rowHeader, rows, table, countHeader }: { id: string; caption: string; rowHeader: string; rows: ResultRow[]; table: SuppressedTable; countHeader: string }) {
  const { t, i18n } = useTranslation("surveys");
  const text = useCellText();
  const label = useLabel();
  const total = table.colTotals[0];
  const shareOf = (cell: Cell) => (cell.value !== null && total?.value ? percent(cell.value / total.value, i18n.language) : "");
  return (
    <table className="govuk-table eh-report-table__data" data-table={id}>
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">{rowHeader}</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">{countHeader}</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.percent")}</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r, i) => {
          const cell = table.cells[i]![0]!;
          return (
            <tr key={r.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{label(r)}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric" data-status={cell.status}>{text(cell, table.threshold)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{shareOf(cell)}</td>
            </tr>
          );
        })}
        {total ? (
          <tr className="govuk-table__row eh-report-table__total">
            <th scope="row" className="govuk-table__header">{t("results.answered")}</th>
            <td className="govuk-table__cell govuk-table__cell--numeric" data-status={total.status}>{text(total, table.threshold)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric" />
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

function QuestionSection({ q }: { q: QuestionResult }) {
  const { t, i18n } = useTranslation("surveys");
  const text = useCellText();
  const label = useLabel();
  const threshold = q.table.threshold;
  const bars = q.rows.map((r, i) => {
    const cell = q.table.cells[i]![0]!;
    return { key: r.key, label: label(r), value: cell.value, hiddenText: text(cell, threshold) };
  });
  return (
    <section className="eh-report-table" aria-labelledby={`q-${q.key}`} data-question={q.key}>
      <h3 className="govuk-heading-m" id={`q-${q.key}`}>
        {q.text}
      </h3>
      {q.type === "agree" ? (
        <p className="govuk-body govuk-!-font-weight-bold" data-figure="share">
          {q.shareAgreeing === null ? t("results.shareHidden", { threshold }) : t("results.share", { share: percent(q.shareAgreeing, i18n.language) })}
        </p>
      ) : null}
      {q.type === "scale" ? (
        <p className="govuk-body govuk-!-font-weight-bold" data-figure="mean">
          {q.mean === null ? t("results.meanHidden", { threshold }) : t("results.mean", { mean: formatNumber(q.mean, i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
        </p>
      ) : null}
      {q.type === "multiple" ? <p className="govuk-body-s">{t("results.multipleNote")}</p> : null}
      <div className="eh-report-table__pair">
        <CountTable id={`q-${q.key}`} caption={t("results.distributionOf", { question: q.text })} rowHeader={t("results.answer")} rows={q.rows} table={q.table} countHeader={t("results.people")} />
        <BarChart title={t("results.chartTitle", { question: q.text })} description={t("results.chartDescription")} bars={bars} hiddenText={t("reports:cell.secondary")} formatValue={(v) => formatNumber(v, i18n.language)} />
      </div>
      {q.yearOnYear.length > 1 ? (
        <table className="govuk-table" data-table={`yoy-${q.key}`}>
          <caption className="govuk-table__caption govuk-table__caption--s">{t("results.yearOnYear", { question: q.text })}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("results.year")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.answered")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.agreeing")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {q.yearOnYear.map((y) => (
              <tr key={y.year} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{y.year}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric" data-status={y.answered.status}>{text(y.answered, threshold)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{percent(y.share, i18n.language) ?? t("results.notShown")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export default function SurveyResults() {
  const { results, comments, query, canWrite, canManageSurvey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("surveys");
  const text = useCellText();
  const label = useLabel();
  const threshold = results.threshold;
  const nameOf = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;
  const filterSearch = new URLSearchParams({ service: query.service, language: query.language }).toString();
  const pageHref = (page: number) => `?${filterSearch}&theme=${query.theme}&page=${page}`;
  const rate = results.rate;
  return (
    <>
      {canManageSurvey ? (
        <Link to={`/surveys/${results.survey.id}`} className="govuk-back-link eh-no-print">
          {t("results.back")}
        </Link>
      ) : (
        <Link to="/reports" className="govuk-back-link eh-no-print">
          {t("results.backToReports")}
        </Link>
      )}
      {actionData && "error" in actionData ? (
        <div className="govuk-error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 className="govuk-error-summary__title" id="error-summary-title">
            {t("results.comments.problem")}
          </h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              <li>
                <a href={actionData.responseId ? `#comment-form-${actionData.responseId}` : "#comments"}>{t(actionData.error)}</a>
              </li>
            </ul>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("results.title", { year: String(results.survey.year) })}</h1>
      <Form method="get" className="eh-panel eh-no-print">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("results.filters")}</legend>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="service">
              {t("results.service")}
            </label>
            <select className="govuk-select" id="service" name="service" defaultValue={query.service}>
              <option value="all">{t("results.allServices")}</option>
              {SERVICES.map((s) => (
                <option key={s} value={s}>
                  {t(`invitations.services.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="language">
              {t("results.language")}
            </label>
            <select className="govuk-select" id="language" name="language" defaultValue={query.language}>
              <option value="all">{t("results.allLanguages")}</option>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t("results.apply")}
        </button>
      </Form>
      <p className="govuk-body" data-figure="breakdown">
        {t("results.breakdown", {
          service: query.service === "all" ? t("results.allServices") : t(`invitations.services.${query.service}`),
          language: query.language === "all" ? t("results.allLanguages") : nameOf(query.language),
        })}
      </p>
      <div className="govuk-inset-text">{t("reports:outcomes.suppressionNote", { threshold, max: threshold - 1 })}</div>
      <p className="govuk-body govuk-!-font-size-24" data-figure="responses">
        {t("results.responses", { number: text(results.responses, threshold) })}
      </p>

      <h2 className="govuk-heading-l">{t("results.rate.title")}</h2>
      <p className="govuk-body-s">{t("results.rate.note")}</p>
      <table className="govuk-table" data-table="response-rate">
        <caption className="govuk-table__caption govuk-table__caption--s">{t("results.rate.title")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("results.rate.mode")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.rate.invited")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.rate.completed")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.rate.notCompleted")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.rate.rate")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rate.rows.map((r, i) => (
            <tr key={r.key} className="govuk-table__row" data-mode={r.key}>
              <th scope="row" className="govuk-table__header">{label(r)}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric" data-status={rate.table.rowTotals[i]!.status}>{text(rate.table.rowTotals[i]!, threshold)}</td>
              {rate.table.cells[i]!.map((cell, c) => (
                <td key={c} className="govuk-table__cell govuk-table__cell--numeric" data-status={cell.status}>{text(cell, threshold)}</td>
              ))}
              <td className="govuk-table__cell govuk-table__cell--numeric" data-figure="rate">{percent(rate.rates[i] ?? null, i18n.language) ?? t("results.notShown")}</td>
            </tr>
          ))}
          <tr className="govuk-table__row eh-report-table__total">
            <th scope="row" className="govuk-table__header">{t("reports:outcomes.total")}</th>
            <td className="govuk-table__cell govuk-table__cell--numeric" data-status={rate.table.grandTotal!.status}>{text(rate.table.grandTotal!, threshold)}</td>
            {rate.table.colTotals.map((cell, c) => (
              <td key={c} className="govuk-table__cell govuk-table__cell--numeric" data-status={cell.status}>{text(cell, threshold)}</td>
            ))}
            <td className="govuk-table__cell govuk-table__cell--numeric" />
          </tr>
        </tbody>
      </table>

      <h2 className="govuk-heading-l">{t("results.questions")}</h2>
      {results.questions.map((q) => (
        <QuestionSection key={q.key} q={q} />
      ))}

      <h2 className="govuk-heading-l" id="comments">
        {t("results.comments.title")}
      </h2>
      {!comments.shown ? (
        <p className="govuk-body" data-figure="comments-hidden">
          {t("results.comments.hidden", { threshold })}
        </p>
      ) : (
        <>
          {comments.themes ? (
            <div className="eh-report-table__pair">
              <CountTable id="comment-themes" caption={t("results.comments.byTheme")} rowHeader={t("results.comments.theme")} rows={comments.themes.rows} table={comments.themes.table} countHeader={t("results.comments.count")} />
            </div>
          ) : null}
          <Form method="get" className="eh-no-print">
            <input type="hidden" name="service" value={query.service} />
            <input type="hidden" name="language" value={query.language} />
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="theme-filter">
                {t("results.comments.showTheme")}
              </label>
              <select className="govuk-select" id="theme-filter" name="theme" defaultValue={query.theme}>
                <option value="all">{t("results.comments.allThemes")}</option>
                {[...COMMENT_THEMES, "none" as const].map((k) => (
                  <option key={k} value={k}>
                    {t(`results.themes.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t("results.comments.filter")}
            </button>
          </Form>
          {comments.comments.length === 0 ? <p className="govuk-body">{t("results.comments.none")}</p> : null}
          <ul className="govuk-list eh-comments">
            {comments.comments.map((c) => {
              const id = `${c.responseId}-${c.questionKey}`;
              const failed = actionData && "error" in actionData && actionData.responseId === c.responseId;
              const question = results.textQuestions.find((q) => q.key === c.questionKey);
              return (
                <li key={id} id={`comment-${id}`} className="eh-comment govuk-!-margin-bottom-6" data-comment={id}>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {t("results.comments.meta", { question: question ? label(question) : c.questionKey, language: nameOf(c.language) })}
                  </p>
                  <blockquote className="govuk-inset-text govuk-!-margin-top-1" lang={c.language} dir="auto">
                    {c.text}
                  </blockquote>
                  {canWrite ? (
                    <Form method="post" id={`comment-form-${c.responseId}`} aria-label={t("results.comments.formLabel", { language: nameOf(c.language) })}>
                      <CsrfInput />
                      <input type="hidden" name="responseId" value={c.responseId} />
                      <input type="hidden" name="questionKey" value={c.questionKey} />
                      <div className={`govuk-form-group${failed ? " govuk-form-group--error" : ""}`}>
                        <label className="govuk-label" htmlFor={`translation-${id}`}>
                          {t("results.comments.translation")}
                        </label>
                        {failed ? (
                          <p className="govuk-error-message" id={`translation-${id}-error`}>
                            {t(actionData.error)}
                          </p>
                        ) : null}
                        <textarea
                          className="govuk-textarea"
                          id={`translation-${id}`}
                          name="translation"
                          rows={2}
                          lang="en"
                          dir="ltr"
                          maxLength={4000}
                          defaultValue={failed ? actionData.translation : c.translation}
                          aria-describedby={failed ? `translation-${id}-error` : undefined}
                        />
                      </div>
                      <div className="govuk-form-group">
                        <label className="govuk-label" htmlFor={`theme-${id}`}>
                          {t("results.comments.theme")}
                        </label>
                        <select className="govuk-select" id={`theme-${id}`} name="theme" defaultValue={c.theme ?? ""}>
                          <option value="">{t("results.themes.none")}</option>
                          {COMMENT_THEMES.map((k) => (
                            <option key={k} value={k}>
                              {t(`results.themes.${k}`)}
                            </option>
                          ))}
                        </select>
                      </div>
                      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                        {t("results.comments.save")}
                      </button>
                    </Form>
                  ) : c.translation || c.theme ? (
                    <p className="govuk-body" lang="en" dir="ltr">
                      {c.translation}
                      {c.theme ? ` (${t(`results.themes.${c.theme}`)})` : null}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {comments.pages > 1 ? (
            <nav className="govuk-pagination" aria-label={t("results.comments.pages")}>
              {comments.page > 1 ? (
                <div className="govuk-pagination__prev">
                  <a className="govuk-link govuk-pagination__link" href={pageHref(comments.page - 1)} rel="prev">
                    <span className="govuk-pagination__link-title">{t("results.comments.previous")}</span>
                  </a>
                </div>
              ) : null}
              <p className="govuk-body govuk-!-margin-bottom-0">{t("results.comments.pageOf", { page: String(comments.page), pages: String(comments.pages) })}</p>
              {comments.page < comments.pages ? (
                <div className="govuk-pagination__next">
                  <a className="govuk-link govuk-pagination__link" href={pageHref(comments.page + 1)} rel="next">
                    <span className="govuk-pagination__link-title">{t("results.comments.next")}</span>
                  </a>
                </div>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
