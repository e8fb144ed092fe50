import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, Select, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { addPlanAction, addPlanOutcome, getPlan, setPlanActionStatus, setReviewInterval, startPlan } from "~/models/casework/plan.server";
import { addTafMeeting } from "~/models/casework/review.server";
import { isActionOverdue, isReviewOverdue } from "~/models/casework/rules";
import {
  ACTION_STATUSES,
  EpisodeParamsSchema,
  HEADLINE_OUTCOMES,
  PlanActionSchema,
  PlanActionStatusSchema,
  PlanOutcomeSchema,
  PlanSettingsSchema,
  TafMeetingSchema,
} from "~/models/casework/schemas";
import { LineChart } from "~/components/charts/line-chart";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDate, formatNumber } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";
import { parseParams } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.family.name}` : "Plan" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const { family, contact, plan, assessment } = await getPlan(actor, familyId, contactId);
  const t = await getFixedT(request, "casework");
  const today = new Date();
  const open = contact.status === "open" || contact.status === "awaiting_decision";
  return json({
    title: t("plan.title"),
    family: { id: family.id, name: family.name, reference: family.reference },
    contactId,
    open,
    plan,
    overdueActions: plan ? plan.actions.filter((a) => isActionOverdue(a, today)).map((a) => a.id) : [],
    reviewOverdue: plan ? isReviewOverdue(plan, open, today) : false,
    assessedNeeds: assessment?.needs.map((n) => n.outcome) ?? [],
    canWrite: userHasPermission(actor.user, "write:family"),
  });
}

const IntentSchema = z.enum(["start", "outcome", "action", "status", "interval", "meeting"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const form = await readForm(request, actor);
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return json({ result: { status: "error" as const, error: { "": ["errors.badIntent"] }, initialValue: null } }, { status: 400 });
  form.delete("intent");
  const back = redirect(`/families/${familyId}/contacts/${contactId}/plan`);
  switch (intent.data) {
    case "start": {
      const submission = parseWithZod(form, { schema: z.strictObject({}) });
      const result = await attempt(submission, () => startPlan(actor, familyId, contactId));
      return result.ok ? back : result.response;
    }
    case "outcome": {
      const submission = parseWithZod(form, { schema: PlanOutcomeSchema });
      if (submission.status !== "success") return invalid(submission);
      const result = await attempt(submission, () => addPlanOutcome(actor, familyId, contactId, submission.value));
      return result.ok ? back : result.response;
    }
    case "action": {
      const submission = parseWithZod(form, { schema: PlanActionSchema });
      if (submission.status !== "success") return invalid(submission);
      const result = await attempt(submission, () => addPlanAction(actor, familyId, contactId, submission.value));
      return result.ok ? back : result.response;
    }
    case "status": {
      const submission = parseWithZod(form, { schema: PlanActionStatusSchema });
      if (submission.status !== "success") return invalid(submission);
      const result = await attempt(submission, () => setPlanActionStatus(actor, familyId, contactId, submission.value));
      return result.ok ? back : result.response;
    }
    case "interval": {
      const submission = parseWithZod(form, { schema: PlanSettingsSchema });
      if (submission.status !== "success") return invalid(submission);
      const result = await attempt(submission, () => setReviewInterval(actor, familyId, contactId, submission.value));
      return result.ok ? back : result.response;
    }
    case "meeting": {
      const submission = parseWithZod(form, { schema: TafMeetingSchema });
      if (submission.status !== "success") return invalid(submission);
      const result = await attempt(submission, () => addTafMeeting(actor, familyId, contactId, submission.value));
      return result.ok ? back : result.response;
    }
  }
}

export default function PlanPage() {
  const { family, contactId, plan, open, overdueActions, reviewOverdue, assessedNeeds, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("casework");
  const dates = useDateLocale();
  const f = useFormState(actionData?.result);
  const editable = canWrite && open;
  const outcomeName = (id: string | null) => plan?.outcomes.find((o) => o.id === id)?.description ?? "";
  const needs = assessedNeeds.length ? assessedNeeds : HEADLINE_OUTCOMES;
  return (
    <>
      <Link to={`/families/${family.id}/contacts/${contactId}`} className="govuk-back-link">
        {t("common.backToEpisode")}
      </Link>
      <ErrorSummary errors={f.summary} />
      <FamilyCaption family={family} />
      <h1 className="govuk-heading-l">{t("plan.title")}</h1>
      {!plan ? (
        editable ? (
          <Form method="post">
            <CsrfInput />
            <p className="govuk-body">{t("plan.none")}</p>
            <button type="submit" name="intent" value="start" className="govuk-button" data-module="govuk-button">
              {t("plan.start")}
            </button>
          </Form>
        ) : (
          <p className="govuk-body">{t("plan.none")}</p>
        )
      ) : (
        <>
          <p className="govuk-body">
            {t("plan.nextReview", { date: formatDate(plan.nextReviewOn, dates), weeks: plan.reviewIntervalWeeks })}{" "}
            {reviewOverdue ? <strong className="govuk-tag govuk-tag--red">{t("common.overdue")}</strong> : null}
          </p>
          <h2 className="govuk-heading-m">{t("plan.outcomes")}</h2>
          {plan.outcomes.length && plan.reviews.length ? (
            <LineChart
              title={t("plan.distanceTitle")}
              description={t("plan.distanceDescription", { outcomes: plan.outcomes.length, reviews: plan.reviews.length })}
              xLabels={plan.reviews.map((_, i) => t("plan.reviewShort", { n: i + 1 }))}
              series={plan.outcomes.map((o) => ({
                key: o.id,
                label: `${t(`needs.${o.need}`)}: ${o.description.slice(0, 60)}`,
                values: plan.reviews.map((r) => r.scores.find((x) => x.outcomeId === o.id)?.score ?? null),
              }))}
              yMin={0}
              yMax={10}
              formatY={(v) => formatNumber(v, i18n.language)}
            />
          ) : null}
          {plan.outcomes.length ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">{t("plan.outcomes")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">{t("plan.need")}</th>
                  <th scope="col" className="govuk-table__header">{t("plan.outcome")}</th>
                  {plan.reviews.map((r, i) => (
                    <th key={r.id} scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t("plan.reviewN", { n: i + 1, date: formatDate(r.heldOn, dates) })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {plan.outcomes.map((o) => (
                  <tr key={o.id} className="govuk-table__row">
                    <td className="govuk-table__cell">{t(`needs.${o.need}`)}</td>
                    <td className="govuk-table__cell eh-pre-line">{o.description}</td>
                    {plan.reviews.map((r) => {
                      const s = r.scores.find((x) => x.outcomeId === o.id);
                      return (
                        <td key={r.id} className="govuk-table__cell govuk-table__cell--numeric">
                          {s ? formatNumber(s.score, i18n.language) : "–"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="govuk-body">{t("plan.noOutcomes")}</p>
          )}
          {editable ? (
            <Form method="post" noValidate className="eh-panel">
              <CsrfInput />
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="version" value={plan.version} />
              <h3 className="govuk-heading-s">{t("plan.addOutcome")}</h3>
              <Select name="need" label={t("plan.need")} errors={f.errors("need")} options={needs.map((n) => ({ value: n, label: t(`needs.${n}`) }))} />
              <TextArea name="description" id="f-outcome-description" label={t("plan.outcomeDescription")} hint={t("plan.outcomeHint")} rows={2} />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("plan.addOutcomeSubmit")}
              </button>
            </Form>
          ) : null}

          <h2 className="govuk-heading-m">{t("plan.actions")}</h2>
          {plan.actions.length ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">{t("plan.actions")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">{t("plan.action")}</th>
                  <th scope="col" className="govuk-table__header">{t("plan.owner")}</th>
                  <th scope="col" className="govuk-table__header">{t("plan.dueOn")}</th>
                  <th scope="col" className="govuk-table__header">{t("plan.status")}</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {plan.actions.map((a) => (
                  <tr key={a.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <span className="eh-pre-line">{a.description}</span>
                      {a.outcomeId ? <span className="govuk-hint govuk-!-margin-0">{outcomeName(a.outcomeId)}</span> : null}
                    </td>
                    <td className="govuk-table__cell">
                      <bdi>{a.owner}</bdi> · <bdi>{a.agency}</bdi>
                    </td>
                    <td className="govuk-table__cell">
                      {formatDate(a.dueOn, dates)}{" "}
                      {overdueActions.includes(a.id) ? <strong className="govuk-tag govuk-tag--red">{t("common.overdue")}</strong> : null}
                    </td>
                    <td className="govuk-table__cell">
                      {editable ? (
                        <Form method="post" className="eh-inline-form">
                          <CsrfInput />
                          <input type="hidden" name="intent" value="status" />
                          <input type="hidden" name="version" value={plan.version} />
                          <input type="hidden" name="actionId" value={a.id} />
                          <label className="govuk-visually-hidden" htmlFor={`status-${a.id}`}>
                            {t("plan.statusFor", { action: a.description.slice(0, 60) })}
                          </label>
                          <select id={`status-${a.id}`} name="status" className="govuk-select" defaultValue={a.status}>
                            {ACTION_STATUSES.map((s) => (
                              <option key={s} value={s}>
                                {t(`actionStatuses.${s}`)}
                              </option>
                            ))}
                          </select>{" "}
                          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-0" data-module="govuk-button">
                            {t("plan.update")}
                            <span className="govuk-visually-hidden"> {a.description.slice(0, 60)}</span>
                          </button>
                        </Form>
                      ) : (
                        t(`actionStatuses.${a.status}`)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="govuk-body">{t("plan.noActions")}</p>
          )}
          {editable ? (
            <Form method="post" noValidate className="eh-panel">
              <CsrfInput />
              <input type="hidden" name="intent" value="action" />
              <input type="hidden" name="version" value={plan.version} />
              <h3 className="govuk-heading-s">{t("plan.addAction")}</h3>
              <TextArea name="description" label={t("plan.action")} defaultValue={f.value("description")} errors={f.errors("description")} rows={2} />
              {plan.outcomes.length ? (
                <Select
                  name="outcomeId"
                  label={t("plan.forOutcome")}
                  defaultValue={f.value("outcomeId")}
                  options={[{ value: "", label: t("plan.noOutcome") }, ...plan.outcomes.map((o) => ({ value: o.id, label: `${t(`needs.${o.need}`)}: ${o.description.slice(0, 60)}` }))]}
                />
              ) : null}
              <TextInput id="f-owner" name="owner" label={t("plan.owner")} defaultValue={f.value("owner")} errors={f.errors("owner")} />
              <TextInput id="f-agency" name="agency" label={t("plan.agency")} defaultValue={f.value("agency")} errors={f.errors("agency")} />
              <DateField name="dueOn" label={t("plan.dueOn")} hint={t("plan.dueOnHint")} defaultValue={f.value("dueOn")} errors={f.errors("dueOn")} />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("plan.addActionSubmit")}
              </button>
            </Form>
          ) : null}

          {editable ? (
            <Form method="post" noValidate className="eh-panel">
              <CsrfInput />
              <input type="hidden" name="intent" value="interval" />
              <input type="hidden" name="version" value={plan.version} />
              <TextInput
                id="f-reviewIntervalWeeks"
                name="reviewIntervalWeeks"
                inputMode="numeric"
                className="govuk-input--width-3"
                label={t("plan.interval")}
                defaultValue={f.value("reviewIntervalWeeks", String(plan.reviewIntervalWeeks))}
                errors={f.errors("reviewIntervalWeeks")}
              />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("plan.setInterval")}
              </button>
            </Form>
          ) : null}

          <h2 className="govuk-heading-m">{t("plan.meetings")}</h2>
          {plan.meetings.length ? (
            plan.meetings.map((m) => (
              <div key={m.id} className="eh-decision">
                <h3 className="govuk-heading-s">{formatDate(m.heldOn, dates)}</h3>
                <p className="govuk-body-s">{t("plan.attendeesShown", { attendees: m.attendees })}</p>
                <p className="govuk-body eh-pre-line">{m.minutes}</p>
              </div>
            ))
          ) : (
            <p className="govuk-body">{t("plan.noMeetings")}</p>
          )}
          {canWrite ? (
            <Form method="post" noValidate className="eh-panel">
              <CsrfInput />
              <input type="hidden" name="intent" value="meeting" />
              <h3 className="govuk-heading-s">{t("plan.addMeeting")}</h3>
              <DateField name="heldOn" label={t("plan.heldOn")} errors={f.errors("heldOn")} />
              <TextArea name="attendees" label={t("plan.attendees")} errors={f.errors("attendees")} rows={2} />
              <TextArea name="minutes" label={t("plan.minutes")} errors={f.errors("minutes")} />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("plan.addMeetingSubmit")}
              </button>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}
