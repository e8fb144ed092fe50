import type { Page } from "@playwright/test";
import { expect, test, expectAccessible, loginAs, type DemoRole } from "./fixtures";

// The journey crosses a dozen pages with axe on each: slow on a small shared machine.
test.describe.configure({ timeout: 300_000 });

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function switchTo(page: Page, role: DemoRole) {
  await page.context().clearCookies();
  await loginAs(page, role);
}

/** Creates a family as the signed-in user and returns its page URL. */
async function createFamily(page: Page, surname: string) {
  await page.goto("/families/new");
  await expectAccessible(page);
  await page.getByLabel("Family name").fill(`${surname} family`);
  await page.getByLabel("Postcode").fill("EC1Y 0RN");
  await page.locator('[name="members[0].firstName"]').fill("Sarah");
  await page.locator('[name="members[0].lastName"]').fill(surname);
  await page.locator('[name="members[0].relationship"]').fill("mother");
  await page.locator('[name="members[1].firstName"]').fill("Amelia");
  await page.locator('[name="members[1].lastName"]').fill(surname);
  await page.locator('[name="members[1].dateOfBirth"]').fill("2018-03-04");
  await page.getByRole("button", { name: "Add family" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${surname} family` })).toBeVisible();
  return page.url();
}

async function recordContact(page: Page, familyUrl: string) {
  await page.goto(familyUrl);
  await page.getByRole("link", { name: "Record a request for support" }).click();
  await expectAccessible(page);
  await page.getByLabel("Where the request came from").selectOption("school");
  await page.getByLabel("Reason for the request").fill("Attendance has fallen to 70% this term.");
  await page.getByRole("radio", { name: "Given" }).check();
  await page.getByRole("button", { name: "Save request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Awaiting decision");
  return page.url();
}

async function decide(page: Page, outcome: string, rationale: string, extra?: { stage?: string; pathway?: string }) {
  if (extra?.stage) await page.getByLabel("Stage").selectOption(extra.stage);
  await page.getByLabel("Decision", { exact: true }).selectOption(outcome);
  await page.getByLabel("Rationale").fill(rationale);
  if (extra?.pathway) await page.getByLabel("Pathway").fill(extra.pathway);
  await page.getByRole("button", { name: "Record decision" }).click();
}

test("the whole early help journey: contact → decision → assessment → sign-off → plan → review → closure", async ({ page }) => {
  test.setTimeout(180_000); // the longest journey in the suite: about 30 pages on a loaded 2-core machine
  const surname = `Journey${Date.now().toString(36)}`;
  await loginAs(page, "practitioner");
  const familyUrl = await createFamily(page, surname);
  await expectAccessible(page);

  // A second family with the same surname and child's date of birth is flagged.
  await page.goto("/families/new");
  await page.getByLabel("Family name").fill(`${surname} family`);
  await page.locator('[name="members[0].kind"]').selectOption("child");
  await page.locator('[name="members[0].firstName"]').fill("Amy");
  await page.locator('[name="members[0].lastName"]').fill(surname);
  await page.locator('[name="members[0].dateOfBirth"]').fill("2018-03-04");
  await page.getByRole("button", { name: "Add family" }).click();
  await expect(page.getByText("This family may already be known")).toBeVisible();
  await expectAccessible(page);

  const episodeUrl = await recordContact(page, familyUrl);
  await expectAccessible(page);

  // The lead accepts, allocates, and the practitioner assesses.
  await switchTo(page, "lead");
  await page.goto(episodeUrl);
  await decide(page, "accept_for_assessment", "   ");
  await expect(page.getByRole("alert")).toContainText("Enter the rationale");
  await expectAccessible(page);
  await decide(page, "accept_for_assessment", "Needs across education and family relationships; family keen.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Open");
  await page.getByLabel("Allocate a lead practitioner").selectOption({ label: "Priya Shah" });
  await page.getByRole("button", { name: "Save allocation" }).click();
  await expect(page.getByRole("table").getByText("Priya Shah")).toBeVisible();
  await expectAccessible(page);

  await switchTo(page, "practitioner");
  await page.goto(`${episodeUrl}/assessment`);
  await expectAccessible(page);
  await page.locator('[name="needs[0].present"]').check();
  await page.locator('[name="needs[0].severity"]').selectOption("2");
  await page.locator('[name="needs[0].notes"]').fill("70% attendance");
  await page.getByLabel("Strengths").fill("Warm, loving relationships");
  await page.getByLabel("Analysis").fill("Mornings are chaotic since the move.");
  await page.locator('[name="children[0].wishesAndFeelings"]').fill("Likes art; misses her friends");
  await page.locator('[name="children[0].seenAlone"]').check();
  await page.getByRole("button", { name: "Save and send for sign-off" }).click();
  await expect(page.getByText("Awaiting sign-off")).toBeVisible();

  await switchTo(page, "lead");
  await page.goto(`${episodeUrl}/assessment`);
  await page.getByRole("radio", { name: "Approve" }).check();
  await page.getByLabel("Rationale").fill("Clear analysis with the child's voice; proceed to a TAF plan.");
  await page.getByRole("button", { name: "Record sign-off decision" }).click();
  await expect(page).toHaveURL(episodeUrl);

  await switchTo(page, "practitioner");
  await page.goto(`${episodeUrl}/plan`);
  await page.getByRole("button", { name: "Start the plan" }).click();
  await page.getByLabel("What will be different for the family").fill("Amelia attends school at least 95% of the time");
  await page.getByRole("button", { name: "Add outcome" }).click();
  await expect(page.getByRole("cell", { name: /Amelia attends school/ })).toBeVisible();
  // An action without a due date is refused.
  await page.getByLabel("Action", { exact: true }).fill("Morning routine chart");
  await page.getByLabel("Who will do it").fill("Sarah");
  await page.getByLabel("Agency").fill("Family");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a due date");
  await page.getByLabel("Due date").fill(inDays(14));
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByRole("cell", { name: "Morning routine chart", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${episodeUrl}/review`);
  await expectAccessible(page);
  await page.getByLabel(/Amelia attends school/).fill("6");
  await page.getByLabel("Summary").fill("On time four days out of five.");
  await page.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose the decision at this review");
  await page.getByRole("radio", { name: "Continue the plan" }).check();
  await page.getByLabel("Rationale for the decision").fill("Routines are holding; keep going to the next review.");
  await page.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByRole("columnheader", { name: /Review 1/ })).toBeVisible();
  // Distance travelled is charted (an SVG image with its own name) above the table of scores.
  await expect(page.getByRole("img", { name: /Distance travelled/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${familyUrl}/notes/new`);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);
  await page.getByLabel("Who was seen").fill("Sarah and Amelia");
  await page.getByLabel("Purpose").fill("Check the routine");
  await page.getByLabel("What happened").fill("Chart on the fridge and in use.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Chronology" })).toBeVisible();

  await switchTo(page, "lead");
  await page.goto(`${episodeUrl}/closure`);
  await expectAccessible(page);
  await page.getByLabel("Date closed").fill("2001-01-01");
  await page.getByRole("radio", { name: "Outcomes met" }).check();
  await page.getByRole("radio", { name: "Met", exact: true }).check();
  await page.getByLabel("Closure summary and rationale").fill("Attendance at 96% for six weeks.");
  await page.getByRole("button", { name: "Sign off and close" }).click();
  await expect(page.getByRole("alert")).toContainText("cannot be before the request");
  await page.getByLabel("Date closed").fill(today());
  await page.getByRole("button", { name: "Sign off and close" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Closed");

  // A new request within 12 months is flagged as a re-referral.
  await page.goto(familyUrl);
  await page.getByRole("link", { name: "Record a request for support" }).click();
  await page.getByLabel("Reason for the request").fill("Health visitor concerned about sleep.");
  await page.getByRole("radio", { name: "Given" }).check();
  await page.getByRole("button", { name: "Save request" }).click();
  await expect(page.getByText(/Re-referral: the family's last episode closed/)).toBeVisible();

  await page.goto(`${familyUrl}/chronology?order=asc`);
  await expectAccessible(page);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("Request for support");
  await expect(page.getByText("Decision at Assessment sign-off: Approve")).toBeVisible();
  await page.goto(`${familyUrl}/chronology?type=decision`);
  await expect(page.locator("tbody tr")).toHaveCount(4);
});

test("a lead steps a case up to social care with a pathway", async ({ page }) => {
  const surname = `StepUp${Date.now().toString(36)}`;
  await loginAs(page, "lead");
  const familyUrl = await createFamily(page, surname);
  const episodeUrl = await recordContact(page, familyUrl);
  await decide(page, "accept_for_assessment", "Accept: concerns about neglect to be assessed.");
  await decide(page, "step_up_to_social_care", "Disclosure of harm at school today.", { stage: "step_up" });
  await expect(page.getByRole("alert")).toContainText("Enter the pathway");
  await decide(page, "step_up_to_social_care", "Disclosure of harm at school today.", { stage: "step_up", pathway: "MASH strategy discussion" });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stepped up");
  await expect(page.getByText("Pathway: MASH strategy discussion")).toBeVisible();
  await expectAccessible(page);
  await expect(page).toHaveURL(episodeUrl);
});

test("a partner's online request reaches the lead's triage queue", async ({ page }) => {
  await page.goto("/request-support");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessible(page);
  const family = `Online${Date.now().toString(36)}`;
  await page.getByLabel("Your name").fill("Jo Teacher");
  await page.getByLabel("Your organisation").fill("Prior Weston Primary");
  await page.getByLabel("Your work email address").fill("jo@school.example");
  await page.getByLabel("Family name").fill(family);
  await page.getByLabel(/What is the concern/).fill("<script>alert(1)</script>");
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert")).toContainText("plain text");
  await page.getByLabel(/What is the concern/).fill("Child often hungry and tired in class.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Request sent" })).toBeVisible();
  await expect(page.getByText(/^RFS-[A-Z0-9]{8}$/)).toBeVisible();
  await expect(page.getByText(family)).toHaveCount(0);
  await expectAccessible(page);

  await loginAs(page, "lead");
  await page.goto("/triage");
  // Declining needs a reason (shown in a details panel, also checked by axe when open).
  const section = page.locator("section", { hasText: family });
  await section.locator("summary").click();
  await expect(section.getByLabel("Why is the request declined?")).toBeVisible();
  await expectAccessible(page);
  await section.getByRole("button", { name: /Accept as a new contact/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Awaiting decision");
});

const PAGES: Array<{ role: DemoRole; path: string; status?: number }> = [
  { role: "practitioner", path: "/caseload" },
  { role: "lead", path: "/caseload" },
  { role: "lead", path: "/caseload/team" },
  { role: "lead", path: "/supervision" },
  { role: "practitioner", path: "/supervision" },
  { role: "lead", path: "/triage" },
  { role: "practitioner", path: "/triage", status: 403 },
  { role: "practitioner", path: "/caseload/team", status: 403 },
  { role: "facilitator", path: "/caseload", status: 403 },
  { role: "administrator", path: "/families/new", status: 403 },
];

for (const p of PAGES) {
  test(`${p.path} as ${p.role} answers ${p.status ?? 200} with no accessibility violations`, async ({ page }) => {
    await loginAs(page, p.role);
    const response = await page.goto(p.path);
    expect(response?.status()).toBe(p.status ?? 200);
    await expectAccessible(page);
  });
}

test("family sub-pages are accessible, and another team's practitioner gets 404 on every casework URL", async ({ page }) => {
  await loginAs(page, "practitioner");
  const familyUrl = await createFamily(page, `Scope${Date.now().toString(36)}`);
  const episodeUrl = await recordContact(page, familyUrl);
  for (const path of [`${familyUrl}/consents`, `${familyUrl}/members`, `${familyUrl}/resettlement`, `${familyUrl}/chronology`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectAccessible(page);
  }
  await page.context().clearCookies();
  await page.goto("/login");
  await page.locator("input[name=email]").fill("practitioner.south@demo.example");
  await page.locator("input[name=password]").fill("early-help-demo");
  await page.locator("form[method=post] button[type=submit]").last().click();
  await expect(page).not.toHaveURL(/\/login/);
  const urls = [
    familyUrl,
    `${familyUrl}/contacts/new`,
    `${familyUrl}/notes/new`,
    `${familyUrl}/chronology`,
    `${familyUrl}/consents`,
    `${familyUrl}/members`,
    `${familyUrl}/resettlement`,
    episodeUrl,
    `${episodeUrl}/assessment`,
    `${episodeUrl}/plan`,
    `${episodeUrl}/review`,
  ];
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
});
