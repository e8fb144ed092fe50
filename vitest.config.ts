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
      {
        // The built server as a child process (npm run build first): SIGKILL durability and
        // two instances on one database. scripts/test.sh runs it after the build.
        extends: true,
        test: {
          name: "system",
          include: ["tests/system/**/*.test.ts"],
          setupFiles: ["tests/setup/console.ts"],
          // Generous: a fresh PGlite data directory takes 5 s on an idle machine, 45 s on a loaded one.
          testTimeout: 300_000,
          hookTimeout: 60_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
