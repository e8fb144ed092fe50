import { action } from "~/routes/_auth+/login";
import { langCookie } from "~/utils/cookies.server";
import { TEST_PASSWORD } from "../factories/user";
import { createUser, getDb } from "./helpers";

const URL_ = "http://localhost/login";

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } });
}

async function run(request: Request): Promise<Response> {
  try {
    return (await action({ request, params: {}, context: {} })) as Response;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

async function attemptsFor(email: string) {
  return getDb().loginAttempt.count({ where: { email } });
}

describe("sign-in action", () => {
  it("signs in with the right details and redirects only within the app", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    const ok = await run(post(new URLSearchParams({ email: user.email, password: TEST_PASSWORD, redirectTo: "/families" })));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/families");
    expect(ok.headers.get("Set-Cookie")).toMatch(/^eh_session=/);

    const evil = await run(post(new URLSearchParams({ email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example" })));
    expect(evil.headers.get("Location")).toBe("/");
  });

  it("opens the interface in the person's language unless this device chose one", async () => {
    const user = await createUser(getDb(), { roles: ["facilitator"], language: "fa-AF" });
    const body = () => new URLSearchParams({ email: user.email, password: TEST_PASSWORD });
    const fresh = await run(post(body()));
    const lng = fresh.headers.getSetCookie().find((c) => c.startsWith("lng="));
    expect(await langCookie.parse(lng!.split(";")[0]!)).toBe("fa-AF");
    const chosen = await run(post(body(), { Cookie: await langCookie.serialize("pl") }));
    expect(chosen.headers.getSetCookie().some((c) => c.startsWith("lng="))).toBe(false);
  });

  it("answers a wrong password with 401 and a translatable message, keeping the email", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    const res = await run(post(new URLSearchParams({ email: user.email, password: "nope" })));
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.result.error[""]).toEqual(["login.errors.invalid"]);
    expect(body.result.initialValue.email).toBe(user.email);
    expect(body.result.initialValue.password).toBeUndefined();
  });

  it("answers a locked account with 429 and the wait", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    for (let i = 0; i < 5; i++) await run(post(new URLSearchParams({ email: user.email, password: `x${i}` })));
    const res = await run(post(new URLSearchParams({ email: user.email, password: TEST_PASSWORD })));
    expect(res.status).toBe(429);
    const body = await res.json();
    expect(body.result.error[""]).toEqual(["login.errors.locked"]);
    expect(body.minutes).toBe(15);
  });

  describe("refuses bad input with a 4xx and changes nothing", () => {
    const email = `bad-input-${Date.now()}@test.example`;
    const cases: Array<[string, () => Request, number]> = [
      ["missing fields", () => post(new URLSearchParams({})), 400],
      ["an email that is not one", () => post(new URLSearchParams({ email: "not-an-email", password: "x" })), 400],
      ["an unknown field", () => post(new URLSearchParams({ email, password: "x", isAdmin: "true" })), 400],
      ["a repeated field", () => post(`email=${email}&email=${email}&password=x`), 400],
      ["a JSON body", () => post(JSON.stringify({ email, password: "x" }), { "Content-Type": "application/json" }), 415],
      ["no content type", () => new Request(URL_, { method: "POST", body: "email=x" }), 415],
      ["a body over 1 MB", () => post(new URLSearchParams({ email, password: "x".repeat(1_100_000) })), 413],
      ["a declared length over 1 MB", () => post(new URLSearchParams({ email, password: "x" }), { "Content-Length": "2000000" }), 413],
      ["a malformed multipart body", () => post("--x\r\ngarbage", { "Content-Type": "multipart/form-data; boundary=y" }), 400],
      ["another site's form", () => post(new URLSearchParams({ email, password: "x" }), { Origin: "https://evil.example" }), 403],
      ["a 10,000-character email", () => post(new URLSearchParams({ email: `${"a".repeat(10_000)}@x.example`, password: "x" })), 400],
    ];
    it.each(cases)("%s", async (_name, make, status) => {
      const before = await getDb().loginAttempt.count();
      const res = await run(make());
      expect(res.status).toBe(status);
      const body = await res.json();
      // Either a form error (conform) or an error page key, never a stack trace.
      expect(JSON.stringify(body)).toMatch(/errors\./);
      expect(await getDb().loginAttempt.count()).toBe(before);
      expect(await attemptsFor(email)).toBe(0);
      expect(await getDb().session.count({ where: { user: { email } } })).toBe(0);
    });
  });
});
