import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts PostgreSQL-in-WebAssembly (PGlite) on `dataDir` (or in memory when null) and
 * serves it on a loopback port so `pg` and Prisma talk to it like any PostgreSQL.
 * One process per data directory: a lock file refuses a second one.
 */
export async function startEmbeddedDb(dataDir: string | null): Promise<EmbeddedDb> {
  let lockFile: string | null = null;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    lockFile = path.join(dataDir, "eh.lock");
    const existing = await readFile(lockFile, "utf8").catch(() => null);
    if (existing && Number(existing) !== process.pid && (await isRunning(Number(existing)))) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${existing}. Stop it first, ` +
          `or set DATA_DIR to another directory.`,
      );
    }
    await writeFile(lockFile, String(process.pid));
  }
  // pg_trgm: family search's trigram indexes (migration family_search_indexes).
  const db = await PGlite.create(dataDir ? path.join(dataDir, "pglite") : undefined, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 32 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  // PGlite is one session: statements from two connections would interleave inside each
  // other's transactions (and corrupt the extended-query protocol). One pooled connection
  // makes the app queue its queries and transactions instead.
  const url = `postgresql://postgres@${conn}/postgres?sslmode=disable&connection_limit=1`;
  return {
    url,
    stop: async () => {
      await server.stop();
      await db.close();
      if (lockFile) await rm(lockFile, { force: true });
    },
  };
}
