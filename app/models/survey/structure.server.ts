import { db } from "~/utils/db.server";
import type { SectionDef, TextRow } from "./rules";

// Structure and texts, cached per survey version (updatedAt changes on every edit).

export type Structure = { sections: SectionDef[]; texts: TextRow[] };
const structureCache = new Map<string, Promise<Structure>>();

/** A survey's sections and texts as stored (uncached: for copying and opening). */
export async function loadStructure(surveyId: string): Promise<Structure> {
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
