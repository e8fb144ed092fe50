import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDashboard } from "~/models/users/dashboard.server";
import { requireSignedIn } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { getRequestInfo } from "~/utils/request-info.server";
import { formatNumber } from "~/utils/format";

export const handle = { i18n: ["common", "home"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Early Help" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await requireSignedIn(request);
  const t = await getFixedT(request, "home");
  const dashboard = await getDashboard({ user: current.user, info: getRequestInfo(request) });
  return json({ title: t("title"), dashboard, name: current.user.name });
}

export default function Home() {
  const { dashboard, name } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("home");
  return (
    <>
      <h1 className="govuk-heading-l">{t("welcome", { name })}</h1>
      {dashboard.cards.length ? (
        <div className="eh-dashboard-cards">
          {dashboard.cards.map((card) => (
            <div key={card.key} className="eh-card">
              <h2 className="govuk-heading-s">{t(`cards.${card.key}.title`)}</h2>
              <span className="eh-card__figure">{formatNumber(card.value, i18n.language)}</span>
              {card.href ? (
                <Link to={card.href} className="govuk-link">
                  {t(`cards.${card.key}.link`)}
                </Link>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      <h2 className="govuk-heading-m">{t("rolesHeading")}</h2>
      <ul className="govuk-list govuk-list--bullet">
        {dashboard.roles.map((role) => (
          <li key={role}>{t(`roles.${role}`, { ns: "common" })}</li>
        ))}
      </ul>
      <p className="govuk-body">{t(`intro.${dashboard.primaryRole}`)}</p>
    </>
  );
}
