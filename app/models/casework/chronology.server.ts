import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { requireFamily } from "./access.server";
import type { ChronologyType } from "./schemas";

export type ChronologyEntry = { id: string; type: ChronologyType; date: Date; at: Date; key: string; values: Record<string, string>; text?: string; by?: string };

export const CHRONOLOGY_PAGE_SIZE = 100;

type ChronologySqlRow = { type: ChronologyType; id: string; date: Date; at: Date; key: string; values: Record<string, string>; text: string | null; by: string | null; total: number };

/**
 * The family's chronology, built from every casework record, a page at a time: one query
 * over the records (each table read by its family index), ordered and cut in the database,
 * so a long-running case costs one page, not its whole history. Audited.
 */
export async function getChronology(actor: Actor, familyId: string, options: { order?: "asc" | "desc"; types?: ChronologyType[]; page?: number } = {}) {
  const family = await requireFamily(actor, familyId);
  const types: ChronologyType[] | null = options.types?.length ? options.types : null;
  const page = Math.max(1, options.page ?? 1);
  const offset = (page - 1) * CHRONOLOGY_PAGE_SIZE;
  const order = options.order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // Ties on date and time keep the order of the types (contact first), as listed here.
  const found = await db.$queryRaw<ChronologySqlRow[]>`
    SELECT e.*, count(*) OVER ()::int AS "total" FROM (
      SELECT 'contact' AS "type", 1 AS "rank", c."id", c."receivedOn"::timestamp AS "date", c."createdAt" AS "at",
        CASE WHEN c."reReferral" THEN 'chronology.contactReReferral' ELSE 'chronology.contact' END AS "key",
        jsonb_build_object('source', c."source") AS "values", c."reason" AS "text", NULL::text AS "by"
      FROM "Contact" c WHERE c."familyId" = ${family.id}
      UNION ALL
      SELECT 'consent', 2, c."id", c."recordedOn"::timestamp, c."createdAt", 'chronology.consent',
        jsonb_build_object('purpose', c."purpose", 'status', c."status"), c."overrideReason", NULL
      FROM "Consent" c WHERE c."familyId" = ${family.id}
      UNION ALL
      SELECT 'decision', 3, d."id", date_trunc('day', d."decidedAt"), d."decidedAt", 'chronology.decision',
        jsonb_build_object('stage', d."stage", 'outcome', d."outcome"), d."rationale", u."name"
      FROM "Decision" d JOIN "User" u ON u."id" = d."decidedById" WHERE d."familyId" = ${family.id}
      UNION ALL
      SELECT 'allocation', 4, a."id", date_trunc('day', a."startedAt"), a."startedAt", 'chronology.allocation',
        jsonb_build_object('name', p."name"), NULL, b."name"
      FROM "Allocation" a JOIN "User" p ON p."id" = a."practitionerId" JOIN "User" b ON b."id" = a."allocatedById" WHERE a."familyId" = ${family.id}
      UNION ALL
      SELECT 'assessment', 5, a."id", date_trunc('day', COALESCE(a."signedOffAt", a."createdAt")), COALESCE(a."signedOffAt", a."createdAt"),
        CASE WHEN a."signedOffAt" IS NOT NULL THEN 'chronology.assessmentSignedOff' ELSE 'chronology.assessmentStarted' END,
        '{}'::jsonb, NULL, CASE WHEN a."signedOffAt" IS NOT NULL THEN u."name" END
      FROM "Assessment" a LEFT JOIN "User" u ON u."id" = a."signedOffById" WHERE a."familyId" = ${family.id}
      UNION ALL
      SELECT 'plan', 6, p."id", p."startedOn"::timestamp, p."createdAt", 'chronology.plan', '{}'::jsonb, NULL, NULL
      FROM "Plan" p WHERE p."familyId" = ${family.id}
      UNION ALL
      SELECT 'meeting', 7, m."id", m."heldOn"::timestamp, m."createdAt", 'chronology.meeting', '{}'::jsonb, m."minutes", NULL
      FROM "TafMeeting" m WHERE m."familyId" = ${family.id}
      UNION ALL
      SELECT 'review', 8, r."id", r."heldOn"::timestamp, r."createdAt", 'chronology.review', '{}'::jsonb, NULLIF(r."summary", ''), NULL
      FROM "Review" r WHERE r."familyId" = ${family.id}
      UNION ALL
      SELECT 'note', 9, n."id", n."occurredOn"::timestamp, n."createdAt", 'chronology.note',
        jsonb_build_object('type', n."type", 'title', n."purpose"),
        concat_ws(E'\n\n', NULLIF(n."whatHappened", ''), NULLIF(n."differenceMade", '')), u."name"
      FROM "CaseNote" n JOIN "User" u ON u."id" = n."authorId" WHERE n."familyId" = ${family.id}
      UNION ALL
      SELECT 'closure', 10, c."id", c."closedOn"::timestamp, c."createdAt", 'chronology.closure',
        jsonb_build_object('reason', c."reason"), c."summary", u."name"
      FROM "Closure" c JOIN "User" u ON u."id" = c."signedOffById" WHERE c."familyId" = ${family.id}
    ) e
    WHERE ${types}::text[] IS NULL OR e."type" = ANY(${types}::text[])
    ORDER BY e."date" ${order}, e."at" ${order}, e."rank" ASC, e."id" ASC
    LIMIT ${CHRONOLOGY_PAGE_SIZE} OFFSET ${offset}`;
  const entries: ChronologyEntry[] = found.map((e) => ({
    id: e.id,
    type: e.type,
    date: e.date,
    at: e.at,
    key: e.key,
    values: e.values,
    ...(e.text !== null ? { text: e.text } : {}),
    ...(e.by !== null ? { by: e.by } : {}),
  }));
  // Past the last page the window has no row to carry the total: ask for the first page's.
  const total = found[0]?.total ?? (page > 1 ? (await getChronologyTotal(family.id, types)) : 0);
  await audit(actor, { action: "read", entity: "chronology", familyId, detail: { entries: entries.length, total, page } });
  return { family, entries, total, page, pageCount: Math.max(1, Math.ceil(total / CHRONOLOGY_PAGE_SIZE)) };
}

async function getChronologyTotal(familyId: string, types: ChronologyType[] | null): Promise<number> {
  const where = { familyId };
  const counts: Record<ChronologyType, () => Promise<number>> = {
    contact: () => db.contact.count({ where }),
    consent: () => db.consent.count({ where }),
    decision: () => db.decision.count({ where }),
    allocation: () => db.allocation.count({ where }),
    assessment: () => db.assessment.count({ where }),
    plan: () => db.plan.count({ where }),
    meeting: () => db.tafMeeting.count({ where }),
    review: () => db.review.count({ where }),
    note: () => db.caseNote.count({ where }),
    closure: () => db.closure.count({ where }),
  };
  const wanted = types ?? (Object.keys(counts) as ChronologyType[]);
  return (await Promise.all(wanted.map((t) => counts[t]()))).reduce((a, b) => a + b, 0);
}
