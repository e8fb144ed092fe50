import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { requireCohort } from "./access.server";
import type { RegisterInput, SessionEditInput } from "./schemas";

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
  const cohort = await requireCohort(actor, cohortId, "write:cohort");
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
  const cohort = await requireCohort(actor, cohortId, "write:cohort");
  const session = await db.cohortSession.findFirst({ where: { id: sessionId, cohortId: cohort.id } });
  if (!session) throw errorResponse(404, "errors.notFound");
  await db.$transaction(async (tx) => {
    await tx.cohortSession.update({ where: { id: session.id }, data: { date: input.date, startTime: input.startTime, cancelled: input.cancelled, note: input.note ?? null } });
    await audit(actor, { action: "update", entity: "cohort-session", entityId: session.id, detail: { cohortId, cancelled: input.cancelled } }, tx);
  });
}
