import { hash, verify } from "@node-rs/argon2";
import { redirect } from "@remix-run/node";
import { audit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor, type PermissionString } from "~/utils/permissions";
import { getRequestInfo, type RequestInfo } from "~/utils/request-info.server";
import { getCurrentSession, type SessionUser } from "~/utils/session.server";

/**
 * A signed-in user acting in one request: what models need to scope and audit. It carries
 * no scope: each model works out the scope of the permission it exercises from the
 * user's roles (`scopeFor(actor.user.roles, "write:family")`), whatever the route asked.
 */
export type Actor = AuditActor & { user: SessionUser; sessionId: string };

/** Argon2id with OWASP's minimum parameters (19 MiB, 2 iterations). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * Signed-in user or a redirect to /login that comes back here afterwards. Someone with
 * a temporary password is sent to change it before anything else.
 */
export async function requireSignedIn(request: Request) {
  const current = await getCurrentSession(request);
  const url = new URL(request.url);
  if (!current) {
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (current.user.mustChangePassword && url.pathname !== CHANGE_PASSWORD_PATH) {
    throw redirect(CHANGE_PASSWORD_PATH);
  }
  return current;
}

/**
 * The one permission check. Every loader and action calls it first: anonymous users are
 * sent to sign in, users without the permission get a 403 (audited) and no data.
 */
export async function requirePermission(request: Request, permission: PermissionString): Promise<Actor> {
  const current = await requireSignedIn(request);
  const info = getRequestInfo(request);
  const scope = scopeFor(current.user.roles, permission);
  if (!scope) {
    await audit(
      { user: current.user, info },
      { action: "denied", entity: permission.split(":")[1]!, detail: { permission, path: new URL(request.url).pathname } },
    );
    throw errorResponse(403, "errors.forbidden");
  }
  return { user: current.user, sessionId: current.sessionId, info };
}

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
export const IP_THRESHOLD = 30;

export type LoginResult =
  | { ok: true; userId: string; preferredLanguage: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

// Verified against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

/**
 * Checks an email and password. Five failures for one email within 15 minutes lock it
 * for 15 minutes; thirty from one address do the same for that address. Counts live in
 * the database, so they hold across app instances.
 *
 * The attempt is recorded (as a failure) before the count, not after the check: of any
 * number of attempts at once, on any instance, each counts every attempt committed before
 * it counts, so only as many as the limit allows get their password checked. Counting
 * first let 19 of 20 simultaneous guesses through.
 */
export async function verifyLogin(emailInput: string, password: string, info: RequestInfo): Promise<LoginResult> {
  const email = emailInput.trim().toLowerCase();
  const since = new Date(Date.now() - LOCKOUT_MINUTES * 60_000);
  const attempt = await db.loginAttempt.create({ data: { email, ip: info.ip, succeeded: false }, select: { id: true } });
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [emailFailures, ipFailures] = await Promise.all([
    db.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } } }),
    db.loginAttempt.count({ where: { ip: info.ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  // Both counts include this attempt.
  if (emailFailures > LOCKOUT_THRESHOLD || ipFailures > IP_THRESHOLD) {
    // A refused attempt does not count: the lock ends 15 minutes after the failures that caused it.
    await db.loginAttempt.delete({ where: { id: attempt.id } });
    await audit({ user: null, info }, { action: "sign-in-locked", entity: "session", detail: { email } });
    return { ok: false, reason: "locked", minutes: LOCKOUT_MINUTES };
  }
  const user = await db.user.findUnique({ where: { email } });
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = user
    ? await verify(user.passwordHash, password).catch(() => false)
    : (await verify(await dummyHash, password).catch(() => false)) && false;
  const succeeded = Boolean(user && valid && !user.disabledAt);
  if (succeeded) await db.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  if (!succeeded || !user) {
    await audit({ user: null, info }, { action: "sign-in-failed", entity: "session", detail: { email } });
    return { ok: false, reason: "invalid" };
  }
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await audit({ user: { id: user.id, email: user.email }, info }, { action: "sign-in", entity: "session", entityId: user.id });
  return { ok: true, userId: user.id, preferredLanguage: user.preferredLanguage };
}
