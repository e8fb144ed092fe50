/** Dates and numbers in the reader's locale, with its own digits (Intl knows fa-AF, ar, bn…). */
export function formatDate(value: string | Date | null | undefined, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, { timeZone: "Europe/London", ...options }).format(date);
}

export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  return formatDate(value, locale, { dateStyle: "medium", timeStyle: "short" });
}

export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}
