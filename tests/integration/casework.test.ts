import { addCaseNote } from "~/models/casework/case-note.server";
import { addMember, createFamily, findPossibleDuplicates, getResettlement } from "~/models/casework/family.server";
import { addPlanAction, addPlanOutcome, getPlan, startPlan } from "~/models/casework/plan.server";
import { addReview } from "~/models/casework/review.server";
import { allocate, createContact, getConsents, getEpisode, recordConsent, recordDecision } from "~/models/casework/episode.server";
import { closeEpisode } from "~/models/casework/closure.server";
import { getAssessment, saveAssessment, signOffAssessment } from "~/models/casework/assessment.server";
import { getChronology } from "~/models/casework/chronology.server";
import { getMyCaseload, getOverdueCounts, getTeamCaseload } from "~/models/casework/caseload.server";
import { addDays, addWorkingDays, startOfDay } from "~/models/casework/rules";
import { ClosureSchema, DecisionSchema, FamilySchema, MemberSchema, SupervisionSchema } from "~/models/casework/schemas";
import { parseIsoDate } from "~/models/casework/rules";
import { getSupervisionOverview, recordSupervision } from "~/models/casework/supervision.server";
import type { Actor } from "~/utils/auth.server";
import { actorFor, createTeam, createUser, getDb } from "./helpers";

// Test families get their own reference prefix, so the demo seed's EH- numbers stay its own.
const previousPrefix = process.env.FAMILY_REFERENCE_PREFIX;
beforeAll(() => {
  process.env.FAMILY_REFERENCE_PREFIX = "TCW-";
});
afterAll(() => {
  if (previousPrefix === undefined) delete process.env.FAMILY_REFERENCE_PREFIX;
  else process.env.FAMILY_REFERENCE_PREFIX = previousPrefix;
});

const today = startOfDay(new Date());
const daysAgo = (n: number) => addDays(today, -n);

/** The HTTP status a model call ends with: 200 when it returns, else the thrown Response's. */
async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

async function team() {
  const t = await createTeam(getDb());
  const practitioner = await actorFor(["practitioner"], "write:family", t.id);
  const lead = await actorFor(["lead"], "decide:family", t.id);
  return { team: t, practitioner, lead };
}

async function familyWithChild(actor: Actor, surname = `Test${Math.random().toString(36).slice(2, 7)}`) {
  return createFamily(
    actor,
    FamilySchema.parse({
      name: `${surname} family`,
      postcode: "EC1Y 0RN",
      members: [
        { kind: "adult", firstName: "Sarah", lastName: surname, relationship: "mother" },
        { kind: "child", firstName: "Amelia", lastName: surname, dateOfBirth: "2018-03-04" },
      ],
    }),
  );
}

async function acceptedEpisode(t: Awaited<ReturnType<typeof team>>, receivedDaysAgo = 10) {
  const family = await familyWithChild(t.practitioner);
  const contact = await createContact(t.practitioner, family.id, {
    receivedOn: daysAgo(receivedDaysAgo),
    source: "school",
    reason: "School attendance has fallen to 70%.",
    assessmentDays: 45,
    consentStatus: "given",
  });
  await recordDecision(t.lead, family.id, contact.id, { stage: "contact", outcome: "accept_for_assessment", rationale: "Needs across education and housing." });
  return { family, contact };
}

