import type { EnrolmentStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { readFamily, visibleFamilyIds } from "~/models/casework/access.server";
import { requireCohort, requireEnrolment, type Client } from "./access.server";
import { getMeasures } from "./measure.server";
import { hasPlace, holdsPlace, meetsCompletion, orderWaitingList, PLACE_HOLDING } from "./rules";
import type { EnrolInput } from "./schemas";

/** Places held (offered, enrolled or completed) in a cohort. */
export async function placesTaken(tx: Client, cohortId: string) {
  return tx.enrolment.count({ where: { cohortId, status: { in: [...PLACE_HOLDING] } } });
}

/** The adults of a family the actor may see, to choose whom to enrol. Audited. */
export async function getFamilyForEnrolment(actor: Actor, familyId: string) {
  const family = await readFamily(actor, familyId, { detail: { for: "enrolment" } });
  const members = await db.familyMember.findMany({
    where: { familyId: family.id, kind: "adult" },
    orderBy: { firstName: "asc" },
    select: { id: true, firstName: true, lastName: true, preferredLanguage: true },
  });
  return { id: family.id, name: family.name, reference: family.reference, preferredLanguage: family.preferredLanguage, members };
}

/**
 * Enrols a parent: a family member (linking the casework) or a self-referral with a name
 * and contact. A place-holding status on a full cohort is a 400; the waiting list is not.
 */
export async function enrol(actor: Actor, cohortId: string, input: EnrolInput) {
  const cohort = await requireCohort(actor, cohortId, "write:cohort");
  if (cohort.status === "completed" || cohort.status === "cancelled") throw errorResponse(400, "errors.cohortClosed");
  let person = { name: input.name ?? "", phone: input.phone ?? null, email: input.email ?? null, preferredLanguage: input.preferredLanguage as string, familyId: null as string | null, familyMemberId: null as string | null };
  if (input.familyMemberId) {
    const family = await getFamilyForEnrolment(actor, input.familyId!);
    const member = await db.familyMember.findFirst({ where: { id: input.familyMemberId, familyId: family.id, kind: "adult" } });
    if (!member) throw errorResponse(400, "errors.memberUnknown");
    person = {
      name: `${member.firstName} ${member.lastName}`,
      phone: member.phone ?? input.phone ?? null,
      email: member.email ?? input.email ?? null,
      preferredLanguage: member.preferredLanguage ?? family.preferredLanguage ?? input.preferredLanguage,
      familyId: family.id,
      familyMemberId: member.id,
    };
    if (await db.enrolment.count({ where: { cohortId, familyMemberId: member.id, status: { not: "withdrawn" } } })) throw errorResponse(400, "errors.alreadyEnrolled");
  }
  return db.$transaction(async (tx) => {
    if (holdsPlace(input.status) && !hasPlace(cohort.capacity, await placesTaken(tx, cohortId))) throw errorResponse(400, "errors.cohortFull");
    const enrolment = await tx.enrolment.create({
      data: { cohortId, ...person, status: input.status, waitingSince: input.status === "waiting" ? new Date() : null, createdById: actor.user.id },
    });
    await audit(actor, { action: "create", entity: "enrolment", entityId: enrolment.id, familyId: person.familyId, detail: { cohortId, status: input.status } }, tx);
    return enrolment;
  });
}

/** Changes an enrolment's status; taking a place on a full cohort is a 400. */
export async function setEnrolmentStatus(actor: Actor, cohortId: string, enrolmentId: string, status: Exclude<EnrolmentStatus, "completed">, withdrawnReason?: string) {
  const { cohort, enrolment } = await requireEnrolment(actor, cohortId, enrolmentId, "write:cohort");
  if (enrolment.status === "completed") throw errorResponse(400, "errors.alreadyCompleted");
  return db.$transaction(async (tx) => {
    if (holdsPlace(status) && !holdsPlace(enrolment.status) && !hasPlace(cohort.capacity, await placesTaken(tx, cohortId))) throw errorResponse(400, "errors.cohortFull");
    const updated = await tx.enrolment.update({
      where: { id: enrolment.id },
      data: {
        status,
        withdrawnReason: status === "withdrawn" ? (withdrawnReason ?? null) : null,
        waitingSince: status === "waiting" ? (enrolment.waitingSince ?? new Date()) : enrolment.waitingSince,
      },
    });
    await audit(actor, { action: "update", entity: "enrolment", entityId: enrolment.id, familyId: enrolment.familyId, detail: { from: enrolment.status, to: status } }, tx);
    return updated;
  });
}

/** Offers the next free place to the first person on the waiting list. */
export async function offerNextPlace(actor: Actor, cohortId: string) {
  const cohort = await requireCohort(actor, cohortId, "write:cohort");
  const waiting = orderWaitingList(await db.enrolment.findMany({ where: { cohortId, status: "waiting" } }));
  const next = waiting[0];
  if (!next) throw errorResponse(400, "errors.waitingListEmpty");
  return db.$transaction(async (tx) => {
    if (!hasPlace(cohort.capacity, await placesTaken(tx, cohortId))) throw errorResponse(400, "errors.cohortFull");
    const updated = await tx.enrolment.update({ where: { id: next.id }, data: { status: "offered" } });
    await audit(actor, { action: "update", entity: "enrolment", entityId: next.id, familyId: next.familyId, detail: { from: "waiting", to: "offered" } }, tx);
    return updated;
  });
}

/** One participant: attendance per session and measures. Audited. */
export async function getParticipant(actor: Actor, cohortId: string, enrolmentId: string) {
  const { cohort, enrolment } = await requireEnrolment(actor, cohortId, enrolmentId);
  const [sessions, attendance, measures, allMeasures] = await Promise.all([
    db.cohortSession.findMany({ where: { cohortId }, orderBy: { number: "asc" } }),
    db.attendance.findMany({ where: { enrolmentId } }),
    db.measureResponse.findMany({ where: { enrolmentId }, orderBy: [{ measureKey: "asc" }, { timepoint: "asc" }] }),
    getMeasures(),
  ]);
  const visible = await visibleFamilyIds(actor, enrolment.familyId ? [enrolment.familyId] : []);
  await audit(actor, { action: "read", entity: "enrolment", entityId: enrolment.id, familyId: enrolment.familyId });
  const held = new Set(sessions.filter((s) => !s.cancelled).map((s) => s.id));
  const attended = attendance.filter((a) => a.status === "present" && held.has(a.sessionId)).length;
  return {
    cohort: { id: cohort.id, name: cohort.name, status: cohort.status, programme: cohort.programme.name },
    enrolment: {
      id: enrolment.id,
      name: enrolment.name,
      phone: enrolment.phone,
      email: enrolment.email,
      status: enrolment.status,
      preferredLanguage: enrolment.preferredLanguage,
      withdrawnReason: enrolment.withdrawnReason,
      familyId: enrolment.familyId && visible.has(enrolment.familyId) ? enrolment.familyId : null,
    },
    sessions: sessions.map((s) => ({ id: s.id, number: s.number, date: s.date, cancelled: s.cancelled, status: attendance.find((a) => a.sessionId === s.id)?.status ?? null })),
    attended,
    sessionsHeld: held.size,
    meetsRule: meetsCompletion({ rule: cohort.programme.completionRule, value: cohort.programme.completionValue }, attended, held.size),
    measures: measures.map((m) => ({ measureKey: m.measureKey, timepoint: m.timepoint, rawScore: m.rawScore, score: m.score, recordedOn: m.recordedOn })),
    measureDefinitions: cohort.programme.measureKeys.flatMap((k) => {
      const m = allMeasures.get(k);
      return m ? [{ key: m.key, name: m.name, items: m.items, responseLabels: m.responseLabels, scaleMin: m.scaleMin, scaleMax: m.scaleMax }] : [];
    }),
  };
}

/** The certificate of a parent who completed (404 otherwise). Audited. */
export async function getCertificate(actor: Actor, cohortId: string, enrolmentId: string) {
  const { cohort, enrolment } = await requireEnrolment(actor, cohortId, enrolmentId);
  if (enrolment.status !== "completed") throw errorResponse(404, "errors.notFound");
  const last = await db.cohortSession.findFirst({ where: { cohortId, cancelled: false }, orderBy: { date: "desc" }, select: { date: true } });
  const attended = await db.attendance.count({ where: { enrolmentId, status: "present", session: { cancelled: false } } });
  await audit(actor, { action: "read", entity: "certificate", entityId: enrolment.id, familyId: enrolment.familyId });
  return {
    name: enrolment.name,
    language: enrolment.preferredLanguage,
    programme: cohort.programme.name,
    cohort: cohort.name,
    sessionCount: cohort.programme.sessionCount,
    attended,
    completedOn: last?.date ?? cohort.startDate,
    cohortId: cohort.id,
  };
}

/**
 * The parents who completed a cohort, for other areas (e.g. inviting course graduates
 * to a peer support group): name, family member id when linked, contact and preferred
 * language. The family member id is given only to actors who may read that family.
 */
export async function listCompletedParticipants(actor: Actor, cohortId: string) {
  const cohort = await requireCohort(actor, cohortId);
  const rows = await db.enrolment.findMany({ where: { cohortId: cohort.id, status: "completed" }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const visible = await visibleFamilyIds(actor, [...new Set(rows.flatMap((r) => (r.familyId ? [r.familyId] : [])))]);
  await audit(actor, { action: "list", entity: "enrolment", entityId: cohort.id, detail: { completed: rows.length } });
  return rows.map((r) => {
    const linked = r.familyId !== null && visible.has(r.familyId);
    return {
      enrolmentId: r.id,
      name: r.name,
      familyId: linked ? r.familyId : null,
      familyMemberId: linked ? r.familyMemberId : null,
      phone: r.phone,
      email: r.email,
      preferredLanguage: r.preferredLanguage,
    };
  });
}
