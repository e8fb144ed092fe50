import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, fieldId, Radios, Select, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { SupervisionSchema } from "~/models/casework/schemas";
import { getSupervisionOverview, recordSupervision } from "~/models/casework/supervision.server";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Supervision" }];

const ACTION_ROWS = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:supervision");
  const t = await getFixedT(request, "casework");
  return json({ title: t("supervision.title"), ...(await getSupervisionOverview(actor)), canWrite: userHasPermission(actor.user, "write:supervision") });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:supervision");
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: SupervisionSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => recordSupervision(actor, submission.value));
  if (!result.ok) return result.response;
  return redirect("/supervision");
}

export default function Supervision() {
  const { practitioners, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("casework");
  const dates = useDateLocale();
  const f = useFormState(actionData?.result);
  // Supervision is recorded per Gregorian month, so the month heading stays Gregorian.
  const month = (d: string) => formatDate(d, i18n.language, { month: "long", year: "numeric" });
  return (
    <>
      <ErrorSummary errors={f.summary} />
      <h1 className="govuk-heading-l">{t("supervision.title")}</h1>
      {practitioners.map((p) => (
        <section key={p.id} aria-labelledby={`sup-${p.id}`} className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-m" id={`sup-${p.id}`}>
            <bdi>{p.name}</bdi> {p.overdue ? <strong className="govuk-tag govuk-tag--red">{t("common.overdue")}</strong> : <strong className="govuk-tag govuk-tag--green">{t("supervision.upToDate")}</strong>}
          </h2>
          {p.records.length ? (
            <ul className="govuk-list">
              {p.records.map((r) => (
                <li key={r.id} className="eh-decision">
                  <h3 className="govuk-heading-s">
                    {month(r.month)}: {r.heldOn ? t("supervision.heldOnShown", { date: formatDate(r.heldOn, dates), name: r.supervisor.name }) : t("supervision.missed")}
                  </h3>
                  {r.missedReason ? <p className="govuk-body eh-pre-line">{t("supervision.reasonShown", { reason: r.missedReason })}</p> : null}
                  {r.casesDiscussed ? <p className="govuk-body">{t("supervision.casesShown", { cases: r.casesDiscussed })}</p> : null}
                  {r.reflections ? <p className="govuk-body eh-pre-line">{r.reflections}</p> : null}
                  {r.actions.length ? (
                    <ul className="govuk-list govuk-list--bullet">
                      {r.actions.map((a) => (
                        <li key={a.id}>{t("supervision.actionShown", { action: a.description, date: formatDate(a.byWhen, dates) })}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">{t("supervision.none")}</p>
          )}
        </section>
      ))}
      {canWrite && practitioners.length ? (
        <Form method="post" noValidate className="eh-panel">
          <CsrfInput />
          <h2 className="govuk-heading-m">{t("supervision.record")}</h2>
          <Select name="practitionerId" label={t("episode.practitioner")} defaultValue={f.value("practitionerId")} errors={f.errors("practitionerId")} options={practitioners.map((p) => ({ value: p.id, label: p.name }))} />
          <TextInput id={fieldId("month")} name="month" type="month" className="govuk-input--width-10" label={t("supervision.month")} hint={t("supervision.monthHint")} defaultValue={f.value("month")} errors={f.errors("month")} />
          <Radios
            name="held"
            legend={t("supervision.held")}
            inline
            defaultValue={f.value("held")}
            errors={f.errors("held")}
            options={[
              { value: "yes", label: t("common.yes") },
              { value: "no", label: t("common.no") },
            ]}
          />
          <DateField name="heldOn" label={t("supervision.heldOn")} defaultValue={f.value("heldOn")} errors={f.errors("heldOn")} />
          <TextArea name="missedReason" label={t("supervision.missedReason")} hint={t("supervision.missedReasonHint")} defaultValue={f.value("missedReason")} errors={f.errors("missedReason")} rows={2} />
          <TextInput id={fieldId("casesDiscussed")} name="casesDiscussed" label={t("supervision.casesDiscussed")} hint={t("supervision.casesDiscussedHint")} defaultValue={f.value("casesDiscussed")} errors={f.errors("casesDiscussed")} />
          <TextArea name="reflections" label={t("supervision.reflections")} defaultValue={f.value("reflections")} errors={f.errors("reflections")} />
          {Array.from({ length: ACTION_ROWS }, (_, i) => (
            <fieldset key={i} className="govuk-fieldset eh-need">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("supervision.actionN", { n: i + 1 })}</legend>
              <TextInput id={fieldId(`actions[${i}].description`)} name={`actions[${i}].description`} label={t("supervision.actionDescription")} defaultValue={f.value(`actions[${i}].description`)} errors={f.errors(`actions[${i}].description`)} />
              <DateField name={`actions[${i}].byWhen`} label={t("supervision.byWhen")} defaultValue={f.value(`actions[${i}].byWhen`)} errors={f.errors(`actions[${i}].byWhen`)} />
            </fieldset>
          ))}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("supervision.submit")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
