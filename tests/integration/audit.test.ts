import { audit } from "~/utils/audit.server";
import { getDb, testInfo } from "./helpers";

describe("audit trail", () => {
  it("appends entries with who, what, which record and from where", async () => {
    const db = getDb();
    const marker = `rec-${Date.now()}`;
    await audit({ user: { id: "u1", email: "a@test.example" }, info: testInfo }, { action: "read", entity: "family", entityId: marker, familyId: marker });
    const row = await db.auditEvent.findFirstOrThrow({ where: { entityId: marker } });
    expect(row).toMatchObject({ actorId: "u1", actorEmail: "a@test.example", action: "read", entity: "family", familyId: marker, ip: testInfo.ip, requestId: testInfo.requestId });
    expect(row.at).toBeInstanceOf(Date);
  });

  async function refusal(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
    } catch (error) {
      return String((error as Error).message);
    }
    return "no error";
  }

  it("cannot be updated, deleted or truncated, even with raw SQL", async () => {
    const db = getDb();
    const marker = `imm-${Date.now()}`;
    await audit({ user: null, info: testInfo }, { action: "read", entity: "family", entityId: marker });
    await expect(db.auditEvent.updateMany({ where: { entityId: marker }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { entityId: marker } })).rejects.toThrow(/append-only/);
    expect(await refusal(() => db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorId" = 'x' WHERE "entityId" = '${marker}'`))).toMatch(/append-only/);
    expect(await refusal(() => db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`))).toMatch(/append-only/);
    expect(await refusal(() => db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`))).toMatch(/append-only/);
    const row = await db.auditEvent.findFirstOrThrow({ where: { entityId: marker } });
    expect(row.action).toBe("read");
  });
});
