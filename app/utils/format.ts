/**
 * Intl locale for a language tag: English here is British English (day/month/year), and
 * Arabic uses Arabic-Indic digits (ICU's plain "ar" now defaults to Latin digits), and
 * Dari and Pashto show Gregorian dates (ICU defaults them to the Solar Hijri calendar;
 * that is an option a person chooses, since UK appointments and letters are Gregorian).
 */
export function intlLocale(locale: string): string {
  if (locale === "en") return "en-GB";
  if (locale === "ar") return "ar-u-nu-arab";
  if (locale === "fa-AF" || locale === "ps") return `${locale}-u-ca-gregory`;
  return locale;
}

/** Dates and numbers in the reader's locale, with its own digits (Intl knows fa-AF, ar, bn…). */
export function formatDate(value: string | Date | null | undefined, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "Europe/London", ...options }).format(date);
}

export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  return formatDate(value, locale, { dateStyle: "medium", timeStyle: "short" });
}

export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}
