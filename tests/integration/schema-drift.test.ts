import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { inject } from "vitest";
import { parseDatabaseUrl, quoteIdent } from "~/utils/db-url.server";
import { migrate } from "~/utils/migrate.server";

/**
 * The migration history must build exactly the database that prisma/schema.prisma
 * describes: apply every migration to one schema, the SQL Prisma would write for the
 * whole schema to another, and compare tables, columns, indexes and constraints.
 */
const schemas = [`drift_a_${Date.now()}`, `drift_b_${Date.now()}`] as const;

function urlFor(schema: string): string {
  const url = new URL(inject("databaseUrl"));
  url.searchParams.set("schema", schema);
  return url.toString();
}

async function describe_(client: pg.Client, schema: string) {
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_eh_migrations'
      ORDER BY table_name, column_name`,
    [schema],
  );
  const indexes = await client.query(
    `SELECT tablename, indexname, replace(indexdef, $1, 'S') AS def FROM pg_indexes
      WHERE schemaname = $2 AND tablename <> '_eh_migrations' ORDER BY tablename, indexname`,
    [quoteIdent(schema), schema],
  );
  const constraints = await client.query(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = $1 AND c.conrelid::regclass::text NOT LIKE '%_eh_migrations%' ORDER BY 1, 2`,
    [schema],
  );
  const enums = await client.query(
    `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname ORDER BY t.typname`,
    [schema],
  );
  const strip = (rows: Array<Record<string, unknown>>) =>
    rows.map((r) => JSON.parse(JSON.stringify(r).replaceAll(`${schema}.`, "").replaceAll(`"${schema}".`, "")));
  return { columns: strip(columns.rows), indexes: strip(indexes.rows), constraints: strip(constraints.rows), enums: enums.rows };
}

describe("migrations and schema", () => {
  afterAll(async () => {
    const client = new pg.Client({ connectionString: parseDatabaseUrl(inject("databaseUrl")).connectionString });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(s)} CASCADE`);
    await client.end();
  });

  it("the migration history builds exactly what prisma/schema.prisma describes", async () => {
    const { stdout } = await promisify(execFile)(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { env: { ...process.env, DATABASE_URL: inject("databaseUrl"), PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" } },
    );
    const fromSchema = stdout.replace(/CREATE SCHEMA IF NOT EXISTS "public";/, "");

    await migrate(urlFor(schemas[0]));
    const client = new pg.Client({ connectionString: parseDatabaseUrl(inject("databaseUrl")).connectionString });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${quoteIdent(schemas[1])}`);
      await client.query(`SET search_path TO ${quoteIdent(schemas[1])}`);
      try {
        await client.query(fromSchema);
      } finally {
        await client.query("RESET search_path");
      }
      const built = await describe_(client, schemas[0]);
      const wanted = await describe_(client, schemas[1]);
      expect(built.enums).toEqual(wanted.enums);
      expect(built.columns).toEqual(wanted.columns);
      expect(built.indexes).toEqual(wanted.indexes);
      expect(built.constraints).toEqual(wanted.constraints);
    } finally {
      await client.end();
    }
  }, 120_000);
});
