/** Shared by db-backup.ts and db-restore.ts: argument parsing and the PostgreSQL refusal. */

/** With DATABASE_URL set the data lives in PostgreSQL: its own tools do this job. Exits 2. */
export function refuseForPostgres(what: "backup" | "restore"): void {
  if (!process.env.DATABASE_URL) return;
  console.error(
    what === "backup"
      ? "DATABASE_URL is set, so the data is in PostgreSQL: back it up with pg_dump, e.g.\n  pg_dump --format=custom --file=early-help.dump \"$DATABASE_URL\""
      : "DATABASE_URL is set, so the data is in PostgreSQL: restore it with pg_restore, e.g.\n  pg_restore --clean --if-exists --dbname=\"$DATABASE_URL\" early-help.dump",
  );
  console.error("npm run db:backup and db:restore are for the embedded database only (DATABASE_URL unset).");
  process.exit(2);
}

/** `<file> [--force]`; anything else prints the usage and exits 2. */
export function parseBackupArgs(args: string[], script: string): { file: string; force: boolean } {
  const force = args.includes("--force");
  const rest = args.filter((a) => a !== "--force");
  if (rest.length !== 1 || rest[0]!.startsWith("-")) {
    console.error(`Usage: npm run ${script} -- <file> [--force]`);
    process.exit(2);
  }
  return { file: rest[0]!, force };
}
