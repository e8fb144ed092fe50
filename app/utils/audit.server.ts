import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { RequestInfo } from "~/utils/request-info.server";

export type AuditActor = {
  user: { id: string; email: string } | null;
  info: RequestInfo;
};

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  familyId?: string | null;
  /** Context such as changed field names; never free-text case content. */
  detail?: Prisma.InputJsonValue;
};

type AuditClient = Pick<typeof db, "auditEvent">;

/**
 * Appends one entry to the audit trail. Models call this for every read and write of
 * family data; pass the transaction client when the write is in a transaction so the
 * entry and the change commit together.
 */
export async function audit(actor: AuditActor, entry: AuditEntry, client: AuditClient = db): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: actor.user?.id ?? null,
      actorEmail: actor.user?.email ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      familyId: entry.familyId ?? null,
      ip: actor.info.ip,
      requestId: actor.info.requestId,
      detail: entry.detail,
    },
  });
}
