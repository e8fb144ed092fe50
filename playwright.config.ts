import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/**
 * End-to-end tests in Debian's Chromium against the built app, freshly seeded.
 * Two projects: every page in a left-to-right language and in a right-to-left one.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    timezoneId: "Europe/London",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    {
      name: "ltr",
      testIgnore: /rtl-screenshots\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } },
    },
    {
      // axe on every page in Dari, and the reviewed screenshots of the RTL languages.
      name: "rtl",
      testMatch: /(a11y|rtl-screenshots)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], locale: "fa-AF", extraHTTPHeaders: { "Accept-Language": "fa-AF,fa;q=0.9" } },
    },
  ],
  webServer: {
    command: `bash scripts/e2e-server.sh ${PORT}`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    // Seeding a new embedded database takes a minute or more on a loaded 2-core machine.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
