import { open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { fsyncTree, lockDataDir, pgliteDir } from "~/utils/embedded-db.server";

/**
 * Backup and restore of the embedded database (`npm run db:backup` / `db:restore`). A
 * backup is PGlite's own dump of its data directory: a gzipped tar of PostgreSQL's files,
 * taken with the database closed, so it is consistent. Both take DATA_DIR's lock, so they
 * refuse to run while the server (or anything else) has the database open.
 */

export class BackupError extends Error {}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries.length === 0;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Writes a backup of the database in `dataDir` to `file`. Refuses an existing file unless `force`. */
export async function backupDataDir(dataDir: string, file: string, options: { force?: boolean } = {}): Promise<{ bytes: number }> {
  const source = pgliteDir(dataDir);
  if (!(await exists(path.join(source, "PG_VERSION")))) throw new BackupError(`There is no embedded database in ${dataDir}.`);
  if (!options.force && (await exists(file))) throw new BackupError(`${file} already exists. Choose another file name, or add --force to replace it.`);
  const release = await lockDataDir(dataDir);
  try {
    const db = await PGlite.create(source);
    let dump: Blob;
    try {
      dump = await db.dumpDataDir("gzip");
    } finally {
      await db.close();
    }
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Written beside the target and renamed, so a failed backup never leaves half a file under the real name.
    const partial = `${file}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, file);
    return { bytes: bytes.length };
  } finally {
    await release();
  }
}

/** Whether the file starts like a gzip stream (what dumpDataDir writes). */
async function looksLikeBackup(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Restores `file` into `dataDir`. A data directory that already holds a database is
 * replaced only with `force`; the old files are removed only after the restored database
 * has opened and answered, and put back if it does not.
 */
export async function restoreDataDir(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<{ tables: number }> {
  if (!(await exists(file))) throw new BackupError(`${file} does not exist.`);
  if (!(await looksLikeBackup(file))) throw new BackupError(`${file} is not a backup made by npm run db:backup.`);
  const target = pgliteDir(dataDir);
  const occupied = !(await isEmptyOrMissing(target));
  if (occupied && !options.force) {
    throw new BackupError(`${dataDir} already holds a database. Restore into an empty DATA_DIR, or add --force to replace it.`);
  }
  const release = await lockDataDir(dataDir);
  const aside = `${target}.replaced-${Date.now()}`;
  try {
    if (occupied) await rename(target, aside);
    else await rm(target, { recursive: true, force: true });
    try {
      const db = await PGlite.create({ dataDir: target, loadDataDir: new Blob([await readFile(file)]) });
      try {
        const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
        return { tables: rows[0]?.n ?? 0 };
      } finally {
        await db.close();
        // The restored files were written with PGlite's fsync off: flush them before saying it worked.
        await fsyncTree(target);
      }
    } catch (error) {
      await rm(target, { recursive: true, force: true });
      if (occupied) await rename(aside, target);
      throw error;
    }
  } finally {
    if (occupied) await rm(aside, { recursive: true, force: true });
    await release();
  }
}