describe("the early help journey", () => {
  it("runs contact → decision → allocation → assessment → sign-off → plan → review → closure, then flags a re-referral", async () => {
    const t = await team();
    const { family, contact } = await acceptedEpisode(t, 10);
    const db = getDb();
    const assessment = await db.assessment.findUniqueOrThrow({ where: { contactId: contact.id } });
    expect(assessment.dueOn).toEqual(addWorkingDays(daysAgo(10), 45));
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).status).toBe("open");

    await allocate(t.lead, family.id, contact.id, t.practitioner.user.id);
    await allocate(t.lead, family.id, contact.id, t.lead.user.id);
    await allocate(t.lead, family.id, contact.id, t.practitioner.user.id);
    const allocations = await db.allocation.findMany({ where: { contactId: contact.id } });
    expect(allocations).toHaveLength(3);
    expect(allocations.filter((a) => !a.endedAt)).toHaveLength(1);

    const child = await db.familyMember.findFirstOrThrow({ where: { familyId: family.id, kind: "child" } });
    const saved = await saveAssessment(t.practitioner, family.id, contact.id, {
      version: 1,
      strengths: "Warm relationships",
      risks: "",
      parentsViews: "Mum wants help with school mornings",
      analysis: "Attendance and housing",
      needs: [{ outcome: "education", present: true, severity: 2, notes: "70% attendance" }, { outcome: "housing", present: true, severity: 1, notes: "" }],
      children: [{ memberId: child.id, wishesAndFeelings: "Likes art", seenAlone: true, directWorkTool: "Three houses" }],
      intent: "submit",
    });
    expect(saved.version).toBe(2);
    await signOffAssessment(t.lead, family.id, contact.id, { version: 2, outcome: "approve", rationale: "Analysis clear; plan to follow." });

    const plan = await startPlan(t.practitioner, family.id, contact.id, daysAgo(5));
    expect(plan.nextReviewOn).toEqual(addDays(daysAgo(5), 42));
    const outcome = await addPlanOutcome(t.practitioner, family.id, contact.id, { version: 1, need: "education", description: "Amelia attends 95%" });
    await addPlanAction(t.practitioner, family.id, contact.id, { version: 2, outcomeId: outcome.id, description: "Morning routine chart", owner: "Sarah", agency: "Family", dueOn: addDays(today, 14) });
    await addReview(t.practitioner, family.id, contact.id, { heldOn: today, summary: "Good progress", outcome: "continue_plan", rationale: "Routines are holding; keep the plan.", scores: [{ outcomeId: outcome.id, score: 6 }] });
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).nextReviewOn).toEqual(addDays(today, 42));
    // The review's decision is a management decision with its rationale, by whoever recorded the review.
    const reviewDecision = await db.decision.findFirstOrThrow({ where: { contactId: contact.id, stage: "review" } });
    expect(reviewDecision).toMatchObject({ outcome: "continue_plan", rationale: "Routines are holding; keep the plan.", decidedById: t.practitioner.user.id });

    await addCaseNote(t.practitioner, family.id, {
      occurredOn: daysAgo(1), type: "home", whoSeen: "Sarah, Amelia", childSeenAlone: true, purpose: "Routine visit", whatHappened: "Chart in use", childVoice: "", differenceMade: "On time 4 of 5 days", nextSteps: "",
    });
    await closeEpisode(t.lead, family.id, contact.id, { closedOn: today, reason: "outcomes_met", summary: "Attendance 96%.", outcomes: [{ need: "education", result: "met" }, { need: "housing", result: "partly_met" }] });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).status).toBe("closed");
    expect(await db.allocation.count({ where: { contactId: contact.id, endedAt: null } })).toBe(0);

    const again = await createContact(t.practitioner, family.id, { receivedOn: today, source: "health", reason: "Health visitor concerned", assessmentDays: 45, consentStatus: "given" });
    expect(again.reReferral).toBe(true);

    const { entries } = await getChronology(t.practitioner, family.id, { order: "asc" });
    const types = entries.map((e) => e.type);
    expect(types[0]).toBe("contact");
    expect(types).toEqual(expect.arrayContaining(["consent", "decision", "allocation", "assessment", "plan", "review", "note", "closure"]));
    const decisions = entries.filter((e) => e.type === "decision");
    expect(decisions.map((d) => d.values.stage)).toEqual(["contact", "assessment_signoff", "review", "closure"]);
    const onlyNotes = await getChronology(t.practitioner, family.id, { types: ["note"] });
    expect(onlyNotes.entries.map((e) => e.type)).toEqual(["note"]);

    const audits = await db.auditEvent.findMany({ where: { familyId: family.id }, select: { entity: true, action: true } });
    for (const entity of ["contact", "consent", "decision", "allocation", "assessment", "plan", "review", "case-note", "chronology"]) {
      expect(audits.some((a) => a.entity === entity), entity).toBe(true);
    }
  });

  it("lets a lead step a case up with a pathway, recorded as a decision", async () => {
    const t = await team();
    const { family, contact } = await acceptedEpisode(t);
    expect(DecisionSchema.safeParse({ stage: "step_up", outcome: "step_up_to_social_care", rationale: "Disclosure" }).success).toBe(false);
    const input = DecisionSchema.parse({ stage: "step_up", outcome: "step_up_to_social_care", rationale: "Disclosure of harm at school.", pathway: "MASH strategy discussion" });
    await recordDecision(t.lead, family.id, contact.id, input);
    const after = await getDb().contact.findUniqueOrThrow({ where: { id: contact.id }, include: { decisions: true } });
    expect(after.status).toBe("stepped_up");
    expect(after.decisions.find((d) => d.stage === "step_up")?.pathway).toBe("MASH strategy discussion");
  });
});

