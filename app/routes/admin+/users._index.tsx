import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listUsers } from "~/models/users/user.server";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { useDateLocale } from "~/utils/use-date-locale";
import { getFixedT } from "~/utils/i18n.server";

export const handle = { i18n: ["common", "admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Users" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "manage:user");
  const t = await getFixedT(request, "admin");
  return json({ title: t("users.title"), users: await listUsers(actor) });
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const dates = useDateLocale();
  return (
    <>
      <h1 className="govuk-heading-l">{t("users.title")}</h1>
      <Link to="/admin/users/new" className="govuk-button" role="button">
        {t("users.add")}
      </Link>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("users.name")}</th>
            <th scope="col" className="govuk-table__header">{t("users.email")}</th>
            <th scope="col" className="govuk-table__header">{t("users.roles")}</th>
            <th scope="col" className="govuk-table__header">{t("users.team")}</th>
            <th scope="col" className="govuk-table__header">{t("users.lastSignIn")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {users.map((u) => (
            <tr key={u.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Link to={`/admin/users/${u.id}`} className="govuk-link">
                  <bdi>{u.name}</bdi>
                </Link>
                {u.disabledAt ? <strong className="govuk-tag govuk-tag--grey govuk-!-margin-inline-start-2">{t("users.disabled")}</strong> : null}
              </td>
              <td className="govuk-table__cell">
                <bdi>{u.email}</bdi>
              </td>
              <td className="govuk-table__cell">{u.roles.map((r) => t(`roles.${r}`, { ns: "common" })).join(", ")}</td>
              <td className="govuk-table__cell">{u.team?.name ?? u.organisation ?? ""}</td>
              <td className="govuk-table__cell">{u.lastSignInAt ? formatDateTime(u.lastSignInAt, dates) : t("users.never")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
