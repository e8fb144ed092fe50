import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Select, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { allocate, getEpisode, listAllocatable, recordDecision } from "~/models/casework/episode.server";
import { isAssessmentOverdue } from "~/models/casework/rules";
import { AllocationSchema, DecisionSchema, EpisodeParamsSchema, OUTCOMES_BY_STAGE } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";
import { parseParams } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.family.name}` : "Episode" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const { family, contact } = await getEpisode(actor, familyId, contactId);
  const t = await getFixedT(request, "casework");
  const canDecide = userHasPermission(actor.user, "decide:family");
  return json({
    title: t("episode.title"),
    family: { id: family.id, name: family.name, reference: family.reference },
    contact,
    canDecide,
    canWrite: userHasPermission(actor.user, "write:family"),
    staff: canDecide ? await listAllocatable(actor, family.teamId) : [],
    assessmentOverdue: contact.assessment ? isAssessmentOverdue({ status: contact.assessment.status, dueOn: contact.assessment.dueOn }, new Date()) : false,
  });
}

const IntentSchema = z.object({ intent: z.enum(["decide", "allocate"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "decide:family");
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const form = await readForm(request, actor);
  const intent = IntentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) return json({ result: { status: "error" as const, error: { "": ["errors.badIntent"] }, initialValue: null }, intent: null }, { status: 400 });
  form.delete("intent");
  if (intent.data.intent === "allocate") {
    const submission = parseWithZod(form, { schema: AllocationSchema });
    if (submission.status !== "success") return json({ result: submission.reply(), intent: "allocate" }, { status: 400 });
    const result = await attempt(submission, () => allocate(actor, familyId, contactId, submission.value.practitionerId));
    if (!result.ok) return result.response;
  } else {
    const submission = parseWithZod(form, { schema: DecisionSchema });
    if (submission.status !== "success") return invalid(submission);
    const result = await attempt(submission, () => recordDecision(actor, familyId, contactId, submission.value));
    if (!result.ok) return result.response;
  }
  return redirect(`/families/${familyId}/contacts/${contactId}`);
}

export default function Episode() {
  const { family, contact, canDecide, canWrite, staff, assessmentOverdue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const dates = useDateLocale();
  const f = useFormState(actionData?.result);
  const base = `/families/${family.id}/contacts/${contact.id}`;
  const current = contact.allocations.find((a) => !a.endedAt);
  const open = contact.status === "open" || contact.status === "awaiting_decision";
  const stages = contact.status === "awaiting_decision" ? (["contact"] as const) : contact.status === "stepped_up" ? (["step_down"] as const) : open ? (["step_up", "review"] as const) : [];
  return (
    <>
      <Link to={`/families/${family.id}`} className="govuk-back-link">
        {t("common.backToFamily")}
      </Link>
      <ErrorSummary errors={f.summary} />
      <FamilyCaption family={family} />
      <h1 className="govuk-heading-l">
        {t("episode.heading", { date: formatDate(contact.receivedOn, dates) })}{" "}
        <strong className="govuk-tag">{t(`statuses.${contact.status}`)}</strong>
      </h1>
      {contact.reReferral ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("common.warning")}</span>
            {t("episode.reReferral", { date: formatDate(contact.previousClosedOn, dates) })}
          </strong>
        </div>
      ) : null}
      <dl className="govuk-summary-list">
        <Row label={t("contact.source")}>
          {t(`sources.${contact.source}`)}
          {contact.sourceDetail ? (
            <>
              {" · "}
              <bdi>{contact.sourceDetail}</bdi>
            </>
          ) : null}
        </Row>
        <Row label={t("contact.reason")}>
          <span className="eh-pre-line">{contact.reason}</span>
        </Row>
        <Row label={t("episode.consent")}>
          {contact.consents[0] ? t(`consentStatuses.${contact.consents[0].status}`) : t("common.notRecorded")}
          {contact.consents[0]?.overrideReason ? (
            <>
              {" · "}
              <span className="eh-pre-line">{contact.consents[0].overrideReason}</span>
            </>
          ) : null}
        </Row>
        <Row label={t("episode.practitioner")}>{current ? <bdi>{current.practitioner.name}</bdi> : t("episode.unallocated")}</Row>
        {contact.assessment ? (
          <Row label={t("episode.assessment")}>
            {t(`assessmentStatuses.${contact.assessment.status}`)} · {t("episode.due", { date: formatDate(contact.assessment.dueOn, dates) })}
            {assessmentOverdue ? (
              <>
                {" "}
                <strong className="govuk-tag govuk-tag--red">{t("common.overdue")}</strong>
              </>
            ) : null}
          </Row>
        ) : null}
        {contact.plan ? <Row label={t("episode.nextReview")}>{formatDate(contact.plan.nextReviewOn, dates)}</Row> : null}
        {contact.closure ? (
          <Row label={t("episode.closed")}>
            {formatDate(contact.closure.closedOn, dates)} · {t(`closureReasons.${contact.closure.reason}`)}
          </Row>
        ) : null}
      </dl>

      {contact.assessment || (canWrite && contact.status === "open") ? (
        <ul className="govuk-list eh-action-links">
          {contact.assessment ? (
            <li>
              <Link className="govuk-link" to={`${base}/assessment`}>
                {t("episode.openAssessment")}
              </Link>
            </li>
          ) : null}
          {contact.assessment ? (
            <li>
              <Link className="govuk-link" to={`${base}/plan`}>
                {t("episode.openPlan")}
              </Link>
            </li>
          ) : null}
          {contact.plan && open ? (
            <li>
              <Link className="govuk-link" to={`${base}/review`}>
                {t("episode.recordReview")}
              </Link>
            </li>
          ) : null}
          {canDecide && !contact.closure && contact.status !== "awaiting_decision" ? (
            <li>
              <Link className="govuk-link" to={`${base}/closure`}>
                {t("episode.close")}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      <h2 className="govuk-heading-m">{t("episode.decisions")}</h2>
      {contact.decisions.length ? (
        <ol className="govuk-list eh-decisions">
          {contact.decisions.map((d) => (
            <li key={d.id} className="eh-decision">
              <h3 className="govuk-heading-s">
                {t(`stages.${d.stage}`)}: {t(`outcomes.${d.outcome}`)}
              </h3>
              <p className="govuk-body eh-pre-line">{d.rationale}</p>
              {d.pathway ? <p className="govuk-body">{t("decision.pathwayShown", { pathway: d.pathway })}</p> : null}
              <p className="govuk-body-s">
                {t("decision.by", { name: d.decidedBy.name, date: formatDateTime(d.decidedAt, dates) })}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="govuk-body">{t("episode.noDecisions")}</p>
      )}

      {canDecide && stages.length ? (
        <Form method="post" noValidate className="eh-panel">
          <CsrfInput />
          <input type="hidden" name="intent" value="decide" />
          <h2 className="govuk-heading-m">{t("decision.title")}</h2>
          <Select
            name="stage"
            label={t("decision.stage")}
            defaultValue={f.value("stage", stages[0])}
            errors={f.errors("stage")}
            options={stages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          />
          <Select
            name="outcome"
            label={t("decision.outcome")}
            defaultValue={f.value("outcome")}
            errors={f.errors("outcome")}
            options={[...new Set(stages.flatMap((s) => OUTCOMES_BY_STAGE[s]))].map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          />
          <TextArea name="rationale" label={t("decision.rationale")} hint={t("decision.rationaleHint")} defaultValue={f.value("rationale")} errors={f.errors("rationale")} rows={5} />
          <TextInput id="f-pathway" name="pathway" label={t("decision.pathway")} hint={t("decision.pathwayHint")} defaultValue={f.value("pathway")} errors={f.errors("pathway")} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("decision.submit")}
          </button>
        </Form>
      ) : null}

      <h2 className="govuk-heading-m">{t("episode.allocation")}</h2>
      {contact.allocations.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("episode.allocationHistory")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("episode.practitioner")}</th>
              <th scope="col" className="govuk-table__header">{t("episode.from")}</th>
              <th scope="col" className="govuk-table__header">{t("episode.to")}</th>
              <th scope="col" className="govuk-table__header">{t("episode.allocatedBy")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {contact.allocations.map((a) => (
              <tr key={a.id} className="govuk-table__row">
                <td className="govuk-table__cell"><bdi>{a.practitioner.name}</bdi></td>
                <td className="govuk-table__cell">{formatDate(a.startedAt, dates)}</td>
                <td className="govuk-table__cell">{a.endedAt ? formatDate(a.endedAt, dates) : t("episode.current")}</td>
                <td className="govuk-table__cell"><bdi>{a.allocatedBy.name}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("episode.unallocated")}</p>
      )}
      {canDecide && open && staff.length ? (
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="allocate" />
          <Select
            name="practitionerId"
            label={current ? t("episode.reallocate") : t("episode.allocate")}
            defaultValue={current?.practitionerId}
            errors={actionData && "intent" in actionData && actionData.intent === "allocate" ? f.errors("practitionerId") : undefined}
            options={staff.map((s) => ({ value: s.id, label: s.name }))}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("episode.allocateSubmit")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}
