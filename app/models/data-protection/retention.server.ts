import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { errorResponse } from "~/utils/http.server";
import { familyScope, OPEN_STATUSES, requireFamily, type Tx } from "~/models/casework/access.server";
import { retentionCutoff } from "./rules";
import { FamilyIdsSchema } from "./schemas";

/** Deletion of families past the retention period (leads, team-scoped, audited): see docs/decisions/0010-data-protection.md. */

/** The retention period in years after the last closure (RETENTION_YEARS, default 6). */
export function retentionYears(): number {
  return getEnv().RETENTION_YEARS;
}

/**
 * Families past retention: at least one closure, none after the cutoff, no open episode,
 * and no request for support received after the cutoff (a later contact restarts the clock).
 */
function dueWhere(cutoff: Date): Prisma.FamilyWhereInput {
  return {
    AND: [
      { closures: { some: {} } },
      { closures: { none: { closedOn: { gt: cutoff } } } },
      { contacts: { none: { OR: [{ status: { in: OPEN_STATUSES } }, { receivedOn: { gt: cutoff } }] } } },
    ],
  };
}

/** Families of the lead's team past the retention period, oldest closure first. Audited as one list read. */
export async function listDueForDeletion(actor: Actor, today = new Date()) {
  const years = retentionYears();
  const cutoff = retentionCutoff(today, years);
  const families = await db.family.findMany({
    where: { AND: [familyScope(actor, "manage:family"), dueWhere(cutoff)] },
    select: {
      id: true,
      reference: true,
      name: true,
      closures: { orderBy: { closedOn: "desc" }, take: 1, select: { closedOn: true } },
      _count: { select: { members: true, contacts: true } },
    },
  });
  const rows = families
    .map((f) => ({ id: f.id, reference: f.reference, name: f.name, lastClosedOn: f.closures[0]!.closedOn, members: f._count.members, contacts: f._count.contacts }))
    .sort((a, b) => a.lastClosedOn.getTime() - b.lastClosedOn.getTime() || a.reference.localeCompare(b.reference));
  await audit(actor, { action: "list", entity: "retention", detail: { count: rows.length, years } });
  return { years, cutoff, families: rows };
}

/**
 * The families chosen for deletion, each checked: in the lead's team (else 404, audited
 * as denied) and past retention (else 409). Outside any transaction: the denial's audit
 * entry needs the connection (the embedded database has one).
 */
async function requireDue(actor: Actor, familyIds: string[], today: Date) {
  const families = [];
  for (const id of familyIds) {
    await requireFamily(actor, id, "manage:family");
    const [family] = await findDue(db, actor, [id], today);
    if (!family) throw errorResponse(409, "errors.notDueForDeletion");
    families.push(family);
  }
  return families;
}

/** Those of the given families that are in the actor's scope and past retention today. */
async function findDue(client: Tx | typeof db, actor: Actor, familyIds: string[], today: Date) {
  const cutoff = retentionCutoff(today, retentionYears());
  const families = await client.family.findMany({
    where: { AND: [{ id: { in: familyIds } }, familyScope(actor, "manage:family"), dueWhere(cutoff)] },
    select: { id: true, reference: true, name: true, closures: { orderBy: { closedOn: "desc" }, take: 1, select: { closedOn: true } } },
  });
  return families.map((f) => ({ id: f.id, reference: f.reference, name: f.name, lastClosedOn: f.closures[0]!.closedOn }));
}

/** What the confirmation page shows: each chosen family with the number of records of each kind. Audited. */
export async function getDeletionPreview(actor: Actor, familyIds: string[], today = new Date()) {
  const families = await requireDue(actor, familyIds, today);
  const withCounts = [];
  for (const f of families) withCounts.push({ ...f, counts: await countRecords(db, f.id) });
  await audit(actor, { action: "read", entity: "retention", detail: { families: families.map((f) => f.reference) } });
  return withCounts;
}

/** Every record linked to a family, by kind (the names of the deletion's audit detail). */
async function countRecords(client: Tx | typeof db, familyId: string) {
  const memberOf = { familyMember: { familyId } };
  const enrolmentOf = { OR: [{ familyId }, memberOf] };
  const [members, contacts, supportRequests, consents, decisions, allocations, assessments, assessmentNeeds, childVoices, plans, planOutcomes, planActions, tafMeetings, reviews, reviewScores, caseNotes, closures, closureOutcomes, resettlementTasks, enrolments, courseAttendance, courseMeasures, groupMembers, groupAttendance, surveyInvitations] =
    await Promise.all([
      client.familyMember.count({ where: { familyId } }),
      client.contact.count({ where: { familyId } }),
      client.supportRequest.count({ where: { contact: { familyId } } }),
      client.consent.count({ where: { familyId } }),
      client.decision.count({ where: { familyId } }),
      client.allocation.count({ where: { familyId } }),
      client.assessment.count({ where: { familyId } }),
      client.assessmentNeed.count({ where: { assessment: { familyId } } }),
      client.childVoice.count({ where: { OR: [{ assessment: { familyId } }, { member: { familyId } }] } }),
      client.plan.count({ where: { familyId } }),
      client.planOutcome.count({ where: { plan: { familyId } } }),
      client.planAction.count({ where: { plan: { familyId } } }),
      client.tafMeeting.count({ where: { familyId } }),
      client.review.count({ where: { familyId } }),
      client.reviewScore.count({ where: { review: { familyId } } }),
      client.caseNote.count({ where: { familyId } }),
      client.closure.count({ where: { familyId } }),
      client.closureOutcome.count({ where: { closure: { familyId } } }),
      client.resettlementTask.count({ where: { familyId } }),
      client.enrolment.count({ where: enrolmentOf }),
      client.attendance.count({ where: { enrolment: enrolmentOf } }),
      client.measureResponse.count({ where: { enrolment: enrolmentOf } }),
      client.groupMember.count({ where: memberOf }),
      client.groupAttendance.count({ where: { member: memberOf } }),
      client.surveyInvitation.count({ where: { familyId } }),
    ]);
  return {
    family: 1,
    members,
    contacts,
    supportRequests,
    consents,
    decisions,
    allocations,
    assessments,
    assessmentNeeds,
    childVoices,
    plans,
    planOutcomes,
    planActions,
    tafMeetings,
    reviews,
    reviewScores,
    caseNotes,
    closures,
    closureOutcomes,
    resettlementTasks,
    enrolments,
    courseAttendance,
    courseMeasures,
    groupMembers,
    groupAttendance,
    surveyInvitationsUnlinked: surveyInvitations,
  };
}

