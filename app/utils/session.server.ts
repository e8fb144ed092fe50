import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { getEnv, getSessionSecrets } from "~/utils/env.server";

/** The session cookie holds only a random id, signed; the session itself is in the database. */
export const sessionCookie = createCookie("eh_session", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production",
  secrets: getSessionSecrets(),
});

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  teamId: string | null;
  teamName: string | null;
  preferredLanguage: string;
  mustChangePassword: boolean;
};

export type CurrentSession = { sessionId: string; user: SessionUser };

const TOUCH_EVERY_MS = 60_000;
const cache = new WeakMap<Request, Promise<CurrentSession | null>>();

async function loadSession(request: Request): Promise<CurrentSession | null> {
  const sessionId: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof sessionId !== "string" || sessionId.length < 20) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { include: { team: true } } },
  });
  if (!session) return null;
  const now = Date.now();
  const idleMs = getEnv().SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMs <= now || session.user.disabledAt) {
    await db.session.deleteMany({ where: { id: sessionId } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  const u = session.user;
  return {
    sessionId,
    user: {
      id: u.id,
      email: u.email,
      name: u.name,
      roles: u.roles,
      teamId: u.teamId,
      teamName: u.team?.name ?? null,
      preferredLanguage: u.preferredLanguage,
      mustChangePassword: u.mustChangePassword,
    },
  };
}

/** The signed-in session for this request, or null. Cached per request. */
export function getCurrentSession(request: Request): Promise<CurrentSession | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadSession(request);
    cache.set(request, pending);
  }
  return pending;
}

/**
 * Starts a new session for the user and returns its Set-Cookie header. Any session the
 * browser already had is ended, so the id always changes at sign-in.
 */
export async function createUserSession(request: Request, userId: string): Promise<string> {
  const previous: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof previous === "string") await db.session.deleteMany({ where: { id: previous } });
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + getEnv().SESSION_MAX_HOURS * 3_600_000);
  await db.session.create({ data: { id, userId, expiresAt } });
  return sessionCookie.serialize(id, { expires: expiresAt });
}

/** Ends the session and returns the Set-Cookie header that clears the cookie. */
export async function destroyUserSession(request: Request): Promise<string> {
  const previous: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof previous === "string") await db.session.deleteMany({ where: { id: previous } });
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** The CSRF token for a session: an HMAC of its id, so nothing extra is stored. */
export function csrfTokenFor(sessionId: string): string {
  return createHmac("sha256", getSessionSecrets()[0]!).update(`csrf:${sessionId}`).digest("base64url");
}

export function csrfTokenMatches(sessionId: string, token: unknown): boolean {
  if (typeof token !== "string") return false;
  const expected = Buffer.from(csrfTokenFor(sessionId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
