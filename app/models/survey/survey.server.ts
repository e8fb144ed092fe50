/**
 * The annual parent survey: building and translating it (leads), inviting families, and
 * the parents' side (save per page, submit exactly once, anonymously). See
 * docs/decisions/0007-survey.md for why responses carry no link to a code or family.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { SurveyService, SurveyStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { parseDatabaseUrl, quoteIdent } from "~/utils/db-url.server";
import { errorResponse } from "~/utils/http.server";
import { LANGUAGE_CODES } from "~/utils/languages";
import type { RequestInfo } from "~/utils/request-info.server";
import { DEFAULT_SECTIONS, DEFAULT_TEXTS } from "./default";
import {
  completeness,
  firstIncompleteSection,
  formatCode,
  OPEN_LINK_LIMIT,
  parseAnswers,
  requiredTextKeys,
  type Answers,
  type Completeness,
  type SectionDef,
  type TextRow,
} from "./rules";

type Tx = Prisma.TransactionClient;

/** A new invitation code (about 50 bits of randomness). */
export function newCode(): string {
  return formatCode(randomBytes(10));
}

// ---------------------------------------------------------------------------
// Structure and texts, cached per survey version (updatedAt changes on every edit).

type Structure = { sections: SectionDef[]; texts: TextRow[] };
const structureCache = new Map<string, Promise<Structure>>();

async function loadStructure(surveyId: string): Promise<Structure> {
  const [sections, texts] = await Promise.all([
    db.surveySection.findMany({
      where: { surveyId },
      orderBy: { position: "asc" },
      include: { questions: { orderBy: { position: "asc" } } },
    }),
    db.surveyText.findMany({ where: { surveyId }, select: { key: true, language: true, text: true, status: true } }),
  ]);
  return {
    sections: sections.map((s) => ({
      key: s.key,
      questions: s.questions.map((q) => ({ key: q.key, type: q.type, required: q.required, options: q.options })),
    })),
    texts,
  };
}

/** The survey's sections and texts, read once per version of the survey. */
export function getStructure(survey: { id: string; updatedAt: Date }): Promise<Structure> {
  const key = `${survey.id}:${survey.updatedAt.getTime()}`;
  let hit = structureCache.get(key);
  if (!hit) {
    if (structureCache.size > 50) structureCache.clear();
    hit = loadStructure(survey.id);
    hit.catch(() => structureCache.delete(key));
    structureCache.set(key, hit);
  }
  return hit;
}

/** The texts of one language as a lookup, falling back to English for a missing key. */
export function textsFor(texts: TextRow[], language: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of texts) if (t.language === "en" && t.text) out[t.key] = t.text;
  for (const t of texts) if (t.language === language && t.text) out[t.key] = t.text;
  return out;
}

// ---------------------------------------------------------------------------
// Creating surveys.

async function writeStructure(tx: Tx, surveyId: string, sections: SectionDef[]) {
  for (const [si, s] of sections.entries()) {
    const section = await tx.surveySection.create({ data: { surveyId, key: s.key, position: si } });
    await tx.surveyQuestion.createMany({
      data: s.questions.map((q, qi) => ({
        surveyId,
        sectionId: section.id,
        key: q.key,
        type: q.type,
        position: qi,
        required: q.required,
        options: q.options,
      })),
    });
  }
}

/** The default survey's texts: English as reviewed source, the other languages as drafts. */
export function defaultTextRows(): Array<{ key: string; language: string; text: string; status: "draft" | "reviewed" }> {
  const rows: Array<{ key: string; language: string; text: string; status: "draft" | "reviewed" }> = [];
  for (const [language, texts] of Object.entries(DEFAULT_TEXTS)) {
    for (const [key, text] of Object.entries(texts)) rows.push({ key, language, text, status: language === "en" ? "reviewed" : "draft" });
  }
  return rows;
}

export const DEFAULT_STRUCTURE: SectionDef[] = DEFAULT_SECTIONS.map((s) => ({
  key: s.key,
  questions: s.questions.map((q) => ({ key: q.key, type: q.type, required: q.required ?? false, options: q.options ?? [] })),
}));

/**
 * Creates the survey for a year as a draft: a copy of the latest earlier year's
 * (structure and translations, statuses kept), or the default survey when there is none
 * or when asked for it.
 */
