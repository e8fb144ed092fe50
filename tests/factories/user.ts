import { randomUUID } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { hashPassword } from "~/utils/auth.server";
import type { PrismaClient } from "~/utils/db.server";

export const TEST_PASSWORD = "correct horse battery staple";

let cachedHash: Promise<string> | null = null;

/** A user with a unique email; the password is TEST_PASSWORD unless given. */
export async function createUser(
  db: PrismaClient,
  options: { roles: Role[]; teamId?: string | null; email?: string; name?: string; password?: string; language?: string },
) {
  const passwordHash = options.password ? await hashPassword(options.password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  return db.user.create({
    data: {
      email: (options.email ?? `user-${randomUUID()}@test.example`).toLowerCase(),
      name: options.name ?? `Test ${options.roles.join(" ")}`,
      roles: options.roles,
      teamId: options.teamId ?? null,
      passwordHash,
      preferredLanguage: options.language ?? "en",
    },
  });
}

export async function createTeam(db: PrismaClient, name = `Team ${randomUUID().slice(0, 8)}`) {
  return db.team.create({ data: { name } });
}
