import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../../app/utils/demo-accounts";
import { LANGUAGES } from "../../app/utils/languages";

/**
 * The authorization matrix: every route of the built app (read from the Remix route
 * manifest, so a new route without an entry here fails) × every role, for GET and POST,
 * with the expected outcome. "login" means a redirect to the sign-in page. An allowed
 * POST with an empty form is a 400 (validation), which shows the permission check passed.
 */
const ROLES = ["anonymous", "practitionerA", "practitionerB", "lead", "facilitator", "champion", "admin"] as const;
type RoleKey = (typeof ROLES)[number];
type Outcome = 200 | 301 | 302 | 400 | 403 | 404 | 405 | "login" | "home";

const EMAIL: Record<Exclude<RoleKey, "anonymous">, string> = {
  practitionerA: "practitioner@demo.example",
  practitionerB: "practitioner.south@demo.example",
  lead: "lead@demo.example",
  facilitator: "facilitator@demo.example",
  champion: "champion@demo.example",
  admin: "admin@demo.example",
};

const everyone = (o: Outcome): Record<RoleKey, Outcome> => Object.fromEntries(ROLES.map((r) => [r, o])) as Record<RoleKey, Outcome>;
/** Signed-in roles listed get `allowed`, other signed-in roles 403, anonymous the sign-in page. */
const only = (allowed: RoleKey[], outcome: Outcome = 200, otherwise: Outcome = 403): Record<RoleKey, Outcome> =>
  Object.fromEntries(ROLES.map((r) => [r, r === "anonymous" ? "login" : allowed.includes(r) ? outcome : otherwise])) as Record<RoleKey, Outcome>;
const signedIn = (o: Outcome) => only(["practitionerA", "practitionerB", "lead", "facilitator", "champion", "admin"], o);

type Ids = { northFamilyId: string; userId: string; contactId: string; groupId: string; meetingId: string; memberId: string; surveyId: string; openToken: string } & CourseIds;
/** A running cohort of the north team (facilitated by facilitator@demo), one of its sessions and parents, and a completed parent's certificate. */
type CourseIds = { cohortId: string; sessionId: string; enrolmentId: string; doneCohortId: string; certificateId: string; programmeId: string };
/** A page of one north-team family: its team's practitioner and lead only; the other team gets 404. */
const northFamily = (outcome: Outcome = 200): Record<RoleKey, Outcome> => ({ ...only(["practitionerA", "lead"], outcome), practitionerB: 404 });
/**
 * A form post to a north-team family's page. Casework actions validate the form before
 * loading the family, so the other team's practitioner gets the same 400 as anyone
 * sending an empty form; every write then goes through requireFamily (team-scoped,
 * proved in tests/integration/casework*.test.ts), so nothing of the family is read or changed.
 */
const northFamilyPost = (outcome: Outcome = 400): Record<RoleKey, Outcome> => ({ ...only(["practitionerA", "lead"], outcome), practitionerB: 400 });
/**
 * A page of the parent champion's group (a north-team group): its champion, the north
 * team's practitioner and the lead; the other team and a facilitator who does not run it get 404.
 */
const championGroup = (outcome: Outcome = 200): Record<RoleKey, Outcome> => ({ ...only(["practitionerA", "lead", "champion"], outcome), practitionerB: 404, facilitator: 404 });
/** A form post to it: the form is validated first (400 for everyone who may write to some group), then the group is checked. */
const championGroupPost: Record<RoleKey, Outcome> = only(["practitionerA", "practitionerB", "lead", "facilitator", "champion"], 400);

type Entry = { path: (ids: Ids) => string; get?: Record<RoleKey, Outcome>; post?: Record<RoleKey, Outcome> };

/**
 * Parenting courses. Cohorts belong to the north team: its practitioner and any lead see
 * them, facilitators only their own (facilitator@demo runs both seeded cohorts), the
 * other team gets 404. Actions validate the form first, so an allowed empty post is 400.
 */
