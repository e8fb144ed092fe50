import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listGroups } from "~/models/groups/group.server";
import { seesMemberDetails } from "~/models/groups/access.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { getFixedT } from "~/utils/i18n.server";
import { userHasPermission } from "~/utils/permissions";

export const handle = { i18n: ["common", "groups"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Groups" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "read:group");
  const t = await getFixedT(request, "groups");
  const groups = await listGroups(actor);
  return json({ title: t("list.title"), groups, canCreate: userHasPermission(actor.user, "manage:group"), staff: seesMemberDetails(actor) });
}

export default function Groups() {
  const { groups, canCreate, staff } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("groups");
  const dates = useDateLocale();
  return (
    <>
      <h1 className="govuk-heading-l">{t("list.title")}</h1>
      <p className="govuk-body">{t("list.intro")}</p>
      <div className="eh-groups-actions">
        {canCreate ? (
          <Link to="/groups/new" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("staff.list.new")}
          </Link>
        ) : null}
        {staff ? (
          <Link to="/groups/reach" className="govuk-link govuk-body">
            {t("staff.list.reachAll")}
          </Link>
        ) : null}
      </div>
      <p className="govuk-body" suppressHydrationWarning>{t("list.count", { count: groups.length })}</p>
      {groups.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("list.title")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("fields.name")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.languages")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.members")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.lastMeeting")}</th>
              <th scope="col" className="govuk-table__header">{t("fields.status")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {groups.map((g) => (
              <tr key={g.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link to={`/groups/${g.id}`} className="govuk-link">
                    <bdi>{g.name}</bdi>
                  </Link>
                  {g.audienceTags.length ? (
                    <div className="govuk-body-s govuk-!-margin-bottom-0">{g.audienceTags.map((a) => t(`audience.${a}`)).join(" · ")}</div>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{g.languages.map((l) => t(`languages.${l}`, { ns: "common" })).join(", ")}</td>
                <td className="govuk-table__cell" suppressHydrationWarning>{formatNumber(g.members, i18n.language)}</td>
                <td className="govuk-table__cell" suppressHydrationWarning>{g.lastMeeting ? formatDate(g.lastMeeting, dates) : t("list.never")}</td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag${g.status === "active" ? " govuk-tag--green" : " govuk-tag--grey"}`}>{t(`status.${g.status}`)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("list.none")}</p>
      )}
    </>
  );
}
