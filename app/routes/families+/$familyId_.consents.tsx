import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoDay, useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, Radios, Select, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { getConsents, recordConsent } from "~/models/casework/episode.server";
import { CONSENT_PURPOSES, CONSENT_STATUSES, ConsentSchema, FamilyParamsSchema } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";
import { parseParams } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.family.name}` : "Consent" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const { family, consents, current } = await getConsents(actor, familyId);
  const t = await getFixedT(request, "casework");
  return json({
    title: t("consent.title"),
    family: { id: family.id, name: family.name, reference: family.reference },
    consents,
    currentIds: current.map((c) => c.id),
    canWrite: userHasPermission(actor.user, "write:family"),
    canOverride: userHasPermission(actor.user, "decide:family"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ConsentSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => recordConsent(actor, familyId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/families/${familyId}/consents`);
}

export default function Consents() {
  const { family, consents, currentIds, canWrite, canOverride } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const dates = useDateLocale();
  const f = useFormState(actionData?.result);
  return (
    <>
      <Link to={`/families/${family.id}`} className="govuk-back-link">
        {t("common.backToFamily")}
      </Link>
      <ErrorSummary errors={f.summary} />
      <FamilyCaption family={family} />
      <h1 className="govuk-heading-l">{t("consent.title")}</h1>
      <p className="govuk-body">{t("consent.intro")}</p>
      {consents.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("consent.history")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("consent.recordedOn")}</th>
              <th scope="col" className="govuk-table__header">{t("consent.purpose")}</th>
              <th scope="col" className="govuk-table__header">{t("consent.status")}</th>
              <th scope="col" className="govuk-table__header">{t("consent.override")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {consents.map((c) => (
              <tr key={c.id} className="govuk-table__row">
                <td className="govuk-table__cell">{formatDate(c.recordedOn, dates)}</td>
                <td className="govuk-table__cell">
                  {t(`consentPurposes.${c.purpose}`)}
                  {c.agencyName ? (
                    <>
                      {": "}
                      <bdi>{c.agencyName}</bdi>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">
                  {t(`consentStatuses.${c.status}`)} {currentIds.includes(c.id) ? <strong className="govuk-tag">{t("consent.current")}</strong> : null}
                </td>
                <td className="govuk-table__cell">
                  {c.overrideReason ? (
                    <>
                      <span className="eh-pre-line">{c.overrideReason}</span>
                      {c.overrideLead ? (
                        <>
                          {" · "}
                          <bdi>{c.overrideLead.name}</bdi>
                        </>
                      ) : null}
                    </>
                  ) : (
                    ""
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("consent.none")}</p>
      )}
      {canWrite ? (
        <Form method="post" noValidate className="eh-panel">
          <CsrfInput />
          <h2 className="govuk-heading-m">{t("consent.add")}</h2>
          <Select name="purpose" label={t("consent.purpose")} defaultValue={f.value("purpose")} errors={f.errors("purpose")} options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consentPurposes.${p}`) }))} />
          <TextInput id="f-agencyName" name="agencyName" label={t("consent.agencyName")} hint={t("consent.agencyNameHint")} defaultValue={f.value("agencyName")} errors={f.errors("agencyName")} />
          <Radios
            name="status"
            legend={t("consent.status")}
            defaultValue={f.value("status")}
            errors={f.errors("status")}
            options={CONSENT_STATUSES.filter((s) => canOverride || s !== "overridden").map((s) => ({ value: s, label: t(`consentStatuses.${s}`) }))}
          />
          {canOverride ? <TextArea name="overrideReason" label={t("consent.overrideReason")} hint={t("consent.overrideReasonHint")} defaultValue={f.value("overrideReason")} errors={f.errors("overrideReason")} /> : null}
          <DateField name="recordedOn" label={t("consent.recordedOn")} defaultValue={f.value("recordedOn", isoDay(new Date()))} errors={f.errors("recordedOn")} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("consent.submit")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
