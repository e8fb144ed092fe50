import type { GroupMemberSource } from "~/generated/prisma/enums";
import { addDays, startOfDay } from "~/models/casework/rules";
import type { PrismaClient } from "~/utils/db.server";
import { createRandom } from "../tests/factories/random";

/**
 * Demo peer support groups with seven months of meetings: an Afghan mothers' circle in
 * Pashto and Dari led by the parent champion, a parenting course graduates' network, a
 * dads' drop-in counted by head count, and a paused Bengali coffee morning.
 * Idempotent: a group whose name exists is left alone.
 */
export async function seedGroups(db: PrismaClient, now: Date) {
  const today = startOfDay(now);
  const random = createRandom(5005);
  const user = async (email: string) => (await db.user.findUnique({ where: { email }, select: { id: true, teamId: true } }))!;
  const champion = await user("champion@demo.example");
  const mariam = await user("mariam.practitioner@demo.example");
  const tom = await user("tom.practitioner@demo.example");
  const grace = await user("facilitator.partner@demo.example");
  const lead = await user("lead@demo.example");
  const teamId = lead.teamId!;
  let created = 0;

  type Light = { firstName: string; language: string; contact?: string; source?: GroupMemberSource; sourceCohortId?: string; consent?: boolean };
  type Plan = {
    name: string;
    purpose: string;
    languages: string[];
    meetingPattern: string;
    venue: string;
    audienceTags: string[];
    status?: "active" | "paused";
    leaders: Array<{ userId: string; role: "facilitator" | "parent_champion" }>;
    linkedLanguages?: string[];
    light: Light[];
    everyDays: number;
    startDaysAgo: number;
    stopDaysAgo?: number;
    mode: "named" | "head_count" | "mixed";
    topics: string[];
    plannedAhead?: number;
  };

  const plans: Plan[] = [
    {
      name: "Afghan mothers' circle",
      purpose: "A friendly space for mothers from Afghanistan to share what helps with settling in, schools and health, in Pashto and Dari.",
      languages: ["ps", "fa-AF"],
      meetingPattern: "Every Tuesday, 10:00 to 11:30 (crèche available)",
      venue: "Golden Lane Community Centre",
      audienceTags: ["resettled_afghan", "mothers"],
      leaders: [
        { userId: champion.id, role: "parent_champion" },
        { userId: mariam.id, role: "facilitator" },
      ],
      linkedLanguages: ["ps", "fa-AF"],
      light: [
        { firstName: "Freshta", language: "ps", contact: "07700 900311", consent: true },
        { firstName: "Hamida", language: "fa-AF", consent: false },
        { firstName: "Nasrin", language: "fa-AF", contact: "07700 900478", source: "referral", consent: true },
        { firstName: "Shugufa", language: "ps", source: "self", consent: true },
      ],
      everyDays: 7,
      startDaysAgo: 210,
      mode: "named",
      topics: ["School admissions and free school meals", "Registering with a GP and using NHS 111", "ESOL classes near you", "Sleep routines for little ones", "Talking with teenagers about their new school", "Eid celebration", "Money: Universal Credit and bank accounts", "Staying safe online", "Healthy packed lunches", "Housing: who to ask for help"],
      plannedAhead: 7,
    },
    {
      name: "Strengthening Families graduates' network",
      purpose: "Parents who finished the Strengthening Families, Strengthening Communities course keep in touch and keep practising what they learnt.",
      languages: ["en", "bn"],
      meetingPattern: "First Thursday of the month, 18:00 to 19:30",
      venue: "Artizan Street Library, community room",
      audienceTags: ["course_graduates"],
      leaders: [{ userId: grace.id, role: "facilitator" }],
      light: [
        { firstName: "Kelly", language: "en", contact: "kelly.w@example.com", source: "course_graduate", sourceCohortId: "demo-cohort-2026-spring", consent: true },
        { firstName: "Rokeya", language: "bn", contact: "07700 900122", source: "course_graduate", sourceCohortId: "demo-cohort-2026-spring", consent: true },
        { firstName: "James", language: "en", source: "course_graduate", sourceCohortId: "demo-cohort-2026-spring", consent: true },
        { firstName: "Shirin", language: "bn", source: "course_graduate", sourceCohortId: "demo-cohort-2026-summer", consent: true },
        { firstName: "Michelle", language: "en", contact: "07700 900655", source: "course_graduate", sourceCohortId: "demo-cohort-2026-summer", consent: true },
        { firstName: "Abdul", language: "bn", source: "referral", consent: false },
        { firstName: "Claire", language: "en", source: "self", consent: true },
      ],
      everyDays: 28,
      startDaysAgo: 200,
      mode: "named",
      topics: ["Special time with your child", "Praise and rewards that work", "Staying calm when things get heated", "Family rules and routines", "Looking after yourself as a parent", "Celebrating our progress", "Talking about racism with children"],
    },
    {
      name: "Dads' drop-in",
      purpose: "Saturday morning drop-in for fathers and male carers with their children: play, a cuppa and a chat.",
      languages: ["en"],
      meetingPattern: "Every other Saturday, 10:00 to 12:00",
      venue: "Golden Lane Children's Centre",
      audienceTags: ["fathers"],
      leaders: [{ userId: tom.id, role: "facilitator" }],
      light: [
        { firstName: "Daniel", language: "en", contact: "07700 900901", consent: true },
        { firstName: "Ahmed", language: "so", consent: true },
      ],
      everyDays: 14,
      startDaysAgo: 196,
      mode: "head_count",
      topics: ["Messy play", "Football in the park", "Storytime and library cards", "Cooking together", "Dads and mental health"],
    },
    {
      name: "Bengali mothers' coffee morning",
      purpose: "A coffee morning in Bengali and English for mothers of young children.",
      languages: ["bn", "en"],
      meetingPattern: "Fridays in term time, 09:30 to 11:00 (paused for the summer)",
      venue: "Middlesex Street Estate community hall",
      audienceTags: ["mothers"],
      status: "paused",
      leaders: [{ userId: mariam.id, role: "facilitator" }],
      light: [
        { firstName: "Nasima", language: "bn", consent: true },
        { firstName: "Tasnim", language: "bn", consent: true },
        { firstName: "Sarah", language: "en", consent: false },
      ],
      everyDays: 7,
      startDaysAgo: 230,
      stopDaysAgo: 120,
      mode: "mixed",
      topics: ["Baby massage", "Starting nursery", "Speech and language: first words", "Free childcare for two-year-olds"],
    },
  ];

  for (const plan of plans) {
    // Same random draws whether or not the group exists, so later groups are stable.
    const exists = await db.group.findFirst({ where: { name: plan.name }, select: { id: true } });
    if (exists) continue;
    const group = await db.group.create({
      data: {
        name: plan.name,
        purpose: plan.purpose,
        languages: plan.languages,
        meetingPattern: plan.meetingPattern,
        venue: plan.venue,
        audienceTags: plan.audienceTags,
        status: plan.status ?? "active",
        teamId,
        leaders: { create: plan.leaders },
      },
    });
    created += 1;
    const memberIds: Array<{ id: string; joinedDaysAgo: number }> = [];
    if (plan.linkedLanguages) {
      const adults = await db.familyMember.findMany({
        where: { kind: "adult", family: { teamId, preferredLanguage: { in: plan.linkedLanguages } } },
        orderBy: [{ family: { reference: "asc" } }, { id: "asc" }],
        select: { id: true, firstName: true, preferredLanguage: true, family: { select: { preferredLanguage: true } } },
        take: 6,
      });
      for (const a of adults) {
        const joinedDaysAgo = random.int(plan.startDaysAgo - 60, plan.startDaysAgo);
        const m = await db.groupMember.create({
          data: {
            groupId: group.id,
            familyMemberId: a.id,
            firstName: a.firstName,
            language: a.preferredLanguage ?? a.family.preferredLanguage,
            consentToContact: true,
            source: random.chance(0.5) ? "referral" : "direct",
            joinedOn: addDays(today, -Math.max(joinedDaysAgo, 1)),
            addedById: mariam.id,
          },
        });
        memberIds.push({ id: m.id, joinedDaysAgo });
      }
    }
    for (const l of plan.light) {
      const joinedDaysAgo = random.int(7, plan.startDaysAgo);
      const m = await db.groupMember.create({
        data: {
          groupId: group.id,
          firstName: l.firstName,
          contact: l.contact ?? null,
          language: l.language,
          consentToContact: l.consent ?? false,
          source: l.source ?? "direct",
          sourceCohortId: l.sourceCohortId ?? null,
          joinedOn: addDays(today, -joinedDaysAgo),
          addedById: plan.leaders[0]!.userId,
        },
      });
      memberIds.push({ id: m.id, joinedDaysAgo });
    }
    let n = 0;
    for (let daysAgo = plan.startDaysAgo; daysAgo >= (plan.stopDaysAgo ?? 1); daysAgo -= plan.everyDays) {
      const heldOn = addDays(today, -daysAgo);
      const named = plan.mode === "named" || (plan.mode === "mixed" && n % 2 === 0);
      // Regulars come most weeks; others now and then; nobody before they joined.
      const attendees = named ? memberIds.filter((m) => m.joinedDaysAgo >= daysAgo && random.chance(0.4 + (memberIds.indexOf(m) % 3) * 0.2)).map((m) => m.id) : [];
      await db.groupMeeting.create({
        data: {
          groupId: group.id,
          heldOn,
          topic: plan.topics[n % plan.topics.length]!,
          language: plan.languages[n % plan.languages.length]!,
          attendanceMode: named ? "named" : "head_count",
          headCountAdults: named ? null : random.int(4, 11),
          headCountChildren: named ? (plan.linkedLanguages ? random.int(2, 8) : null) : random.int(5, 16),
          notes: n % 4 === 0 ? "Good turnout. Interpreter not needed; the group translated for each other." : "",
          recordedById: plan.leaders[0]!.userId,
          attendance: { create: attendees.map((memberId) => ({ memberId })) },
          followUps: n % 5 === 2 ? { create: [{ description: "A mother asked about ESOL classes with a crèche; please send details.", createdById: plan.leaders[0]!.userId, doneOn: daysAgo > 30 ? addDays(heldOn, 5) : null }] } : undefined,
        },
      });
      n += 1;
    }
    if (plan.plannedAhead) {
      await db.groupMeeting.create({
        data: { groupId: group.id, heldOn: addDays(today, plan.plannedAhead), topic: "Summer holiday activities for children", language: plan.languages[0]!, attendanceMode: "named", recordedById: plan.leaders[0]!.userId },
      });
    }
  }
  return { groups: created };
}
