/**
 * `npm run i18n:check`: compares every language's locale files with English.
 * Fails on: a missing or empty key in a parent-facing namespace, a message that is not
 * valid ICU, placeholders that differ from English, keys English does not have, and
 * invalid JSON. Lists (without failing) staff keys that still fall back to English.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { LANGUAGES } from "../app/utils/languages";

/** Namespaces a parent can see: these must be complete in every language. */
export const PARENT_NAMESPACES = new Set<string>(["survey", "letters", "certificates", "public"]);

type Flat = Map<string, string>;

function flatten(value: unknown, prefix = "", out: Flat = new Map()): Flat {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, typeof value === "string" ? value : JSON.stringify(value));
  }
  return out;
}

/** Argument names used by an ICU message (plural/select/simple), from its parsed AST. */
function placeholders(message: string, locale: string): Set<string> {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Array<Record<string, unknown>>) {
      if (typeof node.value === "string" && node.type !== 0) names.add(node.value);
      if (node.options && typeof node.options === "object") {
        for (const option of Object.values(node.options as Record<string, { value: unknown[] }>)) walk(option.value);
      }
      if (Array.isArray(node.children)) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown[]);
  return names;
}

const root = path.resolve("locales");
const english = new Map<string, Flat>();
for (const file of (await readdir(path.join(root, "en"))).filter((f) => f.endsWith(".json") && !f.startsWith("_"))) {
  english.set(file.replace(/\.json$/, ""), flatten(JSON.parse(await readFile(path.join(root, "en", file), "utf8"))));
}

const failures: string[] = [];
const fallbacks: string[] = [];

for (const [ns, keys] of english) {
  for (const [key, message] of keys) {
    try {
      placeholders(message, "en");
    } catch (error) {
      failures.push(`en/${ns}.json ${key}: invalid ICU (${(error as Error).message})`);
    }
  }
}

for (const { code } of LANGUAGES.filter((l) => l.code !== "en")) {
  for (const [ns, enKeys] of english) {
    const file = path.join(root, code, `${ns}.json`);
    let flat: Flat = new Map();
    try {
      flat = flatten(JSON.parse(await readFile(file, "utf8")));
    } catch (error) {
      const missingFile = (error as NodeJS.ErrnoException).code === "ENOENT";
      if (!missingFile) failures.push(`${code}/${ns}.json: ${(error as Error).message}`);
    }
    const missing: string[] = [];
    for (const [key, enMessage] of enKeys) {
      const message = flat.get(key);
      if (message === undefined || message.trim() === "") {
        missing.push(key);
        continue;
      }
      try {
        const want = [...placeholders(enMessage, "en")].sort().join(",");
        const got = [...placeholders(message, code)].sort().join(",");
        if (want !== got) failures.push(`${code}/${ns}.json ${key}: placeholders {${got}} differ from English {${want}}`);
      } catch (error) {
        failures.push(`${code}/${ns}.json ${key}: invalid ICU (${(error as Error).message})`);
      }
    }
    for (const key of flat.keys()) if (!enKeys.has(key)) failures.push(`${code}/${ns}.json ${key}: not in English`);
    if (missing.length) {
      const line = `${code}/${ns}.json: ${missing.length} missing: ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", …" : ""}`;
      (PARENT_NAMESPACES.has(ns) ? failures : fallbacks).push(line);
    }
  }
}

if (fallbacks.length) {
  console.log("Staff strings that fall back to English:");
  for (const line of fallbacks) console.log(`  ${line}`);
}
if (failures.length) {
  console.error(`i18n check failed (${failures.length}):`);
  for (const line of failures) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`i18n check passed: ${english.size} namespaces, ${LANGUAGES.length} languages.`);
