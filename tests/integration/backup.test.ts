import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { backupDataDir, restoreDataDir } from "~/utils/backup.server";
import { startEmbeddedDb } from "~/utils/embedded-db.server";
import { migrate } from "~/utils/migrate.server";

/**
 * Backup and restore of the embedded database, on data directories of their own (not the
 * run's database): seed, back up, change and delete, restore into a fresh directory, and
 * compare every table's rows with the state at backup time.
 */

let root = "";
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "eh-backup-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function withDb<T>(dataDir: string, fn: (client: pg.Client, url: string) => Promise<T>): Promise<T> {
  const db = await startEmbeddedDb(dataDir);
  const client = new pg.Client({ connectionString: db.url.replace(/&connection_limit=1$/, "") });
  try {
    await client.connect();
    return await fn(client, db.url);
  } finally {
    await client.end().catch(() => undefined);
    await db.stop();
  }
}

/** Every application table's rows, in a stable order, as JSON text per table. */
async function snapshot(client: pg.Client): Promise<Record<string, string>> {
  const { rows: tables } = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await client.query(`SELECT * FROM "${name}"`);
    out[name] = JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
  }
  return out;
}

describe("embedded database backup and restore", () => {
  it("restores exactly what was backed up into a fresh data directory", { timeout: 240_000 }, async () => {
    const source = path.join(root, "source");
    const file = path.join(root, "backup.tar.gz");
    const before = await withDb(source, async (client, url) => {
      await migrate(url);
      await client.query(`INSERT INTO "Team" (id, name, "updatedAt") VALUES ('team-1', 'Backup team', now())`);
      for (let i = 1; i <= 25; i++) {
        await client.query(`INSERT INTO "Family" (id, reference, name, "teamId", "updatedAt") VALUES ($1, $2, $3, 'team-1', now())`, [`fam-${i}`, `BK-${i}`, `Family ${i} – Ünïcødé ${"x".repeat(i)}`]);
      }
      return snapshot(client);
    });
    expect(JSON.parse(before.Family!)).toHaveLength(25);

    const { bytes } = await backupDataDir(source, file);
    expect(bytes).toBeGreaterThan(1000);
    await expect(backupDataDir(source, file)).rejects.toThrow(/already exists/);

    // Change and delete after the backup.
    const changed = await withDb(source, async (client) => {
      await client.query(`DELETE FROM "Family" WHERE id IN ('fam-1', 'fam-2', 'fam-3')`);
      await client.query(`UPDATE "Family" SET name = 'changed' WHERE id = 'fam-4'`);
      await client.query(`INSERT INTO "Family" (id, reference, name, "teamId", "updatedAt") VALUES ('fam-new', 'BK-new', 'After backup', 'team-1', now())`);
      return snapshot(client);
    });
    expect(JSON.parse(changed.Family!)).toHaveLength(23);

    const fresh = path.join(root, "fresh");
    const { tables } = await restoreDataDir(file, fresh);
    expect(tables).toBe(Object.keys(before).length);
    const restored = await withDb(fresh, snapshot);
    expect(restored).toEqual(before);

    // The changed directory refuses a restore without --force, then is replaced with it.
    await expect(restoreDataDir(file, source)).rejects.toThrow(/already holds a database/);
    await restoreDataDir(file, source, { force: true });
    expect(await withDb(source, snapshot)).toEqual(before);
    // No copy of the replaced database is left behind (it may hold deleted records).
    expect((await readdir(source)).filter((f) => f.includes("replaced"))).toEqual([]);
  });

  it("refuses a data directory another running process holds, and a file that is not a backup", { timeout: 60_000 }, async () => {
    const dir = path.join(root, "locked");
    const holder = spawn("sleep", ["30"]);
    try {
      await rm(dir, { recursive: true, force: true });
      await writeFile(path.join(root, "not-a-backup.tar.gz"), "hello");
      await expect(restoreDataDir(path.join(root, "not-a-backup.tar.gz"), dir)).rejects.toThrow(/not a backup/);
      await expect(restoreDataDir(path.join(root, "missing.tar.gz"), dir)).rejects.toThrow(/does not exist/);
      await mkdir(path.join(dir, "pglite"), { recursive: true });
      await writeFile(path.join(dir, "pglite", "PG_VERSION"), "17");
      await writeFile(path.join(dir, "eh.lock"), String(holder.pid));
      await expect(backupDataDir(dir, path.join(root, "locked.tar.gz"))).rejects.toThrow(/in use by process/);
    } finally {
      holder.kill();
    }
  });

  it("points PostgreSQL users to pg_dump and pg_restore and exits non-zero", { timeout: 60_000 }, () => {
    for (const script of ["scripts/db-backup.ts", "scripts/db-restore.ts"]) {
      const run = spawnSync(process.execPath, ["--import", "tsx", script, path.join(root, "x.tar.gz")], {
        env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test" },
        encoding: "utf8",
      });
      expect(run.status, script).toBe(2);
      expect(run.stderr).toMatch(script.includes("backup") ? /pg_dump/ : /pg_restore/);
    }
  });
});
