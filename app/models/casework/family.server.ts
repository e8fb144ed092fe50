import type { Prisma } from "~/generated/prisma/client";
import type { ResettlementScheme } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { likeLiteral } from "~/utils/like";
import { auditIfDenied, familyScope, familyTeamFilter, requireFamily, type Tx } from "./access.server";
import { episodesOf } from "./episode.server";
import type { FamilyInput, MemberInput } from "./schemas";

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
    const teamId = familyTeamFilter(actor, "read:family");
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
    await auditIfDenied(actor, familyId);
    return null;
  }
  await audit(actor, { action: "read", entity: "family", entityId: family.id, familyId: family.id });
  return family;
}

/** The family page: the family with its members and its episodes, scope-checked and audited once; 404 otherwise. */
export async function getFamilyPage(actor: Actor, familyId: string) {
  const family = await getFamily(actor, familyId);
  if (!family) throw errorResponse(404, "errors.notFound");
  return { family, episodes: await episodesOf(family) };
}

/**
 * The next family reference: the prefix (FAMILY_REFERENCE_PREFIX, default "EH-") and a
 * five-digit number one above the highest in use.
 */
export async function nextFamilyReference(client: Tx | typeof db): Promise<string> {
  const prefix = process.env.FAMILY_REFERENCE_PREFIX || "EH-";
  const last = await client.family.findFirst({ where: { reference: { startsWith: prefix } }, orderBy: { reference: "desc" }, select: { reference: true } });
  const n = last ? Number.parseInt(last.reference.slice(prefix.length), 10) || 0 : 0;
  return `${prefix}${String(n + 1).padStart(5, "0")}`;
}

function memberData(m: MemberInput) {
  return {
    kind: m.kind,
    firstName: m.firstName,
    lastName: m.lastName,
    dateOfBirth: m.dateOfBirth ?? null,
    relationship: m.relationship ?? null,
    phone: m.phone ?? null,
    email: m.email ?? null,
    preferredLanguage: m.preferredLanguage ?? null,
    interpreterNeeded: m.interpreterNeeded,
    school: m.school ?? null,
    firstLanguage: m.firstLanguage ?? null,
  };
}

/** "Smith family" → "Smith": the family name as usually typed, less the word "family". */
function surnameOf(name: string) {
  const words = name.trim().split(/\s+/).filter((w) => !/^famil(y|ies)$/i.test(w));
  return words.at(-1) ?? name;
}

/**
 * Families in the actor's scope that look like this one: the same surname and a child
 * with the same date of birth, or the same postcode and surname. Audited as a search.
 */
export async function findPossibleDuplicates(actor: Actor, input: Pick<FamilyInput, "name" | "postcode" | "members">) {
  const surnames = [...new Set([surnameOf(input.name), ...input.members.map((m) => m.lastName)].map((s) => s.trim()).filter(Boolean))];
  const dobs = input.members.filter((m) => m.kind === "child" && m.dateOfBirth).map((m) => m.dateOfBirth!);
  const postcode = input.postcode?.replace(/\s+/g, "").toUpperCase();
  const surnameMatch = (s: string): Prisma.FamilyWhereInput => ({
    OR: [{ name: { contains: likeLiteral(s), mode: "insensitive" } }, { members: { some: { lastName: { equals: likeLiteral(s), mode: "insensitive" } } } }],
  });
  const or: Prisma.FamilyWhereInput[] = [];
  for (const s of surnames) {
    if (dobs.length) or.push({ AND: [surnameMatch(s), { members: { some: { kind: "child", dateOfBirth: { in: dobs } } } }] });
    if (postcode) or.push({ AND: [surnameMatch(s), { postcode: { in: [postcode, input.postcode!.trim()] , mode: "insensitive" } }] });
  }
  if (!or.length) return [];
  const found = await db.family.findMany({
    where: { AND: [familyScope(actor), { OR: or }] },
    select: { id: true, reference: true, name: true, postcode: true },
    take: 10,
  });
  await audit(actor, { action: "search", entity: "family", detail: { duplicateCheck: true, count: found.length } });
  return found;
}

/** Creates a family with its members in the actor's team. */
export async function createFamily(actor: Actor, input: FamilyInput) {
  if (!actor.user.teamId) throw errorResponse(403, "errors.forbidden");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const family = await tx.family.create({
          data: {
            reference: await nextFamilyReference(tx),
            name: input.name,
            teamId: actor.user.teamId!,
            addressLine1: input.addressLine1 ?? null,
            town: input.town ?? null,
            postcode: input.postcode?.toUpperCase() ?? null,
            preferredLanguage: input.preferredLanguage,
            resettlementScheme: input.resettlementScheme ?? null,
            arrivalDate: input.arrivalDate ?? null,
            members: { create: input.members.map(memberData) },
          },
        });
        await audit(actor, { action: "create", entity: "family", entityId: family.id, familyId: family.id, detail: { members: input.members.length } }, tx);
        return family;
      });
    } catch (error) {
      // Two people creating a family at once can race for the next reference: retry.
      if ((error as { code?: string }).code !== "P2002" || attempt === 2) throw error;
    }
  }
  throw errorResponse(409, "errors.versionConflict");
}

export async function addMember(actor: Actor, familyId: string, input: MemberInput) {
  const family = await requireFamily(actor, familyId, "write:family");
  return db.$transaction(async (tx) => {
    const member = await tx.familyMember.create({ data: { ...memberData(input), familyId: family.id } });
    await tx.family.update({ where: { id: family.id }, data: { version: { increment: 1 } } });
    await audit(actor, { action: "create", entity: "family-member", entityId: member.id, familyId }, tx);
    return member;
  });
}

export async function updateMember(actor: Actor, familyId: string, memberId: string, input: MemberInput) {
  const family = await requireFamily(actor, familyId, "write:family");
  const member = await db.familyMember.findFirst({ where: { id: memberId, familyId: family.id } });
  if (!member) throw errorResponse(404, "errors.notFound");
  return db.$transaction(async (tx) => {
    const updated = await tx.familyMember.update({ where: { id: member.id }, data: memberData(input) });
    await audit(actor, { action: "update", entity: "family-member", entityId: member.id, familyId }, tx);
    return updated;
  });
}

export async function getResettlement(actor: Actor, familyId: string) {
  const family = await requireFamily(actor, familyId);
  const tasks = await db.resettlementTask.findMany({ where: { familyId: family.id } });
  await audit(actor, { action: "read", entity: "resettlement", familyId });
  return { family, tasks };
}

export async function saveResettlement(actor: Actor, familyId: string, items: Array<{ item: string; doneOn?: Date; notes: string }>) {
  const family = await requireFamily(actor, familyId, "write:family");
  await db.$transaction(async (tx) => {
    for (const i of items) {
      const item = i.item as Prisma.ResettlementTaskCreateInput["item"];
      await tx.resettlementTask.upsert({
        where: { familyId_item: { familyId: family.id, item } },
        create: { familyId: family.id, item, doneOn: i.doneOn ?? null, notes: i.notes },
        update: { doneOn: i.doneOn ?? null, notes: i.notes },
      });
    }
    await audit(actor, { action: "update", entity: "resettlement", familyId, detail: { items: items.length } }, tx);
  });
}
