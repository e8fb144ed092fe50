import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../app/utils/demo-accounts";

export const ACCOUNTS = {
  practitioner: "practitioner@demo.example",
  lead: "lead@demo.example",
  facilitator: "facilitator@demo.example",
  parent_champion: "champion@demo.example",
  administrator: "admin@demo.example",
} as const;

/**
 * Playwright's `test`, failing any test in which the browser threw: an uncaught error, or
 * Remix giving up on a route module and reloading the page (which silently turns a
 * client-side navigation into a full reload and hides the bug from a screenshot).
 */
export const test = base.extend<{ browserErrors: void }>({
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error" && /Error loading route module|Minified React error #4(18|19|22|23|25)|Hydration failed|did not match/.test(message.text())) errors.push(message.text());
      });
      await use();
      expect(errors, "errors thrown in the browser").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export type DemoRole = keyof typeof ACCOUNTS;

/**
 * Signs in through the real form, as a person would. Some demo accounts prefer Dari or
 * Pashto; pass `lng` to choose the interface language on this device first.
 */
export async function loginAs(page: Page, role: DemoRole, options: { lng?: string } = {}) {
  await page.goto(options.lng ? `/login?lng=${options.lng}` : "/login");
  await page.locator("#email, input[name=email]").first().fill(ACCOUNTS[role]);
  await page.locator("input[name=password]").fill(DEMO_PASSWORD);
  await page.locator("form[method=post] button[type=submit]").last().click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** WCAG 2.2 AA with axe: no violations allowed. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
