import type { Prisma } from "~/generated/prisma/client";
import type { EnrolmentStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor } from "~/utils/permissions";
import { startOfDay } from "~/models/casework/rules";
import { SHIPPED_MEASURES } from "./measures";
import {
  holdsPlace,
  hasPlace,
  meetsCompletion,
  orderWaitingList,
  PLACE_HOLDING,
  ScoringError,
  scoreMeasure,
  sessionSchedule,
  summariseChange,
  type MeasureDefinition,
} from "./rules";
import type { CohortEditInput, CohortInput, EnrolInput, MeasureInput, ProgrammeEditInput, ProgrammeInput, RegisterInput, SessionEditInput } from "./schemas";
import { familyScope } from "~/models/casework/family.server";

/**
 * Parenting course cohorts. Every function takes the Actor and limits itself to the
 * cohorts the actor may see (cohortScope: a lead all, a practitioner their team's, a
 * facilitator the ones they facilitate), audits reads and writes of anything tied to a
 * family, and throws a 4xx Response with a `courses` key for bad requests, so nothing
 * changes. Facilitators never receive family ids: case records are not theirs to see.
 */

type Client = Prisma.TransactionClient | typeof db;

/** The `where` limiting cohorts to what the actor may see for the permission's scope. */
export function cohortScope(actor: Actor): Prisma.CohortWhereInput {
  if (actor.scope === "any") return {};
  if (actor.scope === "team") return actor.user.teamId ? { teamId: actor.user.teamId } : { id: "__none__" };
  return { facilitators: { some: { userId: actor.user.id } } };
}

/** The cohort if the actor may see it; otherwise a 404 (audited as denied when it exists). */
export async function requireCohort(actor: Actor, cohortId: string, client: Client = db) {
  const cohort = await client.cohort.findFirst({ where: { AND: [{ id: cohortId }, cohortScope(actor)] }, include: { programme: true } });
  if (!cohort) {
    if (await client.cohort.count({ where: { id: cohortId } })) await audit(actor, { action: "denied", entity: "cohort", entityId: cohortId });
    throw errorResponse(404, "errors.notFound");
  }
  return cohort;
}

function canManageCohorts(actor: Actor) {
  return scopeFor(actor.user.roles, "manage:cohort") !== null;
}

/** Family ids this actor may open (read:family in scope), from a list of candidates. */
async function visibleFamilyIds(actor: Actor, familyIds: string[]): Promise<Set<string>> {
  const scope = scopeFor(actor.user.roles, "read:family");
  if (!scope || !familyIds.length) return new Set();
  const rows = await db.family.findMany({ where: { AND: [{ id: { in: familyIds } }, familyScope({ ...actor, scope })] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------------------
// Outcome measures and programmes
// ---------------------------------------------------------------------------

/** Makes sure the shipped measures exist (idempotent; updates their definition). */
export async function ensureOutcomeMeasures(client: Client = db) {
  for (const m of SHIPPED_MEASURES) {
    const data = {
      name: m.name,
      description: m.description,
      items: m.items,
      responseLabels: m.responseLabels,
      scaleMin: m.scaleMin,
      scaleMax: m.scaleMax,
      scoring: m.scoring,
      conversion: m.conversion ?? undefined,
    };
    await client.outcomeMeasure.upsert({ where: { key: m.key }, update: data, create: { key: m.key, ...data } });
  }
}

export type StoredMeasure = MeasureDefinition & { name: string; items: string[]; responseLabels: string[] };

/** The measures as stored, keyed by their key. */
export async function getMeasures(client: Client = db): Promise<Map<string, StoredMeasure>> {
  let rows = await client.outcomeMeasure.findMany({ orderBy: { key: "desc" } });
  if (!rows.length) {
    await ensureOutcomeMeasures(client);
    rows = await client.outcomeMeasure.findMany({ orderBy: { key: "desc" } });
  }
  return new Map(
    rows.map((r) => {
      const items = r.items as string[];
      return [
        r.key,
        {
          key: r.key,
          name: r.name,
          items,
          responseLabels: r.responseLabels as string[],
          itemCount: items.length,
          scaleMin: r.scaleMin,
          scaleMax: r.scaleMax,
          scoring: r.scoring,
          conversion: (r.conversion as Record<string, number> | null) ?? null,
        },
      ];
    }),
  );
}

export async function listProgrammes() {
  return db.programme.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { cohorts: true } } } });
}

