/**
 * `npm run i18n:check`: compares every language's locale files with English.
 * Fails on: a missing or empty key in a parent-facing namespace, a message that is not
 * valid ICU, a plural without every category its language needs (Arabic's six, Polish and
 * Ukrainian's few/many), placeholders that differ from English, a value left in English
 * (identical to a source of more than three words), keys English does not have, and
 * invalid JSON. Lists (without failing) staff keys that still fall back to English, and
 * how many strings in each language are draft (not reviewed by a fluent speaker, from
 * `_meta.json`); `--drafts` lists every draft key for a reviewer.
 *
 * Files whose names start with `_` (`_meta.json`, `_glossary.json`) are not namespaces:
 * the app never loads them and this check does not compare them with English.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { IntlMessageFormat } from "intl-messageformat";
import { LANGUAGES } from "../app/utils/languages";

/** Namespaces a parent can see: these must be complete in every language. */
export const PARENT_NAMESPACES = new Set<string>(["survey", "letters", "certificates", "public"]);

/** A value identical to English is allowed when the English has at most this many words. */
export const MAX_WORDS_SAME_AS_ENGLISH = 3;

type Flat = Map<string, string>;
type AstNode = {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  pluralType?: "cardinal" | "ordinal";
  children?: AstNode[];
};

/** ICU AST node types (from @formatjs/icu-messageformat-parser). */
const LITERAL = 0;
const PLURAL = 6;
const CATEGORY_ORDER: Intl.LDMLPluralRule[] = ["zero", "one", "two", "few", "many", "other"];

export function flatten(value: unknown, prefix = "", out: Flat = new Map()): Flat {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, typeof value === "string" ? value : JSON.stringify(value));
  }
  return out;
}

/** Parses an ICU message; throws on a syntax error. */
function parse(message: string, locale: string): AstNode[] {
  return new IntlMessageFormat(message, locale).getAst() as unknown as AstNode[];
}

function walk(nodes: AstNode[], visit: (node: AstNode) => void) {
  for (const node of nodes) {
    visit(node);
    if (node.options) for (const option of Object.values(node.options)) walk(option.value, visit);
    if (Array.isArray(node.children)) walk(node.children, visit);
  }
}

/** Argument names used by an ICU message (plural/select/simple), from its parsed AST. */
export function placeholders(message: string, locale: string): Set<string> {
  const names = new Set<string>();
  walk(parse(message, locale), (node) => {
    if (typeof node.value === "string" && node.type !== LITERAL) names.add(node.value);
  });
  return names;
}

/**
 * Plural arguments that lack a category the language needs, e.g.
 * `count: missing few, many` for Polish. Exact matches (`=0`) do not stand in for a
 * category: Arabic still needs `zero`. Throws on invalid ICU.
 */
export function missingPluralCategories(message: string, locale: string): string[] {
  const problems: string[] = [];
  walk(parse(message, locale), (node) => {
    if (node.type !== PLURAL || !node.options) return;
    const required = new Intl.PluralRules(locale, { type: node.pluralType ?? "cardinal" }).resolvedOptions().pluralCategories;
    const missing = CATEGORY_ORDER.filter((category) => required.includes(category) && !(category in node.options!));
    if (missing.length) problems.push(`${String(node.value)}: missing ${missing.join(", ")}`);
  });
  return problems;
}

