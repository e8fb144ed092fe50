import { Prisma } from "~/generated/prisma/client";
import type { ContactStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { familyTeamFilter, OPEN_STATUSES, requireLead } from "./access.server";
import { isActionOverdue, isAssessmentOverdue, isReviewOverdue, startOfDay } from "./rules";

type CaseloadRow = {
  familyId: string;
  reference: string;
  familyName: string;
  contactId: string;
  status: ContactStatus;
  practitioner: string | null;
  practitionerId: string | null;
  overdue: { assessment: boolean; actions: number; review: boolean };
  reReferral: boolean;
};

type CaseloadSqlRow = {
  contactId: string;
  familyId: string;
  reference: string;
  familyName: string;
  status: ContactStatus;
  reReferral: boolean;
  practitionerId: string | null;
  practitioner: string | null;
  assessmentStatus: string | null;
  assessmentDueOn: Date | null;
  nextReviewOn: Date | null;
  actions: Array<{ status: string; dueOn: string }> | null;
  total: number;
};

/**
 * Open episodes in the actor's scope, oldest contact first, with their current practitioner
 * and what is overdue: one query (allocated to `practitionerId` when given; a page of
 * `limit` rows when given), so the page costs the same however many families there are.
 */
async function caseloadRows(actor: Actor, options: { practitionerId: string | null; limit: number | null; offset: number }, today: Date): Promise<{ rows: CaseloadRow[]; total: number }> {
  const teamId = familyTeamFilter(actor, "read:family");
  const { practitionerId, limit, offset } = options;
  // The page is chosen first (index-driven, from the practitioner's current allocations
  // when given); only its rows are then joined to their allocation, assessment and plan.
  const mine = practitionerId
    ? Prisma.sql`JOIN "Allocation" mine ON mine."contactId" = c."id" AND mine."practitionerId" = ${practitionerId} AND mine."endedAt" IS NULL`
    : Prisma.empty;
  const found = await db.$queryRaw<CaseloadSqlRow[]>`
    WITH page AS (
      SELECT DISTINCT ON (c."receivedOn", c."id") c."id", c."familyId", c."status", c."reReferral", c."receivedOn", f."reference", f."name"
      FROM "Contact" c
      JOIN "Family" f ON f."id" = c."familyId"
      ${mine}
      WHERE c."status" IN ('awaiting_decision', 'open')
        AND (${teamId}::text IS NULL OR f."teamId" = ${teamId}::text)
      ORDER BY c."receivedOn" ASC, c."id" ASC
    ), cut AS (
      SELECT page.*, count(*) OVER ()::int AS "total" FROM page ORDER BY "receivedOn" ASC, "id" ASC LIMIT ${limit}::int OFFSET ${offset}::int
    )
    SELECT c."id" AS "contactId", c."familyId", c."reference", c."name" AS "familyName", c."status"::text AS "status", c."reReferral",
      cur."practitionerId", cur."name" AS "practitioner",
      a."status"::text AS "assessmentStatus", a."dueOn" AS "assessmentDueOn", p."nextReviewOn",
      (SELECT json_agg(json_build_object('status', pa."status", 'dueOn', pa."dueOn")) FROM "PlanAction" pa WHERE pa."planId" = p."id") AS "actions",
      c."total"
    FROM cut c
    LEFT JOIN LATERAL (
      SELECT al."practitionerId", u."name" FROM "Allocation" al JOIN "User" u ON u."id" = al."practitionerId"
      WHERE al."contactId" = c."id" AND al."endedAt" IS NULL ORDER BY al."startedAt" DESC, al."id" LIMIT 1
    ) cur ON true
    LEFT JOIN "Assessment" a ON a."contactId" = c."id"
    LEFT JOIN "Plan" p ON p."contactId" = c."id"
    ORDER BY c."receivedOn" ASC, c."id" ASC`;
  const rows = found.map((c) => ({
    familyId: c.familyId,
    reference: c.reference,
    familyName: c.familyName,
    contactId: c.contactId,
    status: c.status,
    practitioner: c.practitioner,
    practitionerId: c.practitionerId,
    reReferral: c.reReferral,
    overdue: {
      assessment: !!c.assessmentStatus && !!c.assessmentDueOn && isAssessmentOverdue({ status: c.assessmentStatus, dueOn: c.assessmentDueOn }, today),
      actions: (c.actions ?? []).filter((x) => isActionOverdue({ status: x.status, dueOn: new Date(x.dueOn) }, today)).length,
      review: !!c.nextReviewOn && isReviewOverdue({ nextReviewOn: c.nextReviewOn }, true, today),
    },
  }));
  // Past the last page the window has no row to carry the total: count separately.
  const total = found[0]?.total ?? (offset > 0 ? (await caseloadRows(actor, { practitionerId, limit: null, offset: 0 }, today)).total : 0);
  return { rows, total };
}

export const CASELOAD_PAGE_SIZE = 50;

/** The actor's own open cases with overdue items, a page at a time. Audited. */
export async function getMyCaseload(actor: Actor, options: { page?: number; today?: Date } = {}) {
  const page = Math.max(1, options.page ?? 1);
  const { rows, total } = await caseloadRows(actor, { practitionerId: actor.user.id, limit: CASELOAD_PAGE_SIZE, offset: (page - 1) * CASELOAD_PAGE_SIZE }, options.today ?? new Date());
  await audit(actor, { action: "list", entity: "caseload", detail: { count: rows.length, page } });
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE)) };
}

