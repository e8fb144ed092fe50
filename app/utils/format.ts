/** The calendars a reader can see dates in. Gregorian unless they choose otherwise. */
export const CALENDARS = ["gregory", "persian"] as const;
export type Calendar = (typeof CALENDARS)[number];

export function isCalendar(value: unknown): value is Calendar {
  return typeof value === "string" && (CALENDARS as readonly string[]).includes(value);
}

/** Languages whose readers may choose the Solar Hijri calendar (Afghanistan's civil calendar). */
export const SOLAR_HIJRI_LANGUAGES: readonly string[] = ["fa-AF", "ps"];

export function offersSolarHijri(lng: string): boolean {
  return SOLAR_HIJRI_LANGUAGES.includes(lng);
}

/**
 * A language with the calendar the reader chose. A bare language tag means Gregorian:
 * pass one where a date is a Gregorian bucket (a month of a report) rather than a day.
 */
export type DateLocale = { lng: string; calendar?: Calendar };

function languageOf(locale: string | DateLocale): string {
  return typeof locale === "string" ? locale : locale.lng;
}

/** The calendar a date is shown in: Solar Hijri only where chosen and offered for the language. */
export function calendarFor(locale: string | DateLocale): Calendar {
  return typeof locale !== "string" && locale.calendar === "persian" && offersSolarHijri(locale.lng) ? "persian" : "gregory";
}

/**
 * Intl locale for a language tag: English here is British English (day/month/year), and
 * Arabic uses Arabic-Indic digits (ICU's plain "ar" now defaults to Latin digits), and
 * Dari and Pashto show Gregorian dates unless the reader chose Solar Hijri (ICU defaults
 * them to Solar Hijri; UK appointments and letters are Gregorian).
 */
export function intlLocale(locale: string | DateLocale): string {
  const lng = languageOf(locale);
  if (lng === "en") return "en-GB";
  if (lng === "ar") return "ar-u-nu-arab";
  if (offersSolarHijri(lng)) return `${lng}-u-ca-${calendarFor(locale)}`;
  return lng;
}

const SOLAR_HIJRI_FIELDS = new Set<string>(["day", "month", "year", "weekday"]);

/**
 * A Solar Hijri date in the language's own date pattern. ICU has no Solar Hijri patterns
 * for Pashto (it falls back to "AP ۱۴۰۵ وری ۱", with a Latin era) and a garbled full
 * pattern for Dari ("۱۴۰۵ حمل ۱, شنبه"), so the language's Gregorian pattern is filled
 * with the Solar Hijri day, month name, year and weekday, all from Intl.
 */
function formatSolarHijri(date: Date, lng: string, options: Intl.DateTimeFormatOptions): string {
  const pattern = new Intl.DateTimeFormat(`${lng}-u-ca-gregory`, options).formatToParts(date);
  const persian = new Intl.DateTimeFormat(`${lng}-u-ca-persian`, options).formatToParts(date);
  return pattern
    .map((part) => (SOLAR_HIJRI_FIELDS.has(part.type) ? (persian.find((p) => p.type === part.type)?.value ?? part.value) : part.value))
    .join("");
}

/**
 * Dates in the reader's locale, with its own digits (Intl knows fa-AF, ar, bn…), month
 * and weekday names, and calendar; times are the UK's.
 */
export function formatDate(value: string | Date | null | undefined, locale: string | DateLocale, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  const withZone = { timeZone: "Europe/London", ...options };
  if (calendarFor(locale) === "persian") return formatSolarHijri(date, languageOf(locale), withZone);
  return new Intl.DateTimeFormat(intlLocale(locale), withZone).format(date);
}

export function formatDateTime(value: string | Date | null | undefined, locale: string | DateLocale): string {
  return formatDate(value, locale, { dateStyle: "medium", timeStyle: "short" });
}

export function formatNumber(value: number, locale: string | DateLocale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(languageOf(locale)), options).format(value);
}
