import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

/** Staff accounts for administrators, with team and last sign-in. No password data leaves here. */
export async function listUsers(actor: Actor) {
  const users = await db.user.findMany({
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, email: true, roles: true, organisation: true, lastSignInAt: true, disabledAt: true, team: { select: { name: true } } },
  });
  await audit(actor, { action: "list", entity: "user", detail: { count: users.length } });
  return users;
}
