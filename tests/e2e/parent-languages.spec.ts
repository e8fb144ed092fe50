import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { DEFAULT_SECTIONS, DEFAULT_TEXTS } from "../../app/models/survey/default";
import { LANGUAGES } from "../../app/utils/languages";
import { expect, expectAccessible, test } from "./fixtures";

type Messages = { [key: string]: string | Messages };

function load(lng: string, ns: string): Messages {
  return JSON.parse(readFileSync(`locales/${lng}/${ns}.json`, "utf8")) as Messages;
}

function flatten(messages: Messages, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") out[prefix + key] = value;
    else Object.assign(out, flatten(value, `${prefix}${key}.`));
  }
  return out;
}

/** The parts of an ICU message a reader sees whatever the values: the text between `{…}`. */
function fixedParts(message: string): string[] {
  return message
    .split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4);
}

/** The common strings every parent page shows around the survey (skip link, banner, footer). */
const PAGE_FRAME = ["layout.skipLink", "layout.phaseText", "footer.supportLinks", "footer.accessibility", "footer.privacy", "footer.licence"];

/**
 * English a parent could meet on these pages (the survey's own words, the default
 * questions, the page frame), minus any string a language keeps the same as English.
 */
function englishFor(lng: string): RegExp[] {
  const enSurvey = flatten(load("en", "survey"));
  const own = flatten(load(lng, "survey"));
  const enCommon = flatten(load("en", "common"));
  const ownCommon = flatten(load(lng, "common"));
  const strings = new Set<string>();
  for (const [key, value] of Object.entries(enSurvey)) if (own[key] !== value) fixedParts(value).forEach((s) => strings.add(s));
  for (const key of PAGE_FRAME) if (ownCommon[key] !== enCommon[key]) fixedParts(enCommon[key]!).forEach((s) => strings.add(s));
  for (const [key, value] of Object.entries(DEFAULT_TEXTS.en!)) if (DEFAULT_TEXTS[lng]![key] !== value) fixedParts(value).forEach((s) => strings.add(s));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...strings].map((s) => new RegExp(`(^|[^\\p{L}])${escape(s)}($|[^\\p{L}])`, "u"));
}

async function expectNoEnglish(page: Page, lng: string, english: RegExp[]) {
  if (lng === "en") return;
  const text = await page.locator("body").innerText();
  expect(
    english.filter((re) => re.test(text)).map(String),
    `English on ${page.url()}`,
  ).toEqual([]);
}

/**
 * One walk through the parent pages in each of the ten languages, with the reusable demo
 * code: start, the three sections, check your answers, done. Each page is in the right
 * language and direction with no English left on it; axe checks the first section (the
 * agree-scale radios) and the check-your-answers page.
 */
for (const { code: lng, dir } of LANGUAGES) {
  test(`a parent completes the survey in ${lng} (${dir})`, async ({ page }) => {
    test.setTimeout(90_000);
    const ui = flatten(load(lng, "survey"));
    const texts = DEFAULT_TEXTS[lng]!;
    const english = englishFor(lng);
    const html = page.locator("html");
    const h1 = page.getByRole("heading", { level: 1 });
    const expectPage = async (heading: string) => {
      await expect(h1).toHaveText(heading);
      await expect(html).toHaveAttribute("lang", lng);
      await expect(html).toHaveAttribute("dir", dir);
      await expectNoEnglish(page, lng, english);
    };

    await page.goto(`/s/DEMO-2026?lng=${lng}`);
    await expectPage(texts["page.title"]!);
    await expect(page.getByText(texts["page.intro"]!)).toBeVisible();
    await page.getByRole("button", { name: ui["start.button"] }).click();

    for (const [index, section] of DEFAULT_SECTIONS.entries()) {
      await expect(page).toHaveURL(new RegExp(`/s/[A-Z2-9-]+/${index + 1}\\?lng=${lng}$`));
      await expectPage(texts[`section.${section.key}`]!);
      await expect(page.getByRole("link", { name: ui["page.back"] })).toBeVisible();
      for (const q of section.questions) {
        const name = texts[`question.${q.key}`]!;
        if (q.type === "text") await expect(page.getByLabel(name)).toBeVisible();
        else await expect(page.getByRole("group", { name })).toBeVisible();
        if (q.type === "agree" && q.required) await page.getByRole("group", { name }).getByLabel(ui["agree.agree"]!, { exact: true }).check();
      }
      if (index === 0) await expectAccessible(page);
      await page.getByRole("button", { name: ui["page.continue"] }).click();
    }

    await expect(page).toHaveURL(new RegExp(`/check\\?lng=${lng}$`));
    await expectPage(ui["check.title"]!);
    await expect(page.getByText(ui["agree.agree"]!, { exact: true })).toHaveCount(5);
    await expect(page.getByText(ui["check.notAnswered"]!, { exact: true }).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: ui["check.send"] }).click();

    await expect(page).toHaveURL(new RegExp(`/done\\?lng=${lng}$`));
    await expectPage(ui["done.title"]!);
    await expect(page.getByText(texts["page.thanks"]!)).toBeVisible();
  });
}

test("the English list finds English on a page: the leak check can fail", async ({ page }) => {
  const english = englishFor("pl");
  await page.goto("/s/DEMO-2026?lng=en");
  const text = await page.locator("body").innerText();
  expect(english.filter((re) => re.test(text)).length).toBeGreaterThan(2);
});
