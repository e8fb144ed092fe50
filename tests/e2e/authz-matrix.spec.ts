import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../../app/utils/demo-accounts";

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

type Ids = { northFamilyId: string; userId: string; contactId: string };
/** A page of one north-team family: its team's practitioner and lead only; the other team gets 404. */
const northFamily = (outcome: Outcome = 200): Record<RoleKey, Outcome> => ({ ...only(["practitionerA", "lead"], outcome), practitionerB: 404 });
/**
 * A form post to a north-team family's page. Casework actions validate the form before
 * loading the family, so the other team's practitioner gets the same 400 as anyone
 * sending an empty form; every write then goes through requireFamily (team-scoped,
 * proved in tests/integration/casework*.test.ts), so nothing of the family is read or changed.
 */
const northFamilyPost = (outcome: Outcome = 400): Record<RoleKey, Outcome> => ({ ...only(["practitionerA", "lead"], outcome), practitionerB: 400 });

type Entry = { path: (ids: Ids) => string; get?: Record<RoleKey, Outcome>; post?: Record<RoleKey, Outcome> };

export const MATRIX: Record<string, Entry> = {
  "routes/_index": { path: () => "/", get: signedIn(200), post: everyone(405) },
  "routes/login": {
    path: () => "/login",
    // Signed-in people are sent home from the sign-in page, also after a (failed) post.
    get: { ...everyone("home"), anonymous: 200 },
    post: { ...everyone("home"), anonymous: 400 },
  },
  "routes/logout": { path: () => "/logout", get: everyone("home"), post: everyone("login") },
  "routes/healthz": { path: () => "/healthz", get: everyone(200), post: everyone(405) },
  "routes/locales.$lng.$ns": { path: () => "/locales/en/common", get: everyone(200), post: everyone(405) },
  "routes/favicon[.]ico": { path: () => "/favicon.ico", get: everyone(301) },
  "routes/accessibility": { path: () => "/accessibility", get: everyone(200), post: everyone(405) },
  "routes/privacy": { path: () => "/privacy", get: everyone(200), post: everyone(405) },
  "routes/families._index": { path: () => "/families", get: only(["practitionerA", "practitionerB", "lead"]), post: everyone(405) },
  "routes/families.$familyId": {
    path: (ids) => `/families/${ids.northFamilyId}`,
    get: { ...only(["practitionerA", "lead"]), practitionerB: 404 },
    post: everyone(405),
  },
  "routes/families.new": { path: () => "/families/new", get: only(["practitionerA", "practitionerB", "lead"]), post: only(["practitionerA", "practitionerB", "lead"], 400) },
  "routes/families.$familyId_.chronology": { path: (ids) => `/families/${ids.northFamilyId}/chronology`, get: northFamily() },
  "routes/families.$familyId_.consents": { path: (ids) => `/families/${ids.northFamilyId}/consents`, get: northFamily(), post: northFamilyPost() },
  "routes/families.$familyId_.members": { path: (ids) => `/families/${ids.northFamilyId}/members`, get: northFamily(), post: northFamilyPost() },
  // An empty checklist is a valid save (nothing done yet), so it redirects back.
  "routes/families.$familyId_.resettlement": {
    path: (ids) => `/families/${ids.northFamilyId}/resettlement`,
    get: northFamily(),
    post: { ...northFamilyPost(302), practitionerB: 404 },
  },
  "routes/families.$familyId_.notes.new": { path: (ids) => `/families/${ids.northFamilyId}/notes/new`, get: northFamily(), post: northFamilyPost() },
  "routes/families.$familyId_.contacts.new": { path: (ids) => `/families/${ids.northFamilyId}/contacts/new`, get: northFamily(), post: northFamilyPost() },
  "routes/families.$familyId_.contacts.$contactId": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}`,
    get: northFamily(),
    // Decisions and allocation on the episode page are a lead's.
    post: only(["lead"], 400),
  },
  "routes/families.$familyId_.contacts.$contactId_.assessment": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}/assessment`,
    get: northFamily(),
    post: northFamilyPost(),
  },
  "routes/families.$familyId_.contacts.$contactId_.plan": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}/plan`,
    get: northFamily(),
    post: northFamilyPost(),
  },
  "routes/families.$familyId_.contacts.$contactId_.review": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}/review`,
    // This episode has no plan yet, so there is nothing to review: 404 for everyone allowed.
    get: northFamily(404),
    post: northFamilyPost(),
  },
  "routes/families.$familyId_.contacts.$contactId_.closure": {
    path: (ids) => `/families/${ids.northFamilyId}/contacts/${ids.contactId}/closure`,
    // Closure is a lead's decision and sign-off.
    get: only(["lead"]),
    post: only(["lead"], 400),
  },
  "routes/caseload._index": { path: () => "/caseload", get: only(["practitionerA", "practitionerB", "lead"]), post: everyone(405) },
  "routes/caseload.team": { path: () => "/caseload/team", get: only(["lead"]), post: everyone(405) },
  "routes/supervision": { path: () => "/supervision", get: only(["practitionerA", "practitionerB", "lead"]), post: only(["lead"], 400) },
  "routes/triage": { path: () => "/triage", get: only(["lead"]), post: only(["lead"], 400) },
  "routes/request-support._index": { path: () => "/request-support", get: everyone(200), post: everyone(400) },
  // Without the reference it was given, the confirmation page has nothing to show.
  "routes/request-support.sent": { path: () => "/request-support/sent", get: everyone(400), post: everyone(405) },
  "routes/admin.users._index": { path: () => "/admin/users", get: only(["admin"]), post: everyone(405) },
  "routes/admin.users.new": { path: () => "/admin/users/new", get: only(["admin"]), post: only(["admin"], 400) },
  "routes/admin.users.$userId": { path: (ids) => `/admin/users/${ids.userId}`, get: only(["admin"]), post: only(["admin"], 400) },
  "routes/account.password": { path: () => "/account/password", get: signedIn(200), post: signedIn(400) },
  "routes/audit": { path: () => "/audit", get: only(["lead", "admin"]), post: everyone(405) },
  // Reports: practitioners see their own team's figures; leads and administrators any team's.
  "routes/reports._index": { path: () => "/reports", get: only(["practitionerA", "practitionerB", "lead", "admin"]), post: everyone(405) },
  "routes/reports.outcomes": { path: () => "/reports/outcomes", get: only(["practitionerA", "practitionerB", "lead", "admin"]), post: everyone(405) },
  "routes/reports.export": { path: () => "/reports/export?format=xlsx", get: only(["practitionerA", "practitionerB", "lead", "admin"]), post: everyone(405) },
  // The annual report is the whole service's: leads and administrators read it, leads write it.
  "routes/reports.annual.$year": { path: () => "/reports/annual/2025", get: only(["lead", "admin"]), post: only(["lead"], 400) },
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
    const ids: Ids = { northFamilyId, userId: userId!, contactId };

    const { ctx, csrf } = await contextFor(baseURL!, role);
    const mismatches: string[] = [];
    const entries = Object.entries(MATRIX).sort(([a], [b]) => (a === "routes/logout" ? 1 : b === "routes/logout" ? -1 : a.localeCompare(b)));
    for (const [id, entry] of entries) {
      const url = entry.path(ids);
      if (entry.get) {
        const res = await ctx.get(url);
        const got = outcomeOf(res.status(), res.headers()["location"] ?? null);
        if (got !== entry.get[role]) mismatches.push(`GET ${url} (${id}): expected ${entry.get[role]}, got ${got}`);
      }
      if (entry.post) {
        const res = await ctx.post(url, { form: csrf ? { csrf } : {} });
        const got = outcomeOf(res.status(), res.headers()["location"] ?? null);
        if (got !== entry.post[role]) mismatches.push(`POST ${url} (${id}): expected ${entry.post[role]}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
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
