import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { quoteIdent } from "../../app/utils/db-url.server";
import { startEmbeddedDb } from "../../app/utils/embedded-db.server";
import { migrate } from "../../app/utils/migrate.server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "pglite" | "postgres";
  }
}

/**
 * One database for the integration run: an in-memory PGlite by default, or, with
 * TEST_DB=postgres, a fresh schema in TEST_DATABASE_URL that is dropped afterwards.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB === "postgres") {
    const base = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
    const schema = `eh_test_${randomBytes(4).toString("hex")}`;
    const url = new URL(base);
    url.searchParams.set("schema", schema);
    await migrate(url.toString());
    project.provide("databaseUrl", url.toString());
    project.provide("databaseKind", "postgres");
    return async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await client.end();
    };
  }
  const db = await startEmbeddedDb(null);
  await migrate(db.url);
  project.provide("databaseUrl", db.url);
  project.provide("databaseKind", "pglite");
  return async () => {
    await db.stop();
  };
}
