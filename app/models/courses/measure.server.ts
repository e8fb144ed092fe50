import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { startOfDay } from "~/models/casework/rules";
import { requireEnrolment, type Client } from "./access.server";
import { SHIPPED_MEASURES } from "./measures";
import { ScoringError, scoreMeasure, type MeasureDefinition } from "./rules";
import type { MeasureInput } from "./schemas";

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

/**
 * Records a pre or post measure. The measure must be one the programme uses, every item
 * answered on its scale, and a post score needs a pre score first; otherwise 400.
 */
export async function recordMeasure(actor: Actor, cohortId: string, enrolmentId: string, input: MeasureInput) {
  const { cohort, enrolment } = await requireEnrolment(actor, cohortId, enrolmentId, "write:cohort");
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
