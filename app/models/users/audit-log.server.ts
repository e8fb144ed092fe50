import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { scopeFor } from "~/utils/permissions";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit trail, newest first. Leads (team scope) see events by their team's staff and
 * about their team's families; administrators see everything. Viewing it is audited too.
 */
export async function listAuditEvents(actor: Actor, options: { familyId?: string; page?: number } = {}) {
  const page = Math.max(1, options.page ?? 1);
  let where: Prisma.AuditEventWhereInput = options.familyId ? { familyId: options.familyId } : {};
  if (scopeFor(actor.user.roles, "read:audit") !== "any") {
    const teamId = actor.user.teamId ?? "__none__";
    const [staff, families] = await Promise.all([
      db.user.findMany({ where: { teamId }, select: { id: true } }),
      db.family.findMany({ where: { teamId }, select: { id: true } }),
    ]);
    where = {
      AND: [where, { OR: [{ actorId: { in: staff.map((s) => s.id) } }, { familyId: { in: families.map((f) => f.id) } }] }],
    };
  }
  const events = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
  });
  await audit(actor, { action: "list", entity: "audit", detail: { page, familyId: options.familyId ?? null } });
  return {
    events: events.slice(0, AUDIT_PAGE_SIZE).map((e) => ({ ...e, id: e.id.toString(), at: e.at.toISOString() })),
    hasMore: events.length > AUDIT_PAGE_SIZE,
    page,
  };
}
