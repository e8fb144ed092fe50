import { closeSync, fsyncSync, openSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";
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

type NodeFsOps = {
  stream_ops: { fsync?: (stream: { nfd?: number }) => void };
  tryFSOperation: (operation: () => void) => void;
};

/**
 * PGlite's NodeFS with a working fsync. As shipped, PGlite starts PostgreSQL with `-F`
 * (fsync off), Emscripten's fdatasync is a stub and its Node file system has no fsync:
 * a commit reaches the operating system's page cache (so it survives the process being
 * killed) but nothing ever asks the disk to keep it, so a power cut or kernel crash can
 * lose acknowledged transactions or leave the data directory inconsistent. This file
 * system passes PostgreSQL's fsync through to the disk; with fsync on and
 * wal_sync_method=fsync (fdatasync would hit the stub) every commit is flushed before it
 * is acknowledged, as on a normal PostgreSQL (measured ≈ 0.6 ms a commit here).
 */
class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS["init"]>) {
    const result = await super.init(...args);
    result.emscriptenOpts.preRun = [
      ...(result.emscriptenOpts.preRun ?? []),
      (mod) => {
        const nodefs = (mod.FS as unknown as { filesystems: { NODEFS: NodeFsOps } }).filesystems.NODEFS;
        nodefs.stream_ops.fsync = (stream) => {
          // tryFSOperation turns a failure into an errno, which PostgreSQL reports.
          if (stream.nfd !== undefined) nodefs.tryFSOperation(() => fsyncSync(stream.nfd!));
        };
      },
    ];
    return result;
  }
}

/**
 * Flushes every file and directory under `dir` to the disk: for data written by PGlite
 * outside the running server (a restored backup), which its fsync never saw.
 */
export async function fsyncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await fsyncTree(full);
    else if (entry.isFile()) {
      const fd = openSync(full, "r");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((p) => p !== "-F"), "-c", "wal_sync_method=fsync"];

/**
 * Starts PostgreSQL-in-WebAssembly (PGlite) on `dataDir` (or in memory when null) and
 * serves it on a loopback port so `pg` and Prisma talk to it like any PostgreSQL.
 * One process per data directory: a lock file refuses a second one.
 */
export async function startEmbeddedDb(dataDir: string | null): Promise<EmbeddedDb> {
  const release = dataDir ? await lockDataDir(dataDir) : null;
  // pg_trgm: family search's trigram indexes (migration family_search_indexes).
  const extensions = { pg_trgm };
  const db = dataDir
    ? await PGlite.create({ fs: new DurableNodeFS(pgliteDir(dataDir)), startParams: DURABLE_START_PARAMS, extensions })
    : await PGlite.create({ extensions });
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
