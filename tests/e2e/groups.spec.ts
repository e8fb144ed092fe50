import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test, expectAccessible, loginAs } from "./fixtures";

// A group run for a while in the browser, by a lead and by a parent champion in Pashto.
test.describe.configure({ timeout: 300_000 });

const today = () => new Date().toISOString().slice(0, 10);
const ps = JSON.parse(readFileSync("locales/ps/groups.json", "utf8")) as Record<string, Record<string, string>>;

async function reachFigure(page: Page, name: string) {
  // Pashto and Dari show Eastern Arabic digits: read them as numbers too.
  const text = (await page.locator(`[data-reach="${name}"]`).textContent()) ?? "";
  const ascii = text.replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660));
  return Number(ascii.replace(/[^0-9]/g, ""));
}

test("a lead creates a group, adds members, records meetings by name and by head count, and reads its reach", async ({ page }) => {
  const name = `Test fathers ${Date.now().toString(36)}`;
  await loginAs(page, "lead");
  await page.goto("/groups");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create a group" }).click();
  await page.getByLabel("Name of the group").fill(name);
  await page.getByRole("checkbox", { name: "English" }).check();
  await page.getByRole("checkbox", { name: "Pashto" }).check();
  await page.getByRole("checkbox", { name: "Fathers" }).check();
  await page.getByRole("checkbox", { name: "Priya Shah" }).check();
  await page.getByRole("checkbox", { name: "Zarmina Ahmadzai" }).check();
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const groupUrl = page.url();
  await expectAccessible(page);

  // A light member, and one linked to a family record.
  await page.getByRole("link", { name: "Add a member" }).click();
  await page.getByLabel("First name").fill("Daniel");
  await page.getByLabel("Phone number or email (optional)").fill("07700 900777");
  await page.getByLabel("Language they prefer").selectOption("en");
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("1 member", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Add a member" }).click();
  await page.getByLabel("Family reference (optional)").fill("EH-00001");
  await page.getByRole("button", { name: "Find family" }).click();
  await page.getByRole("group", { name: /Which parent in/ }).getByRole("radio").first().check();
  await page.getByRole("radio", { name: "Yes" }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("2 members", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "EH-00001" })).toBeVisible();

  // A meeting by name.
  await page.getByRole("link", { name: "Record a meeting" }).click();
  await page.getByLabel("Date of the meeting").fill(today());
  await page.getByLabel("Topic", { exact: true }).fill("Welcome and introductions");
  await page.getByRole("radio", { name: /By name/ }).check();
  await page.getByRole("checkbox", { name: "Daniel" }).check();
  await page.getByRole("button", { name: "Save meeting" }).click();
  await expect(page.getByRole("cell", { name: "1 parent" })).toBeVisible();

  // A drop-in by head count: a negative number is refused, then a real count is saved.
  await page.getByRole("link", { name: "Record a meeting" }).click();
  await page.getByLabel("Topic", { exact: true }).fill("Football in the park");
  await page.getByRole("radio", { name: /Head count/ }).check();
  await page.getByLabel("Number of adults").fill("-2");
  await page.getByRole("button", { name: "Save meeting" }).click();
  await expect(page.getByRole("alert")).toContainText("cannot be less than 0");
  await expectAccessible(page);
  await page.getByLabel("Number of adults").fill("5");
  await page.getByLabel("Number of children (optional)").fill("8");
  await page.getByRole("button", { name: "Save meeting" }).click();
  await expect(page.getByRole("cell", { name: "5 adults, 8 children" })).toBeVisible();

  await page.getByRole("link", { name: "Reach of this group" }).click();
  await expectAccessible(page);
  expect(await reachFigure(page, "meetings")).toBe(2);
  expect(await reachFigure(page, "uniqueParents")).toBe(1);
  expect(await reachFigure(page, "newMembers")).toBe(2);
  expect(await reachFigure(page, "headCountAdults")).toBe(5);
  expect(await reachFigure(page, "headCountChildren")).toBe(8);

  await page.goto("/groups/reach");
  await expectAccessible(page);
  expect(await reachFigure(page, "meetings")).toBeGreaterThanOrEqual(2);

  // Daniel changes his number, then leaves: he drops off the list, his meeting still counts.
  await page.goto(groupUrl);
  await page.getByRole("link", { name: "Change Daniel" }).click();
  await expectAccessible(page);
  await page.getByLabel("Phone number or email (optional)").fill("07700 900888");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("cell", { name: "07700 900888" })).toBeVisible();
  await page.getByRole("link", { name: "Change Daniel" }).click();
  await page.getByLabel("Date they left").fill("2000-01-01");
  await page.getByRole("button", { name: "Record that they have left" }).click();
  await expect(page.getByRole("alert")).toContainText("cannot be before the date they joined");
  await expectAccessible(page);
  await page.getByLabel("Date they left").fill(today());
  await page.getByRole("button", { name: "Record that they have left" }).click();
  await expect(page.getByText("1 member", { exact: true })).toBeVisible();
  await expect(page.getByText("1 person has left")).toBeVisible();
  await page.getByRole("link", { name: "Reach of this group" }).click();
  expect(await reachFigure(page, "uniqueParents")).toBe(1);
});

