import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Checkbox, Radios, Select, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { getAssessment, saveAssessment, signOffAssessment } from "~/models/casework/assessment.server";
import { isAssessmentOverdue } from "~/models/casework/rules";
import { AssessmentSchema, EpisodeParamsSchema, HEADLINE_OUTCOMES, SignOffSchema } from "~/models/casework/schemas";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.family.name}` : "Assessment" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const { family, assessment, children } = await getAssessment(actor, familyId, contactId);
  const t = await getFixedT(request, "casework");
  return json({
    title: t("assessment.title"),
    family: { id: family.id, name: family.name, reference: family.reference },
    contactId,
    assessment,
    children: children.map((c) => ({ id: c.id, firstName: c.firstName, lastName: c.lastName, dateOfBirth: c.dateOfBirth })),
    overdue: isAssessmentOverdue(assessment, new Date()),
    canDecide: userHasPermission(actor.user, "decide:family"),
    canWrite: userHasPermission(actor.user, "write:family"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const signOff = new URL(request.url).searchParams.get("signoff") === "1";
  const actor = await requirePermission(request, signOff ? "decide:family" : "write:family");
  const form = await readForm(request, actor);
  if (signOff) {
    const submission = parseWithZod(form, { schema: SignOffSchema });
    if (submission.status !== "success") return invalid(submission);
    const result = await attempt(submission, () => signOffAssessment(actor, familyId, contactId, submission.value));
    if (!result.ok) return result.response;
    return redirect(`/families/${familyId}/contacts/${contactId}`);
  }
  const submission = parseWithZod(form, { schema: AssessmentSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => saveAssessment(actor, familyId, contactId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/families/${familyId}/contacts/${contactId}/assessment?saved=1`);
}

