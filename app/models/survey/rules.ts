/**
 * Rules of the parent survey that need no database: which strings a survey must have
 * translated, how complete a language is, how one page of answers is read and checked,
 * and how free text is cleaned. Shared by the model, the routes and the unit tests.
 */
import { z } from "zod";
import type { SurveyQuestionType } from "~/generated/prisma/enums";

export const AGREE_VALUES = ["strongly_agree", "agree", "neutral", "disagree", "strongly_disagree", "na"] as const;
export const SCALE_VALUES = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"] as const;
export const SERVICES = ["casework", "course", "group"] as const;
export const MAX_TEXT = 2000;
/** Open-link visits one client may start per hour. */
export const OPEN_LINK_LIMIT = 20;

export type QuestionDef = { key: string; type: SurveyQuestionType; required: boolean; options: string[] };
export type SectionDef = { key: string; questions: QuestionDef[] };
export type Answer = string | string[];
export type Answers = Record<string, Answer>;

/**
 * What parents are told about who can see their answers, from the survey's own setting:
 * the one source for the letter, the text message, emails, the start page and the privacy
 * notice, so no channel can promise anonymity that a survey does not have. (The survey's
 * own introduction is the lead's text; the default one says nothing about anonymity.)
 */
export function anonymityKeys(anonymous: boolean) {
  return anonymous
    ? ({ statement: "anonymity.anonymous", privacy: "privacy.anonymous" } as const)
    : ({ statement: "anonymity.notAnonymous", privacy: "privacy.notAnonymous" } as const);
}

/** The page texts every survey has besides its sections, questions and options. */
export const PAGE_KEYS = ["page.title", "page.intro", "page.thanks"] as const;

/** Every string a survey needs in each language, in the order the translator meets them. */
export function requiredTextKeys(sections: SectionDef[]): string[] {
  const keys: string[] = [...PAGE_KEYS];
  for (const s of sections) {
    keys.push(`section.${s.key}`);
    for (const q of s.questions) {
      keys.push(`question.${q.key}`);
      for (const o of q.options) keys.push(`option.${q.key}.${o}`);
    }
  }
  return keys;
}

export type TextRow = { key: string; language: string; text: string; status: "draft" | "reviewed" };
export type Completeness = { language: string; total: number; translated: number; reviewed: number; complete: boolean };

/** How many of the survey's strings a language has (any status) and how many are reviewed. */
export function completeness(sections: SectionDef[], texts: TextRow[], language: string): Completeness {
  const keys = requiredTextKeys(sections);
  const byKey = new Map(texts.filter((t) => t.language === language && t.text.trim() !== "").map((t) => [t.key, t]));
  let translated = 0;
  let reviewed = 0;
  for (const key of keys) {
    const row = byKey.get(key);
    if (!row) continue;
    translated += 1;
    if (row.status === "reviewed") reviewed += 1;
  }
  return { language, total: keys.length, translated, reviewed, complete: translated === keys.length };
}

// C0/C1 controls except tab and newline; bidi embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069), which can make text display differently from what it
// says. Kept: letters of every script, ZWNJ/ZWJ (needed in Persian and Pashto) and the
// LRM/RLM marks, which only affect neutral characters.
// eslint-disable-next-line no-control-regex
const STRIP = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Cleans a parent's free text: no control or bidi-override characters, NFC, trimmed. */
export function sanitizeText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(STRIP, "").normalize("NFC").trim();
}

export type PageResult = { answers: Answers; errors: Record<string, string> };

/**
 * Reads one section's answers from a form. Errors are translation keys of the `survey`
 * namespace; the answers come back even when invalid, so nothing typed is lost.
 */
export function readSectionAnswers(section: SectionDef, form: FormData): PageResult {
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  for (const q of section.questions) {
    if (q.type === "multiple") {
      const values = form.getAll(q.key).filter((v): v is string => typeof v === "string");
      const unique = [...new Set(values)];
      if (unique.some((v) => !q.options.includes(v))) errors[q.key] = "errors.invalid";
      else if (unique.length) answers[q.key] = q.options.filter((o) => unique.includes(o));
      if (q.required && !unique.length && !errors[q.key]) errors[q.key] = "errors.chooseSome";
      continue;
    }
    const raw = form.get(q.key);
    const value = typeof raw === "string" ? raw : "";
    if (q.type === "text") {
      const clean = sanitizeText(value);
      if (clean) answers[q.key] = clean;
      if ([...clean].length > MAX_TEXT) errors[q.key] = "errors.tooLong";
      else if (q.required && !clean) errors[q.key] = "errors.write";
      continue;
    }
    const allowed: readonly string[] = q.type === "agree" ? AGREE_VALUES : q.type === "scale" ? SCALE_VALUES : q.options;
    if (value === "") {
      if (q.required) errors[q.key] = "errors.choose";
    } else if (!allowed.includes(value)) {
      errors[q.key] = "errors.invalid";
    } else {
      answers[q.key] = value;
    }
  }
  return { answers, errors };
}

/** The first section with a missing required answer, or -1 when the survey can be sent. */
export function firstIncompleteSection(sections: SectionDef[], answers: Answers): number {
  return sections.findIndex((s) =>
    s.questions.some((q) => {
      if (!q.required) return false;
      const a = answers[q.key];
      return a === undefined || (Array.isArray(a) ? a.length === 0 : a === "");
    }),
  );
}

/** The shape saved answers must have; anything else in the database is ignored. */
export const AnswersSchema = z.record(z.string(), z.union([z.string().max(MAX_TEXT * 4), z.array(z.string().max(100)).max(50)]));

export function parseAnswers(value: unknown): Answers {
  const parsed = AnswersSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** A code a parent can type from a letter: 10 characters, no 0/O or 1/I, grouped 5-5. */
export function formatCode(randomBytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < 10; i++) out += CODE_ALPHABET[randomBytes[i]! % CODE_ALPHABET.length];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

export const CodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,20}$/);
