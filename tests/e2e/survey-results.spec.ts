import { expect, expectAccessible, loginAs, test } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

test("a lead opens the satisfaction results, filters by language and service, and adds a translation and theme to a comment", async ({ page }) => {
  await loginAs(page, "lead");
  await page.goto("/reports");
  await page.getByRole("link", { name: /^Satisfaction results 2026$/ }).click();
  await expect(page).toHaveURL(/\/surveys\/[a-z0-9]+\/results$/);
  await expect(page.getByRole("heading", { level: 1, name: "Satisfaction results 2026" })).toBeVisible();
  const base = page.url();

  // Every figure the demo has: responses, the response rate by mode, a chart and table per question.
  await expect(page.locator('[data-figure="responses"]')).toHaveText(/^Responses: \d+$/);
  const rate = page.locator('table[data-table="response-rate"]');
  await expect(rate.locator('tr[data-mode="code"] [data-figure="rate"]')).toHaveText(/^\d+%$/);
  await expect(rate.locator('tr[data-mode="open"] [data-figure="rate"]')).toHaveText(/^\d+%$/);
  const listened = page.locator('section[data-question="listened"]');
  await expect(listened.getByRole("heading", { name: "I felt listened to" })).toBeVisible();
  await expect(listened.locator('[data-figure="share"]')).toHaveText(/^Agreeing \(strongly agree or agree\): \d+%$/);
  await expect(listened.getByRole("img", { name: /Chart of the answers to: I felt listened to/ })).toBeVisible();
  await expect(listened.locator("table caption").first()).toHaveText("Answers to: I felt listened to");
  // Year on year by the question's key: last year's survey beside this one.
  await expect(page.locator('table[data-table="yoy-listened"] tbody tr')).toHaveCount(2);
  await expect(page.locator('section[data-question="score"] [data-figure="mean"]')).toHaveText(/^Mean score out of 10: \d+\.\d$/);
  for (const cell of await page.locator('td[data-status="primary"]').all()) await expect(cell).toHaveText("fewer than 5");
  for (const cell of await page.locator('td[data-status="secondary"]').all()) await expect(cell).toHaveText("withheld");
  await expectAccessible(page);

  // By language: Ukrainian has few answers, so its figures are hidden and no comment is listed.
  await page.getByLabel("Language the parent answered in").selectOption("uk");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?service=all&language=uk$/);
  await expect(page.locator('[data-figure="breakdown"]')).toHaveText("Showing: All services; Українська");
  await expect(page.locator('[data-figure="comments-hidden"]')).toBeVisible();
  await expect(page.locator("li[data-comment]")).toHaveCount(0);
  await expectAccessible(page);

  // By service: casework, all languages.
  await page.getByLabel("Language the parent answered in").selectOption("all");
  await page.getByLabel("Service received").selectOption("casework");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?service=casework&language=all$/);
  await expect(page.locator('[data-figure="breakdown"]')).toHaveText("Showing: Casework (family support); All languages");
  const comment = page.locator("li[data-comment]").first();
  await expect(comment).toBeVisible();
  const quote = comment.locator("blockquote");
  await expect(quote).toHaveAttribute("dir", "auto");
  await expect(quote).toHaveAttribute("lang", /^[a-z]{2}(-AF)?$/);

  // A translation and a theme, saved with a plain form post; the page comes back to the comment.
  const id = await comment.getAttribute("data-comment");
  await comment.getByLabel("English translation").fill("Someone listened (translated in the test).");
  await comment.getByLabel("Theme", { exact: true }).selectOption("practical");
  await comment.getByRole("button", { name: "Save translation and theme" }).click();
  await expect(page).toHaveURL(new RegExp(`service=casework&language=all#comment-${id}$`));
  const saved = page.locator(`li[data-comment="${id}"]`);
  await expect(saved.getByLabel("English translation")).toHaveValue("Someone listened (translated in the test).");
  await expect(saved.getByLabel("Theme", { exact: true })).toHaveValue("practical");

  // The theme then filters and counts the comments.
  await page.getByLabel("Show comments with the theme").selectOption("practical");
  await page.getByRole("button", { name: "Show comments" }).click();
  await expect(page).toHaveURL(/theme=practical/);
  await expect(page.locator(`li[data-comment="${id}"]`)).toBeVisible();
  await expect(page.locator('table[data-table="comment-themes"] caption')).toHaveText("Comments by theme");
  await expectAccessible(page);

  // Bad filters are a 400, not an error page with a stack; practitioners may not see the results.
  expect((await page.request.get(`${base}?language=xx`)).status()).toBe(400);
});

test("a practitioner cannot open the satisfaction results", async ({ page, browser }) => {
  const lead = await browser.newPage();
  await loginAs(lead, "lead");
  await lead.goto("/reports");
  const href = await lead.getByRole("link", { name: /^Satisfaction results 2026$/ }).getAttribute("href");
  await lead.close();
  await loginAs(page, "practitioner");
  expect((await page.goto(href!))?.status()).toBe(403);
});
