import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoDay, useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, Radios, Select, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { createContact } from "~/models/casework/episode.server";
import { readFamily } from "~/models/casework/access.server";
import { CONSENT_STATUSES, CONTACT_SOURCES, ContactSchema, FamilyParamsSchema } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";
import { parseParams } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Record a contact" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const family = await readFamily(actor, familyId, { permission: "write:family" });
  const t = await getFixedT(request, "casework");
  return json({ title: t("contact.title"), family: { id: family.id, name: family.name, reference: family.reference }, canOverride: userHasPermission(actor.user, "decide:family") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ContactSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => createContact(actor, familyId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/families/${familyId}/contacts/${result.value.id}`);
}

export default function NewContact() {
  const { family, canOverride } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const f = useFormState(actionData?.result);
  const statuses = CONSENT_STATUSES.filter((s) => canOverride || s !== "overridden");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/families/${family.id}`} className="govuk-back-link">
          {t("common.backToFamily")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <FamilyCaption family={family} />
        <h1 className="govuk-heading-l">{t("contact.title")}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <DateField name="receivedOn" label={t("contact.receivedOn")} hint={t("common.dateHint")} defaultValue={f.value("receivedOn", isoDay(new Date()))} errors={f.errors("receivedOn")} />
          <Select
            name="source"
            label={t("contact.source")}
            defaultValue={f.value("source", "MASH")}
            errors={f.errors("source")}
            options={CONTACT_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
          />
          <TextInput id="f-sourceDetail" name="sourceDetail" label={t("contact.sourceDetail")} hint={t("contact.sourceDetailHint")} defaultValue={f.value("sourceDetail")} errors={f.errors("sourceDetail")} />
          <TextArea name="reason" label={t("contact.reason")} hint={t("contact.reasonHint")} defaultValue={f.value("reason")} errors={f.errors("reason")} rows={6} />
          <TextInput
            id="f-assessmentDays"
            name="assessmentDays"
            inputMode="numeric"
            className="govuk-input--width-3"
            label={t("contact.assessmentDays")}
            hint={t("contact.assessmentDaysHint")}
            defaultValue={f.value("assessmentDays", "45")}
            errors={f.errors("assessmentDays")}
          />
          <Radios
            name="consentStatus"
            legend={t("contact.consent")}
            hint={t("contact.consentHint")}
            defaultValue={f.value("consentStatus")}
            errors={f.errors("consentStatus")}
            options={statuses.map((s) => ({ value: s, label: t(`consentStatuses.${s}`) }))}
          />
          {canOverride ? (
            <TextArea name="overrideReason" label={t("consent.overrideReason")} hint={t("consent.overrideReasonHint")} defaultValue={f.value("overrideReason")} errors={f.errors("overrideReason")} />
          ) : null}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("contact.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
