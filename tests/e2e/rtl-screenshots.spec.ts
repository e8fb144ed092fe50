import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

/**
 * Screenshots of the right-to-left languages against reviewed baselines (in
 * rtl-screenshots.spec.ts-snapshots/): the survey's first questions page and the staff
 * sign-in page. Regenerate with `--update-snapshots` only after looking at the new
 * pictures: mirrored layout, Naskh letters, no empty boxes.
 */
const RTL = ["fa-AF", "ps", "ar", "ur"] as const;

test.use({ viewport: { width: 1024, height: 900 }, deviceScaleFactor: 1 });

async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  // Every web font the page asked for has loaded (none left pending or failed).
  expect(await page.evaluate(() => [...document.fonts].filter((f) => f.status !== "loaded" && f.status !== "unloaded").map((f) => `${f.family} ${f.status}`))).toEqual([]);
}

const shot = { fullPage: true, animations: "disabled", caret: "hide", scale: "css" } as const;

for (const lng of RTL) {
  test(`the survey's first page in ${lng}`, async ({ page }) => {
    const ui = JSON.parse(readFileSync(`locales/${lng}/survey.json`, "utf8")) as { start: { button: string } };
    await page.goto(`/s/DEMO-2026?lng=${lng}`);
    await page.getByRole("button", { name: ui.start.button }).click();
    await expect(page).toHaveURL(new RegExp(`/1\\?lng=${lng}$`));
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await settle(page);
    await expect(page).toHaveScreenshot(`survey-page-1-${lng}.png`, shot);
  });

  test(`the staff sign-in page in ${lng}`, async ({ page }) => {
    await page.goto(`/login?lng=${lng}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await settle(page);
    await expect(page).toHaveScreenshot(`login-${lng}.png`, shot);
  });
}
