/** The languages the service works in. Order is the order of the language switcher. */
export const LANGUAGES = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "fa-AF", name: "دری", dir: "rtl" },
  { code: "ps", name: "پښتو", dir: "rtl" },
  { code: "ar", name: "العربية", dir: "rtl" },
  { code: "ur", name: "اردو", dir: "rtl" },
  { code: "bn", name: "বাংলা", dir: "ltr" },
  { code: "so", name: "Soomaali", dir: "ltr" },
  { code: "pl", name: "Polski", dir: "ltr" },
  { code: "uk", name: "Українська", dir: "ltr" },
  { code: "tr", name: "Türkçe", dir: "ltr" },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]["code"];

export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as unknown as readonly [LanguageCode, ...LanguageCode[]];

export const DEFAULT_LANGUAGE: LanguageCode = "en";

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === "string" && (LANGUAGE_CODES as readonly string[]).includes(value);
}

/** Text direction from the language tag, never guessed from the text. */
export function languageDir(code: string): "ltr" | "rtl" {
  return LANGUAGES.find((l) => l.code === code)?.dir ?? "ltr";
}

/**
 * Languages whose dates and numbers browsers cannot format: Chromium's ICU (Debian's, and
 * Chrome's own on most platforms) has no Pashto or Somali locale data, so the browser
 * would write "Nov 23, 2026" where the server wrote the Pashto date, fail hydration and
 * redraw the page in English formats. Pages in these languages are served without client
 * JavaScript: every page works as plain HTML forms, so nothing is lost but enhancement.
 */
export const SERVER_ONLY_LANGUAGES: readonly string[] = ["ps", "so"];

export function hydratesIn(code: string): boolean {
  return !SERVER_ONLY_LANGUAGES.includes(code);
}

/** The namespaces every page loads. Routes add their own through `handle.i18n`. */
export const DEFAULT_NAMESPACES = ["common"] as const;