describe("chronology pages", () => {
  it("shows a long chronology 100 entries a page, in order across pages, with the total and the type filter", async () => {
    const t = await team();
    const { family } = await acceptedEpisode(t, 30);
    await getDb().caseNote.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ familyId: family.id, occurredOn: daysAgo(i % 28), type: "phone" as const, purpose: `Call ${i}`, whatHappened: "Talked", authorId: t.practitioner.user.id })),
    });
    const first = await getChronology(t.practitioner, family.id);
    // 120 notes plus the contact, its consent, the decision and the assessment it started.
    expect(first.total).toBe(124);
    expect(first.entries).toHaveLength(100);
    expect(first.pageCount).toBe(2);
    const second = await getChronology(t.practitioner, family.id, { page: 2 });
    expect(second.entries).toHaveLength(24);
    const all = [...first.entries, ...second.entries];
    expect(new Set(all.map((e) => `${e.type}-${e.id}`)).size).toBe(124);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.date.getTime()).toBeGreaterThanOrEqual(all[i]!.date.getTime());
    expect(all.slice(-2).map((e) => e.type).sort()).toEqual(["consent", "contact"]);
    const past = await getChronology(t.practitioner, family.id, { page: 3 });
    expect(past.entries).toEqual([]);
    expect(past.total).toBe(124);
    const notes = await getChronology(t.practitioner, family.id, { types: ["note", "contact"], page: 2, order: "asc" });
    expect(notes.total).toBe(121);
    expect(notes.entries).toHaveLength(21);
    expect(notes.entries.every((e) => e.type === "note")).toBe(true);
  });
});

describe("concurrency", () => {
  it("refuses a stale assessment save with 409 and keeps the first editor's text", async () => {
    const t = await team();
    const { family, contact } = await acceptedEpisode(t);
    const base = { risks: "", parentsViews: "", analysis: "", needs: [], children: [], intent: "save" as const };
    await saveAssessment(t.practitioner, family.id, contact.id, { ...base, version: 1, strengths: "First editor" });
    expect(await statusOf(saveAssessment(t.lead, family.id, contact.id, { ...base, version: 1, strengths: "Second editor" }))).toBe(409);
    const a = await getDb().assessment.findUniqueOrThrow({ where: { contactId: contact.id } });
    expect(a.strengths).toBe("First editor");
    expect(a.version).toBe(2);
  });

  it("refuses a stale plan change with 409", async () => {
    const t = await team();
    const { family, contact } = await acceptedEpisode(t);
    await startPlan(t.practitioner, family.id, contact.id);
    await addPlanOutcome(t.practitioner, family.id, contact.id, { version: 1, need: "health", description: "A" });
    expect(await statusOf(addPlanOutcome(t.lead, family.id, contact.id, { version: 1, need: "health", description: "B" }))).toBe(409);
    expect(await getDb().planOutcome.count({ where: { plan: { contactId: contact.id } } })).toBe(1);
  });

  it("starts one plan when five people press Start at once, and gives each of them that plan", async () => {
    const t = await team();
    const { family, contact } = await acceptedEpisode(t);
    const plans = await Promise.all(Array.from({ length: 5 }, () => startPlan(t.practitioner, family.id, contact.id)));
    expect(new Set(plans.map((p) => p.id)).size).toBe(1);
    expect(await getDb().plan.count({ where: { contactId: contact.id } })).toBe(1);
  });
});