export default function AssessmentPage() {
  const { family, contactId, assessment, children, overdue, canDecide, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const dates = useDateLocale();
  const f = useFormState(actionData?.result);
  const [searchParams] = useSearchParams();
  const signedOff = assessment.status === "signed_off";
  const editable = canWrite && !signedOff;
  const needFor = (o: string) => assessment.needs.find((n) => n.outcome === o);
  const voiceFor = (id: string) => assessment.childVoices.find((v) => v.memberId === id);
  return (
    <>
      <Link to={`/families/${family.id}/contacts/${contactId}`} className="govuk-back-link">
        {t("common.backToEpisode")}
      </Link>
      <ErrorSummary errors={f.summary} />
      <FamilyCaption family={family} />
      {searchParams.get("saved") === "1" && !actionData ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="saved-title" data-module="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="saved-title">
              {t("assessment.savedTitle")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("assessment.saved")}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("assessment.title")}</h1>
      <p className="govuk-body">
        <strong className="govuk-tag">{t(`assessmentStatuses.${assessment.status}`)}</strong>{" "}
        {t("episode.due", { date: formatDate(assessment.dueOn, dates) })}{" "}
        {overdue ? <strong className="govuk-tag govuk-tag--red">{t("common.overdue")}</strong> : null}
      </p>
      {signedOff && assessment.signedOffBy ? (
        <p className="govuk-body">{t("assessment.signedOffBy", { name: assessment.signedOffBy.name, date: formatDateTime(assessment.signedOffAt, dates) })}</p>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="version" value={assessment.version} />
        <fieldset className="govuk-fieldset" disabled={!editable}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("assessment.needs")}</legend>
          <p className="govuk-hint">{t("assessment.needsHint")}</p>
          {HEADLINE_OUTCOMES.map((o, i) => {
            const n = needFor(o);
            return (
              <div key={o} className="eh-need">
                <input type="hidden" name={`needs[${i}].outcome`} value={o} />
                <h3 className="govuk-heading-s">{t(`needs.${o}`)}</h3>
                <Checkbox name={`needs[${i}].present`} label={t("assessment.present")} defaultChecked={f.checked(`needs[${i}].present`, n?.present ?? false)} />
                <Select
                  name={`needs[${i}].severity`}
                  label={t("assessment.severity")}
                  defaultValue={f.value(`needs[${i}].severity`, n?.severity ? String(n.severity) : "")}
                  errors={f.errors(`needs[${i}].severity`)}
                  options={[{ value: "", label: t("assessment.severityNone") }, ...[1, 2, 3].map((s) => ({ value: String(s), label: t(`severity.${s}`) }))]}
                />
                <TextArea name={`needs[${i}].notes`} label={t("assessment.notes")} defaultValue={f.value(`needs[${i}].notes`, n?.notes ?? "")} errors={f.errors(`needs[${i}].notes`)} rows={2} />
              </div>
            );
          })}
        </fieldset>
        <fieldset className="govuk-fieldset" disabled={!editable}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("assessment.whole")}</legend>
          <TextArea name="strengths" label={t("assessment.strengths")} defaultValue={f.value("strengths", assessment.strengths)} errors={f.errors("strengths")} />
          <TextArea name="risks" label={t("assessment.risks")} defaultValue={f.value("risks", assessment.risks)} errors={f.errors("risks")} />
          <TextArea name="parentsViews" label={t("assessment.parentsViews")} defaultValue={f.value("parentsViews", assessment.parentsViews)} errors={f.errors("parentsViews")} />
          <TextArea name="analysis" label={t("assessment.analysis")} defaultValue={f.value("analysis", assessment.analysis)} errors={f.errors("analysis")} rows={6} />
        </fieldset>
        <fieldset className="govuk-fieldset" disabled={!editable}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("assessment.childVoice")}</legend>
          {children.length ? null : <p className="govuk-body">{t("assessment.noChildren")}</p>}
          {children.map((c, j) => {
            const v = voiceFor(c.id);
            return (
              <div key={c.id} className="eh-need">
                <input type="hidden" name={`children[${j}].memberId`} value={c.id} />
                <h3 className="govuk-heading-s">
                  <bdi>
                    {c.firstName} {c.lastName}
                  </bdi>
                </h3>
                <TextArea name={`children[${j}].wishesAndFeelings`} label={t("assessment.wishes")} defaultValue={f.value(`children[${j}].wishesAndFeelings`, v?.wishesAndFeelings ?? "")} errors={f.errors(`children[${j}].wishesAndFeelings`)} rows={3} />
                <Checkbox name={`children[${j}].seenAlone`} label={t("assessment.seenAlone")} defaultChecked={f.checked(`children[${j}].seenAlone`, v?.seenAlone ?? false)} />
                <TextInput id={`f-children-${j}-directWorkTool`} name={`children[${j}].directWorkTool`} label={t("assessment.directWork")} hint={t("assessment.directWorkHint")} defaultValue={f.value(`children[${j}].directWorkTool`, v?.directWorkTool ?? "")} />
              </div>
            );
          })}
        </fieldset>
        {editable ? (
          <div className="govuk-button-group">
            <button type="submit" name="intent" value="save" className="govuk-button" data-module="govuk-button">
              {t("assessment.save")}
            </button>
            <button type="submit" name="intent" value="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t("assessment.submit")}
            </button>
          </div>
        ) : null}
      </Form>
      {canDecide && !signedOff ? (
        <Form method="post" action="?signoff=1" noValidate className="eh-panel">
          <CsrfInput />
          <input type="hidden" name="version" value={assessment.version} />
          <h2 className="govuk-heading-m">{t("assessment.signOffTitle")}</h2>
          <Radios
            name="outcome"
            legend={t("decision.outcome")}
            defaultValue={f.value("outcome")}
            errors={f.errors("outcome")}
            options={(["approve", "return_for_work"] as const).map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          />
          <TextArea name="rationale" label={t("decision.rationale")} hint={t("decision.rationaleHint")} errors={f.errors("rationale")} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("assessment.signOff")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
