import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from "~/utils/languages";

/** Shared i18next options for the server and the browser. */
export default {
  supportedLngs: [...LANGUAGE_CODES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
  // Keep "fa-AF" as it is: i18next would otherwise look up "fa" too.
  load: "currentOnly" as const,
  react: { useSuspense: false },
};
