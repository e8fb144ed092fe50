import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { loader } from "~/routes/_resources+/healthz";

describe("GET /healthz", () => {
  it("is 200 with the database answering", async () => {
    const res = await loader();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("is 503 when the database does not answer", async () => {
    const real = globalThis.__ehPrisma;
    const dead = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 500 }) });
    globalThis.__ehPrisma = dead;
    try {
      const res = await loader();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "error", db: "unavailable" });
    } finally {
      globalThis.__ehPrisma = real;
      await dead.$disconnect().catch(() => {});
    }
  });
});
