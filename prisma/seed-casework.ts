import type { HeadlineOutcome } from "~/generated/prisma/enums";
import { addDays, addMonths, assessmentDueDate, monthStart, nextReviewDate, startOfDay } from "~/models/casework/rules";
import type { PrismaClient } from "~/utils/db.server";

type Staff = { practitioner: string; lead: string; mariam: string; tom: string; leadSouth: string; practitionerSouth: string };

/**
 * Demo casework so every state is on screen: a contact awaiting decision, assessments in
 * progress and overdue, a plan with overdue actions and a review, a closed episode
 * followed by a re-referral, a step-up, an overridden consent, a resettlement checklist,
 * supervision (held, missed with a reason, and overdue) and an online request to triage.
 * Idempotent: a family that already has any contact is left alone.
 */
export async function seedCasework(db: PrismaClient, now: Date) {
  const today = startOfDay(now);
  const ago = (days: number) => addDays(today, -days);
  const byEmail = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const staff: Staff = {
    practitioner: await byEmail("practitioner@demo.example"),
    lead: await byEmail("lead@demo.example"),
    mariam: await byEmail("mariam.practitioner@demo.example"),
    tom: await byEmail("tom.practitioner@demo.example"),
    leadSouth: await byEmail("lead.south@demo.example"),
    practitionerSouth: await byEmail("practitioner.south@demo.example"),
  };
  const family = (reference: string) => db.family.findUnique({ where: { reference }, include: { members: true, _count: { select: { contacts: true } } } });
  let scenarios = 0;

  /** One episode: contact, consent, and as far along the journey as `stage` says. */
  async function episode(
    reference: string,
    o: {
      receivedDaysAgo: number;
      source: "MASH" | "school" | "health" | "self_referral" | "step_down_csc" | "resettlement" | "other";
      reason: string;
      stage: "awaiting" | "assessing" | "planning" | "closed" | "stepped_up";
      practitioner?: string;
      lead?: string;
      needs?: HeadlineOutcome[];
      closedDaysAgo?: number;
      consent?: { status: "given" | "overridden"; reason?: string };
      reReferralOf?: Date;
    },
  ) {
    const f = await family(reference);
    if (!f) return null;
    const lead = o.lead ?? staff.lead;
    const receivedOn = ago(o.receivedDaysAgo);
    const contact = await db.contact.create({
      data: {
        familyId: f.id,
        teamId: f.teamId,
        receivedOn,
        source: o.source,
        reason: o.reason,
        status: o.stage === "awaiting" ? "awaiting_decision" : o.stage === "closed" ? "closed" : o.stage === "stepped_up" ? "stepped_up" : "open",
        reReferral: !!o.reReferralOf,
        previousClosedOn: o.reReferralOf ?? null,
        createdById: o.practitioner ?? staff.practitioner,
      },
    });
    await db.consent.create({
      data: {
        familyId: f.id,
        contactId: contact.id,
        purpose: "early_help_support",
        status: o.consent?.status ?? "given",
        recordedOn: receivedOn,
        overrideReason: o.consent?.status === "overridden" ? o.consent.reason! : null,
        overrideLeadId: o.consent?.status === "overridden" ? lead : null,
        recordedById: lead,
      },
    });
    if (o.stage === "awaiting") return { f, contact };
    const decidedAt = addDays(receivedOn, 1);
    await db.decision.create({
      data: { familyId: f.id, contactId: contact.id, stage: "contact", outcome: "accept_for_assessment", rationale: "Needs across more than one outcome; the family agrees to work with us.", decidedById: lead, decidedAt },
    });
    const practitionerId = o.practitioner ?? staff.practitioner;
    await db.allocation.create({ data: { familyId: f.id, contactId: contact.id, practitionerId, allocatedById: lead, startedAt: decidedAt, endedAt: o.stage === "closed" ? ago(o.closedDaysAgo ?? 0) : null } });
    const signedOff = o.stage !== "assessing";
    const needs = o.needs ?? ["education", "family_relationships"];
    const assessment = await db.assessment.create({
      data: {
        familyId: f.id,
        contactId: contact.id,
        status: signedOff ? "signed_off" : "draft",
        strengths: "Parents are warm and committed; the children are settled at school.",
        risks: "No safeguarding concerns at assessment.",
        parentsViews: "Mum wants help with routines and with the school.",
        analysis: "Difficulties are recent and linked to the move; with support the family can get back on track.",
        dueOn: assessmentDueDate(receivedOn),
        signedOffById: signedOff ? lead : null,
        signedOffAt: signedOff ? addDays(receivedOn, 30) : null,
        version: 2,
        needs: { create: needs.map((need, i) => ({ outcome: need, present: true, severity: i === 0 ? 2 : 1, notes: "" })) },
        childVoices: {
          create: f.members
            .filter((m) => m.kind === "child")
            .slice(0, 2)
            .map((m) => ({ memberId: m.id, wishesAndFeelings: "Wants mornings to be calmer; likes drawing.", seenAlone: true, directWorkTool: "Three Houses" })),
        },
      },
    });
    if (signedOff) {
      await db.decision.create({
        data: { familyId: f.id, contactId: contact.id, stage: "assessment_signoff", outcome: "approve", rationale: "Analysis is clear and includes the child's voice.", decidedById: lead, decidedAt: assessment.signedOffAt! },
      });
    }
    if (!signedOff) return { f, contact };
    const startedOn = addDays(receivedOn, 32);
    const plan = await db.plan.create({
      data: { familyId: f.id, contactId: contact.id, startedOn, nextReviewOn: nextReviewDate(startedOn), version: 3 },
    });
    const outcomes = [];
    for (const need of needs) {
      outcomes.push(await db.planOutcome.create({ data: { planId: plan.id, need, description: need === "education" ? "The children attend school at least 95% of the time" : "Calmer mornings and fewer arguments at home" } }));
    }
    await db.planAction.createMany({
      data: [
        { planId: plan.id, outcomeId: outcomes[0]!.id, description: "Morning routine chart with the children", owner: "Mum", agency: "Family", dueOn: addDays(startedOn, 14), status: "done", completedOn: addDays(startedOn, 12) },
        { planId: plan.id, outcomeId: outcomes[0]!.id, description: "Attendance meeting with the school", owner: "Head of year", agency: "School", dueOn: ago(5), status: "in_progress" },
        { planId: plan.id, outcomeId: outcomes[1]?.id ?? null, description: "Refer to the parenting course", owner: "Lead practitioner", agency: "Early help", dueOn: addDays(today, 21), status: "not_started" },
      ],
    });
    await db.tafMeeting.create({ data: { familyId: f.id, planId: plan.id, heldOn: startedOn, attendees: "Mum, school attendance officer, health visitor, lead practitioner", minutes: "Plan agreed with the family." } });
    const reviewOn = addDays(startedOn, 42);
    if (reviewOn <= today) {
      await db.review.create({
        data: { familyId: f.id, planId: plan.id, heldOn: reviewOn, summary: "Good progress with routines; attendance improving.", scores: { create: outcomes.map((oc, i) => ({ outcomeId: oc.id, score: 5 + i })) } },
      });
      await db.plan.update({ where: { id: plan.id }, data: { nextReviewOn: nextReviewDate(reviewOn) } });
      await db.decision.create({
        data: { familyId: f.id, contactId: contact.id, stage: "review", outcome: "continue_plan", rationale: "Progress on routines and attendance; the family wants to carry on with the plan.", decidedById: lead, decidedAt: reviewOn },
      });
    }
    if (o.stage === "stepped_up") {
      await db.decision.create({
        data: { familyId: f.id, contactId: contact.id, stage: "step_up", outcome: "step_up_to_social_care", rationale: "Disclosure at school of harm at home; threshold for a strategy discussion met.", pathway: "MASH strategy discussion", decidedById: lead, decidedAt: ago(3) },
      });
    }
    if (o.stage === "closed") {
      const closedOn = ago(o.closedDaysAgo ?? 0);
      await db.closure.create({
        data: {
          familyId: f.id,
          contactId: contact.id,
          closedOn,
          reason: "outcomes_met",
          summary: "Attendance at 96% for a term; the family say home is calmer.",
          signedOffById: lead,
          signedOffAt: closedOn,
          outcomes: { create: needs.map((need, i) => ({ need, result: i === 0 ? "met" : "partly_met" })) },
        },
      });
      await db.decision.create({ data: { familyId: f.id, contactId: contact.id, stage: "closure", outcome: "close", rationale: "Outcomes met; universal services in place.", decidedById: lead, decidedAt: closedOn } });
    }
    return { f, contact };
  }

  const fresh = async (reference: string) => {
    const f = await family(reference);
    return f !== null && f._count.contacts === 0;
  };

  if (await fresh("EH-00001")) {
    await episode("EH-00001", { receivedDaysAgo: 1, source: "MASH", reason: "Police notification: neighbours report shouting late at night.", stage: "awaiting" });
    scenarios++;
  }
  if (await fresh("EH-00002")) {
    await episode("EH-00002", { receivedDaysAgo: 12, source: "school", reason: "Attendance has fallen to 82% this term.", stage: "assessing" });
    scenarios++;
  }
  if (await fresh("EH-00003")) {
    await episode("EH-00003", { receivedDaysAgo: 90, source: "health", reason: "Health visitor concerned about the baby's weight and mum's low mood.", stage: "assessing", needs: ["health", "early_years"] });
    scenarios++;
  }
  if (await fresh("EH-00004")) {
    const e = await episode("EH-00004", { receivedDaysAgo: 120, source: "self_referral", reason: "Mum asked for help with her son's behaviour at home.", stage: "planning" });
    if (e) {
      await db.consent.createMany({
        data: [
          { familyId: e.f.id, purpose: "sharing_with_agency", agencyName: "Barts Health (CAMHS)", status: "given", recordedOn: ago(110), recordedById: staff.practitioner },
          { familyId: e.f.id, purpose: "sharing_with_agency", agencyName: "Barts Health (CAMHS)", status: "withdrawn", recordedOn: ago(20), recordedById: staff.practitioner },
          { familyId: e.f.id, purpose: "survey_contact", status: "given", recordedOn: ago(110), recordedById: staff.practitioner },
        ],
      });
      await db.caseNote.createMany({
        data: [
          { familyId: e.f.id, contactId: e.contact.id, occurredOn: ago(30), type: "home", whoSeen: "Mum and both children", childSeenAlone: true, purpose: "Check the routine chart", whatHappened: "Chart on the fridge and used most mornings.", childVoice: "\"I like getting the stickers.\"", differenceMade: "On time four days out of five.", nextSteps: "School meeting next week.", authorId: staff.practitioner },
          { familyId: e.f.id, contactId: e.contact.id, occurredOn: ago(9), type: "phone", whoSeen: "Mum", purpose: "Follow-up call", whatHappened: "Mum reports a good week.", differenceMade: "Fewer arguments at bedtime.", authorId: staff.practitioner },
        ],
      });
    }
    scenarios++;
  }
  if (await fresh("EH-00005")) {
    const closed = await episode("EH-00005", { receivedDaysAgo: 320, source: "school", reason: "Persistent lateness and tiredness in class.", stage: "closed", closedDaysAgo: 100, practitioner: staff.tom });
    if (closed) {
      await episode("EH-00005", { receivedDaysAgo: 6, source: "school", reason: "Lateness has returned since the new year.", stage: "awaiting", reReferralOf: ago(100) });
    }
    scenarios++;
  }
  if (await fresh("EH-00006")) {
    await episode("EH-00006", { receivedDaysAgo: 70, source: "MASH", reason: "Domestic abuse notification; mum wants support.", stage: "stepped_up", needs: ["domestic_abuse", "safety_abuse_exploitation"] });
    scenarios++;
  }
  if (await fresh("EH-00009")) {
    const e = await episode("EH-00009", {
      receivedDaysAgo: 25,
      source: "resettlement",
      reason: "Family arrived under ACRS; children need school places and dad has a Home Office interview.",
      stage: "assessing",
      practitioner: staff.mariam,
      needs: ["education", "housing", "financial_stability"],
      consent: { status: "overridden", reason: "Dad declined, but the youngest child is not registered with a GP and has a chronic condition; sharing with health is necessary to protect her health. Discussed with dad through an interpreter." },
    });
    if (e) {
      await db.resettlementTask.createMany({
        data: [
          { familyId: e.f.id, item: "school_place", doneOn: ago(10), notes: "Both children at Sir John Cass's" },
          { familyId: e.f.id, item: "gp", doneOn: ago(8) },
          { familyId: e.f.id, item: "bank_account", doneOn: ago(15) },
          { familyId: e.f.id, item: "benefits", notes: "Universal Credit claim in progress" },
          { familyId: e.f.id, item: "esol" },
          { familyId: e.f.id, item: "housing" },
          { familyId: e.f.id, item: "home_office_interview", notes: "Interview next month; interpreter booked" },
        ],
        skipDuplicates: true,
      });
    }
    scenarios++;
  }
  // Closed long ago with nothing since: past the retention period (RETENTION_YEARS, default 6), so /retention lists them.
  for (const [reference, years, lead, practitioner] of [
    ["EH-00007", 7, staff.lead, staff.practitioner],
    ["EH-00008", 9, staff.lead, staff.tom],
    ["EH-00028", 8, staff.leadSouth, staff.practitionerSouth],
  ] as const) {
    if (await fresh(reference)) {
      const closedDaysAgo = Math.round(years * 365.25) + 30;
      await episode(reference, { receivedDaysAgo: closedDaysAgo + 240, source: "health", reason: "Health visitor asked for help with sleep and routines.", stage: "closed", closedDaysAgo, lead, practitioner });
      scenarios++;
    }
  }
  if (await fresh("EH-00027")) {
    // South team: an open case so cross-team checks have something to refuse.
    await episode("EH-00027", { receivedDaysAgo: 15, source: "school", reason: "Struggling after a bereavement.", stage: "assessing", practitioner: staff.practitionerSouth, lead: staff.leadSouth });
    scenarios++;
  }

  // Supervision: Priya held last month with actions; Mariam's last month was missed (with a reason); Tom has none (overdue).
  const north = await db.team.findUniqueOrThrow({ where: { name: "Early Help North" } });
  const lastMonth = addMonths(monthStart(today), -1);
  const twoMonthsAgo = addMonths(monthStart(today), -2);
  const supervisions = [
    { practitionerId: staff.practitioner, month: twoMonthsAgo, heldOn: addDays(twoMonthsAgo, 9), missedReason: null },
    { practitionerId: staff.practitioner, month: lastMonth, heldOn: addDays(lastMonth, 11), missedReason: null },
    { practitionerId: staff.mariam, month: twoMonthsAgo, heldOn: addDays(twoMonthsAgo, 14), missedReason: null },
    { practitionerId: staff.mariam, month: lastMonth, heldOn: null, missedReason: "Supervisor on sick leave; rebooked for the first week of this month." },
  ];
  for (const s of supervisions) {
    const exists = await db.supervision.findUnique({ where: { practitionerId_month: { practitionerId: s.practitionerId, month: s.month } } });
    if (exists) continue;
    await db.supervision.create({
      data: {
        teamId: north.id,
        supervisorId: staff.lead,
        ...s,
        casesDiscussed: s.heldOn ? "EH-00002, EH-00004" : "",
        reflections: s.heldOn ? "Reflected on engaging dads; good use of direct work with the children." : "",
        actions: s.heldOn ? { create: [{ description: "Book the TAF review for EH-00004", byWhen: addDays(s.heldOn, 14) }] } : undefined,
      },
    });
  }

  // An online request waiting in the triage queue.
  if (!(await db.supportRequest.findUnique({ where: { reference: "RFS-DEMO2345" } }))) {
    await db.supportRequest.create({
      data: {
        reference: "RFS-DEMO2345",
        referrerName: "Jo Okoro",
        referrerAgency: "Prior Weston Primary School",
        referrerEmail: "j.okoro@school.example",
        familyName: "Walker",
        familyPostcode: "EC1Y 8JQ",
        children: "Ruby, 7\nAlfie, 5",
        concern: "Ruby often arrives hungry and tired; mum has told us money is very tight since dad left.",
        familyConsents: true,
        clientKey: "demo",
      },
    });
  }
  return { scenarios };
}
