import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { useCourseFormState } from "~/components/courses/form-state";
import { ProgrammeForm } from "~/components/courses/programme-form";
import { ErrorSummary } from "~/components/ui/error-summary";
import { getMeasures } from "~/models/courses/measure.server";
import { getProgramme, updateProgramme } from "~/models/courses/programme.server";
import { IdSchema, ProgrammeEditSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { attempt, invalid } from "~/utils/casework-action.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/utils/i18n.server";
import { parseParams } from "~/utils/query.server";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Change programme" }];

const ParamsSchema = z.object({ programmeId: IdSchema });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:programme");
  const { programmeId } = parseParams(params, ParamsSchema);
  const programme = await getProgramme(programmeId);
  const t = await getFixedT(request, "courses");
  const measures = await getMeasures();
  return json({
    title: t("programmes.changeTitle"),
    inUse: programme._count.cohorts,
    programme: {
      id: programme.id,
      name: programme.name,
      description: programme.description,
      sessionCount: programme.sessionCount,
      sessionMinutes: programme.sessionMinutes,
      completionRule: programme.completionRule,
      completionValue: programme.completionValue,
      measureKeys: programme.measureKeys,
      languages: programme.languages,
      version: programme.version,
    },
    measures: [...measures.values()].map((m) => ({ key: m.key, name: m.name })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:programme");
  const { programmeId } = parseParams(params, ParamsSchema);
  const form = await readForm(request, actor);
  const submission = parseWithZod(form, { schema: ProgrammeEditSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await attempt(submission, () => updateProgramme(actor, programmeId, submission.value));
  if (!result.ok) return result.response;
  return redirect("/courses/programmes");
}

export default function ChangeProgramme() {
  const { programme, measures, inUse } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("courses");
  const f = useCourseFormState(actionData?.result);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/courses/programmes" className="govuk-back-link">
          {t("programmes.back")}
        </Link>
        <ErrorSummary errors={f.summary} />
        <span className="govuk-caption-l">
          <bdi>{programme.name}</bdi>
        </span>
        <h1 className="govuk-heading-l">{t("programmes.changeTitle")}</h1>
        <ProgrammeForm f={f} measures={measures} values={programme} inUse={inUse} submitLabel={t("programmes.save")} />
      </div>
    </div>
  );
}
