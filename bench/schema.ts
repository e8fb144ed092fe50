/** Points a raw pg client and the app's Prisma client at one PostgreSQL schema, migrated with the app's migrations. */
import type pg from "pg";
import { migrate } from "~/utils/migrate.server";

export async function useSchema(admin: pg.Client, base: string, schema: string) {
  if (!/^[a-z0-9_]+$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await admin.query(`SET search_path TO "${schema}"`);
  await migrate(url.toString());
  if (globalThis.__ehPrisma) await globalThis.__ehPrisma.$disconnect();
  globalThis.__ehPrisma = undefined;
  process.env.DATABASE_URL = url.toString();
  return url.toString();
}