const cohortPage = (): Record<RoleKey, Outcome> => ({ ...only(["practitionerA", "lead", "facilitator"]), practitionerB: 404 });
const cohortPost = (): Record<RoleKey, Outcome> => only(["practitionerA", "practitionerB", "lead", "facilitator"], 400);
const COURSE_ROUTES: Record<string, Entry> = {
  "routes/courses+/_index": { path: () => "/courses", get: only(["practitionerA", "practitionerB", "lead", "facilitator"]), post: everyone(405) },
  "routes/courses+/programmes": { path: () => "/courses/programmes", get: only(["lead", "admin"]), post: only(["lead", "admin"], 400) },
  "routes/courses+/programmes_.$programmeId": { path: (ids) => `/courses/programmes/${ids.programmeId}`, get: only(["lead", "admin"]), post: only(["lead", "admin"], 400) },
  "routes/courses+/new": { path: () => "/courses/new", get: only(["lead"]), post: only(["lead"], 400) },
  // Enrolling from a family record needs that family in the user's team; facilitators never see families.
  "routes/courses+/enrol": { path: (ids) => `/courses/enrol?familyId=${ids.northFamilyId}`, get: { ...only(["practitionerA", "lead"]), practitionerB: 404, facilitator: 403 }, post: everyone(405) },
  "routes/courses+/$cohortId": { path: (ids) => `/courses/${ids.cohortId}`, get: cohortPage(), post: cohortPost() },
  "routes/courses+/$cohortId_.edit": { path: (ids) => `/courses/${ids.cohortId}/edit`, get: only(["lead"]), post: only(["lead"], 400) },
  "routes/courses+/$cohortId_.enrol": { path: (ids) => `/courses/${ids.cohortId}/enrol`, get: cohortPage(), post: cohortPost() },
  "routes/courses+/$cohortId_.sessions.$sessionId": { path: (ids) => `/courses/${ids.cohortId}/sessions/${ids.sessionId}`, get: cohortPage(), post: cohortPost() },
  "routes/courses+/$cohortId_.participants.$enrolmentId": { path: (ids) => `/courses/${ids.cohortId}/participants/${ids.enrolmentId}`, get: cohortPage(), post: cohortPost() },
  "routes/courses+/$cohortId_.certificates.$enrolmentId": { path: (ids) => `/courses/${ids.doneCohortId}/certificates/${ids.certificateId}`, get: cohortPage(), post: everyone(405) },
};

/** Finds the seeded cohorts' ids from the lead's pages. */
async function courseIds(ctx: APIRequestContext): Promise<CourseIds> {
  const list = await (await ctx.get("/courses")).text();
  const idOf = (status: string) => new RegExp(`data-status="${status}"[^]*?href="/courses/([a-z0-9]{20,})"`).exec(list)?.[1] ?? "";
  const cohortId = idOf("running");
  const doneCohortId = idOf("completed");
  const page = await (await ctx.get(`/courses/${cohortId}`)).text();
  const done = await (await ctx.get(`/courses/${doneCohortId}`)).text();
  return {
    cohortId,
    doneCohortId,
    sessionId: new RegExp(`/courses/${cohortId}/sessions/([a-z0-9]{20,})`).exec(page)?.[1] ?? "",
    enrolmentId: new RegExp(`/courses/${cohortId}/participants/([a-z0-9]{20,})`).exec(page)?.[1] ?? "",
    certificateId: new RegExp(`/courses/${doneCohortId}/certificates/([a-z0-9]{20,})`).exec(done)?.[1] ?? "",
    programmeId: /href="\/courses\/programmes\/([a-z0-9]{20,})"/.exec(await (await ctx.get("/courses/programmes")).text())?.[1] ?? "",
  };
}

