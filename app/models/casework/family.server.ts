import { likeLiteral } from "~/utils/like";
import type { Prisma } from "~/generated/prisma/client";
import type { ResettlementScheme } from "~/generated/prisma/enums";
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

type FamilyListRow = {
  id: string;
  reference: string;
  name: string;
  preferredLanguage: string;
  resettlementScheme: ResettlementScheme | null;
  updatedAt: Date;
  _count: { members: number };
};

/**
 * Families the actor may see, newest first, optionally matching a family, member or reference. Audited as one list read.
 * A search is one query: each of the three matches is its own branch so it can use its
 * trigram index (an OR across a join cannot), and the page carries the total.
 */
export async function listFamilies(actor: Actor, options: { q?: string; page?: number } = {}) {
  const raw = options.q?.trim();
  const q = raw ? likeLiteral(raw) : raw;
  const page = Math.max(1, options.page ?? 1);
  const skip = (page - 1) * FAMILY_PAGE_SIZE;
  let families: FamilyListRow[];
  let total: number;
  if (q) {
    const pattern = `%${q}%`;
    const teamId = actor.scope === "any" ? null : (actor.user.teamId ?? "__none__");
    const rows = await db.$queryRaw<Array<Omit<FamilyListRow, "_count"> & { members: number; total: number }>>`
      WITH hit AS (
        SELECT "id" FROM "Family" WHERE "name" ILIKE ${pattern}
        UNION SELECT "id" FROM "Family" WHERE "reference" ILIKE ${pattern}
        UNION SELECT "familyId" FROM "FamilyMember" WHERE "firstName" ILIKE ${pattern} OR "lastName" ILIKE ${pattern}
      ), scoped AS (
        SELECT f."id", f."reference", f."name", f."preferredLanguage", f."resettlementScheme"::text AS "resettlementScheme", f."updatedAt", count(*) OVER ()::int AS total
        FROM "Family" f JOIN hit ON hit."id" = f."id"
        WHERE (${teamId}::text IS NULL OR f."teamId" = ${teamId}::text)
        ORDER BY f."updatedAt" DESC, f."id" ASC
        LIMIT ${FAMILY_PAGE_SIZE} OFFSET ${skip}
      )
      SELECT s.*, (SELECT count(*)::int FROM "FamilyMember" m WHERE m."familyId" = s."id") AS members FROM scoped s
      ORDER BY s."updatedAt" DESC, s."id" ASC`;
    families = rows.map(({ members, total: _total, ...f }) => ({ ...f, _count: { members } }));
    // Past the last page the window has no row to carry the total: count separately.
    total = rows[0]?.total ?? (page > 1 ? await db.family.count({ where: { AND: [familyScope(actor), searchWhere(q)] } }) : 0);
  } else {
    const where = familyScope(actor);
    [families, total] = await Promise.all([
      db.family.findMany({
        where,
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        skip,
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
  }
  await audit(actor, { action: "list", entity: "family", detail: { count: families.length, page, searched: Boolean(q) } });
  return { families, total, page, pageCount: Math.max(1, Math.ceil(total / FAMILY_PAGE_SIZE)) };
}

/** The search as a Prisma filter (same matches as the SQL above), for the count past the last page. */
function searchWhere(q: string): Prisma.FamilyWhereInput {
  return {
    OR: [
      { name: { contains: q, mode: "insensitive" } },
      { reference: { contains: q, mode: "insensitive" } },
      { members: { some: { OR: [{ firstName: { contains: q, mode: "insensitive" } }, { lastName: { contains: q, mode: "insensitive" } }] } } },
    ],
  };
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
