import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
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

/** Where PGlite keeps PostgreSQL's files inside DATA_DIR (beside the lock file). */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, "pglite");
}

/**
 * Takes DATA_DIR for this process (a lock file with its pid) or throws when another
 * running process holds it. Returns the function that releases it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "eh.lock");
  const existing = await readFile(lockFile, "utf8").catch(() => null);
  if (existing && Number(existing) !== process.pid && (await isRunning(Number(existing)))) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${existing}. Stop it first, ` +
        `or set DATA_DIR to another directory.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

/**
 * Starts PostgreSQL-in-WebAssembly (PGlite) on `dataDir` (or in memory when null) and
 * serves it on a loopback port so `pg` and Prisma talk to it like any PostgreSQL.
 * One process per data directory: a lock file refuses a second one.
 */
export async function startEmbeddedDb(dataDir: string | null): Promise<EmbeddedDb> {
  const release = dataDir ? await lockDataDir(dataDir) : null;
  const db = await PGlite.create(dataDir ? pgliteDir(dataDir) : undefined);
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
      await release?.();
    },
  };
}
