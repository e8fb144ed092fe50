import path from "node:path";
import Backend from "i18next-fs-backend";
import ICU from "i18next-icu";
import { RemixI18Next } from "remix-i18next/server";
import i18nConfig from "~/i18n";
import { calendarCookie, langCookie } from "~/utils/cookies.server";
import { isCalendar, type Calendar, type DateLocale } from "~/utils/format";
import { DEFAULT_LANGUAGE, isLanguageCode, LANGUAGE_CODES, type LanguageCode } from "~/utils/languages";

/**
 * Per-request i18next. The language comes from `?lng=`, then the `lng` cookie, then
 * Accept-Language, then English. Messages use ICU syntax (plurals in every language).
 */
export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGE_CODES],
    fallbackLanguage: i18nConfig.fallbackLng,
    searchParamKey: "lng",
    cookie: langCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: {
    ...i18nConfig,
    backend: { loadPath: path.resolve("locales/{{lng}}/{{ns}}.json") },
  },
  plugins: [Backend, ICU],
});

/**
 * The language for this request: a valid `?lng=`, then the cookie, then
 * Accept-Language. An invalid `?lng=` is ignored here; the root loader answers it with a
 * 400 page (in the language that would otherwise apply).
 */
export async function resolveLanguage(request: Request): Promise<LanguageCode> {
  const param = new URL(request.url).searchParams.get("lng");
  if (isLanguageCode(param)) return param;
  const cookie: unknown = await langCookie.parse(request.headers.get("Cookie"));
  if (isLanguageCode(cookie)) return cookie;
  const headerOnly = new Request("http://localhost/", {
    headers: { "Accept-Language": request.headers.get("Accept-Language") ?? "" },
  });
  const detected = await i18nServer.getLocale(headerOnly);
  return isLanguageCode(detected) ? detected : DEFAULT_LANGUAGE;
}

/** A translation function for a loader or action, in the request's language. */
export async function getFixedT(request: Request, ns: string | readonly [string, ...string[]] = "common") {
  return i18nServer.getFixedT(await resolveLanguage(request), ns);
}

/**
 * The calendar for dates on this request: a valid `?cal=`, then the `cal` cookie, then
 * Gregorian. Solar Hijri applies only in the languages that offer it (see `calendarFor`).
 */
export async function resolveCalendar(request: Request): Promise<Calendar> {
  const param = new URL(request.url).searchParams.get("cal");
  if (isCalendar(param)) return param;
  const cookie: unknown = await calendarCookie.parse(request.headers.get("Cookie"));
  return isCalendar(cookie) ? cookie : "gregory";
}

/** The language and calendar to format this request's dates in (loaders and actions). */
export async function getDateLocale(request: Request): Promise<DateLocale> {
  return { lng: await resolveLanguage(request), calendar: await resolveCalendar(request) };
}