export async function createSurveyForYear(actor: Actor | null, year: number, client: typeof db = db, options: { fromDefault?: boolean } = {}) {
  const existing = await client.survey.findUnique({ where: { year }, select: { id: true } });
  if (existing) throw errorResponse(400, "surveys:errors.yearExists");
  const previous = options.fromDefault
    ? null
    : await client.survey.findFirst({ where: { year: { lt: year } }, orderBy: { year: "desc" }, select: { id: true, updatedAt: true } });
  const source = previous ? await loadStructure(previous.id) : { sections: DEFAULT_STRUCTURE, texts: defaultTextRows() };
  const survey = await client.$transaction(async (tx) => {
    const created = await tx.survey.create({ data: { year, openToken: randomBytes(12).toString("base64url"), languages: [] } });
    await writeStructure(tx, created.id, source.sections);
    const previousTexts = previous
      ? await tx.surveyText.findMany({ where: { surveyId: previous.id } })
      : source.texts.map((t) => ({ ...t, reviewedById: null, reviewedBy: null, reviewedAt: null }));
    await tx.surveyText.createMany({
      data: previousTexts.map((t) => ({
        surveyId: created.id,
        key: t.key,
        language: t.language,
        text: t.text,
        status: t.status,
        reviewedById: t.reviewedById,
        reviewedBy: t.reviewedBy,
        reviewedAt: t.reviewedAt,
      })),
    });
    if (actor) await audit(actor, { action: "create", entity: "survey", entityId: created.id, detail: { year, copiedFrom: previous?.id ?? "default" } }, tx);
    return created;
  });
  return survey;
}

export async function listSurveys() {
  const surveys = await db.survey.findMany({ orderBy: { year: "desc" }, include: { _count: { select: { responses: true, invitations: true } } } });
  return surveys.map((s) => ({ id: s.id, year: s.year, status: s.status, languages: s.languages, responses: s._count.responses, invitations: s._count.invitations }));
}

export async function requireSurvey(surveyId: string) {
  const survey = await db.survey.findUnique({ where: { id: surveyId } });
  if (!survey) throw errorResponse(404, "errors.notFound");
  return survey;
}

/** Everything the lead's overview shows: structure, completeness per language, counts. */
export async function getSurveyOverview(surveyId: string) {
  const survey = await requireSurvey(surveyId);
  const { sections, texts } = await getStructure(survey);
  const languages: Completeness[] = LANGUAGE_CODES.map((l) => completeness(sections, texts, l));
  const counts = await invitationCounts(survey.id);
  return { survey, sections, english: textsFor(texts, "en"), languages, counts };
}

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

async function touch(tx: Tx, surveyId: string) {
  await tx.survey.update({ where: { id: surveyId }, data: { updatedAt: new Date() } });
}

function requireDraft(survey: { status: SurveyStatus }) {
  if (survey.status !== "draft") throw errorResponse(400, "surveys:errors.notDraft");
}

/** Adds a question (with its English text) to a section of a draft survey. */
export async function addQuestion(
  actor: Actor,
  surveyId: string,
  input: { section: string; key: string; type: SectionDef["questions"][number]["type"]; required: boolean; text: string; options: Array<{ key: string; text: string }> },
) {
  const survey = await requireSurvey(surveyId);
  requireDraft(survey);
  await db.$transaction(async (tx) => {
    const section = await tx.surveySection.findUnique({ where: { surveyId_key: { surveyId, key: input.section } } });
    if (!section) throw errorResponse(400, "surveys:errors.noSection");
    const clash = await tx.surveyQuestion.findUnique({ where: { surveyId_key: { surveyId, key: input.key } } });
    if (clash) throw errorResponse(400, "surveys:errors.keyExists");
    const position = await tx.surveyQuestion.count({ where: { sectionId: section.id } });
    await tx.surveyQuestion.create({
      data: { surveyId, sectionId: section.id, key: input.key, type: input.type, position, required: input.required, options: input.options.map((o) => o.key) },
    });
    const texts = [{ key: `question.${input.key}`, text: input.text }, ...input.options.map((o) => ({ key: `option.${input.key}.${o.key}`, text: o.text }))];
    await tx.surveyText.createMany({ data: texts.map((t) => ({ surveyId, key: t.key, language: "en", text: t.text, status: "reviewed" as const })) });
    await touch(tx, surveyId);
    await audit(actor, { action: "update", entity: "survey", entityId: surveyId, detail: { addedQuestion: input.key } }, tx);
  });
}

/** Adds a section (with its English title) at the end of a draft survey. */
export async function addSection(actor: Actor, surveyId: string, input: { key: string; text: string }) {
  const survey = await requireSurvey(surveyId);
  requireDraft(survey);
  await db.$transaction(async (tx) => {
    const clash = await tx.surveySection.findUnique({ where: { surveyId_key: { surveyId, key: input.key } } });
    if (clash) throw errorResponse(400, "surveys:errors.keyExists");
    const position = await tx.surveySection.count({ where: { surveyId } });
    await tx.surveySection.create({ data: { surveyId, key: input.key, position } });
    await tx.surveyText.create({ data: { surveyId, key: `section.${input.key}`, language: "en", text: input.text, status: "reviewed" } });
    await touch(tx, surveyId);
    await audit(actor, { action: "update", entity: "survey", entityId: surveyId, detail: { addedSection: input.key } }, tx);
  });
}

