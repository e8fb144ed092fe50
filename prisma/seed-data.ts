import type { Role } from "~/generated/prisma/enums";
import { hashPassword } from "~/utils/auth.server";
import type { PrismaClient } from "~/utils/db.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/utils/demo-accounts";
import { buildFamily, PROFILES } from "../tests/factories/family";
import { createRandom } from "../tests/factories/random";
import { seedCasework } from "./seed-casework";
import { seedGroups } from "./seed-groups";
import { seedSurvey } from "./seed-survey";

export const TEAMS = { north: "Early Help North", south: "Early Help South" } as const;

/** More staff beyond the stable demo accounts, so caseloads and team scoping are realistic. */
const EXTRA_STAFF: Array<{ email: string; name: string; roles: Role[]; team: keyof typeof TEAMS | null; organisation?: string }> = [
  { email: "practitioner.south@demo.example", name: "Samuel Okafor", roles: ["practitioner"], team: "south" },
  { email: "lead.south@demo.example", name: "Hannah Price", roles: ["lead"], team: "south" },
  { email: "mariam.practitioner@demo.example", name: "Mariam Hakimi", roles: ["practitioner"], team: "north" },
  { email: "tom.practitioner@demo.example", name: "Tom Fletcher", roles: ["practitioner"], team: "north" },
  { email: "facilitator.partner@demo.example", name: "Grace Adeyemi", roles: ["facilitator"], team: null, organisation: "Race Equality Foundation" },
];

/** Which communities the demo families come from, per team. */
const FAMILY_PLAN: Array<{ team: keyof typeof TEAMS; profile: keyof typeof PROFILES; count: number }> = [
  { team: "north", profile: "english", count: 8 },
  { team: "north", profile: "afghanDari", count: 4 },
  { team: "north", profile: "afghanPashto", count: 3 },
  { team: "north", profile: "bengali", count: 3 },
  { team: "north", profile: "somali", count: 2 },
  { team: "north", profile: "arabic", count: 2 },
  { team: "north", profile: "urdu", count: 2 },
  { team: "south", profile: "english", count: 5 },
  { team: "south", profile: "polish", count: 2 },
  { team: "south", profile: "ukrainian", count: 2 },
  { team: "south", profile: "turkish", count: 2 },
  { team: "south", profile: "afghanDari", count: 1 },
];

/**
 * Loads the demo council: two teams, staff in every role, and a few dozen families.
 * Idempotent: existing teams, accounts and family references are left as they are.
 */
export async function seedDemo(db: PrismaClient, now = new Date()) {
  const teamIds: Record<keyof typeof TEAMS, string> = { north: "", south: "" };
  for (const key of Object.keys(TEAMS) as Array<keyof typeof TEAMS>) {
    const team = await db.team.upsert({ where: { name: TEAMS[key] }, update: {}, create: { name: TEAMS[key] } });
    teamIds[key] = team.id;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff = [
    ...DEMO_ACCOUNTS.map((a) => ({ ...a, organisation: undefined as string | undefined })),
    ...EXTRA_STAFF.map((a) => ({ ...a, language: "en" })),
  ];
  for (const s of staff) {
    await db.user.upsert({
      where: { email: s.email },
      update: {},
      create: {
        email: s.email,
        name: s.name,
        roles: s.roles,
        teamId: s.team ? teamIds[s.team] : null,
        organisation: s.organisation ?? null,
        passwordHash,
        preferredLanguage: s.language,
      },
    });
  }
  const random = createRandom(20261123);
  let n = 0;
  let created = 0;
  for (const plan of FAMILY_PLAN) {
    for (let i = 0; i < plan.count; i++) {
      n += 1;
      const reference = `EH-${String(n).padStart(5, "0")}`;
      // Build even when it exists, so later families get the same data on every run.
      const data = buildFamily(random, { reference, teamId: teamIds[plan.team], profile: plan.profile, now });
      const exists = await db.family.findUnique({ where: { reference }, select: { id: true } });
      if (exists) continue;
      await db.family.create({ data });
      created += 1;
    }
  }
  const casework = await seedCasework(db, now);
  await (await import("./seed-courses")).seedCourses(db, now);
  await seedGroups(db, now);
  await seedSurvey(db, now);
  return { families: n, created, staff: staff.length, casework: casework.scenarios };
}
