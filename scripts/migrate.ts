/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import path from "node:path";
import { startEmbeddedDb } from "../app/utils/embedded-db.server";
import { migrate } from "../app/utils/migrate.server";

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDb(path.resolve(process.env.DATA_DIR ?? "data"));
try {
  const { applied } = await migrate(embedded?.url ?? process.env.DATABASE_URL!, { log: (m) => console.log(m) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
} finally {
  await embedded?.stop();
}