describe("bad input changes nothing", () => {
  it("refuses a closure dated before the contact", async () => {
    const t = await team();
    const { family, contact } = await acceptedEpisode(t, 5);
    const status = await statusOf(closeEpisode(t.lead, family.id, contact.id, { closedOn: daysAgo(30), reason: "other", summary: "x", outcomes: [] }));
    expect(status).toBe(400);
    expect(await getDb().closure.count({ where: { contactId: contact.id } })).toBe(0);
    expect((await getDb().contact.findUniqueOrThrow({ where: { id: contact.id } })).status).toBe("open");
  });

  it("rejects a child's date of birth in the future, missing rationale and impossible dates at the schema", () => {
    const future = addDays(today, 3).toISOString().slice(0, 10);
    const m = MemberSchema.safeParse({ kind: "child", firstName: "A", lastName: "B", dateOfBirth: future });
    expect(m.success).toBe(false);
    expect(m.error?.issues[0]?.message).toBe("errors.dateInFuture");
    expect(MemberSchema.safeParse({ kind: "child", firstName: "A", lastName: "B", dateOfBirth: "2020-02-30" }).error?.issues[0]?.message).toBe("errors.dateInvalid");
    const d = DecisionSchema.safeParse({ stage: "contact", outcome: "signpost", rationale: "   " });
    expect(d.error?.issues.map((i) => i.message)).toContain("errors.rationaleRequired");
    expect(DecisionSchema.safeParse({ stage: "contact", outcome: "close", rationale: "x" }).error?.issues[0]?.message).toBe("errors.outcomeNotForStage");
    expect(ClosureSchema.safeParse({ closedOn: "2026-01-01", reason: "outcomes_met" }).success).toBe(false);
    expect(SupervisionSchema.safeParse({ practitionerId: "x", month: "2026-10", held: "no" }).error?.issues[0]?.message).toBe("errors.missedReasonRequired");
  });

  it("answers unknown ids with 404 and a practitioner's decision with 403", async () => {
    const t = await team();
    const { family, contact } = await acceptedEpisode(t);
    expect(await statusOf(getEpisode(t.practitioner, family.id, "nosuchcontact"))).toBe(404);
    expect(await statusOf(getEpisode(t.practitioner, "nosuchfamily", contact.id))).toBe(404);
    expect(await statusOf(allocate(t.lead, family.id, contact.id, "nosuchuser"))).toBe(400);
    expect(await statusOf(recordDecision(t.practitioner, family.id, contact.id, { stage: "step_up", outcome: "step_up_to_social_care", rationale: "x", pathway: "MASH" }))).toBe(403);
    expect(await statusOf(recordDecision(t.lead, family.id, contact.id, { stage: "contact", outcome: "signpost", rationale: "again" }))).toBe(409);
    expect(await getDb().decision.count({ where: { contactId: contact.id } })).toBe(1);
  });
});

