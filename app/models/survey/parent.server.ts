import { createHash } from "node:crypto";
import { redirect } from "@remix-run/node";
import type { Prisma } from "~/generated/prisma/client";
import type { SurveyService, SurveyStatus } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { parseDatabaseUrl, quoteIdent } from "~/utils/db-url.server";
import { errorResponse } from "~/utils/http.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { isLanguageCode, type LanguageCode } from "~/utils/languages";
import type { RequestInfo } from "~/utils/request-info.server";
import { newCode } from "./invitation.server";
import { CodeSchema, firstIncompleteSection, OPEN_LINK_LIMIT, parseAnswers, type Answers, type SectionDef } from "./rules";
import { getStructure, textsFor } from "./structure.server";

/**
 * What every parent page needs: the invitation for the code in the URL, the survey's
 * state, and the language. Parent URLs always carry `?lng=` (the root reads the page
 * language from it); a missing or unavailable one redirects to the invitation's.
 */

export type ParentState =
  | { kind: "unknown"; lng: LanguageCode }
  | { kind: "closed"; lng: LanguageCode }
  | { kind: "already"; lng: LanguageCode; invitation: ParentInvitation; texts: Record<string, string> }
  | {
      kind: "open";
      lng: LanguageCode;
      invitation: ParentInvitation;
      sections: SectionDef[];
      texts: Record<string, string>;
      answers: Answers;
      languages: string[];
    };

/** The URL of a parent page in a language. */
export function parentUrl(code: string, rest: string, lng: string) {
  return `/s/${encodeURIComponent(code)}${rest ? `/${rest}` : ""}?lng=${encodeURIComponent(lng)}`;
}

export async function loadParent(request: Request, rawCode: string | undefined, rest = ""): Promise<ParentState> {
  const parsed = CodeSchema.safeParse(rawCode ?? "");
  const requested = new URL(request.url).searchParams.get("lng");
  const invitation = parsed.success ? await findInvitation(parsed.data) : null;
  if (!invitation) return { kind: "unknown", lng: await resolveLanguage(request) };
  const survey = invitation.survey;
  const available = survey.languages.length ? survey.languages : ["en"];
  const lng = (requested && available.includes(requested) ? requested : null) as LanguageCode | null;
  if (!lng) {
    const fallback = available.includes(invitation.language) ? invitation.language : "en";
    throw redirect(parentUrl(invitation.code, rest, isLanguageCode(fallback) ? fallback : "en"));
  }
  if (parsed.data !== rawCode) throw redirect(parentUrl(invitation.code, rest, lng));
  // A reusable code only has a start page: answers belong to each visitor's own code.
  if (invitation.reusable && rest) throw redirect(parentUrl(invitation.code, "", lng));
  const { sections, texts } = await getStructure(survey);
  const own = textsFor(texts, lng);
  if (invitation.completedOn) return { kind: "already", lng, invitation, texts: own };
  if (survey.status !== "open") return { kind: "closed", lng };
  return { kind: "open", lng, invitation, sections, texts: own, answers: parseAnswers(invitation.draft), languages: available };
}

/** Parent pages hold answers: never cached, never sent as a referrer. */
export const PARENT_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

// The parents' side: codes, drafts and the one submission.

export type ParentInvitation = {
  id: string;
  code: string;
  reusable: boolean;
  service: SurveyService | null;
  language: string;
  draft: Prisma.JsonValue | null;
  page: number;
  openedAt: Date | null;
  completedOn: Date | null;
  survey: { id: string; year: number; status: SurveyStatus; anonymous: boolean; languages: string[]; updatedAt: Date; openToken: string };
};

type InvitationRow = Omit<ParentInvitation, "survey"> & {
  surveyId: string;
  year: number;
  status: SurveyStatus;
  anonymous: boolean;
  languages: string[];
  surveyUpdatedAt: Date;
  openToken: string;
};

/**
 * An invitation by its code, with the survey fields the parent pages need: one SQL
 * statement (every parent request starts here, so it is kept to one round trip).
 */
export async function findInvitation(code: string): Promise<ParentInvitation | null> {
  const t = tableNames();
  const rows = await db.$queryRawUnsafe<InvitationRow[]>(
    `SELECT i."id", i."code", i."reusable", i."service"::text AS "service", i."language", i."draft", i."page", i."openedAt", i."completedOn",
            s."id" AS "surveyId", s."year", s."status"::text AS "status", s."anonymous", s."languages", s."updatedAt" AS "surveyUpdatedAt", s."openToken"
       FROM ${t.invitation} i JOIN ${t.survey} s ON s."id" = i."surveyId"
      WHERE i."code" = $1`,
    code,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    code: r.code,
    reusable: r.reusable,
    service: r.service,
    language: r.language,
    draft: r.draft,
    page: r.page,
    openedAt: r.openedAt ? new Date(r.openedAt) : null,
    completedOn: r.completedOn ? new Date(r.completedOn) : null,
    survey: { id: r.surveyId, year: r.year, status: r.status, anonymous: r.anonymous, languages: r.languages, updatedAt: new Date(r.surveyUpdatedAt), openToken: r.openToken },
  };
}

