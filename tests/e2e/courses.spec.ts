import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../app/utils/demo-accounts";
import { expect, test, ACCOUNTS, expectAccessible, loginAs, type DemoRole } from "./fixtures";

// A whole 13-session cohort, with axe on every kind of page: slow on a small shared machine.
test.describe.configure({ timeout: 420_000 });

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Signs in as another role in English; waits longer than loginAs for argon2 on a busy machine. */
async function switchTo(page: Page, role: DemoRole) {
  await page.context().clearCookies();
  await page.goto("/login?lng=en");
  await page.locator("input[name=email]").fill(ACCOUNTS[role]);
  await page.locator("input[name=password]").fill(DEMO_PASSWORD);
  await page.locator("form[method=post] button[type=submit]").last().click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
}

test("a lead runs a 13-session cohort; the facilitator takes registers on a phone; completion, change and a Dari certificate", async ({ page }) => {
  const id = Date.now().toString(36);
  const programme = `E2E Strengthening Families ${id}`;
  const cohortName = `E2E cohort ${id}`;

  // The programme catalogue.
  await switchTo(page, "lead");
  await page.goto("/courses");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Programme catalogue" }).click();
  await expectAccessible(page);
  await page.getByLabel("Name", { exact: true }).fill(programme);
  await page.getByLabel("Description").fill("Thirteen weekly sessions for parents.");
  await page.getByRole("textbox", { name: "Number of sessions" }).fill("13");
  await page.getByLabel("Session length in minutes").fill("180");
  await page.getByRole("radio", { name: "A number of sessions" }).check();
  await page.getByLabel("Sessions or percentage needed").fill("10");
  await page.getByRole("checkbox", { name: /SWEMWBS/ }).check();
  await page.getByRole("checkbox", { name: "دری" }).check();
  await page.getByRole("button", { name: "Add programme" }).click();
  await expect(page.getByRole("heading", { level: 2, name: programme })).toBeVisible();

  // Create the cohort: 13 weekly sessions from a start date, capacity 2, Farid facilitating.
  await page.goto("/courses/new");
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "Programme" }).selectOption({ label: `${programme} (13 sessions)` });
  await page.getByLabel("Cohort name").fill(cohortName);
  await page.getByLabel("First session").fill(inDays(-91));
  await page.getByLabel("Venue").fill("Golden Lane Children's Centre");
  await page.getByRole("checkbox", { name: "دری" }).check();
  await page.getByLabel("Places for parents").fill("2");
  await page.getByRole("checkbox", { name: "Farid Noori" }).check();
  await page.getByRole("button", { name: "Create cohort" }).click();
  await expect(page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Session \d+$/ })).toHaveCount(13);
  await expectAccessible(page);
  const cohortUrl = page.url();

  // Enrol two self-referrals; a third is refused a place (full) and goes on the waiting list.
  const enrolOne = async (name: string, language: string, status: string) => {
    await page.goto(`${cohortUrl}/enrol`);
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Phone").fill("07700 900111");
    await page.getByLabel("Preferred language").selectOption({ label: language });
    await page.getByRole("radio", { name: status }).check();
    await page.getByRole("button", { name: "Enrol" }).click();
  };
  await page.goto(`${cohortUrl}/enrol`);
  await expectAccessible(page);
  await enrolOne("Mariam Karimi", "دری", "Enrolled");
  await expect(page).toHaveURL(cohortUrl);
  await enrolOne("Sarah Walker", "English", "Enrolled");
  await enrolOne("Nadia Popal", "پښتو", "Enrolled");
  await expect(page.getByRole("alert")).toContainText("The cohort is full");
  await expectAccessible(page);
  await page.getByRole("radio", { name: "On the waiting list" }).check();
  await page.getByRole("button", { name: "Enrol" }).click();
  await expect(page.getByRole("heading", { name: "Waiting list" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Nadia Popal" })).toBeVisible();

  // The family record's entry point lists open cohorts.
  await page.goto("/families");
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("link", { name: "Enrol on a course" }).click();
  await expect(page.getByRole("link", { name: new RegExp(cohortName) })).toBeVisible();
  await expectAccessible(page);

  // The facilitator takes all 13 registers on a 360×640 phone.
  await page.setViewportSize({ width: 360, height: 640 });
  await switchTo(page, "facilitator");
  await page.goto("/courses");
  await page.getByRole("link", { name: cohortName }).click();
  await expect(page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
  const sessions = await page.getByRole("link", { name: /^Session \d+$/ }).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(sessions).toHaveLength(13);
  for (const [i, url] of sessions.entries()) {
    await page.goto(url);
    if (i === 0) {
      await expectAccessible(page);
      // Nothing wider than the phone: no sideways scrolling to take a register.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    await page.getByRole("group", { name: "Mariam Karimi" }).getByRole("radio", { name: "Present" }).check();
    await page.getByRole("group", { name: "Sarah Walker" }).getByRole("radio", { name: i < 6 ? "Present" : i % 2 ? "Absent" : "Apologies" }).check();
    await page.getByRole("button", { name: "Save register" }).click();
    await expect(page.getByText("The register is saved.")).toBeVisible();
  }

  // Measures: a post score without a pre score is refused; Mariam's pre and post are recorded.
  await page.goto(cohortUrl);
  await page.getByRole("link", { name: "Sarah Walker" }).first().click();
  const sarahForm = page.locator("form").filter({ has: page.locator('input[name="measureKey"][value="swemwbs"]') });
  await sarahForm.getByRole("radio", { name: "After the course" }).check();
  for (let i = 0; i < 7; i++) await sarahForm.locator(`select[name="answers[${i}]"]`).selectOption("3");
  await sarahForm.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByRole("alert")).toContainText("Record the before score first");
  await expectAccessible(page);

  await page.goto(cohortUrl);
  await page.getByRole("link", { name: "Mariam Karimi" }).first().click();
  const form = () => page.locator("form").filter({ has: page.locator('input[name="measureKey"][value="swemwbs"]') });
  for (let i = 0; i < 7; i++) await form().locator(`select[name="answers[${i}]"]`).selectOption("3");
  await form().getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByRole("cell", { name: "19.25" })).toBeVisible();
  await form().getByRole("radio", { name: "After the course" }).check();
  for (const [i, v] of ["4", "4", "3", "4", "3", "3", "4"].entries()) await form().locator(`select[name="answers[${i}]"]`).selectOption(v);
  await form().getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByRole("cell", { name: /22\.35/ })).toBeVisible();
  await expectAccessible(page);

  // The lead completes the cohort: Mariam (13 of 13) completes, Sarah (about 9) does not.
  await page.setViewportSize({ width: 1280, height: 720 });
  await switchTo(page, "lead");
  await page.goto(cohortUrl);
  await page.getByRole("button", { name: "Complete the cohort and issue certificates" }).click();
  await expect(page.getByTestId("completion")).toHaveText("1 of 2 parents completed (50%).");
  await expect(page.getByTestId("change-swemwbs")).toContainText("Based on 1 parent with before and after scores.");
  await expect(page.getByTestId("change-swemwbs")).toContainText("3.1");
  await expect(page.getByTestId("lacking-post")).toContainText("Sarah Walker");
  await expectAccessible(page);

  // Mariam's certificate, in Dari, right to left.
  await page.getByRole("link", { name: "Certificate for Mariam Karimi" }).click();
  const certificate = page.locator("article.eh-certificate");
  await expect(certificate).toHaveAttribute("lang", "fa-AF");
  await expect(certificate).toHaveAttribute("dir", "rtl");
  await expect(certificate.getByRole("heading", { level: 1 })).toHaveText("تصدیق‌نامهٔ تکمیل دوره");
  await expect(certificate).toContainText("Mariam Karimi");
  await expect(certificate).toContainText(programme);
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "Certificate for Sarah Walker" })).toHaveCount(0);
});

