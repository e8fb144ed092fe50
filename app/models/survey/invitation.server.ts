import { randomBytes } from "node:crypto";
import type { SurveyService } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { scopeFor } from "~/utils/permissions";
import { requireSurvey } from "./access.server";
import { formatCode } from "./rules";

/** A new invitation code (about 50 bits of randomness). */
export function newCode(): string {
  return formatCode(randomBytes(10));
}

/** Counts for the lead's overview: codes made, sent, opened and completed, and responses. */
export async function invitationCounts(surveyId: string) {
  const [invited, sent, opened, completed, responses] = await Promise.all([
    db.surveyInvitation.count({ where: { surveyId, reusable: false } }),
    db.surveyInvitation.count({ where: { surveyId, reusable: false, sentAt: { not: null } } }),
    db.surveyInvitation.count({ where: { surveyId, reusable: false, openedAt: { not: null } } }),
    db.surveyInvitation.count({ where: { surveyId, reusable: false, completedOn: { not: null } } }),
    db.surveyResponse.count({ where: { surveyId } }),
  ]);
  return { invited, sent, opened, completed, responses };
}

/**
 * One single-use code per family of the actor's scope that received the service and
 * has none yet for this survey. Casework: families with a request for support on file.
 */
export async function generateInvitations(actor: Actor, surveyId: string, service: SurveyService) {
  const survey = await requireSurvey(surveyId);
  if (survey.status === "closed") throw errorResponse(400, "surveys:errors.closed");
  // Surveys are the whole service's (manage:survey:any for leads): the codes follow that scope.
  const teamFilter = scopeFor(actor.user.roles, "manage:survey") === "any" ? {} : { teamId: actor.user.teamId ?? "-" };
  const families = await db.family.findMany({
    where: { ...teamFilter, contacts: { some: {} }, surveyInvitations: { none: { surveyId } } },
    select: { id: true, preferredLanguage: true },
  });
  await db.$transaction(async (tx) => {
    await tx.surveyInvitation.createMany({
      data: families.map((f) => ({ surveyId, code: newCode(), service, familyId: f.id, language: f.preferredLanguage })),
    });
    await audit(actor, { action: "create", entity: "survey-invitation", entityId: surveyId, detail: { service, count: families.length } }, tx);
  });
  return families.length;
}

/** Single-use invitations with the family's name and reference, for letters and the text-message list. */
export async function listInvitations(actor: Actor, surveyId: string, options: { code?: string; markSent?: boolean } = {}) {
  const survey = await requireSurvey(surveyId);
  const invitations = await db.surveyInvitation.findMany({
    where: { surveyId, reusable: false, familyId: { not: null }, ...(options.code ? { code: options.code } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      code: true,
      service: true,
      language: true,
      sentAt: true,
      family: { select: { id: true, reference: true, name: true, addressLine1: true, town: true, postcode: true, members: { select: { firstName: true, lastName: true, phone: true }, where: { kind: "adult" }, orderBy: { createdAt: "asc" } } } },
    },
  });
  if (options.markSent && invitations.length) {
    await db.surveyInvitation.updateMany({ where: { id: { in: invitations.map((i) => i.id) }, sentAt: null }, data: { sentAt: new Date() } });
  }
  await audit(actor, { action: "read", entity: "survey-invitation", entityId: survey.id, detail: { count: invitations.length, purpose: options.markSent ? "send" : "list" } });
  return { survey, invitations };
}
