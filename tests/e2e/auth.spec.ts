import { expect, test, ACCOUNTS, loginAs, type DemoRole } from "./fixtures";

const NAV: Record<DemoRole, { shows: string[]; hides: string[] }> = {
  practitioner: { shows: ["Families"], hides: ["Users", "Audit log"] },
  lead: { shows: ["Families", "Audit log"], hides: ["Users"] },
  facilitator: { shows: [], hides: ["Families", "Users", "Audit log"] },
  parent_champion: { shows: [], hides: ["Families", "Users", "Audit log"] },
  administrator: { shows: ["Users", "Audit log"], hides: ["Families"] },
};

for (const role of Object.keys(ACCOUNTS) as DemoRole[]) {
  test(`${role} signs in, sees their home page and menu, and signs out`, async ({ page }) => {
    await loginAs(page, role, { lng: "en" });
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
    const menu = page.getByRole("navigation", { name: "Menu" });
    for (const item of NAV[role].shows) await expect(menu.getByRole("link", { name: item })).toBeVisible();
    for (const item of NAV[role].hides) await expect(menu.getByRole("link", { name: item })).toHaveCount(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2F/);
  });
}

test("a wrong password shows an error summary linked to the problem", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(ACCOUNTS.practitioner);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The email address or password is not right");
  await expect(page.getByLabel("Email address")).toHaveValue(ACCOUNTS.practitioner);
});

test("repeated failures lock the account with a clear message", async ({ page }) => {
  const email = `nobody-${Date.now()}@demo.example`;
  await page.goto("/login");
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(`guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
  }
  await expect(page.getByRole("alert")).toContainText("Too many attempts to sign in. Wait 15 minutes");
});

test("the facilitator's interface opens in their own language (Dari) at sign-in", async ({ page }) => {
  await loginAs(page, "facilitator");
  await expect(page.locator("html")).toHaveAttribute("lang", "fa-AF");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});

test("a practitioner gets a 403 page, not data, for an administrator's page", async ({ page }) => {
  await loginAs(page, "practitioner");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to see this page");
  await expect(page.getByText("admin@demo.example")).toHaveCount(0);
});

test("the 403 page is in the user's language", async ({ page }) => {
  await loginAs(page, "facilitator");
  const response = await page.goto("/families?lng=pl");
  expect(response?.status()).toBe(403);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("You do not have permission to see this page");
});

test("switching to Dari sets lang and right-to-left, and the choice sticks", async ({ page }) => {
  await loginAs(page, "practitioner");
  await page.goto("/families");
  await page.getByRole("link", { name: "دری" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "fa-AF");
  await expect(page).toHaveURL(/\/families\?lng=fa-AF/);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

test("an unknown language is a clear 400, not an error", async ({ page }) => {
  const response = await page.goto("/login?lng=xx-evil");
  expect(response?.status()).toBe(400);
  await expect(page.getByText("We do not have that language")).toBeVisible();
});

test("a practitioner finds a family and opens the record", async ({ page }) => {
  await loginAs(page, "practitioner");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Families" }).click();
  await page.getByLabel("Search families").fill("Ahmadi");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=Ahmadi/);
  await expect(page.getByRole("table")).not.toContainText("Akhtar");
  const first = page.getByRole("table").getByRole("link").first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ahmadi");
  await expect(page.getByRole("heading", { name: "Children" })).toBeVisible();
});

test("health check reports the database", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
});
