import { createFamily } from "~/models/casework/family.server";
import { FamilySchema } from "~/models/casework/schemas";
import { completeCohort, createCohort, getCohortOverview, listCohorts, updateCohort } from "~/models/courses/cohort.server";
import { createProgramme, updateProgramme } from "~/models/courses/programme.server";
import { enrol, getCertificate, listCompletedParticipants, offerNextPlace, setEnrolmentStatus } from "~/models/courses/enrolment.server";
import { recordMeasure } from "~/models/courses/measure.server";
import { saveRegister, updateSession } from "~/models/courses/session.server";
import { CohortEditSchema, CohortSchema, EnrolSchema, MeasureSchema, ProgrammeEditSchema, ProgrammeSchema, RegisterSchema } from "~/models/courses/schemas";
import type { Actor } from "~/utils/auth.server";
import { actorFor, createTeam, createUser, getDb } from "./helpers";

const previousPrefix = process.env.FAMILY_REFERENCE_PREFIX;
beforeAll(() => {
  process.env.FAMILY_REFERENCE_PREFIX = "TCO-";
});
afterAll(() => {
  if (previousPrefix === undefined) delete process.env.FAMILY_REFERENCE_PREFIX;
  else process.env.FAMILY_REFERENCE_PREFIX = previousPrefix;
});

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

async function messageOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof Response) return ((await error.json()) as { messageKey: string }).messageKey;
    throw error;
  }
}

const uid = () => Math.random().toString(36).slice(2, 8);

async function setup(o: { capacity?: number; sessionCount?: number; completionValue?: number } = {}) {
  const team = await createTeam(getDb());
  const lead = await actorFor(["lead"], "write:cohort", team.id);
  const practitioner = await actorFor(["practitioner"], "write:cohort", team.id);
  const facilitatorUser = await createUser(getDb(), { roles: ["facilitator"] });
  const facilitator: Actor = { ...(await actorFor(["facilitator"], "write:cohort", null)), user: { ...lead.user, id: facilitatorUser.id, email: facilitatorUser.email, roles: ["facilitator"], teamId: null } };
  const programme = await createProgramme(
    lead,
    ProgrammeSchema.parse({
      name: `Programme ${uid()}`,
      description: "Test programme",
      sessionCount: String(o.sessionCount ?? 4),
      sessionMinutes: "120",
      completionRule: "min_sessions",
      completionValue: String(o.completionValue ?? 3),
      measureKeys: ["swemwbs", "parenting_confidence"],
      languages: ["en", "fa-AF"],
    }),
  );
  const cohort = await createCohort(
    lead,
    CohortSchema.parse({
      programmeId: programme.id,
      name: `Cohort ${uid()}`,
      startDate: "2026-09-01",
      startTime: "10:00",
      venue: "Golden Lane",
      languages: ["en"],
      capacity: String(o.capacity ?? 10),
      facilitatorIds: [facilitatorUser.id],
    }),
  );
  return { team, lead, practitioner, facilitator, programme, cohort };
}

const selfReferral = (name: string, status: "enrolled" | "waiting" | "offered" | "referred" = "enrolled", language = "en") =>
  EnrolSchema.parse({ name, phone: "07700 900000", preferredLanguage: language, status });

describe("cohorts and sessions", () => {
  it("generates the weekly session schedule from the start date", async () => {
    const { lead, cohort } = await setup({ sessionCount: 13, completionValue: 10 });
    const o = await getCohortOverview(lead, cohort.id);
    expect(o.sessions.map((s) => new Date(s.date).toISOString().slice(0, 10))).toEqual(
      Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2026, 8, 1 + 7 * i)).toISOString().slice(0, 10)),
    );
  });

  it("refuses a cohort on a programme that does not exist, and from a practitioner", async () => {
    const { lead, practitioner, programme } = await setup();
    const input = CohortSchema.parse({ programmeId: programme.id, name: "X", startDate: "2026-09-01", startTime: "10:00", venue: "Hall", languages: ["en"], capacity: "5" });
    expect(await statusOf(createCohort(lead, { ...input, programmeId: "zzzzzzzzzzzzzzzzzzzz" }))).toBe(400);
    expect(await statusOf(createCohort(practitioner, input))).toBe(403);
  });
});

