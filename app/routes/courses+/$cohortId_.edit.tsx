import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCourseFormState } from "~/components/courses/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { Checkboxes } from "~/components/ui/choice-fields";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Radios } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { getCohortForEdit, listFacilitators, updateCohort } from "~/models/courses/cohort.server";
import { CohortEditSchema, CohortParamsSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Change cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:cohort");
  const { cohortId } = parseParams(params, CohortParamsSchema);
  const cohort = await getCohortForEdit(actor, cohortId);
  const t = await getFixedT(request, "courses");
  return json({
    title: t("editCohort.title"),
    cohort: {
      id: cohort.id,
      name: cohort.name,
      venue: cohort.venue,
      onlineLink: cohort.onlineLink,
      languages: cohort.languages,
      interpreter: cohort.interpreter,
      crechePlaces: cohort.crechePlaces,
      capacity: cohort.capacity,
      status: cohort.status,
      facilitatorIds: cohort.facilitatorIds,
    },
    facilitators: await listFacilitators(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:cohort");
  const { cohortId } = parseParams(params, CohortParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: CohortEditSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => updateCohort(actor, cohortId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/courses/${cohortId}`);
}

export default function EditCohort() {
  const { cohort: c, facilitators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("courses");
  const f = useCourseFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/courses/${c.id}`} className="govuk-back-link">
          {t("backToCohort")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <span className="govuk-caption-l">{c.name}</span>
        <h1 className="govuk-heading-l">{t("editCohort.title")}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput id="f-name" name="name" label={t("newCohort.name")} defaultValue={f.value("name", c.name)} errors={f.errors("name")} />
          <TextInput id="f-venue" name="venue" label={t("newCohort.venue")} defaultValue={f.value("venue", c.venue)} errors={f.errors("venue")} />
          <TextInput id="f-onlineLink" name="onlineLink" type="url" label={t("newCohort.onlineLink")} hint={t("newCohort.onlineLinkHint")} defaultValue={f.value("onlineLink", c.onlineLink)} errors={f.errors("onlineLink")} />
          <Checkboxes id="f-languages" name="languages" legend={t("newCohort.languages")} options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} defaultValue={f.values("languages", c.languages)} errors={f.errors("languages")} />
          <TextInput id="f-interpreter" name="interpreter" label={t("newCohort.interpreter")} defaultValue={f.value("interpreter", c.interpreter)} errors={f.errors("interpreter")} />
          <TextInput id="f-crechePlaces" name="crechePlaces" inputMode="numeric" className="govuk-input--width-3" label={t("newCohort.crechePlaces")} defaultValue={f.value("crechePlaces", String(c.crechePlaces))} errors={f.errors("crechePlaces")} />
          <TextInput id="f-capacity" name="capacity" inputMode="numeric" className="govuk-input--width-3" label={t("newCohort.capacity")} defaultValue={f.value("capacity", String(c.capacity))} errors={f.errors("capacity")} />
          <Checkboxes
            id="f-facilitatorIds"
            name="facilitatorIds"
            legend={t("newCohort.facilitators")}
            options={facilitators.map((u) => ({ value: u.id, label: u.organisation ? `${u.name} (${u.organisation})` : u.name }))}
            defaultValue={f.values("facilitatorIds", c.facilitatorIds)}
            errors={f.errors("facilitatorIds")}
          />
          <Radios
            name="status"
            legend={t("editCohort.status")}
            defaultValue={f.value("status", c.status)}
            errors={f.errors("status")}
            options={(["planned", "running", "cancelled"] as const).map((s) => ({ value: s, label: t(`cohortStatus.${s}`) }))}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("editCohort.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