/** Whether a survey is anonymous, for its privacy notice (null when there is no such survey). */
export async function getSurveyAnonymity(surveyId: string): Promise<boolean | null> {
  const survey = await db.survey.findUnique({ where: { id: surveyId }, select: { anonymous: true } });
  return survey ? survey.anonymous : null;
}

export async function findSurveyByOpenToken(token: string) {
  return db.survey.findUnique({ where: { openToken: token }, select: { id: true, year: true, status: true, anonymous: true, languages: true, updatedAt: true } });
}

/** Records the first visit of a single-use code (for the "opened" count). */
export async function markOpened(invitation: { id: string; openedAt: Date | null; reusable: boolean }) {
  if (invitation.openedAt || invitation.reusable) return;
  await db.surveyInvitation.updateMany({ where: { id: invitation.id, openedAt: null }, data: { openedAt: new Date() } });
}

function openClientKey(info: RequestInfo) {
  return createHash("sha256").update(`survey-open:${info.ip}`).digest("hex").slice(0, 32);
}

/**
 * Starts an answer set from the open link or a reusable code: a fresh single-use code
 * of the visitor's own. The open link is rate-limited per client (counted in the
 * database, so the limit holds across app instances).
 */
export async function startFromShared(
  survey: { id: string; status: SurveyStatus },
  options: { service: SurveyService | null; language: string; info: RequestInfo; limit: boolean },
): Promise<string> {
  if (survey.status !== "open") throw errorResponse(410, "survey:closed.title");
  if (options.limit) {
    const key = openClientKey(options.info);
    const since = new Date(Date.now() - 60 * 60_000);
    const used = await db.surveyOpenAttempt.count({ where: { clientKey: key, createdAt: { gte: since } } });
    if (used >= OPEN_LINK_LIMIT) throw errorResponse(429, "survey:limit.body");
    await db.surveyOpenAttempt.create({ data: { clientKey: key } });
    await db.surveyOpenAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 60 * 60_000) } } });
  }
  const invitation = await db.surveyInvitation.create({
    data: { surveyId: survey.id, code: newCode(), service: options.service, language: options.language, openedAt: new Date() },
    select: { code: true },
  });
  return invitation.code;
}

/**
 * Saves one page's answers against the code. Returns false when the code was submitted
 * meanwhile (another tab), so the page can say it is already done.
 */
export async function saveDraft(invitation: ParentInvitation, sectionIndex: number, pageAnswers: Answers, language: string, sectionKeys: string[]): Promise<boolean> {
  const merged: Answers = { ...parseAnswers(invitation.draft) };
  for (const key of sectionKeys) delete merged[key];
  Object.assign(merged, pageAnswers);
  const result = await db.surveyInvitation.updateMany({
    where: { id: invitation.id, completedOn: null },
    data: { draft: merged, page: Math.max(invitation.page, sectionIndex + 1), language },
  });
  return result.count === 1;
}

export type SubmitResult = { status: "submitted" } | { status: "already" } | { status: "closed" } | { status: "incomplete"; section: number };

let tables: { invitation: string; response: string; survey: string; serviceType: string } | null = null;
function tableNames() {
  if (!tables) {
    const { schema } = parseDatabaseUrl(process.env.DATABASE_URL ?? "postgresql://x/x");
    tables = { invitation: `${quoteIdent(schema)}."SurveyInvitation"`, response: `${quoteIdent(schema)}."SurveyResponse"`, survey: `${quoteIdent(schema)}."Survey"`, serviceType: `${quoteIdent(schema)}."SurveyService"` };
  }
  return tables;
}

/**
 * Submits a code's answers exactly once. One statement claims the code (only while it
 * is not yet completed: PostgreSQL's row lock makes concurrent claims wait and then see
 * it taken) and inserts the response from the claim, so two tabs, a double click or a
 * back button give one response. In an anonymous survey the response gets only year,
 * service, language and the answers; the code keeps only the day it was completed.
 */
export async function submitResponse(code: string, language: string, prefetched?: ParentInvitation): Promise<SubmitResult> {
  // The parent pages pass the invitation they have just read: one read, one write.
  const invitation = prefetched ?? (await findInvitation(code));
  if (!invitation) throw errorResponse(404, "survey:unknown.title");
  if (invitation.completedOn) return { status: "already" };
  const survey = invitation.survey;
  if (survey.status !== "open") return { status: "closed" };
  const { sections } = await getStructure(survey);
  const answers = parseAnswers(invitation.draft);
  const missing = firstIncompleteSection(sections, answers);
  if (missing >= 0) return { status: "incomplete", section: missing };
  const t = tableNames();
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `WITH claimed AS (
       UPDATE ${t.invitation} SET "completedOn" = CURRENT_DATE, "draft" = NULL, "updatedAt" = now()
       WHERE "id" = $1 AND "completedOn" IS NULL RETURNING "id"
     )
     INSERT INTO ${t.response} ("id", "surveyId", "year", "service", "language", "answers", "invitationId")
     SELECT gen_random_uuid()::text, $2, $3, $4::text::${t.serviceType}, $5, $6::jsonb, CASE WHEN $7::boolean THEN NULL ELSE claimed."id" END
     FROM claimed RETURNING "id"`,
    invitation.id,
    survey.id,
    survey.year,
    invitation.service,
    language,
    JSON.stringify(answers),
    survey.anonymous,
  );
  return rows.length === 1 ? { status: "submitted" } : { status: "already" };
}
