import type { Browser, Page } from "@playwright/test";
import { DEFAULT_TEXTS } from "../../app/models/survey/default";
import { expect, test, expectAccessible } from "./fixtures";

/** Page object for the parents' survey: one section per page, then check and send. */
class SurveyPages {
  constructor(
    readonly page: Page,
    readonly lng: string,
    readonly ui: Record<string, Record<string, string>>,
  ) {}
  q(key: string) {
    return DEFAULT_TEXTS[this.lng]![`question.${key}`]!;
  }
  o(question: string, option: string) {
    return DEFAULT_TEXTS[this.lng]![`option.${question}.${option}`]!;
  }
  agree(question: string, value: string) {
    return this.page.getByRole("group", { name: this.q(question) }).getByLabel(this.ui.agree![value]!, { exact: true }).check();
  }
  async continue() {
    await this.page.getByRole("button", { name: this.ui.page!.continue! }).click();
  }
  async expectNoScripts() {
    expect(await this.page.locator("script").count()).toBe(0);
  }
}

async function uiStrings(lng: string) {
  const { readFile } = await import("node:fs/promises");
  return JSON.parse(await readFile(`locales/${lng}/survey.json`, "utf8")) as Record<string, Record<string, string>>;
}

/**
 * axe needs JavaScript in the page, so the no-JavaScript test checks each page it reaches
 * by opening the same address in a JavaScript-enabled phone-sized tab (the code is in the
 * URL; these GETs change nothing but the "opened" count).
 */
async function axeAt(browser: Browser, baseURL: string, url: string, submitEmpty = false) {
  const ctx = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, javaScriptEnabled: true });
  const p = await ctx.newPage();
  await p.goto(url);
  if (submitEmpty) {
    await p.locator("form[method=post] button[type=submit]").click();
    await expect(p.getByRole("alert")).toBeVisible();
  }
  await expectAccessible(p);
  await ctx.close();
}

test.describe("a parent on a phone without JavaScript, in Pashto", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 640 } });

  test("answers, closes the page, resumes, checks, sends once", async ({ page, context, baseURL, browser }) => {
    test.setTimeout(120_000);
    const a11y = (p: Page, submitEmpty = false) => axeAt(browser, baseURL!, p.url(), submitEmpty);
    const ui = await uiStrings("ps");
    const s = new SurveyPages(page, "ps", ui);
    await page.goto("/s/DEMO-2026?lng=ps");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ps");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEFAULT_TEXTS.ps!["page.title"]!);
    await s.expectNoScripts();
    await a11y(page);
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole("button", { name: ui.start!.button! }).click();
    await expect(page).toHaveURL(/\/s\/[A-Z2-9]{5}-[A-Z2-9]{5}\/1\?lng=ps$/);
    const code = /\/s\/([A-Z2-9-]+)\//.exec(page.url())![1]!;
    await expect(page.getByText("برخه ۱ له ۳")).toBeVisible();
    await a11y(page);

    // A missing required answer: an error summary, and the answers given are kept.
    await s.agree("listened", "agree");
    await s.continue();
    await expect(page.getByRole("alert")).toContainText(ui.errors!.choose!);
    await expect(page.getByRole("group", { name: s.q("listened") }).getByLabel(ui.agree!.agree!, { exact: true })).toBeChecked();
    await a11y(page, true);
    await s.agree("understood", "strongly_agree");
    await s.agree("right_time", "na");
    await s.agree("better", "agree");
    await s.continue();
    await expect(page).toHaveURL(new RegExp(`/s/${code}/2\\?lng=ps$`));

    // Close the phone's page and come back later with the same code.
    await page.close();
    const again = await context.newPage();
    const s2 = new SurveyPages(again, "ps", ui);
    await again.goto(`/s/${code}`);
    await expect(again).toHaveURL(new RegExp(`/s/${code}\\?lng=ps$`));
    await expect(again.getByText(ui.start!.resumed!)).toBeVisible();
    await again.getByRole("button", { name: ui.start!.continue! }).click();
    await expect(again).toHaveURL(new RegExp(`/s/${code}/2\\?lng=ps$`));
    await a11y(again);
    await s2.agree("recommend", "strongly_agree");
    await again.getByRole("group", { name: s2.q("score") }).getByLabel("۸", { exact: true }).check();
    await again.getByRole("group", { name: s2.q("helped_most") }).getByLabel(s2.o("helped_most", "talk")).check();
    await s2.continue();
    await a11y(again);
    const comment = "زما ماشوم اوس ښه دی، thank you Sarah";
    await again.getByLabel(s2.q("what_helped")).fill(comment);
    await s2.continue();

    await expect(again).toHaveURL(new RegExp(`/s/${code}/check\\?lng=ps$`));
    await expect(again.getByRole("heading", { level: 1 })).toHaveText(ui.check!.title!);
    await expect(again.getByText(comment)).toBeVisible();
    await expect(again.getByText(s2.o("helped_most", "talk"))).toBeVisible();
    await a11y(again);
    await again.getByRole("button", { name: ui.check!.send! }).click();
    await expect(again.getByRole("heading", { level: 1 })).toHaveText(ui.done!.title!);
    await a11y(again);

    // Back button, and a second send: the same friendly page, no second response.
    await again.goBack();
    await expect(again.getByRole("heading", { level: 1 })).toHaveText(ui.already!.title!);
    await a11y(again);
    const resend = await again.request.post(`/s/${code}/check?lng=ps`, { form: {}, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(resend.status()).toBe(302);
    expect(resend.headers()["location"]).toBe(`/s/${code}?lng=ps`);
    await again.goto(`/s/${code}/1?lng=ps`);
    await expect(again.getByRole("heading", { level: 1 })).toHaveText(ui.already!.title!);
  });
});

