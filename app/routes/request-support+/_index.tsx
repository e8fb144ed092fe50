import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormState } from "~/components/casework/form-state";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Radios, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { createSupportRequest, SupportRequestSchema } from "~/models/casework/support-request.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { getRequestInfo } from "~/utils/request-info.server";

/** Public page for partners (no account). Ships no JavaScript. */
export const handle = { i18n: ["common", "casework"], hydrate: false };

/** A request for support is a few kilobytes; anything much larger is refused before it is read. */
const MAX_REQUEST_BYTES = 32 * 1024;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Request support for a family" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, "casework");
  return json({ title: t("request.title") });
}

export async function action({ request }: ActionFunctionArgs) {
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_REQUEST_BYTES) throw errorResponse(413, "errors.tooLarge");
  const form = await readForm(request, null);
  const submission = parseWithZod(form, { schema: SupportRequestSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => createSupportRequest(submission.value, getRequestInfo(request)));
  if (!result.ok) return result.response;
  return redirect(`/request-support/sent?ref=${encodeURIComponent(result.value)}`);
}

export default function RequestSupport() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const f = useFormState(actionData?.result);
  const input = (name: string, props: Partial<React.ComponentProps<typeof TextInput>> = {}) => (
    <TextInput id={`f-${name}`} name={name} label={t(`request.${name}`)} defaultValue={f.value(name)} errors={f.errors(name)} {...props} />
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.summary} />
        <h1 className="govuk-heading-l">{t("request.title")}</h1>
        <p className="govuk-body">{t("request.intro")}</p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("common.warning")}</span>
            {t("request.urgent")}
          </strong>
        </div>
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{t("request.aboutYou")}</h2>
          {input("referrerName", { autoComplete: "name" })}
          {input("referrerAgency", { autoComplete: "organization" })}
          {input("referrerEmail", { type: "email", autoComplete: "email", spellCheck: false })}
          {input("referrerPhone", { type: "tel", autoComplete: "tel" })}
          <h2 className="govuk-heading-m">{t("request.aboutFamily")}</h2>
          {input("familyName", { hint: t("request.familyNameHint") })}
          <TextArea name="familyAddress" label={t("request.familyAddress")} defaultValue={f.value("familyAddress")} errors={f.errors("familyAddress")} rows={3} />
          {input("familyPostcode", { className: "govuk-input--width-10" })}
          <TextArea name="children" label={t("request.children")} hint={t("request.childrenHint")} defaultValue={f.value("children")} errors={f.errors("children")} rows={3} />
          <TextArea name="concern" label={t("request.concern")} hint={t("request.concernHint")} defaultValue={f.value("concern")} errors={f.errors("concern")} rows={8} />
          <Radios
            name="familyConsents"
            legend={t("request.familyConsents")}
            hint={t("request.familyConsentsHint")}
            inline
            defaultValue={f.value("familyConsents")}
            errors={f.errors("familyConsents")}
            options={[
              { value: "yes", label: t("common.yes") },
              { value: "no", label: t("common.no") },
            ]}
          />
          <div className="eh-honeypot" aria-hidden="true">
            <label htmlFor="f-website">{t("request.website")}</label>
            <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("request.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
