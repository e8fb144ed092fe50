/**
 * `npm run seed`: loads the demo data. Uses DATABASE_URL when set, otherwise the embedded
 * database in DATA_DIR (default data/). Refuses to run in production.
 */
import path from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/utils/demo-accounts";
import { startEmbeddedDb } from "~/utils/embedded-db.server";
import { migrate } from "~/utils/migrate.server";

if (process.env.NODE_ENV === "production") {
  console.error("Refusing to load demo data with NODE_ENV=production.");
  process.exit(1);
}

const t0 = Date.now();
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDb(path.resolve(process.env.DATA_DIR ?? "data"));
if (embedded) process.env.DATABASE_URL = embedded.url;
try {
  await migrate(process.env.DATABASE_URL!, { log: (m) => console.log(m) });
  const { getDb } = await import("~/utils/db.server");
  const { seedDemo } = await import("./seed-data");
  const db = getDb();
  const result = await seedDemo(db);
  await db.$disconnect();
  console.log(
    `Seeded ${result.staff} staff and ${result.families} families (${result.created} new) in ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
  );
  console.log(`Demo sign-ins (password: ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
} finally {
  await embedded?.stop();
}