test("a parent answers in English with JavaScript on", async ({ page }) => {
  test.setTimeout(90_000);
  const ui = await uiStrings("en");
  const s = new SurveyPages(page, "en", ui);
  await page.goto("/s/DEMO-2026");
  await expect(page).toHaveURL(/\/s\/DEMO-2026\?lng=en$/);
  await s.expectNoScripts();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start now" }).click();
  const code = /\/s\/([A-Z2-9-]+)\//.exec(page.url())![1]!;
  for (const q of ["listened", "understood", "right_time", "better"]) await s.agree(q, "agree");
  await s.continue();
  await s.agree("recommend", "agree");
  await page.getByRole("group", { name: s.q("how_met") }).getByLabel("At home").check();
  await s.continue();
  await expectAccessible(page);
  // Too long: a clear message, and the text is kept.
  await page.getByLabel(s.q("could_be_better")).fill("a".repeat(2001));
  await s.continue();
  await expect(page.getByRole("alert")).toContainText("2,000 characters or fewer");
  await expect(page.getByLabel(s.q("could_be_better"))).toHaveValue("a".repeat(2001));
  await expectAccessible(page);
  await page.getByLabel(s.q("could_be_better")).fill("More evening sessions");
  await s.continue();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before sending them");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answers have been sent");
  await expectAccessible(page);
  await page.goto(`/s/${code}/check?lng=en`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have already sent your answers");
});

test("a lead adds nothing to an open survey but can review a translation and print letters", async ({ page }) => {
  const { loginAs } = await import("./fixtures");
  await loginAs(page, "lead");
  await page.goto("/surveys");
  await page.getByRole("link", { name: /View the \d{4} survey/ }).first().click();
  await expect(page.getByText("Questions can only be changed while the survey is a draft.")).toBeVisible();
  await page.getByRole("link", { name: /Translate or review\s+پښتو/ }).click();
  const title = page.locator("#s-page-title");
  await title.getByLabel("I am a fluent speaker").check();
  await title.getByRole("button", { name: "Save page.title" }).click();
  await expect(page.locator("#s-page-title")).toContainText("Reviewed by");
  await page.goto(page.url().replace(/\/translations.*$/, "/letters"));
  await expect(page.locator("article.eh-letter svg").first()).toBeVisible();
});

/**
 * A long answer in each language's script survives save, reopen and save unchanged: the
 * reopened page carries it through the streaming renderer, whose buffer once added NUL
 * bytes that the browser turned into U+FFFD and the next save stored (react#24985).
 */
const LONG_ANSWERS: Record<string, string> = {
  en: "My family is doing much better now and the worker really listened to us. ",
  "fa-AF": "خانواده‌ام حالا خیلی بهتر است و کارمند واقعاً به حرف‌های ما گوش داد. ",
  ps: "زما کورنۍ اوس ډېره ښه ده او کارکوونکي زموږ خبرو ته غوږ ونیو. ",
  ar: "عائلتي الآن أفضل بكثير، والموظفة استمعت إلينا حقاً. ",
  ur: "میرا خاندان اب بہت بہتر ہے اور کارکن نے واقعی ہماری بات سنی۔ ",
  bn: "আমার পরিবার এখন অনেক ভালো আছে এবং কর্মী সত্যিই আমাদের কথা শুনেছেন। ",
  so: "Qoyskaygu hadda aad ayuu u fiican yahay, shaqaaluhuna runtii way na dhageysteen. ",
  pl: "Moja rodzina ma się teraz dużo lepiej, a pracowniczka naprawdę nas wysłuchała. ",
  uk: "Моїй родині зараз набагато краще, і працівниця справді нас вислухала. ",
  tr: "Ailem şimdi çok daha iyi ve çalışan bizi gerçekten dinledi. ",
};

test.describe("long answers in every script, without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 640 } });

  test("a 500-character answer round-trips byte-exact through save, reopen and save", async ({ page }) => {
    test.setTimeout(180_000);
    for (const [lng, sentence] of Object.entries(LONG_ANSWERS)) {
      const answer = [...sentence.repeat(Math.ceil(500 / [...sentence].length))].slice(0, 500).join("").trimEnd();
      const ui = await uiStrings(lng);
      const s = new SurveyPages(page, lng, ui);
      await page.goto(`/s/DEMO-2026?lng=${lng}`);
      await page.getByRole("button", { name: ui.start!.button! }).click();
      const code = /\/s\/([A-Z2-9-]+)\//.exec(page.url())![1]!;
      await page.goto(`/s/${code}/3?lng=${lng}`);
      const box = page.getByLabel(s.q("what_helped"));
      await box.fill(answer);
      await s.continue();
      await expect(page).toHaveURL(new RegExp(`/s/${code}/check`));
      // Reopen the page and save it again as it came back.
      await page.goto(`/s/${code}/3?lng=${lng}`);
      expect(await box.inputValue(), `${lng}: the reopened answer`).toBe(answer);
      await s.continue();
      await page.goto(`/s/${code}/3?lng=${lng}`);
      expect(await box.inputValue(), `${lng}: the answer saved a second time`).toBe(answer);
    }
  });
});