describe("changing a programme", () => {
  const edit = (fields: Record<string, unknown>) =>
    ProgrammeEditSchema.parse({ version: "1", name: `Renamed ${uid()}`, description: "New words", sessionMinutes: "90", languages: ["en", "ps"], ...fields });

  it("changes everything of a programme no cohort uses yet, with a version check", async () => {
    const { lead } = await setup();
    const fresh = await createProgramme(lead, ProgrammeSchema.parse({ name: `Fresh ${uid()}`, description: "D", sessionCount: "8", sessionMinutes: "120", completionRule: "min_sessions", completionValue: "6", measureKeys: ["swemwbs"], languages: ["en"] }));
    const input = edit({ sessionCount: "10", completionRule: "percentage", completionValue: "75", measureKeys: ["parenting_confidence"] });
    await updateProgramme(lead, fresh.id, input);
    expect(await getDb().programme.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ name: input.name, sessionCount: 10, sessionMinutes: 90, completionRule: "percentage", completionValue: 75, measureKeys: ["parenting_confidence"], languages: ["en", "ps"], version: 2 });
    // A second editor still holding version 1 is refused, and changes nothing.
    expect(await statusOf(updateProgramme(lead, fresh.id, edit({ sessionCount: "3", completionRule: "min_sessions", completionValue: "2" })))).toBe(409);
    expect((await getDb().programme.findUniqueOrThrow({ where: { id: fresh.id } })).sessionCount).toBe(10);
    // Unused, the rules are required.
    expect(await messageOf(updateProgramme(lead, fresh.id, edit({ version: "2" })))).toBe("errors.required");
  });

  it("keeps the sessions, completion rule and measures of a programme cohorts already use", async () => {
    const { lead, programme } = await setup();
    expect(await messageOf(updateProgramme(lead, programme.id, edit({ completionValue: "1" })))).toBe("errors.programmeInUse");
    expect(await messageOf(updateProgramme(lead, programme.id, edit({ sessionCount: "20" })))).toBe("errors.programmeInUse");
    const input = edit({ measureKeys: [] });
    await updateProgramme(lead, programme.id, input);
    expect(await getDb().programme.findUniqueOrThrow({ where: { id: programme.id } })).toMatchObject({ name: input.name, sessionCount: 4, completionValue: 3, measureKeys: ["swemwbs", "parenting_confidence"], sessionMinutes: 90 });
  });

  it("refuses another programme's name and an unknown programme", async () => {
    const { lead, programme } = await setup();
    const { programme: other } = await setup();
    expect(await messageOf(updateProgramme(lead, programme.id, edit({ name: other.name.toUpperCase() })))).toBe("errors.programmeExists");
    expect(await statusOf(updateProgramme(lead, "zzzzzzzzzzzzzzzzzzzz", edit({})))).toBe(404);
  });
});

