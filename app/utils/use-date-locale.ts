import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootLoaderData } from "~/root";
import type { DateLocale } from "~/utils/format";

/** The page's language and the calendar the reader chose, for `formatDate` in components. */
export function useDateLocale(): DateLocale {
  const { i18n } = useTranslation();
  const data = useRouteLoaderData<RootLoaderData>("root");
  return { lng: i18n.language, calendar: data?.calendar ?? "gregory" };
}
