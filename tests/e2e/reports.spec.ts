import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { expect, expectAccessible, loginAs, test } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

test("a lead chooses a period, reads the suppressed outcome figures with charts, and downloads CSV and XLSX", async ({ page }) => {
  await loginAs(page, "lead");
  await page.getByRole("link", { name: "Reports" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expectAccessible(page);

  // A period that ends before it starts is refused with the GOV.UK error pattern.
  await page.getByLabel("From").fill("2026-04-01");
  await page.getByLabel("To").fill("2025-04-01");
  await page.getByRole("button", { name: "Show outcome figures" }).click();
  await expect(page.getByRole("alert")).toContainText("The end date must be the same as or after the start date");
  await expect(page.getByLabel("To")).toHaveAttribute("aria-describedby", /to-error/);
  await expectAccessible(page);

  await page.getByLabel("From").fill("2022-04-01");
  await page.getByLabel("To").fill("2026-12-31");
  await page.getByLabel("Team").selectOption({ label: "All teams" });
  await page.getByRole("button", { name: "Show outcome figures" }).click();
  await expect(page).toHaveURL(/\/reports\/outcomes\?from=2022-04-01&to=2026-12-31/);
  await expect(page.getByRole("heading", { level: 1, name: "Outcome figures" })).toBeVisible();
  const sources = page.locator('table[data-table="contacts-by-source"]');
  await expect(sources.locator("caption")).toHaveText("Contacts by source");
  await expect(page.getByRole("img", { name: /Contacts by source/ }).first()).toBeVisible();
  for (const id of ["decisions", "step-ups-downs", "assessments", "plans-dated", "reviews", "supervision", "closures", "needs-at-closure", "re-referrals"]) {
    await expect(page.locator(`table[data-table="${id}"]`)).toBeVisible();
  }
  // Every hidden cell says why; no hidden cell carries a number.
  for (const cell of await page.locator('td[data-status="primary"]').all()) await expect(cell).toHaveText("fewer than 5");
  for (const cell of await page.locator('td[data-status="secondary"]').all()) await expect(cell).toHaveText("withheld");
  await expectAccessible(page);

  // CSV of one table: the same figures as the page.
  const csvHref = await page.getByRole("link", { name: "Contacts by source (CSV)" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const csvText = await csv.text();
  expect(csvText).toContain("Source,Contacts");
  const pageTotal = (await sources.locator("tr.eh-report-table__total td").first().innerText()).trim();
  expect(csvText).toContain(`Total,${pageTotal.replace(/,/g, "")}`);

  // XLSX: opens as a workbook with one sheet per table, holding the same total.
  const xlsxHref = await page.getByRole("link", { name: /All tables \(XLSX/ }).getAttribute("href");
  const xlsx = await page.request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as never);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["contacts-by-source", "decisions", "needs-at-closure", "supervision"]));
  const sheet = wb.getWorksheet("contacts-by-source")!;
  expect(sheet.getCell("A1").value).toBe("Contacts by source");
  const totalRow = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === "Total")!;
  expect(String(totalRow.getCell(2).value)).toBe(pageTotal.replace(/,/g, ""));

  // A malformed link is a 400, not an error page with a stack.
  expect((await page.request.get("/reports/outcomes?from=2025-02-30&to=2025-03-01")).status()).toBe(400);
  expect((await page.request.get("/reports/export?format=pdf")).status()).toBe(400);
});

test("a lead writes and saves the annual narrative; it prints under the SEF's three headings", async ({ page }) => {
  await loginAs(page, "lead");
  await page.goto("/reports/annual/2025");
  await expect(page.getByRole("heading", { level: 1, name: "Annual report 2025" })).toBeVisible();
  for (const heading of ["Doing the core job to a consistent standard", "Being creative, pioneering and can-do", "A relentless focus on outcomes"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expectAccessible(page);
  const text = `Every plan now has timescales (${Date.now().toString(36)}).`;
  await page.getByRole("textbox", { name: "Doing the core job to a consistent standard" }).fill(text);
  await page.getByRole("textbox", { name: "Case studies" }).fill("A family new to the borough found a school place within a week.");
  await page.getByRole("button", { name: "Save narrative" }).click();
  await expect(page.getByText("Narrative saved.")).toBeVisible();
  await expect(page.locator("#sef-core").locator("xpath=..").locator(".eh-narrative")).toHaveText(text);
  await expectAccessible(page);

  // Print: the form and links go, the narrative and tables stay.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("form#narrative")).toBeHidden();
  await expect(page.locator('table[data-table="contacts-by-source"]')).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The course and group sections sit under their SEF headings.
  await expect(page.locator("#sef-core").locator("xpath=..").locator('table[data-table="course-enrolments"]')).toBeVisible();
  await expect(page.locator("#sef-outcomes").locator("xpath=..").locator('table[data-table="course-measures"]')).toBeVisible();
  await expect(page.locator("#sef-creative").locator("xpath=..").locator('table[data-table="group-reach"]')).toBeVisible();
  const caption = (await page.locator('table[data-table="contacts-by-source"] caption').innerText()).trim();
  const pageTotal = (await page.locator('table[data-table="contacts-by-source"] tr.eh-report-table__total td').first().innerText()).trim().replace(/,/g, "");
  const meetings = (await page.locator('table[data-table="group-reach"] tr').filter({ hasText: "Meetings held" }).locator("td").first().innerText()).trim();

  // XLSX: the narrative first, then a sheet per table with the page's figures.
  const xlsxLink = page.getByRole("link", { name: /as a spreadsheet \(XLSX/ });
  const xlsx = await page.request.get((await xlsxLink.getAttribute("href"))!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-disposition"]).toContain("annual-report-2025.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as never);
  expect(wb.worksheets[0]!.name).toBe("narrative");
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["contacts-by-source", "course-enrolments", "course-measures", "group-reach", "group-reach-languages"]));
  const narrativeCells = wb.getWorksheet("narrative")!.getColumn(1).values.map(String);
  expect(narrativeCells).toContain(text);
  const sheet = wb.getWorksheet("contacts-by-source")!;
  const totalRow = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === "Total")!;
  expect(String(totalRow.getCell(2).value)).toBe(pageTotal);
  const reach = wb.getWorksheet("group-reach")!;
  expect(String(reach.getRows(1, reach.rowCount)!.find((r) => r.getCell(1).value === "Meetings held")!.getCell(2).value)).toBe(meetings.replace(/,/g, ""));

  // PDF: printed by Chromium, holding the headings, the narrative and the figures.
  const pdfLink = page.getByRole("link", { name: /as PDF/ });
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!, { timeout: 60_000 });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  const parsed = await new PDFParse({ data: new Uint8Array(body) }).getText();
  const pdfText = parsed.text.replace(/\s+/g, " ");
  expect(parsed.total).toBeGreaterThan(1);
  for (const expected of ["Annual report 2025", "Doing the core job to a consistent standard", "A relentless focus on outcomes", caption, text, "Reach of peer support groups"]) {
    expect(pdfText).toContain(expected);
  }
  expect(pdfText).toMatch(new RegExp(`Total ${pageTotal}\\b`));
  expect(pdfText).not.toContain("Save narrative"); // the print view leaves the form out

  // A stale version (someone else saved meanwhile) is refused and changes nothing.
  const csrf = await page.locator('form#narrative input[name="csrf"]').inputValue();
  const stale = await page.request.post("/reports/annual/2025", { form: { csrf, version: "0", core: "overwritten", creative: "", outcomes: "", caseStudies: "" } });
  expect(stale.status()).toBe(409);
  await page.reload();
  await expect(page.locator("#sef-core").locator("xpath=..").locator(".eh-narrative")).toHaveText(text);
});

test("a practitioner sees their own team's figures only, and not the annual report", async ({ page }) => {
  await loginAs(page, "practitioner");
  await page.goto("/reports");
  await expect(page.getByText(/Figures for your team:/)).toBeVisible();
  await expect(page.getByLabel("Team")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Show outcome figures" }).click();
  await expect(page.getByText(/^Team: /)).toBeVisible();
  expect((await page.request.get("/reports/annual/2025")).status()).toBe(403);
  // Asking for another team's figures is refused.
  expect((await page.request.get("/reports/outcomes?team=someone-elses-team")).status()).toBe(403);
});