export const MATRIX: Record<string, Entry> = {
  "routes/_index": { path: () => "/", get: signedIn(200), post: everyone(405) },
  "routes/_auth+/login": {
    path: () => "/login",
    // Signed-in people are sent home from the sign-in page, also after a (failed) post.
    get: { ...everyone("home"), anonymous: 200 },
    post: { ...everyone("home"), anonymous: 400 },
  },
  "routes/_auth+/logout": { path: () => "/logout", get: everyone("home"), post: everyone("login") },
  "routes/_resources+/healthz": { path: () => "/healthz", get: everyone(200), post: everyone(405) },
  "routes/_resources+/locales.$lng.$ns": { path: () => "/locales/en/common", get: everyone(200), post: everyone(405) },
  "routes/_resources+/favicon[.]ico": { path: () => "/favicon.ico", get: everyone(301) },
  "routes/_public+/accessibility": { path: () => "/accessibility", get: everyone(200), post: everyone(405) },
  "routes/_public+/privacy": { path: () => "/privacy", get: everyone(200), post: everyone(405) },
  "routes/families+/_index": { path: () => "/families", get: only(["practitionerA", "practitionerB", "lead"]), post: everyone(405) },
  "routes/families+/$familyId": {
    path: (ids) => `/families/${ids.northFamilyId}`,
    get: { ...only(["practitionerA", "lead"]), practitionerB: 404 },
    post: everyone(405),
  },
  "routes/families+/new": { path: () => "/families/new", get: only(["practitionerA", "practitionerB", "lead"]), post: only(["practitionerA", "practitionerB", "lead"], 400) },
  "routes/families+/$familyId_.chronology": { path: (ids) => `/families/${ids.northFamilyId}/chronology`, get: northFamily() },
  "routes/families+/$familyId_.consents": { path: (ids) => `/families/${ids.northFamilyId}/consents`, get: northFamily(), post: northFamilyPost() },
  "routes/families+/$familyId_.members": { path: (ids) => `/families/${ids.northFamilyId}/members`, get: northFamily(), post: northFamilyPost() },
  // An empty checklist is a valid save (nothing done yet), so it redirects back.
  "routes/families+/$familyId_.resettlement": {
    path: (ids) => `/families/${ids.northFamilyId}/resettlement`,
    get: northFamily(),
    post: { ...northFamilyPost(302), practitionerB: 404 },
  },
  "routes/families+/$familyId_.notes.new": { path: (ids) => `/families/${ids.northFamilyId}/notes/new`, get: northFamily(), post: northFamilyPost() },
  "routes/families+/$familyId_.contacts.new": { path: (ids) => `/families/${ids.northFamilyId}/contacts/new`, get: northFamily(), post: northFamilyPost() },
  "routes/families+/$familyId_.contacts.$contactId": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}`,
    get: northFamily(),
    // Decisions and allocation on the episode page are a lead's.
    post: only(["lead"], 400),
  },
  "routes/families+/$familyId_.contacts.$contactId_.assessment": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}/assessment`,
    get: northFamily(),
    post: northFamilyPost(),
  },
  "routes/families+/$familyId_.contacts.$contactId_.plan": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}/plan`,
    get: northFamily(),
    post: northFamilyPost(),
  },
  "routes/families+/$familyId_.contacts.$contactId_.review": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}/review`,
    // This episode has no plan yet, so there is nothing to review: 404 for everyone allowed.
    get: northFamily(404),
    post: northFamilyPost(),
  },
  "routes/families+/$familyId_.contacts.$contactId_.closure": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}/closure`,
    // Closure is a lead's decision and sign-off.
    get: only(["lead"]),
    post: only(["lead"], 400),
  },
  // Subject access export and deletion after retention: a lead of the family's team only (manage:family).
  "routes/families+/$familyId_.export": { path: (ids) => `/families/${ids.northFamilyId}/export`, get: only(["lead"]) },
  "routes/families+/$familyId_.export[.]json": { path: (ids) => `/families/${ids.northFamilyId}/export.json`, get: only(["lead"]) },
  "routes/retention+/_index": { path: () => "/retention", get: only(["lead"]), post: everyone(405) },
  // With nothing ticked, the confirmation step sends the lead back to the list.
  "routes/retention+/confirm": { path: () => "/retention/confirm", get: only(["lead"], 302), post: only(["lead"], 400) },
  "routes/caseload+/_index": { path: () => "/caseload", get: only(["practitionerA", "practitionerB", "lead"]), post: everyone(405) },
  "routes/caseload+/team": { path: () => "/caseload/team", get: only(["lead"]), post: everyone(405) },
  "routes/_casework+/supervision": { path: () => "/supervision", get: only(["practitionerA", "practitionerB", "lead"]), post: only(["lead"], 400) },
  "routes/_casework+/triage": { path: () => "/triage", get: only(["lead"]), post: only(["lead"], 400) },
  "routes/request-support+/_index": { path: () => "/request-support", get: everyone(200), post: everyone(400) },
  // Without the reference it was given, the confirmation page has nothing to show.
  "routes/request-support+/sent": { path: () => "/request-support/sent", get: everyone(400), post: everyone(405) },
  "routes/admin+/users._index": { path: () => "/admin/users", get: only(["admin"]), post: everyone(405) },
  "routes/admin+/users.new": { path: () => "/admin/users/new", get: only(["admin"]), post: only(["admin"], 400) },
  "routes/admin+/users.$userId": { path: (ids) => `/admin/users/${ids.userId}`, get: only(["admin"]), post: only(["admin"], 400) },
  "routes/_auth+/account.password": { path: () => "/account/password", get: signedIn(200), post: signedIn(400) },
  "routes/_admin+/audit": { path: () => "/audit", get: only(["lead", "admin"]), post: everyone(405) },
  ...COURSE_ROUTES,
  "routes/groups+/_index": { path: () => "/groups", get: only(["practitionerA", "practitionerB", "lead", "facilitator", "champion"]), post: everyone(405) },
  "routes/groups+/new": { path: () => "/groups/new", get: only(["lead"]), post: only(["lead"], 400) },
  "routes/groups+/reach": { path: () => "/groups/reach", get: only(["practitionerA", "practitionerB", "lead", "facilitator", "champion"]), post: everyone(405) },
  "routes/groups+/$groupId": { path: (ids) => `/groups/${ids.groupId}`, get: championGroup(), post: everyone(405) },
  "routes/groups+/$groupId_.edit": { path: (ids) => `/groups/${ids.groupId}/edit`, get: only(["lead"]), post: only(["lead"], 400) },
  "routes/groups+/$groupId_.reach": { path: (ids) => `/groups/${ids.groupId}/reach`, get: championGroup(), post: everyone(405) },
  "routes/groups+/$groupId_.members.new": { path: (ids) => `/groups/${ids.groupId}/members/new`, get: championGroup(), post: championGroupPost },
  // A member's page: staff who see member details only, so not the group's own champion.
  "routes/groups+/$groupId_.members.$memberId": { path: (ids) => `/groups/${ids.groupId}/members/${ids.memberId}`, get: { ...championGroup(), champion: 403 }, post: championGroupPost },
  "routes/groups+/$groupId_.meetings.new": { path: (ids) => `/groups/${ids.groupId}/meetings/new`, get: championGroup(), post: championGroupPost },
  "routes/groups+/$groupId_.meetings.$meetingId": { path: (ids) => `/groups/${ids.groupId}/meetings/${ids.meetingId}`, get: championGroup(), post: championGroupPost },
  // GET explains where invitations come from; the invitation itself is a POST (from a cohort page).
  "routes/groups+/$groupId_.invite": { path: (ids) => `/groups/${ids.groupId}/invite`, get: championGroup(), post: championGroupPost },
  // The survey: staff screens are a lead's; the parents' pages are public (the code is the key).
  "routes/surveys+/_index": { path: () => "/surveys", get: only(["lead"]), post: only(["lead"], 400) },
  "routes/surveys+/$surveyId": { path: (ids) => `/surveys/${ids.surveyId}`, get: only(["lead"]), post: only(["lead"], 400) },
  "routes/surveys+/$surveyId_.translations": { path: (ids) => `/surveys/${ids.surveyId}/translations`, get: only(["lead"]), post: only(["lead"], 400) },
  "routes/surveys+/$surveyId_.invitations": { path: (ids) => `/surveys/${ids.surveyId}/invitations`, get: only(["lead"]), post: only(["lead"], 400) },
  "routes/surveys+/$surveyId_.invitations[.]csv": { path: (ids) => `/surveys/${ids.surveyId}/invitations.csv`, get: only(["lead"]) },
  "routes/surveys+/$surveyId_.letters": { path: (ids) => `/surveys/${ids.surveyId}/letters`, get: only(["lead"]) },
  // Satisfaction results are a report of the whole service: leads and administrators read them
  // (practitioners, whose reports are their team's, get 403); leads write the comment notes.
  "routes/surveys+/$surveyId_.results": { path: (ids) => `/surveys/${ids.surveyId}/results`, get: only(["lead", "admin"]), post: only(["lead"], 400) },
  "routes/s+/_index": { path: () => "/s", get: everyone(200), post: everyone(405) },
  // The reusable demo code: its start page, and a post that hands out a code of one's own.
  "routes/s+/$code._index": { path: () => "/s/DEMO-2026?lng=en", get: everyone(200), post: everyone(302) },
  // A reusable code has no question pages of its own: back to its start page.
  "routes/s+/$code.$page": { path: () => "/s/DEMO-2026/1?lng=en", get: everyone(302), post: everyone(302) },
  "routes/s+/$code.check": { path: () => "/s/DEMO-2026/check?lng=en", get: everyone(302), post: everyone(302) },
  "routes/s+/$code.done": { path: () => "/s/DEMO-2026/done?lng=en", get: everyone(302) },
  "routes/s+/open.$token": { path: (ids) => `/s/open/${ids.openToken}?lng=en`, get: everyone(200), post: everyone(302) },
  // Reports: practitioners see their own team's figures; leads and administrators any team's.
  "routes/reports+/_index": { path: () => "/reports", get: only(["practitionerA", "practitionerB", "lead", "admin"]), post: everyone(405) },
  "routes/reports+/outcomes": { path: () => "/reports/outcomes", get: only(["practitionerA", "practitionerB", "lead", "admin"]), post: everyone(405) },
  "routes/reports+/export": { path: () => "/reports/export?format=xlsx", get: only(["practitionerA", "practitionerB", "lead", "admin"]), post: everyone(405) },
  // The annual report is the whole service's: leads and administrators read it, leads write it.
  "routes/reports+/annual.$year": { path: () => "/reports/annual/2025", get: only(["lead", "admin"]), post: only(["lead"], 400) },
  "routes/reports+/annual.$year_.report[.]xlsx": { path: () => "/reports/annual/2025/report.xlsx", get: only(["lead", "admin"]), post: everyone(405) },
  "routes/reports+/annual.$year_.report[.]pdf": { path: () => "/reports/annual/2025/report.pdf", get: only(["lead", "admin"]), post: everyone(405) },
};

type BuiltRoute = { path?: string; index?: boolean; module: { loader?: unknown; action?: unknown; default?: unknown } };

async function builtRoutes(): Promise<Record<string, BuiltRoute>> {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as { routes: Record<string, BuiltRoute> };
  return Object.fromEntries(Object.entries(build.routes).filter(([id]) => id !== "root"));
}

function outcomeOf(status: number, location: string | null): Outcome {
  if (status === 302 && location) {
    const to = new URL(location, "http://x");
    if (to.pathname === "/login") return "login";
    if (to.pathname === "/") return "home";
  }
  return status as Outcome;
}

test("every route has an entry in the matrix, with GET and POST where it serves them", async () => {
  const routes = await builtRoutes();
  expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(routes).sort());
  for (const [id, route] of Object.entries(routes)) {
    if (route.module.loader || route.module.default) expect(MATRIX[id]?.get, `${id} GET`).toBeDefined();
    if (route.module.action) expect(MATRIX[id]?.post, `${id} POST`).toBeDefined();
  }
});

async function contextFor(baseURL: string, role: RoleKey): Promise<{ ctx: APIRequestContext; csrf: string }> {
  const ctx = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  if (role === "anonymous") return { ctx, csrf: "" };
  const res = await ctx.post("/login", { form: { email: EMAIL[role], password: DEMO_PASSWORD } });
  expect(res.status(), `sign in ${role}`).toBe(302);
  const root = await ctx.get("/?_data=root");
  const { csrf } = (await root.json()) as { csrf: string };
  return { ctx, csrf };
}

for (const role of ROLES) {
  test(`authorization matrix for ${role}`, async ({ baseURL }) => {
    const lead = await contextFor(baseURL!, "practitionerA");
    // A north-team family with a request for support on file.
    let northFamilyId = "";
    let contactId = "";
    for (let page = 1; page <= 3 && !contactId; page++) {
      const list = await (await lead.ctx.get(`/families?page=${page}`)).text();
      for (const [, familyId] of list.matchAll(/href="\/families\/([a-z0-9]{20,})"/g)) {
        const familyPage = await (await lead.ctx.get(`/families/${familyId}`)).text();
        const contact = new RegExp(`/families/${familyId}/contacts/([a-z0-9]{20,})`).exec(familyPage)?.[1];
        if (contact) {
          northFamilyId = familyId!;
          contactId = contact;
          break;
        }
      }
    }
    expect(contactId).toBeTruthy();
    const admin = await contextFor(baseURL!, "admin");
    const users = await (await admin.ctx.get("/admin/users")).text();
    const userId = /href="\/admin\/users\/(?!new")([a-z0-9]+)"/.exec(users)?.[1];
    expect(userId).toBeTruthy();
    await admin.ctx.dispose();
    const leadCtx = await contextFor(baseURL!, "lead");
    const courses = await courseIds(leadCtx.ctx);
    expect(Object.values(courses).every(Boolean)).toBe(true);
    // The parent champion's own group (they lead only one) and one of its meetings.
    const champion = await contextFor(baseURL!, "champion");
    const groupId = /href="\/groups\/([a-z0-9]{20,})"/.exec(await (await champion.ctx.get("/groups")).text())?.[1];
    expect(groupId).toBeTruthy();
    const meetingId = new RegExp(`/groups/${groupId}/meetings/([a-z0-9]{20,})`).exec(await (await champion.ctx.get(`/groups/${groupId}`)).text())?.[1];
    expect(meetingId).toBeTruthy();
    await champion.ctx.dispose();
    const memberId = new RegExp(`/groups/${groupId}/members/(?!new")([a-z0-9]{20,})`).exec(await (await leadCtx.ctx.get(`/groups/${groupId}`)).text())?.[1];
    expect(memberId).toBeTruthy();
    const surveys = await (await leadCtx.ctx.get("/surveys")).text();
    const surveyId = /href="\/surveys\/([a-z0-9]{20,})"/.exec(surveys)?.[1];
    expect(surveyId).toBeTruthy();
    const overview = await (await leadCtx.ctx.get(`/surveys/${surveyId}`)).text();
    const openToken = /\/s\/open\/([A-Za-z0-9_-]+)/.exec(overview)?.[1];
    expect(openToken).toBeTruthy();
    await leadCtx.ctx.dispose();
    const ids: Ids = { northFamilyId, userId: userId!, contactId, groupId: groupId!, meetingId: meetingId!, memberId: memberId!, surveyId: surveyId!, openToken: openToken!, ...courses };

    const { ctx, csrf } = await contextFor(baseURL!, role);
    const mismatches: string[] = [];
    const damaged: string[] = [];
    const entries = Object.entries(MATRIX).sort(([a], [b]) => (a === "routes/_auth+/logout" ? 1 : b === "routes/_auth+/logout" ? -1 : a.localeCompare(b)));
    for (const [id, entry] of entries) {
      const url = entry.path(ids);
      if (entry.get) {
        const res = await ctx.get(url);
        const got = outcomeOf(res.status(), res.headers()["location"] ?? null);
        if (got !== entry.get[role]) mismatches.push(`GET ${url} (${id}): expected ${entry.get[role]}, got ${got}`);
        // Every page in every language, read once (by the first role that may read it): no
        // NUL bytes from the streaming renderer's buffer (react#24985, patched).
        if (ROLES.find((r) => entry.get![r] === 200) === role) {
          for (const { code } of LANGUAGES) {
            const page = new URL(url, "http://x");
            page.searchParams.set("lng", code);
            const res = await ctx.get(page.pathname + page.search);
            if (!/^(text\/|application\/json)/.test(res.headers()["content-type"] ?? "")) continue; // XLSX, PDF: binary
            const body = await res.body();
            if (body.includes(0)) damaged.push(`${page.pathname + page.search}: ${body.filter((b) => b === 0).length} NUL bytes`);
          }
        }
      }
      if (entry.post) {
        const res = await ctx.post(url, { form: csrf ? { csrf } : {} });
        const got = outcomeOf(res.status(), res.headers()["location"] ?? null);
        if (got !== entry.post[role]) mismatches.push(`POST ${url} (${id}): expected ${entry.post[role]}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(damaged, "pages with NUL bytes").toEqual([]);
    await ctx.dispose();
    await lead.ctx.dispose();
  });
}

test("a signed-in form post without the session's CSRF token, or from another site, is refused", async ({ baseURL }) => {
  const { ctx, csrf } = await contextFor(baseURL!, "practitionerA");
  expect((await ctx.post("/logout", { form: {} })).status()).toBe(403);
  expect((await ctx.post("/logout", { form: { csrf: "forged" } })).status()).toBe(403);
  expect((await ctx.post("/logout", { form: { csrf }, headers: { Origin: "https://evil.example" } })).status()).toBe(403);
  // Still signed in: none of those took effect.
  expect((await ctx.get("/families")).status()).toBe(200);
  expect(outcomeOf((await ctx.post("/logout", { form: { csrf } })).status(), "/login")).toBe("login");
  await ctx.dispose();
});
