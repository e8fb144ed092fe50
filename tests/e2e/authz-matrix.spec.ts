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

type Ids = { northFamilyId: string; userId: string };
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
  "routes/admin.users._index": { path: () => "/admin/users", get: only(["admin"]), post: everyone(405) },
  "routes/admin.users.new": { path: () => "/admin/users/new", get: only(["admin"]), post: only(["admin"], 400) },
  "routes/admin.users.$userId": { path: (ids) => `/admin/users/${ids.userId}`, get: only(["admin"]), post: only(["admin"], 400) },
  "routes/account.password": { path: () => "/account/password", get: signedIn(200), post: signedIn(400) },
  "routes/audit": { path: () => "/audit", get: only(["lead", "admin"]), post: everyone(405) },
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
    const list = await (await lead.ctx.get("/families")).text();
    const northFamilyId = /href="\/families\/([a-z0-9]+)"/.exec(list)?.[1];
    expect(northFamilyId).toBeTruthy();
    const admin = await contextFor(baseURL!, "admin");
    const users = await (await admin.ctx.get("/admin/users")).text();
    const userId = /href="\/admin\/users\/(?!new")([a-z0-9]+)"/.exec(users)?.[1];
    expect(userId).toBeTruthy();
    await admin.ctx.dispose();
    const ids: Ids = { northFamilyId: northFamilyId!, userId: userId! };

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
