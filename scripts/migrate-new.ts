/**
 * Creates the next migration from the change to prisma/schema.prisma, offline. The
 * Prisma CLI here cannot introspect a database (see ../shared/STACK.md), so each
 * migration folder keeps a copy of the schema it was made from (schema.prisma); the
 * new migration is the diff from the latest copy to the current schema, computed by
 * the CLI through the pg adapter against a throwaway in-memory PGlite. Usage: npm run db:migrate:new -- <name> [--check]
 * With --check it writes nothing and exits 1 when the schema and migrations differ.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDb } from "../app/utils/embedded-db.server";
import { readMigrations } from "../app/utils/migrate.server";

const args = process.argv.slice(2);
const check = args.includes("--check");
const name = args.find((a) => !a.startsWith("--"));
if (!check && (!name || !/^[a-z0-9_]+$/.test(name))) {
  console.error("Usage: npm run db:migrate:new -- <name_in_snake_case>");
  process.exit(2);
}

const db = await startEmbeddedDb(null);
let sql: string;
try {
  const migrations = await readMigrations();
  const latest = migrations.at(-1);
  const from = latest
    ? ["--from-schema-datamodel", path.join("prisma", "migrations", latest.name, "schema.prisma")]
    : ["--from-empty"];
  // Async on purpose: the embedded database answers from this process's event loop.
  const result = await promisify(execFile)(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: db.url, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" },
    },
  );
  sql = result.stdout;
} finally {
  await db.stop();
}

const body = sql
  .split("\n")
  .filter((line) => !line.startsWith("-- This is an empty migration."))
  .join("\n")
  .trim();
// Migrations run inside the target schema's search_path: never name "public".
const cleaned = body.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n*/m, "").trim();

if (check) {
  if (cleaned) {
    console.error("prisma/schema.prisma differs from the migrations. Run npm run db:migrate:new -- <name>:\n" + cleaned);
    process.exit(1);
  }
  console.log("Schema and migrations agree.");
  process.exit(0);
}
if (!cleaned) {
  console.log("No schema changes: nothing to do.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), cleaned + "\n");
await copyFile(path.join("prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
console.log(`Created ${dir}/migration.sql. Review it, add any hand-written SQL, then commit.`);
