/**
 * `npm run db:restore -- <file> [--force]`: restores a backup made by db:backup into
 * DATA_DIR (default data/). Refuses a DATA_DIR that already holds a database unless
 * --force is given. Stop the server first. With DATABASE_URL set, use pg_restore instead.
 */
import path from "node:path";
import { BackupError, restoreDataDir } from "../app/utils/backup.server";
import { parseBackupArgs, refuseForPostgres } from "./db-backup-args";

refuseForPostgres("restore");
const { file, force } = parseBackupArgs(process.argv.slice(2), "db:restore");
const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
try {
  const t0 = Date.now();
  const { tables } = await restoreDataDir(path.resolve(file), dataDir, { force });
  console.log(`Restored ${file} into ${dataDir} (${tables} tables) in ${((Date.now() - t0) / 1000).toFixed(1)} s. Start the server with npm start.`);
} catch (error) {
  console.error(error instanceof BackupError || error instanceof Error ? error.message : error);
  process.exit(1);
}
