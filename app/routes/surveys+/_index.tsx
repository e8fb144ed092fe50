import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { createSurveyForYear, listSurveys } from "~/models/survey/survey.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";
import { getFixedT } from "~/utils/i18n.server";
import { surveyChange } from "~/utils/survey-action.server";

export const handle = { i18n: ["common", "surveys"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Parent surveys" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:survey");
  const t = await getFixedT(request, "surveys");
  const surveys = await listSurveys();
  const year = new Date().getUTCFullYear();
  return json({ title: t("list.title"), surveys, year, hasThisYear: surveys.some((s) => s.year === year), previous: surveys.find((s) => s.year < year)?.year ?? null });
}

const CreateSchema = z.strictObject({ intent: z.enum(["copy", "default"]) });

/** Creates this year's survey, copying last year's (or the default survey). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "manage:survey");
  const parsed = CreateSchema.safeParse(Object.fromEntries(await readForm(request, actor)));
  if (!parsed.success) throw errorResponse(400, "errors.badForm");
  let id = "";
  return surveyChange(
    async () => {
      id = (await createSurveyForYear(actor, new Date().getUTCFullYear(), undefined, { fromDefault: parsed.data.intent === "default" })).id;
    },
    () => redirect(`/surveys/${id}`),
  );
}

export default function Surveys() {
  const { surveys, year, hasThisYear, previous } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("surveys");
  const error = actionData && "error" in actionData ? (actionData.error as { key: string; values: Record<string, string> }) : null;
  return (
    <>
      {error ? (
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{t(error.key, error.values)}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("list.title")}</h1>
      <p className="govuk-body">{t("list.intro")}</p>
      {surveys.length ? (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("list.year")}</th>
              <th scope="col" className="govuk-table__header">{t("list.status")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("list.invitations")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("list.responses")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {surveys.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={`/surveys/${s.id}`} aria-label={t("list.view", { year: String(s.year) })}>
                    {s.year}
                  </a>
                </td>
                <td className="govuk-table__cell">
                  <strong className="govuk-tag">{t(`status.${s.status}`)}</strong>
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{s.invitations}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{s.responses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("list.none")}</p>
      )}
      {hasThisYear ? null : (
        <Form method="post">
          <CsrfInput />
          {previous ? <p className="govuk-body">{t("list.createHint", { previous: String(previous) })}</p> : null}
          <div className="govuk-button-group">
            <button type="submit" name="intent" value="copy" className="govuk-button">
              {t("list.create", { year: String(year) })}
            </button>
            <button type="submit" name="intent" value="default" className="govuk-button govuk-button--secondary">
              {t("list.createDefault", { year: String(year) })}
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
