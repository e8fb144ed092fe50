import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { visibleFamilyIds } from "~/models/casework/access.server";
import { canManageCohorts, cohortScope, requireCohort, type CohortPermission } from "./access.server";
import { placesTaken } from "./enrolment.server";
import { getMeasures } from "./measure.server";
import { holdsPlace, meetsCompletion, orderWaitingList, sessionSchedule, summariseChange } from "./rules";
import type { CohortEditInput, CohortInput } from "./schemas";

/** Staff who may facilitate (anyone holding the facilitator role, partner agencies included). */
export async function listFacilitators() {
  return db.user.findMany({
    where: { roles: { has: "facilitator" }, disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, organisation: true },
  });
}

/** Cohorts the actor may see, current ones first, with their counts. */
export async function listCohorts(actor: Actor, permission: CohortPermission = "read:cohort") {
  const cohorts = await db.cohort.findMany({
    where: cohortScope(actor, permission),
    orderBy: [{ startDate: "desc" }],
    include: {
      programme: { select: { name: true, sessionCount: true } },
      facilitators: { include: { user: { select: { name: true } } } },
      enrolments: { select: { status: true } },
    },
  });
  const order = { running: 0, planned: 1, completed: 2, cancelled: 3 } as const;
  return cohorts
    .sort((a, b) => order[a.status] - order[b.status])
    .map((c) => ({
      id: c.id,
      name: c.name,
      programme: c.programme.name,
      startDate: c.startDate,
      status: c.status,
      capacity: c.capacity,
      placesTaken: c.enrolments.filter((e) => holdsPlace(e.status)).length,
      waiting: c.enrolments.filter((e) => e.status === "waiting").length,
      facilitators: c.facilitators.map((f) => f.user.name),
    }));
}

/** Open cohorts (planned or running) the actor may see, for enrolling someone. */
export async function listOpenCohorts(actor: Actor) {
  return (await listCohorts(actor, "write:cohort")).filter((c) => c.status === "planned" || c.status === "running");
}

/** Creates a cohort with its weekly session schedule. */
export async function createCohort(actor: Actor, input: CohortInput) {
  if (!canManageCohorts(actor)) throw errorResponse(403, "errors.forbidden");
  const programme = await db.programme.findUnique({ where: { id: input.programmeId } });
  if (!programme) throw errorResponse(400, "errors.programmeUnknown");
  const facilitatorIds = [...new Set(input.facilitatorIds)];
  if (facilitatorIds.length) {
    const found = await db.user.count({ where: { id: { in: facilitatorIds }, roles: { has: "facilitator" } } });
    if (found !== facilitatorIds.length) throw errorResponse(400, "errors.facilitatorUnknown");
  }
  return db.$transaction(async (tx) => {
    const cohort = await tx.cohort.create({
      data: {
        programmeId: programme.id,
        teamId: actor.user.teamId,
        name: input.name,
        startDate: input.startDate,
        startTime: input.startTime,
        venue: input.venue ?? null,
        onlineLink: input.onlineLink ?? null,
        languages: [...new Set(input.languages)],
        interpreter: input.interpreter ?? null,
        crechePlaces: input.crechePlaces,
        capacity: input.capacity,
        createdById: actor.user.id,
        facilitators: { create: facilitatorIds.map((userId) => ({ userId })) },
        sessions: { create: sessionSchedule(input.startDate, programme.sessionCount).map((date, i) => ({ number: i + 1, date, startTime: input.startTime })) },
      },
    });
    await audit(actor, { action: "create", entity: "cohort", entityId: cohort.id, detail: { sessions: programme.sessionCount } }, tx);
    return cohort;
  });
}

/** The cohort's editable details, for the edit form (a lead's). */
export async function getCohortForEdit(actor: Actor, cohortId: string) {
  if (!canManageCohorts(actor)) throw errorResponse(403, "errors.forbidden");
  const cohort = await requireCohort(actor, cohortId, "manage:cohort");
  const facilitators = await db.cohortFacilitator.findMany({ where: { cohortId }, select: { userId: true } });
  return { ...cohort, facilitatorIds: facilitators.map((f) => f.userId) };
}

/**
 * Changes a cohort's details, facilitators and status. Capacity cannot drop below the
 * places already taken, and a completed cohort is closed to edits (400).
 */