test("a parent champion runs their group in Pashto and sees only its member names", async ({ page }) => {
  await loginAs(page, "parent_champion", { lng: "ps" });
  await page.goto("/groups?lng=ps");
  await expect(page.locator("html")).toHaveAttribute("lang", "ps");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ps.list!.title!);
  await expectAccessible(page);
  // Only their own group(s); not the dads' drop-in.
  await expect(page.getByRole("link", { name: "Dads' drop-in" })).toHaveCount(0);
  const groupPath = (await page.getByRole("link", { name: "Afghan mothers' circle" }).getAttribute("href"))!;
  await page.goto(groupPath);
  await expectAccessible(page);
  // Names, never contact details or family records.
  await expect(page.getByText("Freshta")).toBeVisible();
  await expect(page.locator("main")).not.toContainText("07700");
  await expect(page.locator('main a[href^="/families/"]')).toHaveCount(0);
  expect((await page.goto("/families"))?.status()).toBe(403);
  await page.goto(`${groupPath}?lng=ps`);

  // Follow the page's own links by their Pashto names (their addresses, so a click racing
  // hydration on a loaded machine cannot lose the navigation).
  const follow = async (name: string) => {
    const href = await page.getByRole("link", { name }).first().getAttribute("href");
    expect(href).toBeTruthy();
    await page.goto(href!);
  };
  await follow((ps.group as Record<string, string>).addMember!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText((ps.member as Record<string, string>).title!);
  await expectAccessible(page);
  const newName = `Palwasha${Date.now().toString(36).slice(-3)}`;
  await page.locator("[name=firstName]").fill(newName);
  await page.locator("[name=language]").selectOption("ps");
  await page.locator("[name=consentToContact][value=yes]").check();
  await page.locator("main form[method=post] button[type=submit]").click();
  await expect(page.getByText(newName)).toBeVisible();

  await follow((ps.group as Record<string, string>).recordMeeting!);
  await expectAccessible(page);
  await page.locator("[name=topic]").fill("د ښوونځي داخله");
  await page.locator("[name=attendanceMode][value=named]").check();
  await page.getByRole("checkbox", { name: newName }).check();
  await page.getByRole("checkbox", { name: "Freshta" }).check();
  await page.locator("main form[method=post] button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`${groupPath}$`));

  await follow((ps.group as Record<string, string>).recordMeeting!);
  await page.locator("[name=topic]").fill("د ماشومانو لوبې");
  await page.locator("[name=attendanceMode][value=head_count]").check();
  await page.locator("[name=headCountAdults]").fill("-1");
  await page.locator("main form[method=post] button[type=submit]").click();
  await expect(page.getByRole("alert")).toContainText((ps.errors as Record<string, string>).headCountNegative!);
  await expectAccessible(page);
  await page.locator("[name=headCountAdults]").fill("6");
  await page.locator("main form[method=post] button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`${groupPath}$`));

  // The new meeting's page, then the reach.
  await page.goto((await page.getByRole("table").first().getByRole("link").first().getAttribute("href"))!);
  await expect(page).toHaveURL(/\/meetings\/[a-z0-9]+$/);
  await expectAccessible(page);
  await page.goto(`${groupPath}/reach`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText((ps.reach as Record<string, string>).title!);
  await expectAccessible(page);
  expect(await reachFigure(page, "uniqueParents")).toBeGreaterThanOrEqual(2);
  expect(await reachFigure(page, "headCountAdults")).toBeGreaterThanOrEqual(6);
});
