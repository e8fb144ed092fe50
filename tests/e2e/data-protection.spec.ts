import { readFile } from "node:fs/promises";
import { expect, expectAccessible, loginAs, test } from "./fixtures";

test("a lead exports a family's records as a printable page and as JSON", async ({ page }) => {
  await loginAs(page, "lead");
  await page.goto("/families?q=EH-00004");
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("link", { name: "Subject access export (every record)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Subject access export" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Visits and case notes" })).toBeVisible();
  await expect(page.getByText("Check the routine chart", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the same records as JSON" }).click()]);
  expect(download.suggestedFilename()).toBe("subject-access-EH-00004.json");
  const data = JSON.parse(await readFile((await download.path())!, "utf8")) as { family: { reference: string }; caseNotes: unknown[]; consents: unknown[] };
  expect(data.family.reference).toBe("EH-00004");
  expect(data.caseNotes).toHaveLength(2);
  expect(data.consents.length).toBeGreaterThanOrEqual(3);
});

test("a practitioner has no export link and cannot open the retention page", async ({ page }) => {
  await loginAs(page, "practitioner");
  await page.goto("/families?q=EH-00004");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("link", { name: "Chronology" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Subject access export (every record)" })).toHaveCount(0);
  expect((await page.goto("/retention"))?.status()).toBe(403);
});

test("a lead deletes a family past the retention period after confirming", async ({ page }) => {
  await loginAs(page, "lead");
  await page.getByRole("link", { name: "Retention" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Records past retention" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table).toContainText("EH-00007");
  await expect(table).toContainText("EH-00008");
  // The south team's family is its own lead's to decide.
  await expect(table).not.toContainText("EH-00028");
  await expectAccessible(page);

  // Nothing ticked: an error, focused, and nothing happens.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toContainText("Select at least one family");
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: "Select EH-00007" }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check what will be deleted" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Records of EH-00007" })).toContainText("Management decisions");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Delete permanently" }).click();

  await expect(page).toHaveURL(/\/retention\?deleted=1$/);
  await expect(page.getByRole("alert")).toContainText("Families deleted: 1");
  await expect(page.getByRole("table")).not.toContainText("EH-00007");
  await expect(page.getByRole("table")).toContainText("EH-00008");
  await page.goto("/families?q=EH-00007");
  await expect(page.getByText("No families match.")).toBeVisible();
});
