import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoDay, useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, fieldId, Radios, TextArea } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { addReview } from "~/models/casework/review.server";
import { getPlan } from "~/models/casework/plan.server";
import { EpisodeParamsSchema, REVIEW_OUTCOMES, ReviewSchema } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { errorResponse } from "~/utils/http.server";
import { parseParams } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.family.name}` : "Review" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const { family, plan } = await getPlan(actor, familyId, contactId);
  if (!plan) throw errorResponse(404, "errors.notFound");
  const t = await getFixedT(request, "casework");
  const last = plan.reviews.at(-1);
  return json({
    title: t("review.title"),
    family: { id: family.id, name: family.name, reference: family.reference },
    contactId,
    outcomes: plan.outcomes.map((o) => ({ id: o.id, need: o.need, description: o.description, last: last?.scores.find((s) => s.outcomeId === o.id)?.score ?? null })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId, contactId } = parseParams(params, EpisodeParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ReviewSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => addReview(actor, familyId, contactId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/families/${familyId}/contacts/${contactId}/plan`);
}

export default function ReviewPage() {
  const { family, contactId, outcomes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const f = useFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/families/${family.id}/contacts/${contactId}/plan`} className="govuk-back-link">
          {t("common.backToPlan")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <FamilyCaption family={family} />
        <h1 className="govuk-heading-l">{t("review.title")}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <DateField name="heldOn" label={t("review.heldOn")} defaultValue={f.value("heldOn", isoDay(new Date()))} errors={f.errors("heldOn")} />
          {outcomes.length ? <p className="govuk-body">{t("review.scoresHint")}</p> : <p className="govuk-body">{t("review.noOutcomes")}</p>}
          {outcomes.map((o, i) => (
            <div key={o.id}>
              <input type="hidden" name={`scores[${i}].outcomeId`} value={o.id} />
              <TextInput
                id={fieldId(`scores[${i}].score`)}
                name={`scores[${i}].score`}
                inputMode="numeric"
                className="govuk-input--width-2"
                label={`${t(`needs.${o.need}`)}: ${o.description}`}
                hint={o.last !== null ? t("review.lastScore", { score: o.last }) : undefined}
                defaultValue={f.value(`scores[${i}].score`)}
                errors={f.errors(`scores[${i}].score`)}
              />
            </div>
          ))}
          <TextArea name="summary" label={t("review.summary")} hint={t("review.summaryHint")} defaultValue={f.value("summary")} errors={f.errors("summary")} />
          <Radios
            name="outcome"
            legend={t("review.outcome")}
            defaultValue={f.value("outcome")}
            errors={f.errors("outcome")}
            options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`review.outcomes.${o}`) }))}
          />
          <TextArea name="rationale" label={t("review.rationale")} hint={t("review.rationaleHint")} defaultValue={f.value("rationale")} errors={f.errors("rationale")} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("review.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