export async function createProgramme(actor: Actor, input: ProgrammeInput) {
  const measures = await getMeasures();
  if (input.measureKeys.some((k) => !measures.has(k))) throw errorResponse(400, "errors.measureUnknown");
  if (await db.programme.count({ where: { name: { equals: input.name, mode: "insensitive" } } })) throw errorResponse(400, "errors.programmeExists");
  return db.$transaction(async (tx) => {
    const programme = await tx.programme.create({ data: { ...input, measureKeys: [...new Set(input.measureKeys)], languages: [...new Set(input.languages)] } });
    await audit(actor, { action: "create", entity: "programme", entityId: programme.id }, tx);
    return programme;
  });
}

/** One programme with how many cohorts use it, or 404. */
export async function getProgramme(programmeId: string) {
  const programme = await db.programme.findUnique({ where: { id: programmeId }, include: { _count: { select: { cohorts: true } } } });
  if (!programme) throw errorResponse(404, "errors.notFound");
  return programme;
}

/**
 * Changes a programme. Once cohorts use it, its sessions, completion rule and measures
 * stay as they are (a change would rewrite the completion and pre/post figures of
 * courses already run: make a new programme instead); name, description, session length
 * and languages can always change. Optimistic concurrency on `version`.
 */
export async function updateProgramme(actor: Actor, programmeId: string, input: ProgrammeEditInput) {
  const programme = await getProgramme(programmeId);
  const inUse = programme._count.cohorts > 0;
  const rules = { sessionCount: input.sessionCount, completionRule: input.completionRule, completionValue: input.completionValue };
  if (inUse) {
    const changed = (Object.keys(rules) as Array<keyof typeof rules>).some((k) => rules[k] !== undefined && rules[k] !== programme[k]);
    if (changed) throw errorResponse(400, "errors.programmeInUse");
  } else if (rules.sessionCount === undefined || rules.completionRule === undefined || rules.completionValue === undefined) {
    throw errorResponse(400, "errors.required");
  }
  const measureKeys = inUse ? programme.measureKeys : [...new Set(input.measureKeys ?? [])];
  const measures = await getMeasures();
  if (measureKeys.some((k) => !measures.has(k))) throw errorResponse(400, "errors.measureUnknown");
  if (await db.programme.count({ where: { id: { not: programme.id }, name: { equals: input.name, mode: "insensitive" } } })) throw errorResponse(400, "errors.programmeExists");
  return db.$transaction(async (tx) => {
    const moved = await tx.programme.updateMany({
      where: { id: programme.id, version: input.version },
      data: {
        name: input.name,
        description: input.description,
        sessionMinutes: input.sessionMinutes,
        languages: [...new Set(input.languages)],
        ...(inUse ? {} : { sessionCount: rules.sessionCount, completionRule: rules.completionRule, completionValue: rules.completionValue, measureKeys }),
        version: { increment: 1 },
      },
    });
    if (!moved.count) throw errorResponse(409, "errors.programmeVersionConflict");
    await audit(actor, { action: "update", entity: "programme", entityId: programme.id, detail: { inUse } }, tx);
    return programme;
  });
}

// ---------------------------------------------------------------------------
// Cohorts and sessions
// ---------------------------------------------------------------------------

/** Staff who may facilitate (anyone holding the facilitator role, partner agencies included). */
export async function listFacilitators() {
  return db.user.findMany({
    where: { roles: { has: "facilitator" }, disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, organisation: true },
  });
}

