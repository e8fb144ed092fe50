import { expect, test, expectAccessible, loginAs } from "./fixtures";

test("an administrator adds a practitioner, who must choose a strong password at first sign-in", async ({ page }) => {
  const email = `new.practitioner.${Date.now()}@demo.example`;
  await loginAs(page, "administrator");
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Add a user" }).click();
  await expectAccessible(page);

  // Nothing filled in: errors, linked from the summary, and nothing created.
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the person's full name");
  await expect(page.getByRole("alert")).toContainText("Select at least one role");
  await expectAccessible(page);

  await page.getByLabel("Full name").fill("Nadia Rahimi");
  await page.getByLabel("Work email address").fill(email);
  await page.getByLabel("Practitioner").check();
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Early Help North" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("heading", { name: "User added" })).toBeVisible();
  const temporary = (await page.locator("code").textContent())!.trim();
  expect(temporary).toMatch(/^[a-z]+-[a-z]+-[a-z]+-[a-z]+-\d\d$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(temporary);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/password/);
  await expect(page.getByText("You signed in with a temporary password")).toBeVisible();
  // Any other page sends them back here until they have changed it.
  await page.goto("/families");
  await expect(page).toHaveURL(/\/account\/password/);
  await expectAccessible(page);

  await page.getByLabel("Current password").fill(temporary);
  await page.getByLabel("New password", { exact: true }).fill("Password1234");
  await page.getByLabel("Type the new password again").fill("Password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert")).toContainText("too common");
  await expectAccessible(page);

  await page.getByLabel("Current password").fill(temporary);
  await page.getByLabel("New password", { exact: true }).fill("walnut glacier pebble ember");
  await page.getByLabel("Type the new password again").fill("walnut glacier pebble ember");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/\?passwordChanged=1/);
  await page.goto("/families");
  await expect(page.getByRole("heading", { name: "Families" })).toBeVisible();
});

test("an administrator can disable an account, which signs it out", async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginAs(otherPage, "practitioner");

  await loginAs(page, "administrator");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Tom Fletcher" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByRole("alert")).toContainText("Account disabled");
  await page.getByRole("button", { name: "Enable account" }).click();
  await expect(page.getByRole("alert")).toContainText("Account enabled");
  await other.close();
});