/** Removes a question from a draft survey (its texts go with it). */
export async function removeQuestion(actor: Actor, surveyId: string, key: string) {
  const survey = await requireSurvey(surveyId);
  requireDraft(survey);
  await db.$transaction(async (tx) => {
    const deleted = await tx.surveyQuestion.deleteMany({ where: { surveyId, key } });
    if (!deleted.count) throw errorResponse(400, "surveys:errors.noQuestion");
    await tx.surveyText.deleteMany({ where: { surveyId, OR: [{ key: `question.${key}` }, { key: { startsWith: `option.${key}.` } }] } });
    await touch(tx, surveyId);
    await audit(actor, { action: "update", entity: "survey", entityId: surveyId, detail: { removedQuestion: key } }, tx);
  });
}

/** The translation screen: every required key with its English source and this language's row. */
export async function getTranslations(surveyId: string, language: string) {
  const survey = await requireSurvey(surveyId);
  const rows = await db.surveyText.findMany({ where: { surveyId, language: { in: ["en", language] } } });
  const { sections } = await getStructure(survey);
  const keys = requiredTextKeys(sections);
  const english = new Map(rows.filter((r) => r.language === "en").map((r) => [r.key, r.text]));
  const own = new Map(rows.filter((r) => r.language === language).map((r) => [r.key, r]));
  const strings = keys.map((key) => {
    const row = own.get(key);
    const status: "missing" | "draft" | "reviewed" = !row || !row.text.trim() ? "missing" : row.status;
    return { key, source: english.get(key) ?? "", text: row?.text ?? "", status, reviewedBy: row?.reviewedBy ?? null, reviewedAt: row?.reviewedAt ?? null };
  });
  return { survey, strings, summary: completeness(sections, rows, language) };
}

/**
 * Saves one string in one language. `reviewed` records the lead as the fluent reviewer;
 * changing the text of a reviewed string makes it a draft again unless re-reviewed.
 */
export async function saveTranslation(actor: Actor, surveyId: string, input: { key: string; language: string; text: string; reviewed: boolean }) {
  const survey = await requireSurvey(surveyId);
  const { sections } = await getStructure(survey);
  if (!requiredTextKeys(sections).includes(input.key)) throw errorResponse(400, "surveys:errors.noKey");
  const review = input.reviewed ? { status: "reviewed" as const, reviewedById: actor.user.id, reviewedBy: actor.user.name, reviewedAt: new Date() } : { status: "draft" as const, reviewedById: null, reviewedBy: null, reviewedAt: null };
  await db.$transaction(async (tx) => {
    await tx.surveyText.upsert({
      where: { surveyId_key_language: { surveyId, key: input.key, language: input.language } },
      create: { surveyId, key: input.key, language: input.language, text: input.text, ...review },
      update: { text: input.text, ...review },
    });
    await touch(tx, surveyId);
    await audit(actor, { action: "update", entity: "survey-text", entityId: surveyId, detail: { key: input.key, language: input.language, status: review.status } }, tx);
  });
}

/**
 * Opens a survey in the chosen languages. Each must be completely translated (and
 * English always is required); anything else is refused and nothing changes.
 */
export async function openSurvey(actor: Actor | null, surveyId: string, languages: string[], client: typeof db = db) {
  const survey = await client.survey.findUnique({ where: { id: surveyId } });
  if (!survey) throw errorResponse(404, "errors.notFound");
  if (survey.status === "open") throw errorResponse(400, "surveys:errors.alreadyOpen");
  const { sections, texts } = await loadStructure(surveyId);
  const wanted = [...new Set(["en", ...languages])];
  const incomplete = wanted.filter((l) => !completeness(sections, texts, l).complete);
  if (incomplete.length) throw errorResponse(400, "surveys:errors.incomplete", { languages: incomplete.join(", ") });
  const ordered = LANGUAGE_CODES.filter((l) => wanted.includes(l));
  const updated = await client.$transaction(async (tx) => {
    const s = await tx.survey.update({ where: { id: surveyId }, data: { status: "open", languages: ordered, openedAt: new Date(), closedAt: null } });
    if (actor) await audit(actor, { action: "open", entity: "survey", entityId: surveyId, detail: { languages: ordered } }, tx);
    return s;
  });
  return updated;
}

export async function closeSurvey(actor: Actor, surveyId: string) {
  const survey = await requireSurvey(surveyId);
  if (survey.status !== "open") throw errorResponse(400, "surveys:errors.notOpen");
  await db.$transaction(async (tx) => {
    await tx.survey.update({ where: { id: surveyId }, data: { status: "closed", closedAt: new Date() } });
    await audit(actor, { action: "close", entity: "survey", entityId: surveyId }, tx);
  });
}

// ---------------------------------------------------------------------------
// Invitations.

/**
 * One single-use code per family of the actor's scope that received the service and
 * has none yet for this survey. Casework: families with a request for support on file.
 */
export async function generateInvitations(actor: Actor, surveyId: string, service: SurveyService) {
  const survey = await requireSurvey(surveyId);
  if (survey.status === "closed") throw errorResponse(400, "surveys:errors.closed");
  const teamFilter = actor.scope === "any" ? {} : { teamId: actor.user.teamId ?? "-" };
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

// ---------------------------------------------------------------------------
// The parents' side.

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
