import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { parseDatabaseUrl } from "~/utils/db-url.server";

export type { PrismaClient };

declare global {
  // eslint-disable-next-line no-var
  var __ehPrisma: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: the server sets it after starting the embedded database.");
  }
  const { connectionString, schema, poolMax } = parseDatabaseUrl(url);
  const adapter = new PrismaPg({ connectionString, max: poolMax }, { schema });
  return new PrismaClient({ adapter });
}

/** The one Prisma client, created on first use (after the server has chosen the database). */
export function getDb(): PrismaClient {
  globalThis.__ehPrisma ??= createClient();
  return globalThis.__ehPrisma;
}

/** The Prisma client. A proxy so modules can import it before the database is known. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
