import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { parseDatabaseUrl, quoteIdent } from "./db-url.server";

export type Migration = { name: string; sql: string; checksum: string };

/** The ordered migrations under prisma/migrations (Prisma's folder layout). */
export async function readMigrations(dir = path.resolve("prisma/migrations")): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
    migrations.push({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return migrations;
}

export class MigrationChecksumError extends Error {}

/**
 * Applies pending migrations, each in its own transaction, recording name and checksum
 * in the `_eh_migrations` ledger. Idempotent. Refuses (throws) when an applied
 * migration's file has changed since. An advisory lock keeps several app instances
 * starting at once from racing.
 */
export async function migrate(
  databaseUrl: string,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<{ applied: string[] }> {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    await client.query("SELECT pg_advisory_lock(7226104)");
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS "_eh_migrations" (
        name text PRIMARY KEY,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ name: string; checksum: string }>(
        `SELECT name, checksum FROM "_eh_migrations"`,
      );
      const done = new Map(rows.map((r) => [r.name, r.checksum]));
      for (const m of migrations) {
        const previous = done.get(m.name);
        if (previous !== undefined) {
          if (previous !== m.checksum) {
            throw new MigrationChecksumError(
              `Migration ${m.name} was changed after it was applied (checksum mismatch). ` +
                `Never edit an applied migration: add a new one.`,
            );
          }
          continue;
        }
        await client.query("BEGIN");
        try {
          await client.query(m.sql);
          await client.query(`INSERT INTO "_eh_migrations" (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
        applied.push(m.name);
        log(`applied migration ${m.name}`);
      }
      const known = new Set(migrations.map((m) => m.name));
      for (const name of done.keys()) {
        if (!known.has(name)) log(`warning: applied migration ${name} has no folder here`);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(7226104)");
    }
  } finally {
    // The embedded database multiplexes every connection onto one session, so session
    // settings would leak to other connections: put the search_path back.
    await client.query("RESET search_path").catch(() => {});
    await client.end();
  }
  return { applied };
}
