import { Form, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Role } from "~/generated/prisma/enums";
import { userHasPermission, type PermissionString } from "~/utils/permissions";

type HeaderUser = { id: string; name: string; roles: Role[]; teamName: string | null };

type NavItem = { to: string; labelKey: string; permission?: PermissionString };

/** Navigation by role: an item shows only when the user holds its permission. */
const NAV: NavItem[] = [
  { to: "/", labelKey: "nav.home" },
  { to: "/families", labelKey: "nav.families", permission: "read:family" },
  { to: "/caseload", labelKey: "nav.caseload", permission: "read:family" },
  { to: "/triage", labelKey: "nav.triage", permission: "decide:family" },
  { to: "/supervision", labelKey: "nav.supervision", permission: "read:supervision" },
  { to: "/courses", labelKey: "nav.courses", permission: "read:cohort" },
  { to: "/groups", labelKey: "nav.groups", permission: "read:group" },
  { to: "/surveys", labelKey: "nav.surveys", permission: "manage:survey" },
  { to: "/admin/users", labelKey: "nav.users", permission: "manage:user" },
  { to: "/reports", labelKey: "nav.reports", permission: "read:report" },
  { to: "/retention", labelKey: "nav.retention", permission: "manage:family" },
  { to: "/audit", labelKey: "nav.audit", permission: "read:audit" },
];

export function Header({
  councilName,
  serviceName,
  user,
  csrf,
}: {
  councilName: string;
  serviceName: string;
  user: HeaderUser | null;
  csrf: string | null;
}) {
  const { t } = useTranslation();
  const items = NAV.filter((item) => !item.permission || userHasPermission(user, item.permission));
  return (
    <>
      <header className="govuk-generic-header eh-header">
        <div className="govuk-generic-header__container govuk-width-container eh-header__row">
          <div className="govuk-generic-header__logo">
            <a href="/" className="govuk-generic-header__homepage-link">
              <span className="eh-header__council">{councilName}</span>
              <span className="eh-header__service">{serviceName}</span>
            </a>
          </div>
          {user ? (
            <div className="eh-header__user govuk-body-s">
              <span>
                {t("layout.signedInAs", { name: user.name })}
                {user.teamName ? ` · ${user.teamName}` : ""}
              </span>
              <a href="/account/password" className="eh-header__signout">
                {t("layout.changePassword")}
              </a>
              <Form method="post" action="/logout" className="eh-inline-form">
                {csrf ? <input type="hidden" name="csrf" value={csrf} /> : null}
                <button type="submit" className="eh-link-button eh-header__signout">
                  {t("layout.signOut")}
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      </header>
      {user ? (
        <section className="govuk-service-navigation" aria-label={t("layout.serviceMenu")}>
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <nav aria-label={t("layout.menu")} className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list">
                  {items.map((item) => (
                    <li key={item.to} className="govuk-service-navigation__item">
                      <NavLink to={item.to} end={item.to === "/"} className="govuk-service-navigation__link">
                        {t(item.labelKey)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
