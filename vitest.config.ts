import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    globals: true,
    environment: "node",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"],
          setupFiles: ["tests/setup/console.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/console.ts", "tests/setup/db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One worker: PGlite serialises queries anyway, and it keeps the run small on 2 cores.
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
