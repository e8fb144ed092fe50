import { verify } from "@node-rs/argon2";
import type { Role } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { hashPassword } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { generateTemporaryPassword } from "~/utils/password";

/** Staff accounts for administrators, with team and last sign-in. No password data leaves here. */
export async function listUsers(actor: Actor) {
  const users = await db.user.findMany({
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, email: true, roles: true, organisation: true, lastSignInAt: true, disabledAt: true, team: { select: { name: true } } },
  });
  await audit(actor, { action: "list", entity: "user", detail: { count: users.length } });
  return users;
}

export async function listTeams() {
  return db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function getUser(actor: Actor, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      teamId: true,
      organisation: true,
      preferredLanguage: true,
      lastSignInAt: true,
      disabledAt: true,
      mustChangePassword: true,
      passwordChangedAt: true,
    },
  });
  if (user) await audit(actor, { action: "read", entity: "user", entityId: user.id });
  return user;
}

export type UserInput = { name: string; email: string; roles: Role[]; teamId: string | null; organisation: string | null; preferredLanguage: string };

export class EmailTakenError extends Error {}

/** Creates a staff account with a temporary password, shown once to the administrator. */
export async function createStaffUser(actor: Actor, input: UserInput) {
  const email = input.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError();
  const temporaryPassword = generateTemporaryPassword();
  const user = await db.user.create({
    data: { ...input, email, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true },
  });
  await audit(actor, { action: "create", entity: "user", entityId: user.id, detail: { roles: input.roles, teamId: input.teamId } });
  return { user, temporaryPassword };
}

/** Changes roles, team and organisation. Administrators cannot remove their own administrator role. */
export async function updateStaffUser(actor: Actor, userId: string, input: Omit<UserInput, "email">) {
  const roles = actor.user.id === userId && !input.roles.includes("administrator") ? [...input.roles, "administrator" as Role] : input.roles;
  const user = await db.user.update({ where: { id: userId }, data: { ...input, roles } });
  await audit(actor, { action: "update", entity: "user", entityId: userId, detail: { roles, teamId: input.teamId } });
  return user;
}

/** Disables or re-enables an account; disabling ends its sessions at once. */
export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean) {
  if (disabled && actor.user.id === userId) throw new Error("cannot disable yourself");
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } }),
    ...(disabled ? [db.session.deleteMany({ where: { userId } })] : []),
  ]);
  await audit(actor, { action: disabled ? "disable" : "enable", entity: "user", entityId: userId });
}

/** Issues a new temporary password (shown once), ends the user's sessions, and forces a change at next sign-in. */
export async function resetPassword(actor: Actor, userId: string) {
  const temporaryPassword = generateTemporaryPassword();
  await db.$transaction([
    db.user.update({
      where: { id: userId },
      data: { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, passwordChangedAt: new Date() },
    }),
    db.session.deleteMany({ where: { userId } }),
  ]);
  await audit(actor, { action: "reset-password", entity: "user", entityId: userId });
  return temporaryPassword;
}

/** A person changing their own password; other sessions of theirs end. */
export async function changeOwnPassword(actor: Actor, newPassword: string) {
  await db.$transaction([
    db.user.update({
      where: { id: actor.user.id },
      data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: new Date() },
    }),
    db.session.deleteMany({ where: { userId: actor.user.id, id: { not: actor.sessionId } } }),
  ]);
  await audit(actor, { action: "change-password", entity: "user", entityId: actor.user.id });
}

/** Whether the password is the signed-in person's current one. */
export async function verifyOwnPassword(actor: Actor, password: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: actor.user.id }, select: { passwordHash: true } });
  return user ? verify(user.passwordHash, password).catch(() => false) : false;
}
