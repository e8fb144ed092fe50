import * as enrolRoute from "~/routes/courses+/$cohortId_.enrol";
import * as participantRoute from "~/routes/courses+/$cohortId_.participants.$enrolmentId";
import * as sessionRoute from "~/routes/courses+/$cohortId_.sessions.$sessionId";
import { createCohort, getCohortOverview } from "~/models/courses/cohort.server";
import { createProgramme } from "~/models/courses/programme.server";
import { enrol } from "~/models/courses/enrolment.server";
import { CohortSchema, EnrolSchema, ProgrammeSchema } from "~/models/courses/schemas";
import { createUserSession, csrfTokenFor, sessionCookie } from "~/utils/session.server";
import { actorFor, createTeam, getDb } from "./helpers";

type Fn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

async function signIn(userId: string) {
  const setCookie = await createUserSession(new Request("http://localhost/login"), userId);
  const cookie = setCookie.split(";")[0]!;
  return { cookie, csrf: csrfTokenFor((await sessionCookie.parse(cookie)) as string) };
}

async function post(fn: Fn, url: string, params: Record<string, string>, session: { cookie: string; csrf: string }, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...fields, csrf: session.csrf });
  try {
    return (await fn({ request: new Request(`http://localhost${url}`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: session.cookie } }), params, context: {} })) as Response;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

async function cohortWith(lead: Awaited<ReturnType<typeof actorFor>>, capacity = 1) {
  const programme = await createProgramme(
    lead,
    ProgrammeSchema.parse({ name: `Route programme ${Math.random()}`, description: "x", sessionCount: "3", sessionMinutes: "90", completionRule: "percentage", completionValue: "60", measureKeys: ["swemwbs"], languages: ["en"] }),
  );
  const cohort = await createCohort(lead, CohortSchema.parse({ programmeId: programme.id, name: "Route cohort", startDate: "2026-09-01", startTime: "18:00", onlineLink: "https://meet.example/abc", languages: ["en"], capacity: String(capacity) }));
  const parent = await enrol(lead, cohort.id, EnrolSchema.parse({ name: "Parent A", email: "a@example.com", status: "enrolled" }));
  const sessions = (await getCohortOverview(lead, cohort.id)).sessions;
  return { cohort, parent, sessions };
}

describe("course form posts: bad input is a 4xx and changes nothing", () => {
  it("refuses registers for another cohort's session, unknown marks, over-capacity enrolment, out-of-scale and post-without-pre scores", async () => {
    const team = await createTeam(getDb());
    const lead = await actorFor(["lead"], "write:cohort", team.id);
    const session = await signIn(lead.user.id);
    const one = await cohortWith(lead);
    const two = await cohortWith(lead);
    const counts = async () => ({
      attendance: await getDb().attendance.count(),
      measures: await getDb().measureResponse.count(),
      enrolments: await getDb().enrolment.count(),
    });
    const before = await counts();

    // A session of the other cohort under this cohort's URL.
    const wrongSession = await post(sessionRoute.action as Fn, "/x", { cohortId: one.cohort.id, sessionId: two.sessions[0]!.id }, session, { intent: "register", [`attendance.${one.parent.id}`]: "present" });
    expect(wrongSession.status).toBe(404);
    const badMark = await post(sessionRoute.action as Fn, "/x", { cohortId: one.cohort.id, sessionId: one.sessions[0]!.id }, session, { intent: "register", [`attendance.${one.parent.id}`]: "late" });
    expect(badMark.status).toBe(400);
    const otherParent = await post(sessionRoute.action as Fn, "/x", { cohortId: one.cohort.id, sessionId: one.sessions[0]!.id }, session, { intent: "register", [`attendance.${two.parent.id}`]: "present" });
    expect(otherParent.status).toBe(400);

    const full = await post(enrolRoute.action as Fn, "/x", { cohortId: one.cohort.id }, session, { name: "Parent B", phone: "07700 900999", preferredLanguage: "en", status: "enrolled" });
    expect(full.status).toBe(400);
    expect(JSON.stringify(await full.json())).toContain("errors.cohortFull");

    const answers = (v: string[]) => Object.fromEntries(v.map((x, i) => [`answers[${i}]`, x]));
    const outOfScale = await post(participantRoute.action as Fn, "/x", { cohortId: one.cohort.id, enrolmentId: one.parent.id }, session, { intent: "measure", measureKey: "swemwbs", timepoint: "pre", recordedOn: "2026-09-01", ...answers(["3", "3", "3", "3", "3", "3", "9"]) });
    expect(outOfScale.status).toBe(400);
    expect(JSON.stringify(await outOfScale.json())).toContain("errors.scoreOutOfScale");
    const postOnly = await post(participantRoute.action as Fn, "/x", { cohortId: one.cohort.id, enrolmentId: one.parent.id }, session, { intent: "measure", measureKey: "swemwbs", timepoint: "post", recordedOn: "2026-09-01", ...answers(["3", "3", "3", "3", "3", "3", "3"]) });
    expect(postOnly.status).toBe(400);
    expect(JSON.stringify(await postOnly.json())).toContain("errors.postWithoutPre");

    expect(await counts()).toEqual(before);

    // And the good versions go through.
    const ok = await post(sessionRoute.action as Fn, "/x", { cohortId: one.cohort.id, sessionId: one.sessions[0]!.id }, session, { intent: "register", [`attendance.${one.parent.id}`]: "present" });
    expect(ok.status).toBe(302);
    expect(await getDb().attendance.count()).toBe(before.attendance + 1);
  });
});
