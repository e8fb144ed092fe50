import type { Actor } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { scopeFor, type PermissionString } from "~/utils/permissions";
import { createTeam, createUser } from "../factories/user";
import type { Role } from "~/generated/prisma/enums";

export const testInfo = { ip: "127.0.0.9", requestId: "test-request" };

/** An Actor as requirePermission would return it, for calling models directly. */
export async function actorFor(roles: Role[], permission: PermissionString, teamId: string | null): Promise<Actor> {
  const user = await createUser(getDb(), { roles, teamId });
  if (!scopeFor(roles, permission)) throw new Error(`roles ${roles.join(",")} lack ${permission}`);
  return {
    user: { id: user.id, email: user.email, name: user.name, roles, teamId, teamName: null, preferredLanguage: "en", mustChangePassword: false },
    sessionId: "test-session",
    info: testInfo,
  };
}

export { createTeam, createUser, getDb };
