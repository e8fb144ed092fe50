import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { getMeasures } from "./measure.server";
import type { ProgrammeEditInput, ProgrammeInput } from "./schemas";

/** The programme catalogue, by name, with how many cohorts use each. */
export async function listProgrammes() {
  return db.programme.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { cohorts: true } } } });
}

/** Adds a programme; its measures must be known and its name new. */
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