export async function updateCohort(actor: Actor, cohortId: string, input: CohortEditInput) {
  if (!canManageCohorts(actor)) throw errorResponse(403, "errors.forbidden");
  const cohort = await requireCohort(actor, cohortId, "manage:cohort");
  if (cohort.status === "completed") throw errorResponse(400, "errors.cohortClosed");
  const facilitatorIds = [...new Set(input.facilitatorIds)];
  if (facilitatorIds.length && (await db.user.count({ where: { id: { in: facilitatorIds }, roles: { has: "facilitator" } } })) !== facilitatorIds.length) {
    throw errorResponse(400, "errors.facilitatorUnknown");
  }
  await db.$transaction(async (tx) => {
    if (input.capacity < (await placesTaken(tx, cohortId))) throw errorResponse(400, "errors.capacityBelowTaken");
    await tx.cohort.update({
      where: { id: cohortId },
      data: {
        name: input.name,
        venue: input.venue ?? null,
        onlineLink: input.onlineLink ?? null,
        languages: [...new Set(input.languages)],
        interpreter: input.interpreter ?? null,
        crechePlaces: input.crechePlaces,
        capacity: input.capacity,
        status: input.status,
      },
    });
    await tx.cohortFacilitator.deleteMany({ where: { cohortId, userId: { notIn: facilitatorIds } } });
    for (const userId of facilitatorIds) {
      await tx.cohortFacilitator.upsert({ where: { cohortId_userId: { cohortId, userId } }, update: {}, create: { cohortId, userId } });
    }
    await audit(actor, { action: "update", entity: "cohort", entityId: cohortId, detail: { status: input.status, capacity: input.capacity, facilitators: facilitatorIds.length } }, tx);
  });
}

type EnrolmentRow = Prisma.EnrolmentGetPayload<{ include: { attendance: true; measures: true } }>;

function participantFigures(e: EnrolmentRow, heldSessionIds: Set<string>, rule: { rule: "min_sessions" | "percentage"; value: number }) {
  const attended = e.attendance.filter((a) => a.status === "present" && heldSessionIds.has(a.sessionId)).length;
  return { attended, meetsRule: meetsCompletion(rule, attended, heldSessionIds.size) };
}

/**
 * Everything the cohort page shows: sessions with attendance counts, participants with
 * attendance and completion, the waiting list in order, who lacks a post measure, and
 * the pre/post change per measure with how many parents it is based on. Audited (one
 * entry per linked family).
 */
