import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isoDay } from "~/components/casework/form-state";
import { useCourseFormState } from "~/components/courses/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, Radios, Select, TextArea } from "~/components/ui/fields";
import { getParticipant, setEnrolmentStatus } from "~/models/courses/enrolment.server";
import { recordMeasure } from "~/models/courses/measure.server";
import { CHOOSABLE_STATUSES, EnrolmentParamsSchema, EnrolmentStatusSchema, MeasureSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDate, formatNumber } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { LANGUAGES } from "~/utils/languages";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.enrolment.name ?? "Participant" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:cohort");
  const { cohortId, enrolmentId } = parseParams(params, EnrolmentParamsSchema);
  return json(await getParticipant(actor, cohortId, enrolmentId));
}

const ActionSchema = z.discriminatedUnion("intent", [EnrolmentStatusSchema, MeasureSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:cohort");
  const { cohortId, enrolmentId } = parseParams(params, EnrolmentParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ActionSchema });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  const result = await attempt(submission, async () => {
    if (v.intent === "status") await setEnrolmentStatus(actor, cohortId, enrolmentId, v.status, v.withdrawnReason);
    else await recordMeasure(actor, cohortId, enrolmentId, v);
  });
  if (!result.ok) return result.response;
  return redirect(v.intent === "status" ? `/courses/${cohortId}` : `/courses/${cohortId}/participants/${enrolmentId}#measures`);
}

export default function Participant() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("courses");
  const dates = useDateLocale();
  const lng = i18n.language;
  const f = useCourseFormState(actionData?.result);
  const e = d.enrolment;
  const participant = e.status === "enrolled" || e.status === "completed";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/courses/${d.cohort.id}`} className="govuk-back-link">
          {t("backToCohort")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <span className="govuk-caption-l">{d.cohort.name}</span>
        <h1 className="govuk-heading-l">{e.name}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("cohort.enrolmentStatus")}</dt>
            <dd className="govuk-summary-list__value">
              {t(`enrolmentStatus.${e.status}`)}
              {e.withdrawnReason ? ` (${e.withdrawnReason})` : ""}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("participant.contact")}</dt>
            <dd className="govuk-summary-list__value">{[e.phone, e.email].filter(Boolean).join(" · ") || "–"}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("enrol.language")}</dt>
            <dd className="govuk-summary-list__value">{LANGUAGES.find((l) => l.code === e.preferredLanguage)?.name ?? e.preferredLanguage}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("cohort.attended")}</dt>
            <dd className="govuk-summary-list__value">
              {t("participant.attendedOf", { attended: d.attended, held: d.sessionsHeld })} {d.meetsRule ? `· ${t("cohort.meetsRule")}` : ""}
            </dd>
          </div>
        </dl>
        <ul className="govuk-list">
          {e.familyId ? (
            <li>
              <Link className="govuk-link" to={`/families/${e.familyId}`}>
                {t("cohort.familyRecord", { name: e.name })}
              </Link>
            </li>
          ) : null}
          {e.status === "completed" ? (
            <li>
              <Link className="govuk-link" to={`/courses/${d.cohort.id}/certificates/${e.id}`}>
                {t("cohort.certificate", { name: e.name })}
              </Link>
            </li>
          ) : null}
        </ul>

        <h2 className="govuk-heading-m" id="measures">
          {t("participant.measuresHeading")}
        </h2>
        {d.measures.length ? (
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("participant.measure")}</th>
                <th scope="col" className="govuk-table__header">{t("participant.timepoint")}</th>
                <th scope="col" className="govuk-table__header">{t("participant.score")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {d.measures.map((m) => (
                <tr key={`${m.measureKey}-${m.timepoint}`} className="govuk-table__row">
                  <td className="govuk-table__cell">{d.measureDefinitions.find((x) => x.key === m.measureKey)?.name ?? m.measureKey}</td>
                  <td className="govuk-table__cell">
                    {t(`timepoint.${m.timepoint}`)} · {formatDate(m.recordedOn, dates)}
                  </td>
                  <td className="govuk-table__cell">
                    {formatNumber(m.score, lng, { maximumFractionDigits: 2 })}
                    {m.score !== m.rawScore ? ` ${t("participant.raw", { raw: m.rawScore })}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">{t("participant.noMeasures")}</p>
        )}
        {participant
          ? d.measureDefinitions.map((m) => {
              const hasPre = d.measures.some((x) => x.measureKey === m.key && x.timepoint === "pre");
              return (
                <Form key={m.key} method="post" noValidate className="govuk-!-margin-bottom-6">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="measure" />
                  <input type="hidden" name="measureKey" value={m.key} />
                  <h3 className="govuk-heading-s">{t("participant.record", { name: m.name })}</h3>
                  <Radios
                    name="timepoint"
                    id={`f-${m.key}-timepoint`}
                    legend={t("participant.timepoint")}
                    inline
                    small
                    defaultValue={hasPre ? "post" : "pre"}
                    options={(["pre", "post"] as const).map((tp) => ({ value: tp, label: t(`timepoint.${tp}`) }))}
                  />
                  <DateField name="recordedOn" id={`f-${m.key}-recordedOn`} label={t("participant.recordedOn")} defaultValue={isoDay(new Date())} />
                  {m.items.map((item, i) => (
                    <Select
                      key={item}
                      id={`f-${m.key}-answers-${i}`}
                      name={`answers[${i}]`}
                      label={`${i + 1}. ${item}`}
                      defaultValue=""
                      options={[{ value: "", label: t("participant.choose") }, ...m.responseLabels.map((label, j) => ({ value: String(m.scaleMin + j), label: m.scaleMax - m.scaleMin > 4 ? label : `${m.scaleMin + j} – ${label}` }))]}
                    />
                  ))}
                  <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                    {t("participant.saveMeasure", { name: m.name })}
                  </button>
                </Form>
              );
            })
          : null}

        <h2 className="govuk-heading-m">{t("participant.attendanceHeading")}</h2>
        <ul className="govuk-list">
          {d.sessions.map((s) => (
            <li key={s.id}>
              {t("cohort.sessionNumber", { number: s.number })} · {formatDate(s.date, dates)} · {s.cancelled ? t("cohort.cancelled") : s.status ? t(`attendance.${s.status}`) : t("cohort.notTaken")}
            </li>
          ))}
        </ul>

        {e.status !== "completed" ? (
          <>
            <h2 className="govuk-heading-m">{t("participant.changeStatus")}</h2>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="status" />
              <Radios name="status" legend={t("cohort.enrolmentStatus")} defaultValue={f.value("status", e.status)} errors={f.errors("status")} options={CHOOSABLE_STATUSES.map((s) => ({ value: s, label: t(`enrolmentStatus.${s}`) }))} />
              <TextArea name="withdrawnReason" label={t("participant.withdrawnReason")} defaultValue={f.value("withdrawnReason")} errors={f.errors("withdrawnReason")} rows={2} />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("participant.saveStatus")}
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
