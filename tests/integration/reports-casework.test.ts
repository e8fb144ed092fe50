import { randomUUID } from "node:crypto";
import { caseworkSections } from "~/models/reports/casework.server";
import { buildReport } from "~/models/reports/index.server";
import { resolveReportScope } from "~/models/reports/access.server";
import { financialYearStarting } from "~/models/reports/period";
import type { RawTable, ReportSection } from "~/models/reports/types";
import { actorFor, createTeam, createUser, getDb } from "./helpers";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const period = financialYearStarting(2025); // 2025-04-01 to 2026-03-31

/** A small fixed caseload for one team; every expected figure below is counted by hand from it. */
async function seedTeam() {
  const db = getDb();
  const team = await createTeam(db);
  const lead = await createUser(db, { roles: ["lead"], teamId: team.id });
  const practitioner = await createUser(db, { roles: ["practitioner"], teamId: team.id });
  const family = () => db.family.create({ data: { reference: `TRP-${randomUUID().slice(0, 8)}`, name: "Report family", teamId: team.id } });
  const contact = async (receivedOn: string, source: "MASH" | "school" | "health", reReferral = false) => {
    const f = await family();
    return db.contact.create({ data: { familyId: f.id, teamId: team.id, receivedOn: d(receivedOn), source, reason: "test", reReferral, status: "open" } });
  };
  // Contacts: 6 MASH (one the day before the period), 3 school, 1 health; 2 re-referrals in the period.
  const inPeriod = [
    await contact("2025-04-01", "MASH", true),
    await contact("2025-05-10", "MASH"),
    await contact("2025-06-10", "MASH"),
    await contact("2025-07-10", "MASH"),
    await contact("2025-08-10", "MASH"),
    await contact("2026-03-31", "MASH", true),
    await contact("2025-09-01", "school"),
    await contact("2025-09-02", "school"),
    await contact("2025-09-03", "school"),
    await contact("2025-10-01", "health"),
  ];
  await contact("2025-03-31", "MASH", true); // before the period: not counted

  const decide = (i: number, stage: string, outcome: string, at: string) =>
    db.decision.create({ data: { familyId: inPeriod[i]!.familyId, contactId: inPeriod[i]!.id, stage: stage as never, outcome: outcome as never, rationale: "r", decidedById: lead.id, decidedAt: new Date(at) } });
  // 23:30 UTC on 31 March 2025 is 00:30 on 1 April in London (BST): inside the period.
  await decide(0, "contact", "accept_for_assessment", "2025-03-31T23:30:00Z");
  for (let i = 1; i < 7; i++) await decide(i, "contact", "accept_for_assessment", "2025-06-01T10:00:00Z");
  await decide(7, "contact", "signpost", "2025-09-05T10:00:00Z");
  await decide(8, "contact", "signpost", "2025-09-05T10:00:00Z");
  await decide(9, "contact", "no_further_action", "2025-10-02T10:00:00Z");
  await decide(1, "step_up", "step_up_to_social_care", "2025-07-01T10:00:00Z");
  await decide(1, "step_down", "step_down_to_early_help", "2025-09-01T10:00:00Z");
  await decide(2, "contact", "signpost", "2026-04-01T10:00:00Z"); // after the period: not counted

  // Assessments signed off in the period: 4 by the due date, 2 after it; one still a draft.
  const assess = (i: number, dueOn: string, signedOffAt: string | null) =>
    db.assessment.create({
      data: { familyId: inPeriod[i]!.familyId, contactId: inPeriod[i]!.id, dueOn: d(dueOn), status: signedOffAt ? "signed_off" : "draft", signedOffAt: signedOffAt ? new Date(signedOffAt) : null, signedOffById: signedOffAt ? lead.id : null },
    });
  await assess(0, "2025-06-01", "2025-05-20T10:00:00Z");
  await assess(1, "2025-06-01", "2025-05-31T22:30:00Z"); // 23:30 on 31 May in London: on time
  await assess(2, "2025-06-01", "2025-06-01T09:00:00Z"); // the due date itself: on time
  await assess(3, "2025-07-01", "2025-06-30T12:00:00Z");
  await assess(4, "2025-07-01", "2025-07-02T12:00:00Z"); // late
  await assess(5, "2025-07-01", "2025-08-01T12:00:00Z"); // late
  await assess(6, "2025-07-01", null);

  // Plans started in the period: 3 with actions, 1 without.
  const plan = async (i: number, startedOn: string, actions: number) => {
    const p = await db.plan.create({ data: { familyId: inPeriod[i]!.familyId, contactId: inPeriod[i]!.id, startedOn: d(startedOn), nextReviewOn: d(startedOn), reviewIntervalWeeks: 6 } });
    for (let a = 0; a < actions; a++) await db.planAction.create({ data: { planId: p.id, description: "a", owner: "o", agency: "x", dueOn: d("2025-12-01") } });
    return p;
  };
  const p0 = await plan(0, "2025-05-01", 2);
  const p1 = await plan(1, "2025-05-01", 1);
  await plan(2, "2025-06-01", 1);
  await plan(3, "2025-06-01", 0);
  // Reviews (due six weeks after the plan's start or the previous review): 2 of 3 on time.
  const review = (p: { id: string; familyId: string }, heldOn: string) => db.review.create({ data: { familyId: p.familyId, planId: p.id, heldOn: d(heldOn) } });
  await review(p0, "2025-06-10"); // due 12 June: on time
  await review(p0, "2025-08-01"); // due 22 July: late
  await review(p1, "2025-06-12"); // due 12 June: on time

  // Closures: 3 outcomes met, 1 family declined; needs per closure.
  const close = async (i: number, reason: "outcomes_met" | "family_declined", closedOn: string, outcomes: Array<[string, string]>) =>
    db.closure.create({
      data: { familyId: inPeriod[i]!.familyId, contactId: inPeriod[i]!.id, closedOn: d(closedOn), reason, signedOffById: lead.id, outcomes: { create: outcomes.map(([need, result]) => ({ need: need as never, result: result as never })) } },
    });
  await close(0, "outcomes_met", "2025-11-01", [["education", "met"], ["health", "partly_met"]]);
  await close(1, "outcomes_met", "2025-11-02", [["education", "met"], ["health", "partly_met"]]);
  await close(2, "outcomes_met", "2025-11-03", [["education", "met"]]);
  await close(3, "family_declined", "2025-11-04", [["housing", "not_met"]]);
  await close(4, "outcomes_met", "2026-04-02", [["education", "met"]]); // after the period

  // Supervision: April held in April (on time), May held in June (late), June missed with a reason.
  const sup = (month: string, heldOn: string | null) =>
    db.supervision.create({ data: { teamId: team.id, practitionerId: practitioner.id, supervisorId: lead.id, month: d(month), heldOn: heldOn ? d(heldOn) : null, missedReason: heldOn ? null : "leave" } });
  await sup("2025-04-01", "2025-04-20");
  await sup("2025-05-01", "2025-06-03");
  await sup("2025-06-01", null);
  await sup("2026-04-01", "2026-04-02"); // after the period
  return team;
}