export async function getCohortOverview(actor: Actor, cohortId: string) {
  const cohort = await requireCohort(actor, cohortId);
  const [sessions, enrolments, facilitators, measures] = await Promise.all([
    db.cohortSession.findMany({ where: { cohortId }, orderBy: { number: "asc" }, include: { attendance: { select: { status: true, enrolmentId: true } } } }),
    db.enrolment.findMany({ where: { cohortId }, orderBy: [{ name: "asc" }, { id: "asc" }], include: { attendance: true, measures: true } }),
    db.cohortFacilitator.findMany({ where: { cohortId }, include: { user: { select: { name: true, organisation: true } } } }),
    getMeasures(),
  ]);
  const held = new Set(sessions.filter((s) => !s.cancelled).map((s) => s.id));
  const rule = { rule: cohort.programme.completionRule, value: cohort.programme.completionValue };
  const visible = await visibleFamilyIds(actor, [...new Set(enrolments.flatMap((e) => (e.familyId ? [e.familyId] : [])))]);
  const participants = enrolments.map((e) => {
    const f = participantFigures(e, held, rule);
    return {
      id: e.id,
      name: e.name,
      status: e.status,
      preferredLanguage: e.preferredLanguage,
      withdrawnReason: e.withdrawnReason,
      familyId: e.familyId && visible.has(e.familyId) ? e.familyId : null,
      attended: f.attended,
      meetsRule: f.meetsRule,
      measures: e.measures.map((m) => ({ measureKey: m.measureKey, timepoint: m.timepoint, score: m.score })),
    };
  });
  const active = participants.filter((p) => p.status === "enrolled" || p.status === "completed");
  const change = cohort.programme.measureKeys
    .filter((k) => measures.has(k))
    .map((key) => {
      const pairs = active.map((p) => ({
        pre: p.measures.find((m) => m.measureKey === key && m.timepoint === "pre")?.score ?? null,
        post: p.measures.find((m) => m.measureKey === key && m.timepoint === "post")?.score ?? null,
      }));
      return { key, name: measures.get(key)!.name, ...summariseChange(pairs) };
    });
  const lackingPost = active.filter((p) => cohort.programme.measureKeys.some((k) => !p.measures.some((m) => m.measureKey === k && m.timepoint === "post")));
  const waitingList = orderWaitingList(enrolments.filter((e) => e.status === "waiting")).map((e) => ({ id: e.id, name: e.name, waitingSince: e.waitingSince }));
  await audit(actor, { action: "read", entity: "cohort", entityId: cohort.id, detail: { participants: participants.length } });
  for (const familyId of new Set(enrolments.flatMap((e) => (e.familyId ? [e.familyId] : [])))) {
    await audit(actor, { action: "read", entity: "enrolment", entityId: cohort.id, familyId });
  }
  const completedCount = participants.filter((p) => p.status === "completed").length;
  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      status: cohort.status,
      startDate: cohort.startDate,
      startTime: cohort.startTime,
      venue: cohort.venue,
      onlineLink: cohort.onlineLink,
      languages: cohort.languages,
      interpreter: cohort.interpreter,
      crechePlaces: cohort.crechePlaces,
      capacity: cohort.capacity,
    },
    programme: {
      name: cohort.programme.name,
      sessionCount: cohort.programme.sessionCount,
      completionRule: cohort.programme.completionRule,
      completionValue: cohort.programme.completionValue,
    },
    facilitators: facilitators.map((f) => ({ name: f.user.name, organisation: f.user.organisation })),
    sessions: sessions.map((s) => ({
      id: s.id,
      number: s.number,
      date: s.date,
      startTime: s.startTime,
      cancelled: s.cancelled,
      present: s.attendance.filter((a) => a.status === "present").length,
      marked: s.attendance.length,
    })),
    participants,
    waitingList,
    lackingPost: lackingPost.map((p) => ({ id: p.id, name: p.name })),
    change,
    placesTaken: participants.filter((p) => holdsPlace(p.status)).length,
    completion: {
      completed: completedCount,
      meetingRule: active.filter((p) => p.meetsRule).length,
      active: active.length,
      /** Completed of those who stayed (enrolled or completed), 0–1. */
      rate: active.length ? completedCount / active.length : null,
    },
    canManage: canManageCohorts(actor),
  };
}

/**
 * Completes a cohort (a lead's step): every enrolled parent who meets the programme's
 * completion rule becomes "completed" and gets a certificate; the rest stay enrolled.
 */
export async function completeCohort(actor: Actor, cohortId: string) {
  if (!canManageCohorts(actor)) throw errorResponse(403, "errors.forbidden");
  const cohort = await requireCohort(actor, cohortId, "manage:cohort");
  if (cohort.status === "completed" || cohort.status === "cancelled") throw errorResponse(400, "errors.cohortClosed");
  const sessions = await db.cohortSession.findMany({ where: { cohortId }, select: { id: true, cancelled: true } });
  const held = new Set(sessions.filter((s) => !s.cancelled).map((s) => s.id));
  const enrolled = await db.enrolment.findMany({ where: { cohortId, status: "enrolled" }, include: { attendance: true, measures: true } });
  const rule = { rule: cohort.programme.completionRule, value: cohort.programme.completionValue };
  const completing = enrolled.filter((e) => participantFigures(e, held, rule).meetsRule);
  await db.$transaction(async (tx) => {
    await tx.enrolment.updateMany({ where: { id: { in: completing.map((e) => e.id) } }, data: { status: "completed" } });
    await tx.cohort.update({ where: { id: cohortId }, data: { status: "completed" } });
    await audit(actor, { action: "update", entity: "cohort", entityId: cohortId, detail: { completed: completing.length, enrolled: enrolled.length } }, tx);
    for (const e of completing) await audit(actor, { action: "update", entity: "enrolment", entityId: e.id, familyId: e.familyId, detail: { to: "completed" } }, tx);
  });
  return { completed: completing.length, notCompleted: enrolled.length - completing.length };
}
