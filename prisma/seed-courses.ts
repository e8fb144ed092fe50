import { addDaysUtc, meetsCompletion, scoreMeasure } from "~/models/courses/rules";
import { SHIPPED_MEASURES } from "~/models/courses/measures";
import type { PrismaClient } from "~/utils/db.server";
import { createRandom } from "../tests/factories/random";

const SFSC = "Strengthening Families, Strengthening Communities";
const SOLIHULL = "Solihull Approach: Understanding your child";

/**
 * Demo parenting courses: two programmes, a completed Strengthening Families cohort
 * (realistic attendance, certificates, pre/post measures with some post measures
 * missing) and a Dari-language cohort in progress with a waiting list. Both are
 * facilitated by facilitator@demo.example. Idempotent: existing cohorts are left alone.
 */
export async function seedCourses(db: PrismaClient, now: Date) {
  for (const m of SHIPPED_MEASURES) {
    const data = { name: m.name, description: m.description, items: m.items, responseLabels: m.responseLabels, scaleMin: m.scaleMin, scaleMax: m.scaleMax, scoring: m.scoring, conversion: m.conversion ?? undefined };
    await db.outcomeMeasure.upsert({ where: { key: m.key }, update: data, create: { key: m.key, ...data } });
  }
  const sfsc = await db.programme.upsert({
    where: { name: SFSC },
    update: {},
    create: {
      name: SFSC,
      description: "The Race Equality Foundation's programme for parents of children aged 0–18: culturally grounded, 13 weekly sessions of three hours, with a crèche.",
      sessionCount: 13,
      sessionMinutes: 180,
      completionRule: "min_sessions",
      completionValue: 10,
      measureKeys: ["swemwbs", "parenting_confidence"],
      languages: ["en", "fa-AF", "ps", "bn", "so", "ar"],
    },
  });
  await db.programme.upsert({
    where: { name: SOLIHULL },
    update: {},
    create: {
      name: SOLIHULL,
      description: "A ten-week group for parents and carers, from the Solihull Approach: understanding children's feelings and behaviour.",
      sessionCount: 10,
      sessionMinutes: 120,
      completionRule: "percentage",
      completionValue: 70,
      measureKeys: ["swemwbs"],
      languages: ["en", "ur", "pl"],
    },
  });
  const user = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, teamId: true } }));
  const lead = await user("lead@demo.example");
  const facilitator = await user("facilitator@demo.example");
  const partner = await user("facilitator.partner@demo.example");
  const swemwbs = SHIPPED_MEASURES.find((m) => m.key === "swemwbs")!;
  const confidence = SHIPPED_MEASURES.find((m) => m.key === "parenting_confidence")!;
  const random = createRandom(4004);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  let created = 0;

  // Adults of north-team families, so some enrolments link to the casework.
  const adults = await db.familyMember.findMany({
    where: { kind: "adult", family: { team: { name: "Early Help North" } } },
    orderBy: [{ family: { reference: "asc" } }, { firstName: "asc" }],
    include: { family: { select: { id: true, preferredLanguage: true } } },
    take: 40,
  });

  const answers = (itemCount: number, min: number, max: number, centre: number) =>
    Array.from({ length: itemCount }, () => Math.max(min, Math.min(max, centre + random.int(-1, 1))));

  async function cohort(o: {
    name: string;
    startDaysAgo: number;
    status: "running" | "completed";
    languages: string[];
    interpreter?: string;
    heldSessions: number;
    cancelled?: number[];
    parents: Array<{ adult?: (typeof adults)[number]; name?: string; phone?: string; language?: string; status: "enrolled" | "withdrawn" | "waiting" | "offered"; reason?: string; attendance: number; post?: boolean }>;
  }) {
    if (await db.cohort.findFirst({ where: { name: o.name } })) return;
    const start = addDaysUtc(today, -o.startDaysAgo);
    const c = await db.cohort.create({
      data: {
        programmeId: sfsc.id,
        teamId: lead.teamId,
        name: o.name,
        startDate: start,
        startTime: "10:00",
        venue: "Golden Lane Children's Centre, Community Room",
        languages: o.languages,
        interpreter: o.interpreter ?? null,
        crechePlaces: 8,
        capacity: 10,
        status: o.status,
        createdById: lead.id,
        facilitators: { create: [{ userId: facilitator.id }, { userId: partner.id }] },
        sessions: { create: Array.from({ length: 13 }, (_, i) => ({ number: i + 1, date: addDaysUtc(start, i * 7), startTime: "10:00", cancelled: (o.cancelled ?? []).includes(i + 1) })) },
      },
      include: { sessions: { orderBy: { number: "asc" } } },
    });
    const held = c.sessions.filter((s) => s.number <= o.heldSessions && !s.cancelled);
    const allHeld = c.sessions.filter((s) => !s.cancelled).length;
    for (const [i, p] of o.parents.entries()) {
      const a = p.adult;
      const completing = o.status === "completed" && p.status === "enrolled" && meetsCompletion({ rule: "min_sessions", value: 10 }, p.attendance, allHeld);
      const e = await db.enrolment.create({
        data: {
          cohortId: c.id,
          familyId: a?.family.id ?? null,
          familyMemberId: a?.id ?? null,
          name: a ? `${a.firstName} ${a.lastName}` : p.name!,
          phone: a?.phone ?? p.phone ?? null,
          preferredLanguage: a?.preferredLanguage ?? a?.family.preferredLanguage ?? p.language ?? "en",
          status: completing ? "completed" : p.status,
          withdrawnReason: p.reason ?? null,
          waitingSince: p.status === "waiting" ? new Date(now.getTime() - (10 - i) * 86_400_000) : null,
          createdById: lead.id,
        },
      });
      if (p.status === "waiting" || p.status === "offered") continue;
      // Present at `attendance` of the sessions held, absent or apologies at the rest.
      const present = new Set(held.map((s) => s.id).sort(() => random.next() - 0.5).slice(0, p.attendance));
      for (const s of held) {
        await db.attendance.create({ data: { sessionId: s.id, enrolmentId: e.id, status: present.has(s.id) ? "present" : random.chance(0.5) ? "apologies" : "absent", recordedById: facilitator.id } });
      }
      const preCentre = random.int(2, 3);
      const confCentre = random.int(3, 6);
      const record = async (m: typeof swemwbs, timepoint: "pre" | "post", centre: number, on: Date) => {
        const ans = answers(m.itemCount, m.scaleMin, m.scaleMax, centre);
        const s = scoreMeasure(m, ans);
        await db.measureResponse.create({ data: { enrolmentId: e.id, measureKey: m.key, timepoint, answers: ans, rawScore: s.raw, score: s.score, recordedOn: on, recordedById: facilitator.id } });
      };
      await record(swemwbs, "pre", preCentre, start);
      await record(confidence, "pre", confCentre, start);
      if (p.post) {
        const last = addDaysUtc(start, 12 * 7);
        await record(swemwbs, "post", Math.min(5, preCentre + random.int(0, 1)), last);
        await record(confidence, "post", Math.min(10, confCentre + random.int(1, 3)), last);
      }
    }
    created += 1;
  }

  await cohort({
    name: "Spring, Golden Lane (English and Bengali)",
    startDaysAgo: 160,
    status: "completed",
    languages: ["en", "bn"],
    interpreter: "Bengali interpreter at every session",
    heldSessions: 13,
    cancelled: [7],
    parents: [
      { adult: adults[0], status: "enrolled", attendance: 12, post: true },
      { adult: adults[2], status: "enrolled", attendance: 11, post: true },
      { adult: adults[4], status: "enrolled", attendance: 10, post: false },
      { name: "Joanne Mitchell", phone: "07700 900412", status: "enrolled", attendance: 12, post: true },
      { name: "Rokeya Khatun", phone: "07700 900518", language: "bn", status: "enrolled", attendance: 11, post: true },
      { name: "Nasima Akter", phone: "07700 900233", language: "bn", status: "enrolled", attendance: 10, post: false },
      { name: "Kelly Rowe", phone: "07700 900871", status: "enrolled", attendance: 6, post: false },
      { name: "Dean Parry", phone: "07700 900302", status: "withdrawn", reason: "Started a new job with daytime hours", attendance: 3 },
      { name: "Hodan Warsame", phone: "07700 900655", language: "so", status: "enrolled", attendance: 12, post: true },
    ],
  });
  const dari = adults.filter((a) => a.preferredLanguage === "fa-AF" || a.family.preferredLanguage === "fa-AF");
  const pashto = adults.filter((a) => a.preferredLanguage === "ps" || a.family.preferredLanguage === "ps");
  await cohort({
    name: "Autumn, Dari and Pashto",
    startDaysAgo: 34,
    status: "running",
    languages: ["fa-AF", "ps"],
    interpreter: "Pashto interpreter booked; Dari-speaking facilitator",
    heldSessions: 5,
    parents: [
      ...dari.slice(0, 4).map((adult) => ({ adult, status: "enrolled" as const, attendance: random.int(4, 5) })),
      ...pashto.slice(0, 3).map((adult) => ({ adult, status: "enrolled" as const, attendance: random.int(3, 5) })),
      { name: "Freshta Noori", phone: "07700 900190", language: "fa-AF", status: "enrolled", attendance: 5 },
      { name: "Gul Bibi Safi", phone: "07700 900744", language: "ps", status: "offered", attendance: 0 },
      { name: "Mursal Amiri", phone: "07700 900381", language: "fa-AF", status: "enrolled", attendance: 4 },
      { name: "Shukria Haidari", phone: "07700 900925", language: "fa-AF", status: "waiting", attendance: 0 },
      { name: "Nazanin Rahimi", phone: "07700 900467", language: "fa-AF", status: "waiting", attendance: 0 },
    ],
  });
  return { cohorts: created };
}
