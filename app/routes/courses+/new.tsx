import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCourseFormState } from "~/components/courses/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { Checkboxes } from "~/components/ui/choice-fields";
import { ErrorSummary } from "~/components/ui/error-summary";
import { DateField, Select } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { createCohort, listFacilitators } from "~/models/courses/cohort.server";
import { listProgrammes } from "~/models/courses/programme.server";
import { CohortSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "New cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:cohort");
  const t = await getFixedT(request, "courses");
  const [programmes, facilitators] = await Promise.all([listProgrammes(), listFacilitators()]);
  return json({
    title: t("newCohort.title"),
    programmes: programmes.map((p) => ({ id: p.id, name: p.name, sessionCount: p.sessionCount })),
    facilitators,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:cohort");
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: CohortSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => createCohort(actor, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/courses/${result.value.id}`);
}

export default function NewCohort() {
  const { programmes, facilitators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("courses");
  const f = useCourseFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/courses" className="govuk-back-link">
          {t("backToCourses")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <h1 className="govuk-heading-l">{t("newCohort.title")}</h1>
        {programmes.length ? (
          <Form method="post" noValidate>
            <CsrfInput />
            <Select
              name="programmeId"
              label={t("newCohort.programme")}
              defaultValue={f.value("programmeId")}
              errors={f.errors("programmeId")}
              options={programmes.map((p) => ({ value: p.id, label: t("newCohort.programmeOption", { name: p.name, count: p.sessionCount }) }))}
            />
            <TextInput id="f-name" name="name" label={t("newCohort.name")} hint={t("newCohort.nameHint")} defaultValue={f.value("name")} errors={f.errors("name")} />
            <DateField name="startDate" label={t("newCohort.startDate")} hint={t("newCohort.startDateHint")} defaultValue={f.value("startDate")} errors={f.errors("startDate")} />
            <TextInput id="f-startTime" name="startTime" className="govuk-input--width-5" label={t("newCohort.startTime")} hint={t("newCohort.startTimeHint")} defaultValue={f.value("startTime", "10:00")} errors={f.errors("startTime")} />
            <TextInput id="f-venue" name="venue" label={t("newCohort.venue")} defaultValue={f.value("venue")} errors={f.errors("venue")} />
            <TextInput id="f-onlineLink" name="onlineLink" type="url" label={t("newCohort.onlineLink")} hint={t("newCohort.onlineLinkHint")} defaultValue={f.value("onlineLink")} errors={f.errors("onlineLink")} />
            <Checkboxes id="f-languages" name="languages" legend={t("newCohort.languages")} options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} defaultValue={f.values("languages", ["en"])} errors={f.errors("languages")} />
            <TextInput id="f-interpreter" name="interpreter" label={t("newCohort.interpreter")} defaultValue={f.value("interpreter")} errors={f.errors("interpreter")} />
            <TextInput id="f-crechePlaces" name="crechePlaces" inputMode="numeric" className="govuk-input--width-3" label={t("newCohort.crechePlaces")} defaultValue={f.value("crechePlaces", "0")} errors={f.errors("crechePlaces")} />
            <TextInput id="f-capacity" name="capacity" inputMode="numeric" className="govuk-input--width-3" label={t("newCohort.capacity")} defaultValue={f.value("capacity", "12")} errors={f.errors("capacity")} />
            <Checkboxes
              id="f-facilitatorIds"
              name="facilitatorIds"
              legend={t("newCohort.facilitators")}
              options={facilitators.map((u) => ({ value: u.id, label: u.organisation ? `${u.name} (${u.organisation})` : u.name }))}
              defaultValue={f.values("facilitatorIds")}
              errors={f.errors("facilitatorIds")}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("newCohort.submit")}
            </button>
          </Form>
        ) : (
          <p className="govuk-body">{t("newCohort.noProgrammes")}</p>
        )}
      </div>
    </div>
  );
}
