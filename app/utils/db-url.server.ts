/**
 * Turns a DATABASE_URL into settings for `pg` and the Prisma adapter. A `schema` query
 * parameter (Prisma's convention) selects a PostgreSQL schema: tests and several
 * deployments can share one database, each in a schema of its own.
 */
export type PgTarget = {
  /** Connection string for `pg`, with the schema applied as the search_path. */
  connectionString: string;
  /** The schema Prisma should qualify table names with. */
  schema: string;
  /** Most connections the app's pool opens (`connection_limit`, Prisma's convention; default 10). */
  poolMax: number;
};

export function parseDatabaseUrl(url: string): PgTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) {
    throw new Error(`Invalid schema name in DATABASE_URL: ${schema}`);
  }
  parsed.searchParams.delete("schema");
  const limit = parsed.searchParams.get("connection_limit");
  parsed.searchParams.delete("connection_limit");
  const poolMax = limit === null ? 10 : Number(limit);
  if (!Number.isInteger(poolMax) || poolMax < 1 || poolMax > 1000) {
    throw new Error(`Invalid connection_limit in DATABASE_URL: ${limit}`);
  }
  if (schema !== "public") {
    parsed.searchParams.set("options", `-c search_path=${schema}`);
  }
  return { connectionString: parsed.toString(), schema, poolMax };
}

/** Quote an identifier we validated above. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
