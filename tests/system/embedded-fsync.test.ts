/**
 * A commit on the embedded database is flushed to the disk before it is acknowledged.
 * PGlite as shipped runs with fsync off and a file system whose fsync does nothing
 * (see DurableNodeFS in app/utils/embedded-db.server.ts): a commit then survives the
 * process being killed (crash.test.ts) but not a power cut.
 */
import * as fs from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it, vi } from "vitest";
import { parseDatabaseUrl } from "~/utils/db-url.server";
import { startEmbeddedDb } from "~/utils/embedded-db.server";

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  return { ...actual, fsyncSync: vi.fn(actual.fsyncSync) };
});

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it("flushes every commit on the embedded database to the disk", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "eh-fsync-"));
  dirs.push(dir);
  const db = await startEmbeddedDb(dir);
  const client = new pg.Client({ connectionString: parseDatabaseUrl(db.url).connectionString });
  try {
    await client.connect();
    const settings = await client.query<{ fsync: string; method: string }>(
      "SELECT current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS method",
    );
    expect(settings.rows[0]).toEqual({ fsync: "on", method: "fsync" });
    await client.query("CREATE TABLE durability_probe (id int PRIMARY KEY)");
    const fsyncSync = vi.mocked(fs.fsyncSync);
    for (let i = 1; i <= 3; i++) {
      const before = fsyncSync.mock.calls.length;
      await client.query("INSERT INTO durability_probe VALUES ($1)", [i]);
      // The commit's WAL was flushed (fsync on a real file descriptor) before the answer.
      expect(fsyncSync.mock.calls.length).toBeGreaterThan(before);
    }
  } finally {
    await client.end();
    await db.stop();
  }
});
