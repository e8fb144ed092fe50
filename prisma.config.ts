// Prisma CLI configuration. The CLI runs offline with the JavaScript engine and the pg
// adapter (see ../shared/STACK.md); it is used only for `generate` and for authoring
// migrations through scripts/migrate-new.ts, never to apply them.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg({
      connectionString: process.env.DATABASE_URL ?? "postgresql://127.0.0.1:1/none",
      idleTimeoutMillis: 500,
    }),
});
