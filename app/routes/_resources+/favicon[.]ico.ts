import { redirect } from "@remix-run/node";

/** Browsers ask for /favicon.ico whatever the page says; point them at the SVG. */
export function loader() {
  return redirect("/favicon.svg", 301);
}