/** For leads: every open case in the team, counts per practitioner, and unallocated contacts. Audited. */
export async function getTeamCaseload(actor: Actor, today = new Date()) {
  requireLead(actor);
  const { rows } = await caseloadRows(actor, { practitionerId: null, limit: null, offset: 0 }, today);
  const byPractitioner = new Map<string, { name: string; cases: number; overdue: number }>();
  for (const r of rows) {
    if (!r.practitionerId) continue;
    const p = byPractitioner.get(r.practitionerId) ?? { name: r.practitioner!, cases: 0, overdue: 0 };
    p.cases += 1;
    if (r.overdue.assessment || r.overdue.actions || r.overdue.review) p.overdue += 1;
    byPractitioner.set(r.practitionerId, p);
  }
  await audit(actor, { action: "list", entity: "caseload", detail: { team: true, count: rows.length } });
  return {
    rows,
    practitioners: [...byPractitioner.entries()].map(([id, p]) => ({ id, ...p })).sort((a, b) => a.name.localeCompare(b.name)),
    unallocated: rows.filter((r) => !r.practitionerId).length,
  };
}

/** Overdue counts for the home page (no family details, so no audit). */
export async function getOverdueCounts(actor: Pick<Actor, "user">, mine: boolean, today = new Date()) {
  const teamId = familyTeamFilter(actor, "read:family");
  const teamWhere: Prisma.ContactWhereInput = teamId === null ? {} : { teamId };
  const where: Prisma.ContactWhereInput = {
    AND: [teamWhere, { status: { in: OPEN_STATUSES } }, mine ? { allocations: { some: { practitionerId: actor.user.id, endedAt: null } } } : {}],
  };
  const day = startOfDay(today);
  const [assessments, actions, reviews, awaiting] = await Promise.all([
    db.assessment.count({ where: { contact: where, status: { not: "signed_off" }, dueOn: { lt: day } } }),
    db.planAction.count({ where: { plan: { contact: where }, status: { in: ["not_started", "in_progress"] }, dueOn: { lt: day } } }),
    db.plan.count({ where: { contact: where, nextReviewOn: { lt: day } } }),
    db.contact.count({ where: { AND: [teamWhere, { status: "awaiting_decision" }] } }),
  ]);
  return { assessments, actions, reviews, awaiting };
}