function table(sections: ReportSection[], id: string): RawTable {
  const t = sections.flatMap((s) => s.tables).find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}
const byRow = (t: RawTable) => Object.fromEntries(t.rows.map((r, i) => [r.key, t.counts[i]![0]]));

describe("casework outcome figures", () => {
  let teamId: string;
  let sections: ReportSection[];
  beforeAll(async () => {
    teamId = (await seedTeam()).id;
    await seedTeam(); // a second team whose figures must not leak in
    sections = await caseworkSections(period, { teamId });
  });

  it("counts contacts by source within the period", () => {
    expect(byRow(table(sections, "contacts-by-source"))).toEqual({ MASH: 6, school: 3, health: 1, self_referral: 0, step_down_csc: 0, resettlement: 0, other: 0 });
  });

  it("counts decisions by stage and outcome, by their date in London", () => {
    const t = table(sections, "decisions");
    const cell = (stage: string, outcome: string) => t.counts[t.rows.findIndex((r) => r.key === stage)]![t.cols.findIndex((c) => c.key === outcome)];
    expect(t.cols.map((c) => c.key)).toEqual(["accept_for_assessment", "signpost", "step_up_to_social_care", "step_down_to_early_help", "no_further_action"]);
    expect(cell("contact", "accept_for_assessment")).toBe(7);
    expect(cell("contact", "signpost")).toBe(2);
    expect(cell("contact", "no_further_action")).toBe(1);
    expect(cell("step_up", "step_up_to_social_care")).toBe(1);
    expect(cell("step_down", "step_down_to_early_help")).toBe(1);
    expect(t.counts.flat().reduce((a, b) => a + b, 0)).toBe(12);
  });

  it("counts step-ups and step-downs", () => {
    expect(byRow(table(sections, "step-ups-downs"))).toEqual({ stepUps: 1, stepDowns: 1, contactsFromSocialCare: 0 });
  });

  it("counts assessments signed off and those within timescale", () => {
    expect(byRow(table(sections, "assessments"))).toEqual({ yes: 4, no: 2 });
  });

  it("counts plans with every action dated", () => {
    expect(byRow(table(sections, "plans-dated"))).toEqual({ yes: 3, no: 1 });
  });

  it("counts reviews held on time against the plan's interval", () => {
    expect(byRow(table(sections, "reviews"))).toEqual({ yes: 2, no: 1 });
  });

  it("counts closures by reason and needs met per headline outcome", () => {
    expect(byRow(table(sections, "closures"))).toEqual({ outcomes_met: 3, stepped_up: 0, family_declined: 1, moved_away: 0, other: 0 });
    const needs = table(sections, "needs-at-closure");
    const row = (need: string) => needs.counts[needs.rows.findIndex((r) => r.key === need)];
    expect(needs.cols.map((c) => c.key)).toEqual(["met", "partly_met", "not_met"]);
    expect(row("education")).toEqual([3, 0, 0]);
    expect(row("health")).toEqual([0, 2, 0]);
    expect(row("housing")).toEqual([0, 0, 1]);
    expect(row("crime")).toEqual([0, 0, 0]);
  });

  it("counts re-referrals within 12 months", () => {
    expect(byRow(table(sections, "re-referrals"))).toEqual({ yes: 2, no: 8 });
  });

  it("counts supervision on time, late and missed", () => {
    expect(byRow(table(sections, "supervision"))).toEqual({ onTime: 1, late: 1, missed: 1 });
  });

  it("publishes the figures suppressed, with no hidden number in the output", async () => {
    const actor = await actorFor(["lead"], "read:report", teamId);
    const published = await buildReport(actor, period, { teamId }, { action: "read", report: "outcomes" });
    const sources = published.flatMap((s) => s.tables).find((t) => t.id === "contacts-by-source")!;
    // MASH 6 is shown, rounded (5 to 8 show as 5); school 3 and health 1 are fewer than 5; the total 10 stays 10.
    expect(sources.table.cells.map((r) => r[0]!.value)).toEqual([5, null, null, 0, 0, 0, 0]);
    expect(sources.table.colTotals[0]!.value).toBe(10);
    expect(sources.table.rounding).toEqual({ base: 5, lowest: 5, lowestUpTo: 8 });
    const assessed = published.flatMap((s) => s.tables).find((t) => t.id === "assessments")!;
    // 4 on time is fewer than 5, so 2 late and the share are hidden too.
    expect(assessed.table.cells.map((r) => r[0]!.value)).toEqual([null, null]);
    expect(assessed.share).toBeNull();
    expect(JSON.stringify(published)).not.toContain('"value":4,');
    const events = await getDb().auditEvent.findMany({ where: { actorId: actor.user.id, entity: "report" } });
    expect(events.map((e) => e.action)).toEqual(["read"]);
  });

  it("gives team-scoped staff their own team only", async () => {
    const practitioner = await actorFor(["practitioner"], "read:report", teamId);
    const own = await resolveReportScope(practitioner, undefined);
    expect(own.scope.teamId).toBe(teamId);
    expect(own.canChooseTeam).toBe(false);
    const other = await createTeam(getDb());
    await expect(resolveReportScope(practitioner, other.id)).rejects.toMatchObject({ status: 403 });
    const lead = await actorFor(["lead"], "read:report", teamId);
    expect((await resolveReportScope(lead, undefined)).scope.teamId).toBeNull();
    expect((await resolveReportScope(lead, other.id)).scope.teamId).toBe(other.id);
    await expect(resolveReportScope(lead, "no-such-team")).rejects.toMatchObject({ status: 400 });
  });
});
