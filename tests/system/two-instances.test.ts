/**
 * Two app instances on one PostgreSQL schema, as behind a load balancer: sessions, the
 * login rate limit and survey exactly-once hold across them, because all three live in
 * the database and not in a process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchema, csrfToken, PASSWORD, postForm, prepareDatabase, signIn, startApp, withClient, type App, type Fixture } from "./helpers";

let a: App;
let b: App;
let fixture: Fixture;
let target: { DATABASE_URL: string };
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const schema = await createSchema("system_two");
  cleanups.push(schema.drop);
  target = { DATABASE_URL: schema.url };
  fixture = await prepareDatabase(schema.url, 1);
  // Started together: the migration runner's advisory lock lets only one migrate.
  const started = await Promise.allSettled([startApp(target, 0), startApp(target, 1)]);
  for (const s of started) if (s.status === "fulfilled") cleanups.push(s.value.stop);
  for (const s of started) if (s.status === "rejected") throw s.reason;
  [a, b] = started.map((s) => (s as PromiseFulfilledResult<App>).value) as [App, App];
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("two app instances on one PostgreSQL", () => {
  it("honours a session signed in on one instance on the other, and ends it on both", async () => {
    const { cookie } = await signIn(a.baseURL, fixture.email, PASSWORD);
    expect(cookie).not.toBeNull();
    const notePath = `/families/${fixture.familyId}/notes/new`;

    // Signed in on A, the form page opens on B, and a note posted to B with the token
    // from A's page is saved.
    const csrf = await csrfToken(a.baseURL, notePath, cookie!);
    expect(await csrfToken(b.baseURL, notePath, cookie!)).toBe(csrf);
    const saved = await postForm(
      b.baseURL,
      notePath,
      { occurredOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), type: "home", purpose: "Posted to B", whatHappened: "Signed in on A.", csrf },
      cookie!,
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/families/${fixture.familyId}/chronology`);

    // Signed out on B, the same cookie no longer opens the page on A.
    const out = await postForm(b.baseURL, "/logout", { csrf }, cookie!);
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/login");
    const after = await fetch(`${a.baseURL}${notePath}`, { headers: { Cookie: cookie! }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
  });

  it("records one response when the same survey code is sent to both at once", async () => {
    const code = fixture.codes[0]!;
    // 20 concurrent sends, alternating between the instances.
    const results = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const app = i % 2 ? b : a;
        const res = await postForm(app.baseURL, `/s/${code}/check?lng=en`, {});
        await res.arrayBuffer();
        return { status: res.status, location: res.headers.get("location") };
      }),
    );
    expect(results.every((r) => r.status === 302)).toBe(true);
    const done = results.filter((r) => r.location === `/s/${code}/done?lng=en`);
    expect(done).toHaveLength(1);
    // Every other send lands on the code's start page, which says it has been used.
    expect(results.filter((r) => r.location === `/s/${code}?lng=en`)).toHaveLength(19);
    const stored = await withClient(target, async (client) => {
      const responses = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "SurveyResponse"`);
      const invitation = await client.query<{ completedOn: Date | null }>(`SELECT "completedOn" FROM "SurveyInvitation" WHERE "code" = $1`, [code]);
      return { responses: responses.rows[0]!.n, completed: invitation.rows[0]!.completedOn !== null };
    });
    expect(stored).toEqual({ responses: 1, completed: true });
  });

  it("checks no more than five of twenty guesses sent to both at once", async () => {
    const email = "someone-else@system.example"; // counted per email, known or not
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn((i % 2 ? b : a).baseURL, email, `guess ${i}`)));
    const checked = results.filter((r) => r.status === 401).length;
    console.log(`20 simultaneous guesses across both instances: ${checked} checked, ${20 - checked} refused as locked`);
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(20 - checked);
  });

  it("counts failed sign-ins on both instances towards one lockout", async () => {
    // Five wrong passwords, alternating A, B, A, B, A: each refused as invalid (401).
    for (let i = 0; i < 5; i++) {
      const app = i % 2 ? b : a;
      expect((await signIn(app.baseURL, fixture.email, `wrong password ${i}`)).status).toBe(401);
    }
    // Now locked on both, even with the right password (429, no session).
    for (const app of [b, a]) {
      const result = await signIn(app.baseURL, fixture.email, PASSWORD);
      expect(result).toEqual({ status: 429, cookie: null });
    }
  });
});
