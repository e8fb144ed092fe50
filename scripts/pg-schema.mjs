// Test helper for PostgreSQL: `reset URL SCHEMA` drops stale e2e_ schemas and creates
// SCHEMA; `url URL SCHEMA` prints URL with ?schema=SCHEMA; `reachable URL` exits 0 when
// a server answers within two seconds.
import pg from "pg";

const [command, base, schema] = process.argv.slice(2);
if (command === "url") {
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  console.log(url.toString());
  process.exit(0);
}
const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2000 });
try {
  await client.connect();
  if (command === "reset") {
    if (!/^[a-z0-9_]+$/.test(schema)) throw new Error("bad schema name");
    const { rows } = await client.query(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'e2e\\_%'",
    );
    // Only schemas left by runs that started over three hours ago: others may be in use.
    const cutoff = Math.floor(Date.now() / 1000) - 3 * 3600;
    for (const { nspname } of rows) {
      const started = Number(nspname.split("_")[1]);
      if (Number.isFinite(started) && started < cutoff) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    }
    await client.query(`CREATE SCHEMA "${schema}"`);
  } else if (command !== "reachable") {
    throw new Error(`unknown command ${command}`);
  }
  await client.end();
} catch (error) {
  if (command !== "reachable") console.error(error.message);
  process.exit(1);
}