describe("capacity and the waiting list", () => {
  it("refuses a place beyond capacity, keeps an ordered waiting list and offers places in order", async () => {
    const { lead, cohort } = await setup({ capacity: 2 });
    const a = await enrol(lead, cohort.id, selfReferral("Parent A"));
    await enrol(lead, cohort.id, selfReferral("Parent B", "offered"));
    expect(await messageOf(enrol(lead, cohort.id, selfReferral("Parent C")))).toBe("errors.cohortFull");
    expect(await getDb().enrolment.count({ where: { cohortId: cohort.id } })).toBe(2);

    const c = await enrol(lead, cohort.id, selfReferral("Parent C", "waiting"));
    const d = await enrol(lead, cohort.id, selfReferral("Parent D", "waiting"));
    expect(await messageOf(offerNextPlace(lead, cohort.id))).toBe("errors.cohortFull");
    expect(await messageOf(setEnrolmentStatus(lead, cohort.id, d.id, "enrolled"))).toBe("errors.cohortFull");
    expect((await getDb().enrolment.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("waiting");

    await setEnrolmentStatus(lead, cohort.id, a.id, "withdrawn", "Moved away");
    const offered = await offerNextPlace(lead, cohort.id);
    expect(offered.id).toBe(c.id);
    const overview = await getCohortOverview(lead, cohort.id);
    expect(overview.waitingList.map((w) => w.name)).toEqual(["Parent D"]);
    expect(overview.placesTaken).toBe(2);
    expect(overview.participants.find((p) => p.id === a.id)?.withdrawnReason).toBe("Moved away");
  });
});

describe("registers", () => {
  it("saves one register per session and counts attendance", async () => {
    const { facilitator, lead, cohort } = await setup();
    const a = await enrol(lead, cohort.id, selfReferral("Parent A"));
    const b = await enrol(lead, cohort.id, selfReferral("Parent B"));
    const [s1] = (await getCohortOverview(lead, cohort.id)).sessions;
    await saveRegister(facilitator, cohort.id, s1!.id, RegisterSchema.parse({ intent: "register", attendance: { [a.id]: "present", [b.id]: "apologies" } }));
    // Taking it again corrects it rather than adding rows.
    await saveRegister(facilitator, cohort.id, s1!.id, RegisterSchema.parse({ intent: "register", attendance: { [a.id]: "present", [b.id]: "present" } }));
    const o = await getCohortOverview(lead, cohort.id);
    expect(o.sessions[0]).toMatchObject({ present: 2, marked: 2 });
    expect(o.cohort.status).toBe("running");
  });

  it("refuses a session of another cohort, a parent of another cohort and a cancelled session, changing nothing", async () => {
    const one = await setup();
    const other = await setup();
    const a = await enrol(one.lead, one.cohort.id, selfReferral("Parent A"));
    const stranger = await enrol(other.lead, other.cohort.id, selfReferral("Parent Z"));
    const mine = (await getCohortOverview(one.lead, one.cohort.id)).sessions;
    const theirs = (await getCohortOverview(other.lead, other.cohort.id)).sessions;
    const before = await getDb().attendance.count();
    expect(await statusOf(saveRegister(one.lead, one.cohort.id, theirs[0]!.id, RegisterSchema.parse({ intent: "register", attendance: { [a.id]: "present" } })))).toBe(404);
    expect(
      await messageOf(saveRegister(one.lead, one.cohort.id, mine[0]!.id, RegisterSchema.parse({ intent: "register", attendance: { [a.id]: "present", [stranger.id]: "present" } }))),
    ).toBe("errors.registerNotParticipant");
    await updateSession(one.lead, one.cohort.id, mine[1]!.id, { intent: "session", date: new Date(mine[1]!.date), startTime: "10:00", cancelled: true });
    expect(await messageOf(saveRegister(one.lead, one.cohort.id, mine[1]!.id, RegisterSchema.parse({ intent: "register", attendance: { [a.id]: "present" } })))).toBe("errors.sessionCancelled");
    expect(await getDb().attendance.count()).toBe(before);
    // Bad marks never reach the model: the schema refuses them.
    expect(RegisterSchema.safeParse({ intent: "register", attendance: { [a.id]: "late" } }).success).toBe(false);
  });
});

describe("pre/post measures", () => {
  it("scores with the conversion table, refuses out-of-scale scores and a post without a pre", async () => {
    const { lead, facilitator, cohort } = await setup();
    const a = await enrol(lead, cohort.id, selfReferral("Parent A"));
    const measure = (timepoint: "pre" | "post", answers: string[], measureKey = "swemwbs") =>
      MeasureSchema.parse({ intent: "measure", measureKey, timepoint, recordedOn: "2026-09-01", answers });
    const before = await getDb().measureResponse.count();
    expect(await messageOf(recordMeasure(facilitator, cohort.id, a.id, measure("post", ["3", "3", "3", "3", "3", "3", "3"])))).toBe("errors.postWithoutPre");
    expect(await messageOf(recordMeasure(facilitator, cohort.id, a.id, measure("pre", ["3", "3", "3", "3", "3", "3", "6"])))).toBe("errors.scoreOutOfScale");
    expect(await messageOf(recordMeasure(facilitator, cohort.id, a.id, measure("pre", ["3", "3", "3"])))).toBe("errors.measureIncomplete");
    expect(await messageOf(recordMeasure(facilitator, cohort.id, a.id, measure("pre", ["3", "3", "3", "3", "3", "3", "3"], "wemwbs_full")))).toBe("errors.measureUnknown");
    expect(await getDb().measureResponse.count()).toBe(before);

    const pre = await recordMeasure(facilitator, cohort.id, a.id, measure("pre", ["3", "3", "3", "3", "3", "3", "3"]));
    expect(pre).toMatchObject({ rawScore: 21, score: 19.25 });
    const post = await recordMeasure(facilitator, cohort.id, a.id, measure("post", ["4", "4", "3", "4", "3", "3", "4"]));
    expect(post).toMatchObject({ rawScore: 25, score: 22.35 });
    const o = await getCohortOverview(lead, cohort.id);
    const change = o.change.find((c) => c.key === "swemwbs")!;
    expect(change).toMatchObject({ basedOn: 1, improved: 1, meanChange: 3.1 });
    // Still lacks the confidence scale's post measure.
    expect(o.lackingPost.map((p) => p.name)).toEqual(["Parent A"]);
  });
});

describe("completion and the graduates list", () => {
  it("completes parents who meet the rule, lists them for other areas, and hides case links from facilitators", async () => {
    const { lead, practitioner, facilitator, cohort } = await setup({ sessionCount: 4, completionValue: 3 });
    const family = await createFamily(
      practitioner,
      FamilySchema.parse({ name: `Ahmadi ${uid()}`, preferredLanguage: "fa-AF", members: [{ kind: "adult", firstName: "Farzana", lastName: "Ahmadi", preferredLanguage: "fa-AF", phone: "07700 900123" }] }),
    );
    const member = (await getDb().familyMember.findFirstOrThrow({ where: { familyId: family.id } })).id;
    const linked = await enrol(practitioner, cohort.id, EnrolSchema.parse({ familyId: family.id, familyMemberId: member, status: "enrolled" }));
    expect(linked).toMatchObject({ name: "Farzana Ahmadi", preferredLanguage: "fa-AF", familyId: family.id });
    const low = await enrol(lead, cohort.id, selfReferral("Kelly Rowe"));
    const sessions = (await getCohortOverview(lead, cohort.id)).sessions;
    for (const [i, s] of sessions.entries()) {
      await saveRegister(facilitator, cohort.id, s.id, RegisterSchema.parse({ intent: "register", attendance: { [linked.id]: "present", [low.id]: i < 2 ? "present" : "absent" } }));
    }
    // The facilitator sees the parents but never a family id.
    const seen = await getCohortOverview(facilitator, cohort.id);
    expect(seen.participants.every((p) => p.familyId === null)).toBe(true);
    expect(await statusOf(completeCohort(facilitator, cohort.id))).toBe(403);

    await completeCohort(lead, cohort.id);
    const o = await getCohortOverview(practitioner, cohort.id);
    expect(o.participants.find((p) => p.id === linked.id)).toMatchObject({ status: "completed", attended: 4, familyId: family.id });
    expect(o.participants.find((p) => p.id === low.id)).toMatchObject({ status: "enrolled", attended: 2 });
    expect(o.completion).toMatchObject({ completed: 1, active: 2, rate: 0.5 });

    expect(await listCompletedParticipants(practitioner, cohort.id)).toEqual([
      { enrolmentId: linked.id, name: "Farzana Ahmadi", familyId: family.id, familyMemberId: member, phone: "07700 900123", email: null, preferredLanguage: "fa-AF" },
    ]);
    expect((await listCompletedParticipants(facilitator, cohort.id))[0]).toMatchObject({ familyId: null, familyMemberId: null, preferredLanguage: "fa-AF" });
    expect((await getCertificate(lead, cohort.id, linked.id)).language).toBe("fa-AF");
    expect(await statusOf(getCertificate(lead, cohort.id, low.id))).toBe(404);
    // Closed: no more enrolments.
    expect(await messageOf(enrol(lead, cohort.id, selfReferral("Late")))).toBe("errors.cohortClosed");
  });
});

describe("who sees which cohort", () => {
  it("limits facilitators to their own cohorts and practitioners to their team's, and another team's family cannot be enrolled", async () => {
    const one = await setup();
    const other = await setup();
    expect(await statusOf(getCohortOverview(other.facilitator, one.cohort.id))).toBe(404);
    expect(await statusOf(getCohortOverview(other.practitioner, one.cohort.id))).toBe(404);
    expect((await listCohorts(one.facilitator)).map((c) => c.id)).toEqual([one.cohort.id]);
    const theirFamily = await createFamily(other.practitioner, FamilySchema.parse({ name: `Other ${uid()}`, members: [{ kind: "adult", firstName: "Sam", lastName: "Other" }] }));
    const theirMember = (await getDb().familyMember.findFirstOrThrow({ where: { familyId: theirFamily.id } })).id;
    expect(await statusOf(enrol(one.practitioner, one.cohort.id, EnrolSchema.parse({ familyId: theirFamily.id, familyMemberId: theirMember, status: "enrolled" })))).toBe(404);
    expect(await statusOf(enrol(one.facilitator, one.cohort.id, EnrolSchema.parse({ familyId: theirFamily.id, familyMemberId: theirMember, status: "enrolled" })))).toBe(403);
    expect(await getDb().enrolment.count({ where: { cohortId: one.cohort.id } })).toBe(0);
  });
});

describe("changing a cohort", () => {
  it("refuses capacity below the places taken, and changing facilitators changes who sees it", async () => {
    const { lead, facilitator, cohort } = await setup({ capacity: 3 });
    await enrol(lead, cohort.id, selfReferral("Parent A"));
    await enrol(lead, cohort.id, selfReferral("Parent B"));
    const edit = (capacity: string, facilitatorIds: string[]) =>
      CohortEditSchema.parse({ name: "Renamed", venue: "Hall", languages: ["en", "ps"], capacity, facilitatorIds, status: "running" });
    expect(await messageOf(updateCohort(lead, cohort.id, edit("1", [facilitator.user.id])))).toBe("errors.capacityBelowTaken");
    expect((await getDb().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).capacity).toBe(3);
    expect(await statusOf(updateCohort(facilitator, cohort.id, edit("2", [])))).toBe(403);
    await updateCohort(lead, cohort.id, edit("2", []));
    expect(await getDb().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).toMatchObject({ name: "Renamed", capacity: 2, status: "running", languages: ["en", "ps"] });
    expect(await statusOf(getCohortOverview(facilitator, cohort.id))).toBe(404);
  });
});
