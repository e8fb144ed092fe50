/**
 * `npm run db:backup -- <file> [--force]`: writes a backup of the embedded database in
 * DATA_DIR (default data/) to <file>. Stop the server first: the database must be closed.
 * With DATABASE_URL set, use PostgreSQL's own pg_dump instead.
 */
import path from "node:path";
import { BackupError, backupDataDir } from "../app/utils/backup.server";
import { parseBackupArgs, refuseForPostgres } from "./db-backup-args";

refuseForPostgres("backup");
const { file, force } = parseBackupArgs(process.argv.slice(2), "db:backup");
const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
try {
  const t0 = Date.now();
  const { bytes } = await backupDataDir(dataDir, path.resolve(file), { force });
  console.log(`Backed up ${dataDir} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(error instanceof BackupError || error instanceof Error ? error.message : error);
  process.exit(1);
}
