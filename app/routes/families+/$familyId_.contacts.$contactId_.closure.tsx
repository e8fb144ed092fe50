import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoDay, useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, Radios, TextArea } from "~/components/ui/fields";
import { closeEpisode, getClosureForm } from "~/models/casework/closure.server";
import { CLOSURE_REASONS, ClosureSchema, EpisodeParamsSchema, NEED_RESULTS } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.family.name}` : "Close" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "decide:family");
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const { family, contact, needs } = await getClosureForm(actor, familyId, contactId);
  const t = await getFixedT(request, "casework");
  return json({ title: t("closure.title"), family: { id: family.id, name: family.name, reference: family.reference }, contactId, needs, steppedUp: contact.status === "stepped_up" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "decide:family");
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ClosureSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => closeEpisode(actor, familyId, contactId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/families/${familyId}/contacts/${contactId}`);
}

export default function ClosurePage() {
  const { family, contactId, needs, steppedUp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const f = useFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/families/${family.id}/contacts/${contactId}`} className="govuk-back-link">
          {t("common.backToEpisode")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <FamilyCaption family={family} />
        <h1 className="govuk-heading-l">{t("closure.title")}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <DateField name="closedOn" label={t("closure.closedOn")} defaultValue={f.value("closedOn", isoDay(new Date()))} errors={f.errors("closedOn")} />
          <Radios
            name="reason"
            legend={t("closure.reason")}
            defaultValue={f.value("reason", steppedUp ? "stepped_up" : undefined)}
            errors={f.errors("reason")}
            options={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`closureReasons.${r}`) }))}
          />
          {needs.length ? <h2 className="govuk-heading-m">{t("closure.outcomes")}</h2> : null}
          {needs.map((n, i) => (
            <div key={n}>
              <input type="hidden" name={`outcomes[${i}].need`} value={n} />
              <Radios
                name={`outcomes[${i}].result`}
                legend={t(`needs.${n}`)}
                inline
                small
                defaultValue={f.value(`outcomes[${i}].result`)}
                errors={f.errors(`outcomes[${i}].result`)}
                options={NEED_RESULTS.map((r) => ({ value: r, label: t(`needResults.${r}`) }))}
              />
            </div>
          ))}
          <TextArea name="summary" label={t("closure.summary")} hint={t("closure.summaryHint")} defaultValue={f.value("summary")} errors={f.errors("summary")} rows={5} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("closure.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