describe("consent", () => {
  it("keeps every record as history; an override needs a lead and a reason", async () => {
    const t = await team();
    const family = await familyWithChild(t.practitioner);
    await recordConsent(t.practitioner, family.id, { purpose: "sharing_with_agency", agencyName: "GP", status: "given", recordedOn: daysAgo(20) });
    await recordConsent(t.practitioner, family.id, { purpose: "sharing_with_agency", agencyName: "GP", status: "withdrawn", recordedOn: daysAgo(2) });
    expect(await statusOf(recordConsent(t.practitioner, family.id, { purpose: "early_help_support", status: "overridden", overrideReason: "Risk", recordedOn: today }))).toBe(403);
    expect(await statusOf(recordConsent(t.lead, family.id, { purpose: "early_help_support", status: "overridden", recordedOn: today }))).toBe(400);
    await recordConsent(t.lead, family.id, { purpose: "early_help_support", status: "overridden", overrideReason: "Child at risk of harm; sharing justified.", recordedOn: today });
    const { consents, current } = await getConsents(t.practitioner, family.id);
    expect(consents).toHaveLength(3);
    expect(current.find((c) => c.purpose === "sharing_with_agency")?.status).toBe("withdrawn");
    const override = current.find((c) => c.purpose === "early_help_support");
    expect(override?.overrideLeadId).toBe(t.lead.user.id);
  });

  it("refuses an overridden consent at contact from a practitioner", async () => {
    const t = await team();
    const family = await familyWithChild(t.practitioner);
    const status = await statusOf(createContact(t.practitioner, family.id, { receivedOn: today, source: "MASH", reason: "x", assessmentDays: 45, consentStatus: "overridden", overrideReason: "y" }));
    expect(status).toBe(403);
    expect(await getDb().contact.count({ where: { familyId: family.id } })).toBe(0);
  });
});

describe("families", () => {
  it("warns of a likely duplicate: same surname and a child's date of birth, or postcode and surname", async () => {
    const t = await team();
    const surname = `Dup${Math.random().toString(36).slice(2, 7)}`;
    const existing = await familyWithChild(t.practitioner, surname);
    const byDob = await findPossibleDuplicates(t.practitioner, FamilySchema.parse({ name: `${surname} family`, members: [{ kind: "child", firstName: "X", lastName: surname, dateOfBirth: "2018-03-04" }] }));
    expect(byDob.map((f) => f.id)).toEqual([existing.id]);
    const byPostcode = await findPossibleDuplicates(t.practitioner, FamilySchema.parse({ name: surname, postcode: "ec1y 0rn" }));
    expect(byPostcode.map((f) => f.id)).toEqual([existing.id]);
    expect(await findPossibleDuplicates(t.practitioner, FamilySchema.parse({ name: surname, postcode: "E1 1AA" }))).toEqual([]);
    const other = await team();
    expect(await findPossibleDuplicates(other.practitioner, FamilySchema.parse({ name: surname, postcode: "EC1Y 0RN" }))).toEqual([]);
  });
});

describe("team scoping", () => {
  it("gives another team's practitioner and lead a 404 on every casework function", async () => {
    const t = await team();
    const { family, contact } = await acceptedEpisode(t);
    await startPlan(t.practitioner, family.id, contact.id);
    const other = await team();
    for (const actor of [other.practitioner, other.lead]) {
      const calls: Array<() => Promise<unknown>> = [
        () => getEpisode(actor, family.id, contact.id),
        () => getAssessment(actor, family.id, contact.id),
        () => getPlan(actor, family.id, contact.id),
        () => getChronology(actor, family.id),
        () => getConsents(actor, family.id),
        () => getResettlement(actor, family.id),
        () => createContact(actor, family.id, { receivedOn: today, source: "MASH", reason: "x", assessmentDays: 45, consentStatus: "given" }),
        () => addCaseNote(actor, family.id, { occurredOn: today, type: "home", whoSeen: "", childSeenAlone: false, purpose: "x", whatHappened: "y", childVoice: "", differenceMade: "", nextSteps: "" }),
        () => addReview(actor, family.id, contact.id, { heldOn: today, summary: "", outcome: "continue_plan", rationale: "Carry on.", scores: [] }),
        () => addMember(actor, family.id, { kind: "adult", firstName: "a", lastName: "b", interpreterNeeded: false }),
      ];
      if (actor === other.lead) {
        calls.push(() => recordDecision(actor, family.id, contact.id, { stage: "step_up", outcome: "step_up_to_social_care", rationale: "x", pathway: "y" }));
        calls.push(() => allocate(actor, family.id, contact.id, actor.user.id));
        calls.push(() => closeEpisode(actor, family.id, contact.id, { closedOn: today, reason: "other", summary: "x", outcomes: [] }));
      }
      for (const call of calls) expect(await statusOf(call())).toBe(404);
    }
    expect(await getDb().auditEvent.count({ where: { familyId: family.id, action: "denied", actorId: other.practitioner.user.id } })).toBeGreaterThan(0);
    const mine = await getMyCaseload(other.practitioner);
    expect(mine.rows).toEqual([]);
    expect(mine.total).toBe(0);
    const teamLoad = await getTeamCaseload(other.lead);
    expect(teamLoad.rows.map((r) => r.familyId)).not.toContain(family.id);
  });
});

