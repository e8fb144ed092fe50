import { readFileSync } from "node:fs";
import path from "node:path";
import { LANGUAGES } from "~/utils/languages";

/**
 * Parent champions are parents: every `groups` string they can see (all keys outside
 * `staff.*`) must exist in every language. `npm run i18n:check` only enforces this for
 * the public namespaces, so this test holds the line for `groups`.
 */
function flatten(value: unknown, prefix = "", out = new Map<string, string>()) {
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, String(value));
  return out;
}
const load = (lng: string) => flatten(JSON.parse(readFileSync(path.resolve("locales", lng, "groups.json"), "utf8")));

describe("groups translations", () => {
  const english = [...load("en").keys()].filter((k) => !k.startsWith("staff."));

  it.each(LANGUAGES.filter((l) => l.code !== "en").map((l) => l.code))("%s has every string a parent champion sees", (lng) => {
    const messages = load(lng);
    expect(english.filter((k) => !messages.get(k)?.trim())).toEqual([]);
    const nav = JSON.parse(readFileSync(path.resolve("locales", lng, "common.json"), "utf8")) as { nav?: { groups?: string } };
    expect(nav.nav?.groups?.trim()).toBeTruthy();
  });
});
