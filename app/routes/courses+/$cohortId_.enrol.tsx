import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { useCourseFormState } from "~/components/courses/form-state";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Radios, Select } from "~/components/ui/fields";
import { TextInput } from "~/components/ui/text-input";
import { enrol, getFamilyForEnrolment } from "~/models/courses/enrolment.server";
import { requireCohort } from "~/models/courses/access.server";
import { CohortParamsSchema, EnrolSchema, IdSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { LANGUAGES } from "~/utils/languages";
import { parseParams, parseQuery } from "~/utils/query.server";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Enrol" }];

const QuerySchema = z.strictObject({ familyId: IdSchema.optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:cohort");
  const { cohortId } = parseParams(params, CohortParamsSchema);
  const { familyId } = parseQuery(request, QuerySchema);
  const cohort = await requireCohort(actor, cohortId, "write:cohort");
  const family = familyId ? await getFamilyForEnrolment(actor, familyId) : null;
  const t = await getFixedT(request, "courses");
  return json({ title: t("enrol.title", { cohort: cohort.name }), cohort: { id: cohort.id, name: cohort.name, programme: cohort.programme.name }, family });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "write:cohort");
  const { cohortId } = parseParams(params, CohortParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: EnrolSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => enrol(actor, cohortId, submission.value));
  if (!result.ok) return result.response;
  return redirect(`/courses/${cohortId}`);
}

const STATUSES = ["enrolled", "offered", "referred", "waiting"] as const;

export default function Enrol() {
  const { cohort, family } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("courses");
  const f = useCourseFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/courses/${cohort.id}`} className="govuk-back-link">
          {t("backToCohort")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <span className="govuk-caption-l">{cohort.programme}</span>
        <h1 className="govuk-heading-l">{t("enrol.heading", { cohort: cohort.name })}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          {family ? (
            <>
              <input type="hidden" name="familyId" value={family.id} />
              <Radios
                name="familyMemberId"
                legend={t("enrol.whichParent", { family: family.name })}
                defaultValue={f.value("familyMemberId", family.members.length === 1 ? family.members[0]!.id : undefined)}
                errors={f.errors("familyMemberId") ?? f.errors("name")}
                options={family.members.map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` }))}
              />
            </>
          ) : (
            <>
              <p className="govuk-body">{t("enrol.selfReferralHint")}</p>
              <TextInput id="f-name" name="name" label={t("enrol.name")} autoComplete="off" defaultValue={f.value("name")} errors={f.errors("name")} />
              <TextInput id="f-phone" name="phone" type="tel" label={t("enrol.phone")} autoComplete="off" defaultValue={f.value("phone")} errors={f.errors("phone")} />
              <TextInput id="f-email" name="email" type="email" label={t("enrol.email")} autoComplete="off" defaultValue={f.value("email")} errors={f.errors("email")} />
              <Select
                name="preferredLanguage"
                label={t("enrol.language")}
                defaultValue={f.value("preferredLanguage", "en")}
                errors={f.errors("preferredLanguage")}
                options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
              />
            </>
          )}
          <Radios
            name="status"
            legend={t("enrol.status")}
            hint={t("enrol.statusHint")}
            defaultValue={f.value("status", "enrolled")}
            errors={f.errors("status")}
            options={STATUSES.map((s) => ({ value: s, label: t(`enrolmentStatus.${s}`) }))}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("enrol.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