describe("caseloads and overdue work", () => {
  it("shows overdue assessments and actions, and counts per practitioner for leads", async () => {
    const t = await team();
    const { family, contact } = await acceptedEpisode(t, 80);
    await allocate(t.lead, family.id, contact.id, t.practitioner.user.id);
    await startPlan(t.practitioner, family.id, contact.id, daysAgo(60));
    await addPlanAction(t.practitioner, family.id, contact.id, { version: 1, description: "GP registration", owner: "Worker", agency: "Early help", dueOn: daysAgo(3) });
    const mine = await getMyCaseload(t.practitioner);
    expect(mine.rows).toHaveLength(1);
    expect(mine.rows[0]!.overdue).toEqual({ assessment: true, actions: 1, review: true });
    expect(mine).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    // Past the last page: no rows, but still the total.
    expect(await getMyCaseload(t.practitioner, { page: 2 })).toMatchObject({ rows: [], total: 1, pageCount: 1 });
    const teamLoad = await getTeamCaseload(t.lead);
    expect(teamLoad.practitioners).toEqual([{ id: t.practitioner.user.id, name: expect.any(String), cases: 1, overdue: 1 }]);
    expect(await statusOf(getTeamCaseload(t.practitioner))).toBe(403);
    const counts = await getOverdueCounts(t.practitioner, true);
    expect(counts).toMatchObject({ assessments: 1, actions: 1, reviews: 1 });
  });
});

describe("supervision", () => {
  it("records a held month and a missed month with its reason, and shows who is overdue", async () => {
    const t = await team();
    const lead = await actorFor(["lead"], "write:supervision", t.team.id);
    const other = await createUser(getDb(), { roles: ["practitioner"], teamId: t.team.id });
    const lastMonth = addDays(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)), -1).toISOString().slice(0, 7);
    await recordSupervision(lead, SupervisionSchema.parse({ practitionerId: t.practitioner.user.id, month: lastMonth, held: "no", missedReason: "Practitioner on annual leave" }));
    expect(await statusOf(recordSupervision(lead, SupervisionSchema.parse({ practitionerId: t.practitioner.user.id, month: lastMonth, held: "yes", heldOn: `${lastMonth}-10` })))).toBe(409);
    const outsider = await createTeam(getDb());
    const stranger = await createUser(getDb(), { roles: ["practitioner"], teamId: outsider.id });
    expect(await statusOf(recordSupervision(lead, SupervisionSchema.parse({ practitionerId: stranger.id, month: lastMonth, held: "yes", heldOn: `${lastMonth}-10` })))).toBe(400);
    const { practitioners } = await getSupervisionOverview(lead);
    expect(practitioners.find((p) => p.id === t.practitioner.user.id)?.overdue).toBe(false);
    expect(practitioners.find((p) => p.id === other.id)?.overdue).toBe(true);
    expect(parseIsoDate(`${lastMonth}-01`)).not.toBeNull();
  });
});
