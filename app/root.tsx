import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { Footer } from "~/components/footer";
import { Header } from "~/components/header";
import { LanguageBar } from "~/components/language-bar";
import ltrStyles from "~/styles/generated/app.css";
import rtlStyles from "~/styles/generated/app.rtl.css";
import { calendarCookie, langCookie } from "~/utils/cookies.server";
import { getEnv } from "~/utils/env.server";
import { errorResponse } from "~/utils/http.server";
import { isCalendar } from "~/utils/format";
import { resolveCalendar, resolveLanguage } from "~/utils/i18n.server";
import { hydratesIn, isLanguageCode, languageDir } from "~/utils/languages";
import { useNonce } from "~/utils/nonce";
import { getRequestInfo } from "~/utils/request-info.server";
import { csrfTokenFor, getCurrentSession } from "~/utils/session.server";

export const handle = { i18n: ["common"] };

export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const lngParam = url.searchParams.get("lng");
  if (lngParam !== null && !isLanguageCode(lngParam)) {
    throw errorResponse(400, "errors.unknownLanguage");
  }
  const calParam = url.searchParams.get("cal");
  if (calParam !== null && !isCalendar(calParam)) throw errorResponse(400, "errors.unknownCalendar");
  const locale = await resolveLanguage(request);
  const calendar = await resolveCalendar(request);
  const current = await getCurrentSession(request);
  const env = getEnv();
  const headers = new Headers();
  if (lngParam !== null) headers.append("Set-Cookie", await langCookie.serialize(locale));
  if (calParam !== null) headers.append("Set-Cookie", await calendarCookie.serialize(calendar));
  return json(
    {
      locale,
      calendar,
      councilName: env.COUNCIL_NAME,
      serviceName: env.SERVICE_NAME,
      requestId: getRequestInfo(request).requestId,
      user: current
        ? { id: current.user.id, name: current.user.name, roles: current.user.roles, teamName: current.user.teamName }
        : null,
      csrf: current ? csrfTokenFor(current.sessionId) : null,
    },
    { headers },
  );
}

export type RootLoaderData = typeof loader;

export const meta: MetaFunction = () => [{ title: "Early Help" }];

/** Routes that set `handle.hydrate = false` (the parents' survey pages) ship no JavaScript. */
function useShouldHydrate(): boolean {
  return !useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootLoaderData>("root");
  const { i18n } = useTranslation();
  const locale = data?.locale ?? i18n.language ?? "en";
  const dir = languageDir(locale);
  const nonce = useNonce();
  const hydrate = useShouldHydrate() && hydratesIn(locale);
  useChangeLanguage(locale);
  return (
    <html lang={locale} dir={dir} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d70b8" />
        <link rel="stylesheet" href={dir === "rtl" ? rtlStyles : ltrStyles} />
        {dir === "rtl" ? <link rel="stylesheet" href="/fonts/arabic-script.css" /> : null}
        {locale === "bn" ? <link rel="stylesheet" href="/fonts/bengali.css" /> : null}
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

function Page({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootLoaderData>("root");
  const { t } = useTranslation();
  // The parents' survey pages offer only the survey's languages, in their own switcher.
  const languageBar = !useMatches().some((m) => (m.handle as { languageBar?: boolean } | undefined)?.languageBar === false);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        {t("layout.skipLink")}
      </a>
      <Header
        councilName={data?.councilName ?? "Demo Borough Council"}
        serviceName={data?.serviceName ?? "Early Help"}
        user={data?.user ?? null}
        csrf={data?.csrf ?? null}
      />
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">{t("layout.phase")}</strong>
            <span className="govuk-phase-banner__text">{t("layout.phaseText")}</span>
          </p>
        </div>
        {languageBar ? <LanguageBar /> : null}
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}

export default function App() {
  return (
    <Page>
      <Outlet />
    </Page>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const data = useRouteLoaderData<RootLoaderData>("root");
  let title = t("errors.problemTitle");
  let message = t("errors.problem");
  if (isRouteErrorResponse(error)) {
    const payload = error.data as { messageKey?: string; values?: Record<string, string | number> } | null;
    const titleKey = `errors.status${error.status}`;
    title = t(titleKey, { defaultValue: t("errors.problemTitle") });
    if (payload && typeof payload === "object" && payload.messageKey) {
      message = t(payload.messageKey, payload.values ?? {});
    } else if (error.status === 404) {
      message = t("errors.notFound");
    }
  } else {
    console.error(error);
  }
  return (
    <Page>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">{message}</p>
          {data?.requestId && !isRouteErrorResponse(error) ? (
            <p className="govuk-body">{t("errors.reference", { id: data.requestId })}</p>
          ) : null}
          <p className="govuk-body">
            <a href="/" className="govuk-link">
              {t("errors.goHome")}
            </a>
          </p>
        </div>
      </div>
    </Page>
  );
}
