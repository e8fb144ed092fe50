import { vi } from "vitest";

describe("configuration", () => {
  it("refuses to run in production without a long SESSION_SECRET", async () => {
    vi.resetModules();
    const saved = { ...process.env };
    try {
      process.env.NODE_ENV = "production";
      delete process.env.SESSION_SECRET;
      const { getEnv } = await import("~/utils/env.server");
      expect(() => getEnv()).toThrow(/SESSION_SECRET/);
      vi.resetModules();
      process.env.SESSION_SECRET = "short";
      const again = await import("~/utils/env.server");
      expect(() => again.getEnv()).toThrow(/SESSION_SECRET/);
      vi.resetModules();
      process.env.SESSION_SECRET = "x".repeat(40);
      const ok = await import("~/utils/env.server");
      expect(ok.getEnv().NODE_ENV).toBe("production");
    } finally {
      process.env = saved;
    }
  });

  it("has safe defaults in development", async () => {
    vi.resetModules();
    const saved = { ...process.env };
    try {
      process.env.NODE_ENV = "development";
      delete process.env.SESSION_SECRET;
      delete process.env.SESSION_IDLE_MINUTES;
      delete process.env.RETENTION_YEARS;
      const { getEnv, getSessionSecrets } = await import("~/utils/env.server");
      expect(getEnv().SESSION_IDLE_MINUTES).toBe(30);
      expect(getEnv().SESSION_MAX_HOURS).toBe(12);
      expect(getEnv().RETENTION_YEARS).toBe(6);
      expect(getSessionSecrets()[0]).toMatch(/development/);
    } finally {
      process.env = saved;
    }
  });

  it("reads RETENTION_YEARS as whole years and refuses nonsense", async () => {
    const saved = { ...process.env };
    try {
      process.env.NODE_ENV = "development";
      process.env.RETENTION_YEARS = "7";
      vi.resetModules();
      expect((await import("~/utils/env.server")).getEnv().RETENTION_YEARS).toBe(7);
      for (const bad of ["0", "2.5", "six"]) {
        process.env.RETENTION_YEARS = bad;
        vi.resetModules();
        const env = await import("~/utils/env.server");
        expect(() => env.getEnv(), bad).toThrow();
      }
    } finally {
      process.env = saved;
    }
  });
});
