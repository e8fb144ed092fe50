import { seedDemo } from "../../prisma/seed-data";
import { getDb } from "./helpers";
import { DEMO_ACCOUNTS } from "~/utils/demo-accounts";

describe("demo seed", () => {
  it("loads staff in every role and a few dozen families, and is idempotent", async () => {
    const db = getDb();
    const first = await seedDemo(db);
    const counts = async () => ({
      users: await db.user.count({ where: { email: { endsWith: "@demo.example" } } }),
      families: await db.family.count({ where: { reference: { startsWith: "EH-" } } }),
      members: await db.familyMember.count({ where: { family: { reference: { startsWith: "EH-" } } } }),
    });
    const before = await counts();
    expect(first.families).toBeGreaterThanOrEqual(30);
    expect(before.families).toBe(first.families);
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.roles).toEqual(account.roles);
    }
    const afghan = await db.family.count({ where: { reference: { startsWith: "EH-" }, preferredLanguage: { in: ["fa-AF", "ps"] }, resettlementScheme: { not: null } } });
    expect(afghan).toBeGreaterThanOrEqual(5);

    const second = await seedDemo(db);
    expect(second.created).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
