import { randomBytes } from "node:crypto";
import type { SurveyStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { LANGUAGE_CODES } from "~/utils/languages";
import { requireSurvey, type Tx } from "./access.server";
import { DEFAULT_SECTIONS, DEFAULT_TEXTS } from "./default";
import { invitationCounts } from "./invitation.server";
import { completeness, requiredTextKeys, type Completeness, type SectionDef } from "./rules";
import { getStructure, loadStructure, textsFor } from "./structure.server";

// Creating, editing, translating, opening and closing surveys (leads).

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

/** Everything the lead's overview shows: structure, completeness per language, counts. */
export async function getSurveyOverview(surveyId: string) {
  const survey = await requireSurvey(surveyId);
  const { sections, texts } = await getStructure(survey);
  const languages: Completeness[] = LANGUAGE_CODES.map((l) => completeness(sections, texts, l));
  const counts = await invitationCounts(survey.id);
  return { survey, sections, english: textsFor(texts, "en"), languages, counts };
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
