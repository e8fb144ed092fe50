import { afterAll, inject } from "vitest";

// Point the app's lazy Prisma client at the run's database before any test uses it.
process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  await globalThis.__ehPrisma?.$disconnect();
  globalThis.__ehPrisma = undefined;
});
