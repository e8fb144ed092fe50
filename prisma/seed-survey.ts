/**
 * Demo data for the parent survey: a closed 2025 survey with a few hundred anonymous
 * responses (so reports can compare years) and an open 2026 survey with the reusable
 * demo code DEMO-2026 and a handful of single-use codes for demo families.
 * Idempotent: a year that exists is left alone. Demo data only.
 */
import type { SurveyService } from "~/generated/prisma/enums";
import { createSurveyForYear, openSurvey } from "~/models/survey/survey.server";
import { newCode } from "~/models/survey/invitation.server";
import type { PrismaClient } from "~/utils/db.server";
import { LANGUAGE_CODES } from "~/utils/languages";
import { createRandom } from "../tests/factories/random";
import { buildDefaultAnswers } from "../tests/factories/survey";

export const DEMO_SURVEY_CODE = "DEMO-2026";
const LANGUAGE_WEIGHTS: Array<[string, number]> = [
  ["en", 45], ["fa-AF", 12], ["ps", 8], ["ar", 6], ["ur", 7], ["bn", 7], ["so", 5], ["pl", 5], ["uk", 3], ["tr", 2],
];
const SERVICE_WEIGHTS: Array<[SurveyService, number]> = [["casework", 55], ["course", 30], ["group", 15]];

function weighted<T>(random: ReturnType<typeof createRandom>, items: Array<[T, number]>): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let r = random.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[0]![0];
}

/**
 * This year's answers so far, so the results page shows real figures: 96 anonymous
 * responses over the three services and the ten languages (with comments), and the open
 * link's visits and letter codes they came through (completed on a day, never linked).
 */
async function seedCurrentResponses(db: PrismaClient, surveyId: string, year: number, random: ReturnType<typeof createRandom>) {
  const responses = Array.from({ length: 96 }, (_, i) => {
    // Every language at least once, then by the usual weights.
    const language = i < LANGUAGE_CODES.length ? LANGUAGE_CODES[i]! : weighted(random, LANGUAGE_WEIGHTS);
    return { surveyId, year, service: weighted(random, SERVICE_WEIGHTS), language, answers: buildDefaultAnswers(random, { language, comments: true }) };
  });
  await db.surveyResponse.createMany({ data: responses });
  const completedOn = new Date(Date.UTC(year, 5, 15));
  // 60 letter codes (40 completed) and 80 open-link visits (56 completed): 96 in all.
  const invitations = [
    ...Array.from({ length: 60 }, (_, i) => ({ letter: true, done: i < 40 })),
    ...Array.from({ length: 80 }, (_, i) => ({ letter: false, done: i < 56 })),
  ];
  await db.surveyInvitation.createMany({
    data: invitations.map((inv, i) => {
      const r = responses[i % responses.length]!;
      return { surveyId, code: newCode(), service: r.service, language: r.language, openedAt: inv.done ? completedOn : null, completedOn: inv.done ? completedOn : null, sentAt: inv.letter ? completedOn : null };
    }),
  });
}

export async function seedSurvey(db: PrismaClient, now = new Date()) {
  const random = createRandom(2025);
  const lastYear = now.getUTCFullYear() - 1;
  const thisYear = now.getUTCFullYear();
  if (!(await db.survey.findUnique({ where: { year: lastYear } }))) {
    const survey = await createSurveyForYear(null, lastYear, db);
    await db.survey.update({
      where: { id: survey.id },
      data: { status: "closed", languages: [...LANGUAGE_CODES], openedAt: new Date(Date.UTC(lastYear, 5, 1)), closedAt: new Date(Date.UTC(lastYear, 6, 31)) },
    });
    const responses = Array.from({ length: 320 }, () => {
      const language = weighted(random, LANGUAGE_WEIGHTS);
      return { surveyId: survey.id, year: lastYear, service: weighted(random, SERVICE_WEIGHTS), language, answers: buildDefaultAnswers(random, { language, comments: true }) };
    });
    await db.surveyResponse.createMany({ data: responses });
  }
  let current = await db.survey.findUnique({ where: { year: thisYear } });
  if (!current) {
    const created = await createSurveyForYear(null, thisYear, db);
    current = await openSurvey(null, created.id, [...LANGUAGE_CODES], db);
    await db.surveyInvitation.create({ data: { surveyId: current.id, code: DEMO_SURVEY_CODE, reusable: true, service: "casework", language: "en" } });
    // One family per language first, so the printed codes show several languages.
    const all = await db.family.findMany({ where: { contacts: { some: {} } }, orderBy: { reference: "asc" }, select: { id: true, preferredLanguage: true } });
    const seen = new Set<string>();
    const families = [...all.filter((f) => !seen.has(f.preferredLanguage) && seen.add(f.preferredLanguage)), ...all].slice(0, 6);
    await db.surveyInvitation.createMany({
      data: families.map((f) => ({ surveyId: current!.id, code: newCode(), service: "casework" as const, familyId: f.id, language: f.preferredLanguage })),
    });
    await seedCurrentResponses(db, current.id, thisYear, random);
  }
  const codes = await db.surveyInvitation.findMany({
    where: { surveyId: current.id, reusable: false, familyId: { not: null }, completedOn: null },
    orderBy: { createdAt: "asc" },
    take: 6,
    select: { code: true, language: true },
  });
  if (!process.env.VITEST) {
    console.log(`Parent survey ${thisYear}: try /s/${DEMO_SURVEY_CODE} (reusable demo code). Single-use codes: ${codes.map((c) => `${c.code} (${c.language})`).join(", ")}`);
  }
  return { codes: codes.map((c) => c.code) };
}
