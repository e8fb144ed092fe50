import { readFileSync } from "node:fs";
import { expect, expectAccessible, loginAs, test } from "./fixtures";

const common = (lng: string) => JSON.parse(readFileSync(`locales/${lng}/common.json`, "utf8")) as { calendar: Record<string, string>; errors: Record<string, string> };
const fa = common("fa-AF").calendar;
const ps = common("ps").calendar;

// Years as the families list shows them: Gregorian 2025–2027 or Solar Hijri 1403–1406, in Persian digits.
const GREGORIAN_YEAR = /۲۰۲[۵-۷]/;
const SOLAR_HIJRI_YEAR = /۱۴۰[۳-۶]/;

test("a practitioner working in Dari chooses Solar Hijri dates, and it stays chosen", async ({ page }) => {
  await loginAs(page, "practitioner", { lng: "fa-AF" });
  await page.goto("/families");
  const calendars = page.getByRole("navigation", { name: fa.label });
  const updated = page.locator("table tbody tr").first().locator("td").last();
  await expect(updated).toHaveText(GREGORIAN_YEAR);
  await expect(calendars.getByText(fa.gregory!)).toHaveAttribute("aria-current", "true");

  await calendars.getByRole("link", { name: fa.persian }).click();
  await expect(page).toHaveURL(/cal=persian/);
  await expect(updated).toHaveText(SOLAR_HIJRI_YEAR);
  await expect(calendars.getByText(fa.persian!)).toHaveAttribute("aria-current", "true");
  await expectAccessible(page);

  // A cookie keeps the choice without ?cal=. (Pashto is checked on the parent pages,
  // which ship no JavaScript: Chromium's ICU has no Pashto data, so a hydrated Pashto
  // page with dates re-renders them in English; see the report.)
  await page.goto("/families");
  await expect(updated).toHaveText(SOLAR_HIJRI_YEAR);

  // English has no Solar Hijri option: Gregorian dates, no switch.
  await page.goto("/families?lng=en");
  await expect(updated).toHaveText(/20\d\d/);
  await expect(page.getByRole("navigation", { name: common("en").calendar.label })).toHaveCount(0);

  await page.goto("/families?lng=fa-AF");
  await page.getByRole("navigation", { name: fa.label }).getByRole("link", { name: fa.gregory }).click();
  await expect(updated).toHaveText(GREGORIAN_YEAR);
});

test.describe("a parent without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("chooses the calendar on the survey's start page in Dari", async ({ page, context }) => {
    await page.goto("/s/DEMO-2026?lng=fa-AF");
    const calendars = page.getByRole("navigation", { name: fa.label });
    await calendars.getByRole("link", { name: fa.persian }).click();
    await expect(page).toHaveURL(/\/s\/DEMO-2026\?lng=fa-AF&cal=persian$/);
    await expect(calendars.getByText(fa.persian!)).toHaveAttribute("aria-current", "true");
    expect((await context.cookies()).find((c) => c.name === "cal")?.value).toBeTruthy();
    await page.goto("/s/DEMO-2026?lng=ps");
    await expect(page.getByRole("navigation", { name: ps.label }).getByText(ps.persian!)).toHaveAttribute("aria-current", "true");
    await page.goto("/s/DEMO-2026?lng=en");
    await expect(page.getByRole("navigation", { name: common("en").calendar.label })).toHaveCount(0);
  });
});

test("an unknown calendar is a translated 400 and sets nothing", async ({ page, context }) => {
  const response = await page.goto("/login?lng=fa-AF&cal=islamic");
  expect(response?.status()).toBe(400);
  await expect(page.getByText(common("fa-AF").errors.unknownCalendar!)).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "cal")).toBeUndefined();
});
