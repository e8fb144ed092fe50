import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoDay, useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Checkbox, DateField, Radios, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { addCaseNote, getCaseNoteForm } from "~/models/casework/case-note.server";
import { CaseNoteSchema, FamilyParamsSchema, VISIT_TYPES } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Visit or note" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const { family, contactId } = await getCaseNoteForm(actor, familyId);
  const t = await getFixedT(request, "casework");
  return json({ title: t("note.title"), family: { id: family.id, name: family.name, reference: family.reference }, contactId });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: CaseNoteSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => addCaseNote(actor, familyId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/families/${familyId}/chronology`);
}

export default function NewNote() {
  const { family, contactId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const f = useFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/families/${family.id}`} className="govuk-back-link">
          {t("common.backToFamily")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <FamilyCaption family={family} />
        <h1 className="govuk-heading-l">{t("note.title")}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          {contactId ? <input type="hidden" name="contactId" value={contactId} /> : null}
          <DateField name="occurredOn" label={t("note.occurredOn")} defaultValue={f.value("occurredOn", isoDay(new Date()))} errors={f.errors("occurredOn")} />
          <Radios name="type" legend={t("note.type")} inline defaultValue={f.value("type", "home")} errors={f.errors("type")} options={VISIT_TYPES.map((v) => ({ value: v, label: t(`visitTypes.${v}`) }))} />
          <TextInput id="f-whoSeen" name="whoSeen" label={t("note.whoSeen")} defaultValue={f.value("whoSeen")} errors={f.errors("whoSeen")} />
          <Checkbox name="childSeenAlone" label={t("note.childSeenAlone")} defaultChecked={f.checked("childSeenAlone")} />
          <TextInput id="f-purpose" name="purpose" label={t("note.purpose")} defaultValue={f.value("purpose")} errors={f.errors("purpose")} />
          <TextArea name="whatHappened" label={t("note.whatHappened")} defaultValue={f.value("whatHappened")} errors={f.errors("whatHappened")} />
          <TextArea name="childVoice" label={t("note.childVoice")} hint={t("note.childVoiceHint")} defaultValue={f.value("childVoice")} errors={f.errors("childVoice")} rows={2} />
          <TextArea name="differenceMade" label={t("note.differenceMade")} hint={t("note.differenceMadeHint")} defaultValue={f.value("differenceMade")} errors={f.errors("differenceMade")} rows={2} />
          <TextArea name="nextSteps" label={t("note.nextSteps")} defaultValue={f.value("nextSteps")} errors={f.errors("nextSteps")} rows={2} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("note.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
