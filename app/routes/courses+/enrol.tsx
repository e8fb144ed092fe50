import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getFamilyForEnrolment } from "~/models/courses/enrolment.server";
import { listOpenCohorts } from "~/models/courses/cohort.server";
import { IdSchema } from "~/models/courses/schemas";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { getFixedT } from "~/utils/i18n.server";
import { parseQuery } from "~/utils/query.server";
import { FamilyCaption } from "~/components/casework/family-caption";

export const handle = { i18n: ["common", "courses"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Enrol on a course" }];

const QuerySchema = z.strictObject({ familyId: IdSchema });

/** From a family record: choose the cohort, then the parent. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "write:cohort");
  const { familyId } = parseQuery(request, QuerySchema);
  const family = await getFamilyForEnrolment(actor, familyId);
  const t = await getFixedT(request, "courses");
  return json({ title: t("enrolFromFamily.title"), family: { id: family.id, name: family.name, reference: family.reference }, cohorts: await listOpenCohorts(actor) });
}

export default function EnrolFromFamily() {
  const { family, cohorts } = useLoaderData<typeof loader>();
  const { t } = useTranslation("courses");
  const dates = useDateLocale();
  return (
    <>
      <Link to={`/families/${family.id}`} className="govuk-back-link">
        {t("backToFamily")}
      </Link>
      <FamilyCaption family={family} />
      <h1 className="govuk-heading-l">{t("enrolFromFamily.title")}</h1>
      {cohorts.length ? (
        <ul className="govuk-list">
          {cohorts.map((c) => (
            <li key={c.id}>
              <Link className="govuk-link" to={`/courses/${c.id}/enrol?familyId=${family.id}`}>
                {t("enrolFromFamily.option", { name: c.name, programme: c.programme, date: formatDate(c.startDate, dates), taken: c.placesTaken, capacity: c.capacity })}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">{t("enrolFromFamily.none")}</p>
      )}
    </>
  );
}
