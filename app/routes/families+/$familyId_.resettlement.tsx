import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoDay, useFormState } from "~/components/casework/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { fieldId } from "~/components/ui/fields";
import { getResettlement, saveResettlement } from "~/models/casework/family.server";
import { FamilyParamsSchema, RESETTLEMENT_ITEMS, ResettlementSchema } from "~/models/casework/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.family.name}` : "Resettlement" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const { family, tasks } = await getResettlement(actor, familyId);
  const t = await getFixedT(request, "casework");
  return json({ title: t("resettlement.title"), family: { id: family.id, name: family.name, reference: family.reference, scheme: family.resettlementScheme, arrivalDate: family.arrivalDate }, tasks });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:family");
  const { familyId } = parseParams(params, FamilyParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ResettlementSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => saveResettlement(actor, familyId, submission.value.items));
  if (!result.ok) return result.response;
  return redirect(`/families/${familyId}`);
}

export default function Resettlement() {
  const { family, tasks } = useLoaderData<typeof loader>();
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
        <h1 className="govuk-heading-l">{t("resettlement.title")}</h1>
        <p className="govuk-body">{t("resettlement.intro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          {RESETTLEMENT_ITEMS.map((item, i) => {
            const task = tasks.find((x) => x.item === item);
            return (
              <fieldset key={item} className="govuk-fieldset eh-need">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {t(`resettlement.items.${item}`)} {task?.doneOn ? <strong className="govuk-tag govuk-tag--green">{t("resettlement.done")}</strong> : null}
                </legend>
                <input type="hidden" name={`items[${i}].item`} value={item} />
                <DateField name={`items[${i}].doneOn`} label={t("resettlement.doneOn")} defaultValue={f.value(`items[${i}].doneOn`, isoDay(task?.doneOn))} errors={f.errors(`items[${i}].doneOn`)} />
                <TextInput id={fieldId(`items[${i}].notes`)} name={`items[${i}].notes`} label={t("resettlement.notes")} defaultValue={f.value(`items[${i}].notes`, task?.notes ?? "")} errors={f.errors(`items[${i}].notes`)} />
              </fieldset>
            );
          })}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("resettlement.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
