import { cp, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { parseDatabaseUrl, quoteIdent } from "~/utils/db-url.server";
import { migrate, MigrationChecksumError } from "~/utils/migrate.server";

const scratch: string[] = [];

/** A throwaway schema beside the run's own, so the real ledger is not touched. */
async function scratchUrl(): Promise<string> {
  const url = new URL(inject("databaseUrl"));
  const schema = `scratch_${Math.random().toString(36).slice(2, 10)}`;
  scratch.push(schema);
  url.searchParams.set("schema", schema);
  return url.toString();
}

afterAll(async () => {
  const client = new pg.Client({ connectionString: parseDatabaseUrl(inject("databaseUrl")).connectionString });
  await client.connect();
  for (const schema of scratch) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  await client.end();
});

async function tableNames(url: string): Promise<string[]> {
  const { connectionString, schema } = parseDatabaseUrl(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
    [schema],
  );
  await client.end();
  return rows.map((r) => r.table_name);
}

describe("migrations", () => {
  it("applies the history once, records it in the ledger, and is idempotent", async () => {
    const url = await scratchUrl();
    const first = await migrate(url);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(await tableNames(url)).toEqual(expect.arrayContaining(["_eh_migrations", "User", "Family", "AuditEvent"]));
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
  });

  it("refuses to start when an applied migration has changed", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "eh-mig-"));
    await cp("prisma/migrations", dir, { recursive: true });
    const url = await scratchUrl();
    await migrate(url, { dir });
    const first = (await readdir(dir)).filter((x) => /^\d/.test(x)).sort()[0]!;
    await writeFile(path.join(dir, first, "migration.sql"), "-- edited after it was applied\nSELECT 1;\n");
    await expect(migrate(url, { dir })).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it("rolls back a failing migration and records nothing for it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "eh-mig-"));
    await mkdir(path.join(dir, "0001_ok"));
    await writeFile(path.join(dir, "0001_ok", "migration.sql"), "CREATE TABLE ok_table (id int);");
    await mkdir(path.join(dir, "0002_bad"));
    await writeFile(path.join(dir, "0002_bad", "migration.sql"), "CREATE TABLE half_done (id int); SELECT no_such_column FROM ok_table;");
    const url = await scratchUrl();
    await expect(migrate(url, { dir })).rejects.toThrow();
    const tables = await tableNames(url);
    expect(tables).toContain("ok_table");
    expect(tables).not.toContain("half_done");
    const { connectionString, schema } = parseDatabaseUrl(url);
    const client = new pg.Client({ connectionString });
    await client.connect();
    // Schema-qualified: the embedded database ignores a search_path given at connection.
    const { rows } = await client.query(`SELECT name FROM ${quoteIdent(schema)}."_eh_migrations" ORDER BY name`);
    await client.end();
    expect(rows.map((r) => r.name)).toEqual(["0001_ok"]);
  });
});
