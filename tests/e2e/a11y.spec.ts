import { expect, test, expectAccessible, loginAs, type DemoRole } from "./fixtures";

// Every page, checked with axe. The "rtl" project runs this file in Dari.
const PAGES: Array<{ role: DemoRole | null; path: string; status?: number }> = [
  { role: null, path: "/login" },
  { role: null, path: "/accessibility" },
  { role: null, path: "/privacy" },
  { role: null, path: "/no-such-page", status: 404 },
  { role: "practitioner", path: "/" },
  { role: "practitioner", path: "/families" },
  { role: "practitioner", path: "/families?q=zzzz-nothing" },
  { role: "practitioner", path: "/admin/users", status: 403 },
  { role: "lead", path: "/audit" },
  { role: "administrator", path: "/" },
  { role: "administrator", path: "/admin/users" },
  { role: "facilitator", path: "/" },
  { role: "parent_champion", path: "/" },
  { role: "lead", path: "/courses" },
  { role: "lead", path: "/courses/programmes" },
  { role: "lead", path: "/courses/new" },
  { role: "facilitator", path: "/courses" },
  { role: "lead", path: "/groups" },
  { role: "lead", path: "/groups/new" },
  { role: "lead", path: "/groups/reach" },
  { role: "parent_champion", path: "/groups" },
  { role: "lead", path: "/surveys" },
  { role: null, path: "/s/DEMO-2026?lng=en" },
  { role: null, path: "/s/DEMO-2026?lng=fa-AF" },
  { role: null, path: "/s/NO-SUCH-CODE", status: 404 },
  { role: null, path: "/s" },
  { role: null, path: "/s?code=%3F%3F", status: 400 },
];

test("the survey's staff screens have no accessibility violations", async ({ page }) => {
  // Six pages, one with a form per translatable string: axe takes a while on each.
  test.setTimeout(120_000);
  await loginAs(page, "lead");
  await page.goto("/surveys");
  await page.getByRole("link", { name: /View the \d{4} survey/ }).first().click();
  await expect(page).toHaveURL(/\/surveys\/[a-z0-9]+$/);
  await expectAccessible(page);
  const base = page.url();
  for (const sub of ["/translations?language=ps", "/invitations", "/letters", "/results", "/results?language=ar&service=group"]) {
    await page.goto(base + sub);
    await expectAccessible(page);
  }
});

for (const p of PAGES) {
  test(`${p.path} as ${p.role ?? "anonymous"} has no accessibility violations`, async ({ page }) => {
    if (p.role) await loginAs(page, p.role);
    const response = await page.goto(p.path);
    expect(response?.status()).toBe(p.status ?? 200);
    await expectAccessible(page);
  });
}

test("a family record has no accessibility violations", async ({ page }) => {
  await loginAs(page, "practitioner");
  await page.goto("/families");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/families\/[a-z0-9]+/);
  await expectAccessible(page);
});

test("the sign-in page with errors has no accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await page.locator("form[method=post] button[type=submit]").last().click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessible(page);
});

test("course pages (cohort, register, parent, certificate) have no accessibility violations", async ({ page }) => {
  // Six pages with axe on each: more than the default 30 s on a shared 2-core machine.
  test.setTimeout(180_000);
  await loginAs(page, "lead");
  await page.goto("/courses");
  await page.locator('tr[data-status="running"] a').first().click();
  await expectAccessible(page);
  const cohort = page.url();
  await page.locator('a[href*="/sessions/"]').first().click();
  await expectAccessible(page);
  await page.goto(cohort);
  await page.locator('a[href*="/participants/"]').first().click();
  await expectAccessible(page);
  await page.goto(`${cohort}/enrol`);
  await expectAccessible(page);
  await page.goto(`${cohort}/edit`);
  await expectAccessible(page);
  await page.goto("/courses");
  await page.locator('tr[data-status="completed"] a').first().click();
  await page.locator('a[href*="/certificates/"]').first().click();
  await expectAccessible(page);
});

test("every page of a peer support group has no accessibility violations", async ({ page }) => {
  // Ten pages with axe on each: slow on a small shared machine.
  test.setTimeout(240_000);
  await loginAs(page, "parent_champion");
  await page.goto("/groups");
  const groupUrl = (await page.getByRole("table").getByRole("link").first().getAttribute("href"))!;
  expect(groupUrl).toMatch(/^\/groups\/[a-z0-9]+$/);
  await page.goto(groupUrl);
  await expectAccessible(page);
  for (const sub of ["/members/new", "/meetings/new", "/reach"]) {
    expect((await page.goto(groupUrl + sub))?.status()).toBe(200);
    await expectAccessible(page);
  }
  await page.goto(groupUrl);
  const meetingUrl = (await page.getByRole("table").first().getByRole("link").first().getAttribute("href"))!;
  expect(meetingUrl).toMatch(/\/meetings\/[a-z0-9]+$/);
  await page.goto(meetingUrl);
  await expectAccessible(page);
  await page.context().clearCookies();
  await loginAs(page, "lead");
  for (const sub of ["", "/edit", "/invite", "/members/new?family=EH-00001"]) {
    expect((await page.goto(groupUrl + sub))?.status()).toBe(200);
    await expectAccessible(page);
  }
});
