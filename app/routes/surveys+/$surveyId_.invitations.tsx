import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { SERVICES } from "~/models/survey/rules";
import { generateInvitations, invitationCounts, listInvitations } from "~/models/survey/invitation.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";
import { parseParams } from "~/utils/query.server";
import { surveyChange } from "~/utils/survey-action.server";

export const handle = { i18n: ["common", "surveys"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Invitations" }];

const ParamsSchema = z.object({ surveyId: z.string().regex(/^[a-z0-9]{10,40}$/) });

/** Codes per family (audited: it names families) and the counts; never who answered. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:survey");
  const { surveyId } = parseParams(params, ParamsSchema);
  const { survey, invitations } = await listInvitations(actor, surveyId);
  const t = await getFixedT(request, "surveys");
  return json({
    title: t("invitations.title", { year: String(survey.year) }),
    survey: { id: survey.id, year: survey.year, status: survey.status },
    counts: await invitationCounts(surveyId),
    invitations: invitations.map((i) => ({ code: i.code, service: i.service, language: i.language, sentAt: i.sentAt, reference: i.family?.reference ?? "", name: i.family?.name ?? "" })),
  });
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.strictObject({ intent: z.literal("generate"), service: z.enum(SERVICES) }),
  z.strictObject({ intent: z.literal("markSent") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:survey");
  const { surveyId } = parseParams(params, ParamsSchema);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(request, actor)));
  if (!parsed.success) throw errorResponse(400, "errors.badForm");
  const input = parsed.data;
  return surveyChange(
    () => (input.intent === "generate" ? generateInvitations(actor, surveyId, input.service) : listInvitations(actor, surveyId, { markSent: true })),
    () => redirect(`/surveys/${surveyId}/invitations`),
  );
}

export default function SurveyInvitations() {
  const { title, survey, counts, invitations } = useLoaderData<typeof loader>();
  const { t } = useTranslation("surveys");
  const dates = useDateLocale();
  return (
    <>
      <a href={`/surveys/${survey.id}`} className="govuk-back-link">
        {t("translations.back")}
      </a>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{t("invitations.intro")}</p>
      <dl className="govuk-summary-list">
        {(["invited", "sent", "opened", "completed"] as const).map((k) => (
          <div key={k} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t(`overview.${k}`)}</dt>
            <dd className="govuk-summary-list__value">{counts[k]}</dd>
          </div>
        ))}
      </dl>
      {survey.status !== "closed" ? (
        <Form method="post">
          <CsrfInput />
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="service">{t("invitations.service")}</label>
            <div id="service-hint" className="govuk-hint">{t("invitations.generateHint")}</div>
            <select className="govuk-select" id="service" name="service" aria-describedby="service-hint">
              {SERVICES.map((s) => <option key={s} value={s}>{t(`invitations.services.${s}`)}</option>)}
            </select>
          </div>
          <button type="submit" name="intent" value="generate" className="govuk-button">{t("invitations.generate")}</button>
        </Form>
      ) : null}
      {invitations.length ? (
        <>
          <ul className="govuk-list">
            <li><a className="govuk-link" href={`/surveys/${survey.id}/letters`}>{t("invitations.letters")}</a></li>
            <li><a className="govuk-link" href={`/surveys/${survey.id}/invitations.csv`} download>{t("invitations.csv")}</a></li>
          </ul>
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="markSent" className="govuk-button govuk-button--secondary">{t("invitations.markSent")}</button>
          </Form>
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("invitations.code")}</th>
                <th scope="col" className="govuk-table__header">{t("invitations.family")}</th>
                <th scope="col" className="govuk-table__header">{t("invitations.service")}</th>
                <th scope="col" className="govuk-table__header">{t("invitations.language")}</th>
                <th scope="col" className="govuk-table__header">{t("invitations.sentOn")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {invitations.map((i) => (
                <tr key={i.code} className="govuk-table__row">
                  <td className="govuk-table__cell"><code>{i.code}</code></td>
                  <td className="govuk-table__cell"><bdi>{i.name}</bdi> (<bdi>{i.reference}</bdi>)</td>
                  <td className="govuk-table__cell">{i.service ? t(`invitations.services.${i.service}`) : ""}</td>
                  <td className="govuk-table__cell" lang={i.language}>{LANGUAGES.find((l) => l.code === i.language)?.name ?? i.language}</td>
                  <td className="govuk-table__cell">{i.sentAt ? formatDate(i.sentAt, dates) : t("invitations.notSent")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="govuk-body">{t("invitations.none")}</p>
      )}
    </>
  );
}
