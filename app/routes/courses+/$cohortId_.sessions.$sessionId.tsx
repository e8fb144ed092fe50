import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoDay } from "~/components/casework/form-state";
import { useCourseFormState } from "~/components/courses/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Checkbox, DateField, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { getSessionRegister, saveRegister, updateSession } from "~/models/courses/session.server";
import { ATTENDANCE_STATUSES, RegisterSchema, SessionEditSchema, SessionParamsSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams } from "~/utils/query.server";
import { z } from "zod";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Register" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:cohort");
  const { cohortId, sessionId } = parseParams(params, SessionParamsSchema);
  const data = await getSessionRegister(actor, cohortId, sessionId);
  const t = await getFixedT(request, "courses");
  return json({ title: t("register.title", { number: data.session.number, cohort: data.cohort.name }), ...data, saved: new URL(request.url).searchParams.get("saved") === "1" });
}

const ActionSchema = z.discriminatedUnion("intent", [RegisterSchema, SessionEditSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:cohort");
  const { cohortId, sessionId } = parseParams(params, SessionParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ActionSchema });
  if (submission.status !== "success") return invalid(submission);
  const value = submission.value;
  const result = await attempt(submission, async () => {
    if (value.intent === "register") await saveRegister(actor, cohortId, sessionId, value);
    else await updateSession(actor, cohortId, sessionId, value);
  });
  if (!result.ok) return result.response;
  return redirect(value.intent === "register" ? `/courses/${cohortId}/sessions/${sessionId}?saved=1` : `/courses/${cohortId}`);
}

export default function Register() {
  const { cohort, session, participants, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("courses");
  const dates = useDateLocale();
  const f = useCourseFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/courses/${cohort.id}`} className="govuk-back-link">
          {t("backToCohort")}
        </Link>
        <ErrorSummary errors={f.summary} />
        {saved && !actionData ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="saved-title">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="saved-title">
                {t("register.savedTitle")}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{t("register.saved")}</p>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-m">{cohort.name}</span>
        <h1 className="govuk-heading-l">{t("register.heading", { number: session.number })}</h1>
        <p className="govuk-body">
          {formatDate(session.date, dates, { dateStyle: "full" })} {session.startTime}
        </p>
        {session.cancelled ? (
          <p className="govuk-inset-text">{t("register.cancelled")}</p>
        ) : participants.length ? (
          <Form method="post" noValidate className="eh-register">
            <CsrfInput />
            <input type="hidden" name="intent" value="register" />
            {participants.map((p) => (
              <div key={p.id} className="govuk-form-group eh-register__row">
                <fieldset className="govuk-fieldset">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{p.name}</legend>
                  <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                    {ATTENDANCE_STATUSES.map((s) => (
                      <div key={s} className="govuk-radios__item">
                        <input className="govuk-radios__input" id={`a-${p.id}-${s}`} name={`attendance.${p.id}`} type="radio" value={s} defaultChecked={p.status === s} />
                        <label className="govuk-label govuk-radios__label" htmlFor={`a-${p.id}-${s}`}>
                          {t(`attendance.${s}`)}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
            ))}
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("register.submit")}
            </button>
          </Form>
        ) : (
          <p className="govuk-body">{t("register.nobody")}</p>
        )}
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("register.editSession")}</span>
          </summary>
          <div className="govuk-details__text">
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="session" />
              <DateField name="date" label={t("register.date")} defaultValue={f.value("date", isoDay(session.date))} errors={f.errors("date")} />
              <TextInput id="f-startTime" name="startTime" className="govuk-input--width-5" label={t("newCohort.startTime")} defaultValue={f.value("startTime", session.startTime)} errors={f.errors("startTime")} />
              <Checkbox name="cancelled" label={t("register.cancel")} defaultChecked={session.cancelled} />
              <TextArea name="note" label={t("register.note")} defaultValue={f.value("note", session.note)} errors={f.errors("note")} rows={2} />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("register.saveSession")}
              </button>
            </Form>
          </div>
        </details>
      </div>
    </div>
  );
}
