import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listCohorts } from "~/models/courses/cohort.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Parenting courses" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:cohort");
  const t = await getFixedT(request, "courses");
  return json({
    title: t("list.title"),
    cohorts: await listCohorts(actor),
    canCreate: userHasPermission(actor.user, "manage:cohort"),
    canProgrammes: userHasPermission(actor.user, "manage:programme"),
  });
}

export default function Courses() {
  const { cohorts, canCreate, canProgrammes } = useLoaderData<typeof loader>();
  const { t } = useTranslation("courses");
  const dates = useDateLocale();
  return (
    <>
      <h1 className="govuk-heading-l">{t("list.title")}</h1>
      {canCreate || canProgrammes ? (
        <ul className="govuk-list">
          {canCreate ? (
            <li>
              <Link className="govuk-link" to="/courses/new">
                {t("list.newCohort")}
              </Link>
            </li>
          ) : null}
          {canProgrammes ? (
            <li>
              <Link className="govuk-link" to="/courses/programmes">
                {t("list.programmes")}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      {cohorts.length ? (
        <div className="eh-courses-scroll">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("list.count", { count: cohorts.length })}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("list.cohort")}</th>
                <th scope="col" className="govuk-table__header">{t("list.starts")}</th>
                <th scope="col" className="govuk-table__header">{t("list.status")}</th>
                <th scope="col" className="govuk-table__header">{t("list.places")}</th>
                <th scope="col" className="govuk-table__header">{t("list.facilitators")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {cohorts.map((c) => (
                <tr key={c.id} className="govuk-table__row" data-status={c.status}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/courses/${c.id}`}>
                      {c.name}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{c.programme}</span>
                  </td>
                  <td className="govuk-table__cell">{formatDate(c.startDate, dates)}</td>
                  <td className="govuk-table__cell">{t(`cohortStatus.${c.status}`)}</td>
                  <td className="govuk-table__cell">
                    {t("list.placesValue", { taken: c.placesTaken, capacity: c.capacity })}
                    {c.waiting ? <><br />{t("list.waiting", { count: c.waiting })}</> : null}
                  </td>
                  <td className="govuk-table__cell">{c.facilitators.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="govuk-body">{t("list.none")}</p>
      )}
    </>
  );
}
