import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormState } from "~/components/casework/form-state";
import { MemberFields } from "~/components/casework/member-fields";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Checkbox, DateField, Select } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { createFamily, findPossibleDuplicates } from "~/models/casework/family.server";
import { FamilySchema } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "New family" }];

const MEMBER_ROWS = 4;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "write:family");
  const t = await getFixedT(request, "casework");
  return json({ title: t("newFamily.title") });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: FamilySchema });
  if (submission.status !== "success") return invalid(submission);
  if (!submission.value.confirmNotDuplicate) {
    const duplicates = await findPossibleDuplicates(actor, submission.value);
    if (duplicates.length) {
      return json({ result: submission.reply({ formErrors: ["errors.possibleDuplicate"] }), duplicates }, { status: 409 });
    }
  }
  const result = await attempt(submission, () => createFamily(actor, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/families/${result.value.id}`);
}

export default function NewFamily() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const { t: tc } = useTranslation("common");
  const f = useFormState(actionData?.result);
  const duplicates: Array<{ id: string; name: string; reference: string }> = actionData && "duplicates" in actionData ? actionData.duplicates : [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/families" className="govuk-back-link">
          {t("newFamily.back")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <h1 className="govuk-heading-l">{t("newFamily.title")}</h1>
        {duplicates.length ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <div className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t("common.warning")}</span>
              {t("newFamily.duplicates")}
              <ul className="govuk-list">
                {duplicates.map((d) => (
                  <li key={d.id}>
                    <Link className="govuk-link" to={`/families/${d.id}`}>
                      <bdi>{d.name}</bdi> (<bdi>{d.reference}</bdi>)
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput id="f-name" name="name" label={t("newFamily.name")} hint={t("newFamily.nameHint")} defaultValue={f.value("name")} errors={f.errors("name")} />
          <TextInput id="f-addressLine1" name="addressLine1" label={t("newFamily.address")} autoComplete="off" defaultValue={f.value("addressLine1")} errors={f.errors("addressLine1")} />
          <TextInput id="f-town" name="town" label={t("newFamily.town")} defaultValue={f.value("town")} errors={f.errors("town")} />
          <TextInput id="f-postcode" name="postcode" label={t("newFamily.postcode")} className="govuk-input--width-10" defaultValue={f.value("postcode")} errors={f.errors("postcode")} />
          <Select
            name="preferredLanguage"
            label={t("newFamily.language")}
            defaultValue={f.value("preferredLanguage", "en")}
            options={LANGUAGES.map((l) => ({ value: l.code, label: tc(`languages.${l.code}`) }))}
          />
          <Select
            name="resettlementScheme"
            label={t("newFamily.scheme")}
            defaultValue={f.value("resettlementScheme", "")}
            errors={f.errors("resettlementScheme")}
            options={[{ value: "", label: t("newFamily.noScheme") }, ...["ACRS", "ARAP", "HOMES_FOR_UKRAINE", "OTHER"].map((s) => ({ value: s, label: t(`schemes.${s}`) }))]}
          />
          <DateField name="arrivalDate" label={t("newFamily.arrivalDate")} defaultValue={f.value("arrivalDate")} errors={f.errors("arrivalDate")} />
          {Array.from({ length: MEMBER_ROWS }, (_, i) => (
            <fieldset key={i} className="govuk-fieldset eh-panel">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("newFamily.member", { n: i + 1 })}</legend>
              <MemberFields prefix={`members[${i}].`} f={f} member={{ kind: i === 0 ? "adult" : "child" }} />
            </fieldset>
          ))}
          {duplicates.length ? <Checkbox name="confirmNotDuplicate" label={t("newFamily.confirmNotDuplicate")} /> : null}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("newFamily.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
