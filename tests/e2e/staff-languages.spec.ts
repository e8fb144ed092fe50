import { LANGUAGES, hydratesIn } from "../../app/utils/languages";
import { expect, loginAs, test } from "./fixtures";

// A family page (dates of birth, referral dates, numbers) in every language, as a
// practitioner. The fixture fails the test on any page error, which is where React
// reports a hydration mismatch: the browser formatting a date differently from the
// server. Languages the browser cannot format (Pashto, Somali) get no client script.
test("a practitioner's family page hydrates cleanly in every language, or is served as plain HTML", async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, "practitioner");
  await page.goto("/families");
  await page.locator('a[href^="/families/"]').filter({ hasText: /^EH-/ }).first().click();
  await expect(page).toHaveURL(/\/families\/[a-z0-9]{20,}$/);
  const url = new URL(page.url());
  for (const { code, dir } of LANGUAGES) {
    await page.goto(`${url.pathname}?lng=${code}`);
    await expect(page.locator("html")).toHaveAttribute("lang", code);
    await expect(page.locator("html")).toHaveAttribute("dir", dir);
    // The HTML as sent (React replaces Remix's script tags once it has hydrated).
    const sent = await (await page.request.get(`${url.pathname}?lng=${code}`)).text();
    const scripts = (sent.match(/<script[^>]*type="module"/g) ?? []).length;
    if (hydratesIn(code)) {
      expect(scripts, `${code} loads the app's scripts`).toBeGreaterThan(0);
      // Hydrated: Remix marks the document once the client router is running.
      await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    } else {
      expect(scripts, `${code} is served without client scripts`).toBe(0);
    }
  }
  await page.goto(`${url.pathname}?lng=en`);
});