export type RecordCounts = Awaited<ReturnType<typeof countRecords>>;

/**
 * Deletes families past retention, in one transaction: the family and every record linked
 * to it (casework, course enrolments with their registers and measures, group memberships
 * with their attendance, the partners' requests that opened its episodes); survey
 * invitations lose their family link and anonymous responses are untouched. Each family
 * is re-checked inside the transaction, so a posted id that is not due changes nothing.
 * One audit entry per family: reference and counts by kind, never names; earlier audit
 * entries stay (the audit table refuses deletes).
 */
export async function deleteFamiliesPastRetention(actor: Actor, familyIds: string[], today = new Date()) {
  if (!familyIds.length) throw errorResponse(400, "errors.badForm");
  const ids = [...new Set(familyIds)];
  await requireDue(actor, ids, today);
  return db.$transaction(
    async (tx) => {
      // Checked again inside the transaction, so nothing that stopped being due in between is deleted.
      const families = await findDue(tx, actor, ids, today);
      if (families.length !== ids.length) throw errorResponse(409, "errors.notDueForDeletion");
      const deleted: Array<{ reference: string; counts: RecordCounts }> = [];
      for (const f of families) {
        const counts = await countRecords(tx, f.id);
        await deleteFamilyRecords(tx, f.id);
        await audit(
          actor,
          {
            action: "delete",
            entity: "family",
            entityId: f.id,
            familyId: f.id,
            detail: { reason: "retention", reference: f.reference, lastClosedOn: f.lastClosedOn.toISOString().slice(0, 10), retentionYears: retentionYears(), counts },
          },
          tx,
        );
        deleted.push({ reference: f.reference, counts });
      }
      return deleted;
    },
    { timeout: 60_000 },
  );
}

/** Removes one family and everything linked to it, children before parents (some links have no cascade). */
async function deleteFamilyRecords(tx: Tx, familyId: string) {
  const memberOf = { familyMember: { familyId } };
  await tx.groupMember.deleteMany({ where: memberOf }); // attendance cascades
  await tx.enrolment.deleteMany({ where: { OR: [{ familyId }, memberOf] } }); // attendance and measures cascade
  await tx.surveyInvitation.updateMany({ where: { familyId }, data: { familyId: null } });
  await tx.supportRequest.deleteMany({ where: { contact: { familyId } } });
  await tx.caseNote.deleteMany({ where: { familyId } });
  await tx.consent.deleteMany({ where: { familyId } });
  await tx.decision.deleteMany({ where: { familyId } });
  await tx.allocation.deleteMany({ where: { familyId } });
  await tx.closure.deleteMany({ where: { familyId } }); // outcomes cascade
  await tx.review.deleteMany({ where: { familyId } }); // scores cascade
  await tx.tafMeeting.deleteMany({ where: { familyId } });
  await tx.plan.deleteMany({ where: { familyId } }); // outcomes and actions cascade
  await tx.assessment.deleteMany({ where: { familyId } }); // needs and child voices cascade
  await tx.resettlementTask.deleteMany({ where: { familyId } });
  await tx.contact.deleteMany({ where: { familyId } });
  await tx.familyMember.deleteMany({ where: { familyId } });
  await tx.family.delete({ where: { id: familyId } });
}

/**
 * The families chosen on the retention page: repeated `family` fields and nothing else
 * (besides `lng` in a query). Null when none is chosen; a 400 for anything malformed.
 */
export function readFamilyIds(entries: Iterable<[string, FormDataEntryValue]>): string[] | null {
  const ids: unknown[] = [];
  for (const [key, value] of entries) {
    if (key === "lng") continue;
    if (key !== "family" || typeof value !== "string") throw errorResponse(400, "errors.badForm");
    ids.push(value);
  }
  if (!ids.length) return null;
  const parsed = FamilyIdsSchema.safeParse(ids);
  if (!parsed.success) throw errorResponse(400, "errors.badForm");
  return [...new Set(parsed.data)];
}
