import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import type { AnnualNarrativeInput } from "./annual-schema";

/** The narrative saved for a financial year (version 0 and empty when none yet), with who saved it last. */
export async function getAnnualNarrative(year: number) {
  const row = await db.annualReport.findUnique({ where: { year } });
  const by = row?.updatedById ? await db.user.findUnique({ where: { id: row.updatedById }, select: { name: true } }) : null;
  return {
    version: row?.version ?? 0,
    core: row?.core ?? "",
    creative: row?.creative ?? "",
    outcomes: row?.outcomes ?? "",
    caseStudies: row?.caseStudies ?? "",
    updatedAt: row ? row.updatedAt : null,
    updatedBy: by?.name ?? null,
  };
}

/**
 * Saves the narrative if nobody has saved it since `version` was read (0: not yet
 * written); 409 otherwise, so a second lead's save never silently replaces the first's.
 */
export async function saveAnnualNarrative(actor: Actor, year: number, input: AnnualNarrativeInput) {
  const data = { core: input.core, creative: input.creative, outcomes: input.outcomes, caseStudies: input.caseStudies, updatedById: actor.user.id };
  return db.$transaction(async (tx) => {
    if (input.version === 0) {
      const existing = await tx.annualReport.count({ where: { year } });
      if (existing) throw errorResponse(409, "reports:annual.conflict");
      await tx.annualReport.create({ data: { year, ...data } });
    } else {
      const moved = await tx.annualReport.updateMany({ where: { year, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (!moved.count) throw errorResponse(409, "reports:annual.conflict");
    }
    await audit(actor, { action: "update", entity: "annual-report", entityId: String(year), detail: { version: input.version + 1 } }, tx);
  });
}