/** Cohorts the actor may see, current ones first, with their counts. */
export async function listCohorts(actor: Actor) {
  const cohorts = await db.cohort.findMany({
    where: cohortScope(actor),
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
  return (await listCohorts(actor)).filter((c) => c.status === "planned" || c.status === "running");
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
  const cohort = await requireCohort(actor, cohortId);
  const facilitators = await db.cohortFacilitator.findMany({ where: { cohortId }, select: { userId: true } });
  return { ...cohort, facilitatorIds: facilitators.map((f) => f.userId) };
}

/**
 * Changes a cohort's details, facilitators and status. Capacity cannot drop below the
 * places already taken, and a completed cohort is closed to edits (400).
 */
export async function updateCohort(actor: Actor, cohortId: string, input: CohortEditInput) {
  if (!canManageCohorts(actor)) throw errorResponse(403, "errors.forbidden");
  const cohort = await requireCohort(actor, cohortId);
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

/** One session of this cohort (404 when it belongs to another), with the register. */
export async function getSessionRegister(actor: Actor, cohortId: string, sessionId: string) {
  const cohort = await requireCohort(actor, cohortId);
  const session = await db.cohortSession.findFirst({ where: { id: sessionId, cohortId: cohort.id } });
  if (!session) throw errorResponse(404, "errors.notFound");
  const participants = await db.enrolment.findMany({
    where: { cohortId: cohort.id, status: { in: ["enrolled", "completed"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, familyId: true, attendance: { where: { sessionId }, select: { status: true } } },
  });
  await audit(actor, { action: "read", entity: "register", entityId: session.id, detail: { cohortId } });
  return {
    cohort: { id: cohort.id, name: cohort.name, programme: cohort.programme.name },
    session,
    participants: participants.map((p) => ({ id: p.id, name: p.name, status: p.attendance[0]?.status ?? null })),
  };
}

/**
 * Saves a register. The session must be this cohort's and held, and every mark must be
 * for a participant (enrolled or completed) of this cohort; otherwise 4xx and nothing saved.
 */
export async function saveRegister(actor: Actor, cohortId: string, sessionId: string, input: RegisterInput) {
  const cohort = await requireCohort(actor, cohortId);
  const session = await db.cohortSession.findFirst({ where: { id: sessionId, cohortId: cohort.id } });
  if (!session) throw errorResponse(404, "errors.notFound");
  if (session.cancelled) throw errorResponse(400, "errors.sessionCancelled");
  const ids = Object.keys(input.attendance);
  if (!ids.length) throw errorResponse(400, "errors.registerEmpty");
  const valid = await db.enrolment.findMany({ where: { id: { in: ids }, cohortId: cohort.id, status: { in: ["enrolled", "completed"] } }, select: { id: true, familyId: true } });
  if (valid.length !== ids.length) throw errorResponse(400, "errors.registerNotParticipant");
  await db.$transaction(async (tx) => {
    for (const [enrolmentId, status] of Object.entries(input.attendance)) {
      await tx.attendance.upsert({
        where: { sessionId_enrolmentId: { sessionId, enrolmentId } },
        update: { status, recordedById: actor.user.id },
        create: { sessionId, enrolmentId, status, recordedById: actor.user.id },
      });
    }
    if (cohort.status === "planned") await tx.cohort.update({ where: { id: cohort.id }, data: { status: "running" } });
    await audit(actor, { action: "update", entity: "register", entityId: sessionId, detail: { cohortId, marks: ids.length } }, tx);
    for (const familyId of new Set(valid.flatMap((v) => (v.familyId ? [v.familyId] : [])))) {
      await audit(actor, { action: "update", entity: "attendance", entityId: sessionId, familyId }, tx);
    }
  });
}

/** Moves, cancels or annotates one session of this cohort. */
export async function updateSession(actor: Actor, cohortId: string, sessionId: string, input: SessionEditInput) {
  const cohort = await requireCohort(actor, cohortId);
  const session = await db.cohortSession.findFirst({ where: { id: sessionId, cohortId: cohort.id } });
  if (!session) throw errorResponse(404, "errors.notFound");
  await db.$transaction(async (tx) => {
    await tx.cohortSession.update({ where: { id: session.id }, data: { date: input.date, startTime: input.startTime, cancelled: input.cancelled, note: input.note ?? null } });
    await audit(actor, { action: "update", entity: "cohort-session", entityId: session.id, detail: { cohortId, cancelled: input.cancelled } }, tx);
  });
}

// ---------------------------------------------------------------------------
// Enrolment, capacity and the waiting list
// ---------------------------------------------------------------------------

async function placesTaken(tx: Client, cohortId: string) {
  return tx.enrolment.count({ where: { cohortId, status: { in: [...PLACE_HOLDING] } } });
}

/** The adults of a family the actor may see, to choose whom to enrol. Audited. */
export async function getFamilyForEnrolment(actor: Actor, familyId: string) {
  const scope = scopeFor(actor.user.roles, "read:family");
  if (!scope) throw errorResponse(403, "errors.forbidden");
  const family = await db.family.findFirst({
    where: { AND: [{ id: familyId }, familyScope({ ...actor, scope })] },
    select: { id: true, name: true, reference: true, preferredLanguage: true, members: { where: { kind: "adult" }, orderBy: { firstName: "asc" }, select: { id: true, firstName: true, lastName: true, preferredLanguage: true } } },
  });
  if (!family) {
    if (await db.family.count({ where: { id: familyId } })) await audit(actor, { action: "denied", entity: "family", entityId: familyId, familyId });
    throw errorResponse(404, "errors.notFound");
  }
  await audit(actor, { action: "read", entity: "family", entityId: family.id, familyId: family.id, detail: { for: "enrolment" } });
  return family;
}

/**
 * Enrols a parent: a family member (linking the casework) or a self-referral with a name
 * and contact. A place-holding status on a full cohort is a 400; the waiting list is not.
 */
export async function enrol(actor: Actor, cohortId: string, input: EnrolInput) {
  const cohort = await requireCohort(actor, cohortId);
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

async function requireEnrolment(actor: Actor, cohortId: string, enrolmentId: string) {
  const cohort = await requireCohort(actor, cohortId);
  const enrolment = await db.enrolment.findFirst({ where: { id: enrolmentId, cohortId: cohort.id } });
  if (!enrolment) throw errorResponse(404, "errors.notFound");
  return { cohort, enrolment };
}

/** Changes an enrolment's status; taking a place on a full cohort is a 400. */
export async function setEnrolmentStatus(actor: Actor, cohortId: string, enrolmentId: string, status: Exclude<EnrolmentStatus, "completed">, withdrawnReason?: string) {
  const { cohort, enrolment } = await requireEnrolment(actor, cohortId, enrolmentId);
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
  const cohort = await requireCohort(actor, cohortId);
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

/**
 * Records a pre or post measure. The measure must be one the programme uses, every item
 * answered on its scale, and a post score needs a pre score first; otherwise 400.
 */
export async function recordMeasure(actor: Actor, cohortId: string, enrolmentId: string, input: MeasureInput) {
  const { cohort, enrolment } = await requireEnrolment(actor, cohortId, enrolmentId);
  if (!cohort.programme.measureKeys.includes(input.measureKey)) throw errorResponse(400, "errors.measureUnknown");
  if (enrolment.status !== "enrolled" && enrolment.status !== "completed") throw errorResponse(400, "errors.notParticipant");
  if (input.recordedOn > startOfDay(new Date())) throw errorResponse(400, "errors.dateInFuture");
  const measure = (await getMeasures()).get(input.measureKey);
  if (!measure) throw errorResponse(400, "errors.measureUnknown");
  let scored;
  try {
    scored = scoreMeasure(measure, input.answers);
  } catch (error) {
    if (error instanceof ScoringError) throw errorResponse(400, error.message);
    throw error;
  }
  if (input.timepoint === "post") {
    const pre = await db.measureResponse.count({ where: { enrolmentId, measureKey: input.measureKey, timepoint: "pre" } });
    if (!pre) throw errorResponse(400, "errors.postWithoutPre");
  }
  return db.$transaction(async (tx) => {
    const data = { answers: input.answers, rawScore: scored.raw, score: scored.score, recordedOn: input.recordedOn, recordedById: actor.user.id };
    const row = await tx.measureResponse.upsert({
      where: { enrolmentId_measureKey_timepoint: { enrolmentId, measureKey: input.measureKey, timepoint: input.timepoint } },
      update: data,
      create: { enrolmentId, measureKey: input.measureKey, timepoint: input.timepoint, ...data },
    });
    await audit(actor, { action: "create", entity: "measure", entityId: row.id, familyId: enrolment.familyId, detail: { measure: input.measureKey, timepoint: input.timepoint } }, tx);
    return row;
  });
}

/**
 * Completes a cohort (a lead's step): every enrolled parent who meets the programme's
 * completion rule becomes "completed" and gets a certificate; the rest stay enrolled.
 */
export async function completeCohort(actor: Actor, cohortId: string) {
  if (!canManageCohorts(actor)) throw errorResponse(403, "errors.forbidden");
  const cohort = await requireCohort(actor, cohortId);
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
