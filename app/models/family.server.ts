import { likeLiteral } from "~/utils/like";
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

/**
 * The `where` that limits family records to what the actor may see. Team scope: the
 * actor's own team; no team means nothing. "any" scope is the whole service.
 */
export function familyScope(actor: Actor): Prisma.FamilyWhereInput {
  if (actor.scope === "any") return {};
  if (!actor.user.teamId) return { id: "__none__" };
  return { teamId: actor.user.teamId };
}

export const FAMILY_PAGE_SIZE = 25;

/** Families the actor may see, newest first, optionally matching a family, member or reference. Audited as one list read. */
export async function listFamilies(actor: Actor, options: { q?: string; page?: number } = {}) {
  const raw = options.q?.trim();
  const q = raw ? likeLiteral(raw) : raw;
  const page = Math.max(1, options.page ?? 1);
  const where: Prisma.FamilyWhereInput = {
    AND: [
      familyScope(actor),
      q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { reference: { contains: q, mode: "insensitive" } },
              { members: { some: { OR: [{ firstName: { contains: q, mode: "insensitive" } }, { lastName: { contains: q, mode: "insensitive" } }] } } },
            ],
          }
        : {},
    ],
  };
  const [families, total] = await Promise.all([
    db.family.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * FAMILY_PAGE_SIZE,
      take: FAMILY_PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        name: true,
        preferredLanguage: true,
        resettlementScheme: true,
        updatedAt: true,
        _count: { select: { members: true } },
      },
    }),
    db.family.count({ where }),
  ]);
  await audit(actor, { action: "list", entity: "family", detail: { count: families.length, page, searched: Boolean(q) } });
  return { families, total, page, pageCount: Math.max(1, Math.ceil(total / FAMILY_PAGE_SIZE)) };
}

/** One family with its members, or null when it does not exist or is outside the actor's scope. Audited. */
export async function getFamily(actor: Actor, familyId: string) {
  const family = await db.family.findFirst({
    where: { AND: [{ id: familyId }, familyScope(actor)] },
    include: { team: { select: { name: true } }, members: { orderBy: [{ kind: "asc" }, { dateOfBirth: "asc" }, { firstName: "asc" }] } },
  });
  if (!family) {
    const exists = await db.family.count({ where: { id: familyId } });
    if (exists) await audit(actor, { action: "denied", entity: "family", entityId: familyId, familyId });
    return null;
  }
  await audit(actor, { action: "read", entity: "family", entityId: family.id, familyId: family.id });
  return family;
}