function words(message: string): number {
  return message.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/**
 * True when a translation is still the English text: identical to an English source of
 * more than three words. Short labels ("Status", "MASH", "Three Houses") may be the same in
 * another language; a longer identical sentence is almost always untranslated. A proper
 * noun that really is the same is listed in `_meta.json` `sameAsEnglish` as `ns:key`.
 */
export function leftInEnglish(message: string, english: string): boolean {
  return message.trim() === english.trim() && words(english) > MAX_WORDS_SAME_AS_ENGLISH;
}

export type Meta = {
  status?: string;
  draft?: { namespaces?: string[]; keys?: string[] };
  reviewed?: { namespaces?: string[]; keys?: string[] };
  sameAsEnglish?: string[];
};

/**
 * Whether `ns:key` is a draft (not reviewed by a fluent speaker): a key listed in
 * `reviewed.keys` is reviewed, then a key in `draft.keys` or a namespace in
 * `draft.namespaces` is draft.
 */
export function isDraft(meta: Meta, ns: string, key: string): boolean {
  const id = `${ns}:${key}`;
  if (meta.reviewed?.keys?.includes(id)) return false;
  if (meta.draft?.keys?.includes(id)) return true;
  if (meta.draft?.namespaces?.includes(ns)) return true;
  return false;
}

async function main() {
  const listDrafts = process.argv.includes("--drafts");
  const root = path.resolve("locales");
  const english = new Map<string, Flat>();
  for (const file of (await readdir(path.join(root, "en"))).filter((f) => f.endsWith(".json") && !f.startsWith("_"))) {
    english.set(file.replace(/\.json$/, ""), flatten(JSON.parse(await readFile(path.join(root, "en", file), "utf8"))));
  }

  const failures: string[] = [];
  const fallbacks: string[] = [];
  const drafts: string[] = [];
  const draftSummaries: string[] = [];

  for (const [ns, keys] of english) {
    for (const [key, message] of keys) {
      try {
        for (const problem of missingPluralCategories(message, "en")) failures.push(`en/${ns}.json ${key}: plural ${problem}`);
      } catch (error) {
        failures.push(`en/${ns}.json ${key}: invalid ICU (${(error as Error).message})`);
      }
    }
  }

  for (const { code } of LANGUAGES.filter((l) => l.code !== "en")) {
    let meta: Meta = {};
    try {
      meta = JSON.parse(await readFile(path.join(root, code, "_meta.json"), "utf8")) as Meta;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") failures.push(`${code}/_meta.json: ${(error as Error).message}`);
    }
    for (const file of (await readdir(path.join(root, code))).filter((f) => f.startsWith("_") && f.endsWith(".json"))) {
      try {
        JSON.parse(await readFile(path.join(root, code, file), "utf8"));
      } catch (error) {
        failures.push(`${code}/${file}: ${(error as Error).message}`);
      }
    }
    const sameAsEnglish = new Set(meta.sameAsEnglish ?? []);
    let draftCount = 0;
    const draftNamespaces = new Set<string>();

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
        if (isDraft(meta, ns, key)) {
          draftCount++;
          draftNamespaces.add(ns);
          if (listDrafts) drafts.push(`  ${code}/${ns}.json ${key}: ${message}`);
        }
        try {
          const want = [...placeholders(enMessage, "en")].sort().join(",");
          const got = [...placeholders(message, code)].sort().join(",");
          if (want !== got) failures.push(`${code}/${ns}.json ${key}: placeholders {${got}} differ from English {${want}}`);
          for (const problem of missingPluralCategories(message, code)) failures.push(`${code}/${ns}.json ${key}: plural ${problem}`);
        } catch (error) {
          failures.push(`${code}/${ns}.json ${key}: invalid ICU (${(error as Error).message})`);
        }
        if (leftInEnglish(message, enMessage) && !sameAsEnglish.has(`${ns}:${key}`)) {
          failures.push(`${code}/${ns}.json ${key}: still in English ("${message}")`);
        }
      }
      for (const key of flat.keys()) if (!enKeys.has(key)) failures.push(`${code}/${ns}.json ${key}: not in English`);
      if (missing.length) {
        const line = `${code}/${ns}.json: ${missing.length} missing: ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", …" : ""}`;
        (PARENT_NAMESPACES.has(ns) ? failures : fallbacks).push(line);
      }
    }
    if (draftCount) draftSummaries.push(`  ${code}: ${draftCount} draft strings (${[...draftNamespaces].join(", ")})`);
  }

  if (fallbacks.length) {
    console.log("Staff strings that fall back to English:");
    for (const line of fallbacks) console.log(`  ${line}`);
  }
  if (draftSummaries.length) {
    console.log(`Draft translations not yet reviewed by a fluent speaker${listDrafts ? "" : " (--drafts lists every key)"}:`);
    for (const line of [...draftSummaries, ...drafts]) console.log(line);
  }
  if (failures.length) {
    console.error(`i18n check failed (${failures.length}):`);
    for (const line of failures) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(`i18n check passed: ${english.size} namespaces, ${LANGUAGES.length} languages.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
