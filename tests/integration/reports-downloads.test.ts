import ExcelJS from "exceljs";
import * as pdfRoute from "~/routes/reports+/annual.$year_.report[.]pdf";
import * as xlsxRoute from "~/routes/reports+/annual.$year_.report[.]xlsx";
import { createUserSession } from "~/utils/session.server";
import { createTeam, createUser, getDb } from "./helpers";

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response> | Response;

async function call(fn: Loader, url: string, params: Record<string, string>, cookie: string): Promise<Response> {
  try {
    return await fn({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params, context: {} });
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

async function signIn(roles: Array<"lead" | "practitioner">) {
  const team = await createTeam(getDb());
  const user = await createUser(getDb(), { roles, teamId: team.id });
  const setCookie = await createUserSession(new Request("http://localhost/login"), user.id);
  return { user, cookie: setCookie.split(";")[0]! };
}

describe("annual report downloads", () => {
  const previous = process.env.CHROMIUM_PATH;
  afterAll(() => {
    if (previous === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = previous;
  });

  it("answers a translated 503 page, not a 500, when the server has no Chromium, and audits the export", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    const { user, cookie } = await signIn(["lead"]);
    const res = await call(pdfRoute.loader as Loader, "/reports/annual/2025/report.pdf?lng=pl", { year: "2025" }, `${cookie}; lng=pl`);
    expect(res.status).toBe(503);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain('lang="pl"');
    expect(html).toContain("PDF jest niedostępny");
    expect(html).toContain('href="/reports/annual/2025"');
    const events = await getDb().auditEvent.findMany({ where: { actorId: user.id, entity: "report" } });
    expect(events.map((e) => [e.action, e.entityId])).toEqual([["export", "annual-2025"]]);
  });

  it("refuses the PDF and XLSX to team-scoped staff, and a year out of range is not found", async () => {
    const practitioner = await signIn(["practitioner"]);
    expect((await call(pdfRoute.loader as Loader, "/reports/annual/2025/report.pdf", { year: "2025" }, practitioner.cookie)).status).toBe(403);
    expect((await call(xlsxRoute.loader as Loader, "/reports/annual/2025/report.xlsx", { year: "2025" }, practitioner.cookie)).status).toBe(403);
    const lead = await signIn(["lead"]);
    expect((await call(xlsxRoute.loader as Loader, "/reports/annual/1999/report.xlsx", { year: "1999" }, lead.cookie)).status).toBe(404); // as the annual page: no such report
  });

  it("gives the annual XLSX with the narrative first and one sheet per table", async () => {
    const { cookie } = await signIn(["lead"]);
    const res = await call(xlsxRoute.loader as Loader, "/reports/annual/2091/report.xlsx", { year: "2091" }, cookie);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("narrative");
    expect(names).toEqual(expect.arrayContaining(["contacts-by-source", "course-enrolments", "course-completion", "course-measures", "group-reach", "group-reach-languages"]));
    expect(new Set(names).size).toBe(names.length);
    expect(wb.getWorksheet("narrative")!.getCell("A1").value).toBe("Annual report 2091");
  });
});
