import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { conflict, requireContact, requireLead } from "./access.server";
import type { AssessmentInput } from "./schemas";

export async function getAssessment(actor: Actor, familyId: string, contactId: string) {
  const { family, contact } = await requireContact(actor, familyId, contactId);
  const assessment = await db.assessment.findUnique({
    where: { contactId: contact.id },
    include: { needs: true, childVoices: true, signedOffBy: { select: { name: true } } },
  });
  if (!assessment) throw errorResponse(404, "errors.notFound");
  const children = await db.familyMember.findMany({ where: { familyId: family.id, kind: "child" }, orderBy: { dateOfBirth: "asc" } });
  await audit(actor, { action: "read", entity: "assessment", entityId: assessment.id, familyId });
  return { family, contact, assessment, children };
}

/** Saves the assessment if nobody has changed it since `version` was read; 409 otherwise. */
export async function saveAssessment(actor: Actor, familyId: string, contactId: string, input: AssessmentInput) {
  const { family, contact } = await requireContact(actor, familyId, contactId, "write:family");
  const assessment = await db.assessment.findUnique({ where: { contactId: contact.id } });
  if (!assessment) throw errorResponse(404, "errors.notFound");
  if (assessment.status === "signed_off") throw errorResponse(409, "errors.signedOff");
  const childIds = new Set((await db.familyMember.findMany({ where: { familyId: family.id, kind: "child" }, select: { id: true } })).map((c) => c.id));
  if (input.children.some((c) => !childIds.has(c.memberId))) throw errorResponse(400, "errors.unknownMember");
  return db.$transaction(async (tx) => {
    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, version: input.version },
      data: {
        strengths: input.strengths,
        risks: input.risks,
        parentsViews: input.parentsViews,
        analysis: input.analysis,
        status: input.intent === "submit" ? "submitted" : assessment.status === "submitted" ? "submitted" : "draft",
        version: { increment: 1 },
      },
    });
    if (!updated.count) throw conflict();
    for (const n of input.needs) {
      const data = { present: n.present, severity: n.present ? (n.severity ?? null) : null, notes: n.notes };
      await tx.assessmentNeed.upsert({ where: { assessmentId_outcome: { assessmentId: assessment.id, outcome: n.outcome } }, create: { assessmentId: assessment.id, outcome: n.outcome, ...data }, update: data });
    }
    for (const c of input.children) {
      const data = { wishesAndFeelings: c.wishesAndFeelings, seenAlone: c.seenAlone, directWorkTool: c.directWorkTool };
      await tx.childVoice.upsert({ where: { assessmentId_memberId: { assessmentId: assessment.id, memberId: c.memberId } }, create: { assessmentId: assessment.id, memberId: c.memberId, ...data }, update: data });
    }
    await audit(actor, { action: "update", entity: "assessment", entityId: assessment.id, familyId, detail: { intent: input.intent, version: input.version + 1 } }, tx);
    return { version: input.version + 1 };
  });
}

/** A lead signs the assessment off (or returns it), recorded as a decision with rationale. */
export async function signOffAssessment(actor: Actor, familyId: string, contactId: string, input: { version: number; outcome: "approve" | "return_for_work"; rationale: string }) {
  requireLead(actor);
  const { contact } = await requireContact(actor, familyId, contactId, "decide:family");
  const assessment = await db.assessment.findUnique({ where: { contactId: contact.id } });
  if (!assessment) throw errorResponse(404, "errors.notFound");
  if (assessment.status === "signed_off") throw errorResponse(409, "errors.signedOff");
  return db.$transaction(async (tx) => {
    const approve = input.outcome === "approve";
    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, version: input.version },
      data: approve ? { status: "signed_off", signedOffById: actor.user.id, signedOffAt: new Date(), version: { increment: 1 } } : { status: "draft", version: { increment: 1 } },
    });
    if (!updated.count) throw conflict();
    await tx.decision.create({
      data: { familyId: contact.familyId, contactId: contact.id, stage: "assessment_signoff", outcome: input.outcome, rationale: input.rationale, decidedById: actor.user.id },
    });
    await audit(actor, { action: "decide", entity: "assessment", entityId: assessment.id, familyId, detail: { outcome: input.outcome } }, tx);
  });
}
