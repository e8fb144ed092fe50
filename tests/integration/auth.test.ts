import { isRouteErrorResponse } from "@remix-run/react";
import { LOCKOUT_THRESHOLD, requirePermission, verifyLogin } from "~/utils/auth.server";
import { createUserSession, getCurrentSession } from "~/utils/session.server";
import { scopeFor } from "~/utils/permissions";
import { TEST_PASSWORD } from "../factories/user";
import { createTeam, createUser, getDb } from "./helpers";

const info = (ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) => ({ ip, requestId: "t" });

async function signedInRequest(userId: string, path = "/families"): Promise<Request> {
  const setCookie = await createUserSession(new Request("http://localhost/login"), userId);
  return new Request(`http://localhost${path}`, { headers: { Cookie: setCookie.split(";")[0]! } });
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown response");
}

describe("verifyLogin", () => {
  it("accepts the right password, case-insensitively on email, and records the attempt", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"], email: `Case-${Date.now()}@Test.example` });
    const result = await verifyLogin(user.email.toUpperCase(), TEST_PASSWORD, info());
    expect(result).toMatchObject({ ok: true, userId: user.id });
    expect(await getDb().loginAttempt.count({ where: { email: user.email, succeeded: true } })).toBe(1);
    expect(await getDb().auditEvent.count({ where: { action: "sign-in", actorId: user.id } })).toBe(1);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    expect(await verifyLogin(user.email, "wrong", info())).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLogin(`nobody-${Date.now()}@test.example`, "wrong", info())).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after five failures, even for the right password, and says for how long", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      expect(await verifyLogin(user.email, `wrong-${i}`, info())).toMatchObject({ reason: "invalid" });
    }
    expect(await verifyLogin(user.email, TEST_PASSWORD, info())).toEqual({ ok: false, reason: "locked", minutes: 15 });
  });

  it("checks no more than five of twenty simultaneous guesses", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyLogin(user.email, `wrong-${i}`, info())));
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(20 - checked);
    // The refused ones are not kept, so the lock ends 15 minutes after the checked failures.
    expect(await getDb().loginAttempt.count({ where: { email: user.email } })).toBe(checked);
    // Locked if all five were used, otherwise the right password still gets in.
    expect((await verifyLogin(user.email, TEST_PASSWORD, info())).ok).toBe(checked < LOCKOUT_THRESHOLD);
  });

  it("limits one address trying many accounts", async () => {
    const ip = info().ip;
    for (let i = 0; i < 30; i++) await verifyLogin(`spray-${i}-${Date.now()}@test.example`, "x", { ip, requestId: "t" });
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    expect(await verifyLogin(user.email, TEST_PASSWORD, { ip, requestId: "t" })).toMatchObject({ reason: "locked" });
    expect(await verifyLogin(user.email, TEST_PASSWORD, info())).toMatchObject({ ok: true });
  });

  it("refuses a disabled account", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    await getDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await verifyLogin(user.email, TEST_PASSWORD, info())).toMatchObject({ ok: false, reason: "invalid" });
  });
});

describe("sessions", () => {
  it("issues a new id at every sign-in and ends the previous one", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    const first = await signedInRequest(user.id);
    const cookie = first.headers.get("Cookie")!;
    const second = await createUserSession(new Request("http://localhost/login", { headers: { Cookie: cookie } }), user.id);
    expect(second.split(";")[0]).not.toBe(cookie);
    expect(await getCurrentSession(new Request("http://localhost/", { headers: { Cookie: cookie } }))).toBeNull();
    expect(await getCurrentSession(new Request("http://localhost/", { headers: { Cookie: second.split(";")[0]! } }))).not.toBeNull();
  });

  it("sets a HttpOnly, SameSite=Lax cookie", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    const setCookie = await createUserSession(new Request("http://localhost/login"), user.id);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
  });

  it("ends a session after the idle timeout and after its absolute lifetime", async () => {
    const user = await createUser(getDb(), { roles: ["practitioner"] });
    const idle = await signedInRequest(user.id);
    await getDb().session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await getCurrentSession(idle)).toBeNull();

    const old = await signedInRequest(user.id);
    await getDb().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getCurrentSession(new Request(old.url, { headers: old.headers }))).toBeNull();
  });

  it("ignores a forged or tampered cookie", async () => {
    const forged = new Request("http://localhost/", { headers: { Cookie: "eh_session=abc.def" } });
    expect(await getCurrentSession(forged)).toBeNull();
  });
});

describe("requirePermission", () => {
  it("sends anonymous users to sign in and back", async () => {
    const response = await thrown(requirePermission(new Request("http://localhost/families?q=x"), "read:family"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Ffamilies%3Fq%3Dx");
  });

  it("answers 403 with a translatable message and audits the denial", async () => {
    const user = await createUser(getDb(), { roles: ["facilitator"] });
    const response = await thrown(requirePermission(await signedInRequest(user.id), "read:family"));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ messageKey: "errors.forbidden" });
    expect(await getDb().auditEvent.count({ where: { actorId: user.id, action: "denied" } })).toBe(1);
    expect(isRouteErrorResponse(response)).toBe(false);
  });

  it("returns the actor with the roles that give each permission its scope", async () => {
    const team = await createTeam(getDb());
    const user = await createUser(getDb(), { roles: ["practitioner"], teamId: team.id });
    const actor = await requirePermission(await signedInRequest(user.id), "read:family");
    expect(actor).toMatchObject({ user: { id: user.id, teamId: team.id, roles: ["practitioner"] } });
    // The scope is worked out where it is used, from the roles and the permission exercised.
    expect(actor).not.toHaveProperty("scope");
    expect(scopeFor(actor.user.roles, "read:family")).toBe("team");
  });
});