test("a facilitator sees only their own cohorts and no family records", async ({ page }) => {
  await loginAs(page, "facilitator", { lng: "en" });
  await page.goto("/courses");
  await expect(page.getByRole("link", { name: "Autumn, Dari and Pashto" })).toBeVisible();
  await page.getByRole("link", { name: "Autumn, Dari and Pashto" }).click();
  await expect(page.getByRole("link", { name: /^Family record of/ })).toHaveCount(0);
  expect((await page.goto("/families"))?.status()).toBe(403);
});

test("a lead invites a completed cohort's graduates to a peer support group from the cohort page", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "lead");
  await page.goto("/courses");
  await page.locator('tr[data-status="completed"] a').first().click();
  await expect(page).toHaveURL(/\/courses\/[a-z0-9]{20,}$/);
  const cohortUrl = page.url();
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Invite graduates to a peer support group" }) });
  await expect(section).toBeVisible();
  await expectAccessible(page);
  const button = section.getByRole("button").first();
  const groupName = ((await button.textContent()) ?? "").replace("Invite them to ", "").trim();
  await button.click();
  await expect(page).toHaveURL(new RegExp(`^${cohortUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\?invited=`));
  await expect(page.getByText(/parents? invited/)).toBeVisible();
  // Twice is harmless: nobody is added again.
  const added = Number(new URL(page.url()).searchParams.get("invited"));
  await section.getByRole("button", { name: `Invite them to ${groupName}` }).click();
  await expect(page).toHaveURL(/invited=0&alreadyMembers=/);
  expect(Number(new URL(page.url()).searchParams.get("alreadyMembers"))).toBeGreaterThanOrEqual(added);
  // The group's reach counts them as coming from a course.
  await page.goto("/groups");
  await page.getByRole("link", { name: groupName }).first().click();
  await expect(page.getByText(/course/i).first()).toBeVisible();
});

test("a lead rewords a programme in use, whose sessions and completion rule stay as they are", async ({ page }) => {
  const sfsc = "Strengthening Families, Strengthening Communities";
  await loginAs(page, "lead");
  await page.goto("/courses/programmes");
  await page.getByRole("link", { name: `Change ${sfsc}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change programme" })).toBeVisible();
  await expect(page.getByText(/cohorts? uses? this programme/)).toBeVisible();
  await expect(page.getByLabel("Number of sessions")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Name").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter this information");
  await expectAccessible(page);
  await page.getByLabel("Name").fill(sfsc);
  await page.getByLabel("Description").fill("Thirteen weekly sessions of three hours for parents of children aged 0 to 18, with a crèche.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/courses\/programmes$/);
  await expect(page.getByText("Thirteen weekly sessions of three hours for parents of children aged 0 to 18, with a crèche.")).toBeVisible();
});
