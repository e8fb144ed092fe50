import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";

/**
 * The annual parent survey: building and translating it (leads), inviting families, and
 * the parents' side (save per page, submit exactly once, anonymously). See
 * docs/decisions/0007-survey.md for why responses carry no link to a code or family.
 */

export type Tx = Prisma.TransactionClient;

/** The survey, or 404. Surveys are service-wide: the route's `manage:survey` check is the whole of their access rule. */
export async function requireSurvey(surveyId: string) {
  const survey = await db.survey.findUnique({ where: { id: surveyId } });
  if (!survey) throw errorResponse(404, "errors.notFound");
  return survey;
}
