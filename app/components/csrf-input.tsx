import { useRouteLoaderData } from "@remix-run/react";
import type { RootLoaderData } from "~/root";

/** The hidden CSRF token every signed-in form posts (checked by readForm). */
export function CsrfInput() {
  const data = useRouteLoaderData<RootLoaderData>("root");
  return data?.csrf ? <input type="hidden" name="csrf" value={data.csrf} /> : null;
}
