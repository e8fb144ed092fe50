import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { listTriage, triageRequest } from "~/models/casework/support-request.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Triage" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "decide:family");
  const t = await getFixedT(request, "casework");
  return json({ title: t("triage.title"), requests: await listTriage(actor) });
}

const TriageSchema = z.strictObject({
  id: z.string().min(1).max(64).regex(/^[a-z0-9]+$/i),
  intent: z.enum(["accept", "reject"]),
  declineReason: z.string().max(2000).default(""),
});

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "decide:family");
  const form = await readForm(request, actor);
  const parsed = TriageSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw errorResponse(400, "errors.badForm");
  const result = await triageRequest(actor, parsed.data.id, parsed.data.intent === "accept", new Date(), parsed.data.declineReason);
  return redirect(result ? `/families/${result.familyId}/contacts/${result.contactId}` : "/triage");
}

export default function Triage() {
  const { requests } = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  const dates = useDateLocale();
  return (
    <>
      <h1 className="govuk-heading-l">{t("triage.title")}</h1>
      <p className="govuk-body">{t("triage.intro")}</p>
      {requests.length ? null : <p className="govuk-body">{t("triage.none")}</p>}
      {requests.map((r) => (
        <section key={r.id} className="eh-panel" aria-labelledby={`req-${r.id}`}>
          <h2 className="govuk-heading-m" id={`req-${r.id}`}>
            <bdi>{r.familyName}</bdi> <span className="govuk-caption-m"><bdi>{r.reference}</bdi></span>
          </h2>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("triage.received")}</dt>
              <dd className="govuk-summary-list__value">{formatDateTime(r.createdAt, dates)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("triage.referrer")}</dt>
              <dd className="govuk-summary-list__value">
                <bdi>{r.referrerName}</bdi>, <bdi>{r.referrerAgency}</bdi> · <bdi>{r.referrerEmail}</bdi> <bdi>{r.referrerPhone}</bdi>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("request.familyAddress")}</dt>
              <dd className="govuk-summary-list__value eh-pre-line">{[r.familyAddress, r.familyPostcode].filter(Boolean).join("\n")}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("request.children")}</dt>
              <dd className="govuk-summary-list__value eh-pre-line">{r.children}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("request.concern")}</dt>
              <dd className="govuk-summary-list__value eh-pre-line">{r.concern}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("triage.consents")}</dt>
              <dd className="govuk-summary-list__value">{r.familyConsents ? t("common.yes") : t("common.no")}</dd>
            </div>
          </dl>
          <Form method="post" className="govuk-button-group">
            <CsrfInput />
            <input type="hidden" name="id" value={r.id} />
            <button type="submit" name="intent" value="accept" className="govuk-button" data-module="govuk-button">
              {t("triage.accept")}
              <span className="govuk-visually-hidden"> {r.reference}</span>
            </button>
          </Form>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                {t("triage.declineSummary")}
                <span className="govuk-visually-hidden"> {r.reference}</span>
              </span>
            </summary>
            <div className="govuk-details__text">
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="id" value={r.id} />
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor={`decline-${r.id}`}>
                    {t("triage.declineReason")}
                  </label>
                  <div className="govuk-hint" id={`decline-${r.id}-hint`}>
                    {t("triage.declineReasonHint")}
                  </div>
                  <textarea className="govuk-textarea" id={`decline-${r.id}`} name="declineReason" rows={3} maxLength={2000} aria-describedby={`decline-${r.id}-hint`} required />
                </div>
                <button type="submit" name="intent" value="reject" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t("triage.reject")}
                  <span className="govuk-visually-hidden"> {r.reference}</span>
                </button>
              </Form>
            </div>
          </details>
        </section>
      ))}
    </>
  );
}
