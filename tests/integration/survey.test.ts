import { randomInt } from "node:crypto";
import * as pageRoute from "~/routes/s+/$code.$page";
import * as checkRoute from "~/routes/s+/$code.check";
import * as openRoute from "~/routes/s+/open.$token";
import { addQuestion, createSurveyForYear, openSurvey, closeSurvey } from "~/models/survey/survey.server";
import { findInvitation, markOpened, saveDraft, startFromShared, submitResponse } from "~/models/survey/parent.server";
import { newCode, invitationCounts } from "~/models/survey/invitation.server";
import { OPEN_LINK_LIMIT } from "~/models/survey/rules";
import { CLIENT_IP_HEADER } from "~/utils/request-info.server";
import { actorFor, createTeam, getDb, testInfo } from "./helpers";

const FULL = { listened: "agree", understood: "strongly_agree", right_time: "na", better: "agree" };

/** A year no other test uses (the survey's year is unique). */
function freshYear() {
  return 3000 + randomInt(0, 5_000_000);
}

async function openSurveyFixture() {
  const survey = await createSurveyForYear(null, freshYear(), getDb(), { fromDefault: true });
  return openSurvey(null, survey.id, ["ps", "fa-AF"], getDb());
}

async function invitation(surveyId: string, extra: { familyId?: string } = {}) {
  return getDb().surveyInvitation.create({ data: { surveyId, code: newCode(), service: "course", language: "ps", ...extra } });
}

async function call(fn: (args: never) => Promise<unknown>, url: string, params: Record<string, string>, init: RequestInit = {}): Promise<Response> {
  try {
    return (await fn({ request: new Request(`http://localhost${url}`, init), params, context: {} } as never)) as Response;
  } catch (error) {
    if (error instanceof Response) {
      return error;
    }
    throw error;
  }
}

function post(fields: Array<[string, string]>, headers: Record<string, string> = {}): RequestInit {
  return { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", ...headers } };
}

describe("invitation codes", () => {
  it("go from new to opened to saved to completed, and a completed code cannot be sent again", async () => {
    const survey = await openSurveyFixture();
    const inv = await invitation(survey.id);
    let found = (await findInvitation(inv.code))!;
    expect(found.openedAt).toBeNull();
    await markOpened(found);
    found = (await findInvitation(inv.code))!;
    expect(found.openedAt).not.toBeNull();
    expect(await submitResponse(inv.code, "ps")).toEqual({ status: "incomplete", section: 0 });
    expect(await saveDraft(found, 0, FULL, "ps", Object.keys(FULL))).toBe(true);
    found = (await findInvitation(inv.code))!;
    expect(found.page).toBe(1);
    expect(await submitResponse(inv.code, "ps")).toEqual({ status: "incomplete", section: 1 });
    expect(await saveDraft(found, 1, { recommend: "agree" }, "ps", ["recommend"])).toBe(true);
    expect(await submitResponse(inv.code, "ps")).toEqual({ status: "submitted" });
    expect(await submitResponse(inv.code, "ps")).toEqual({ status: "already" });
    const done = (await findInvitation(inv.code))!;
    expect(done.completedOn).not.toBeNull();
    expect(done.draft).toBeNull();
    expect(await saveDraft(found, 0, FULL, "ps", Object.keys(FULL))).toBe(false);
    expect(await getDb().surveyResponse.count({ where: { surveyId: survey.id } })).toBe(1);
    expect(await invitationCounts(survey.id)).toMatchObject({ invited: 1, opened: 1, completed: 1, responses: 1 });
  });

  it("a closed survey takes no more answers", async () => {
    const survey = await openSurveyFixture();
    const inv = await invitation(survey.id);
    await saveDraft((await findInvitation(inv.code))!, 0, { ...FULL, recommend: "agree" }, "ps", []);
    const lead = await actorFor(["lead"], "manage:survey", null);
    await closeSurvey(lead, survey.id);
    expect(await submitResponse(inv.code, "ps")).toEqual({ status: "closed" });
    expect(await getDb().surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);
  });
});

describe("exactly once", () => {
  it("50 concurrent submits of one code give one response", async () => {
    const survey = await openSurveyFixture();
    const inv = await invitation(survey.id);
    await saveDraft((await findInvitation(inv.code))!, 1, { ...FULL, recommend: "disagree" }, "ps", []);
    const results = await Promise.all(Array.from({ length: 50 }, () => submitResponse(inv.code, "ps")));
    expect(results.filter((r) => r.status === "submitted")).toHaveLength(1);
    expect(results.filter((r) => r.status === "already")).toHaveLength(49);
    expect(await getDb().surveyResponse.count({ where: { surveyId: survey.id } })).toBe(1);
  });

  it("50 concurrent posts of the check page give one response and send everyone to a page that says so", async () => {
    const survey = await openSurveyFixture();
    const inv = await invitation(survey.id);
    await saveDraft((await findInvitation(inv.code))!, 1, { ...FULL, recommend: "agree" }, "ps", []);
    const responses = await Promise.all(Array.from({ length: 50 }, () => call(checkRoute.action, `/s/${inv.code}/check?lng=ps`, { code: inv.code }, post([]))));
    const locations = responses.map((r) => r.headers.get("Location"));
    expect(locations.filter((l) => l === `/s/${inv.code}/done?lng=ps`)).toHaveLength(1);
    expect(locations.filter((l) => l === `/s/${inv.code}?lng=ps`)).toHaveLength(49);
    expect(await getDb().surveyResponse.count({ where: { surveyId: survey.id } })).toBe(1);
  });
});

describe("anonymity", () => {
  it("a response stores only year, service, language and answers: no family, code, address or time", async () => {
    const team = await createTeam(getDb());
    const family = await getDb().family.create({ data: { reference: `SV-${randomInt(1e9)}`, name: "Anon Test", teamId: team.id, preferredLanguage: "ps" } });
    const survey = await openSurveyFixture();
    const inv = await invitation(survey.id, { familyId: family.id });
    await saveDraft((await findInvitation(inv.code))!, 1, { ...FULL, recommend: "agree" }, "ps", []);
    const res = await call(checkRoute.action, `/s/${inv.code}/check?lng=ps`, { code: inv.code }, post([], { [CLIENT_IP_HEADER]: "203.0.113.7", "User-Agent": "TestPhone/1.0" }));
    expect(res.status).toBe(302);
    // Every column the table has (the schema-drift test keeps the model and the table equal).
    const rows = (await getDb().surveyResponse.findMany({ where: { surveyId: survey.id } })) as unknown as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(Object.keys(row).sort()).toEqual(["answers", "id", "invitationId", "language", "service", "surveyId", "year"]);
    expect(row.invitationId).toBeNull();
    expect(row).toMatchObject({ service: "course", language: "ps", year: survey.year });
    const serialised = JSON.stringify(row);
    for (const secret of [inv.code, inv.id, family.id, "203.0.113.7", "TestPhone"]) expect(serialised).not.toContain(secret);
    // The id is a random UUID, not a time-ordered cuid.
    expect(String(row.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The code keeps only the day, not the time, it was completed.
    const after = await getDb().surveyInvitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(after.completedOn!.getUTCHours() + after.completedOn!.getUTCMinutes()).toBe(0);
  });
});

describe("translation completeness", () => {
  it("a survey opens only in languages whose translation is complete", async () => {
    const draft = await createSurveyForYear(null, freshYear(), getDb(), { fromDefault: true });
    await getDb().surveyText.deleteMany({ where: { surveyId: draft.id, language: "ps", key: "question.better" } });
    await expect(openSurvey(null, draft.id, ["ps", "ar"], getDb())).rejects.toMatchObject({ status: 400 });
    expect((await getDb().survey.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");
    const opened = await openSurvey(null, draft.id, ["ar"], getDb());
    expect(opened.languages).toEqual(["en", "ar"]);
  });

  it("a new question makes every other language incomplete until translated, and next year's copy keeps it", async () => {
    const year = freshYear();
    const draft = await createSurveyForYear(null, year, getDb(), { fromDefault: true });
    const lead = await actorFor(["lead"], "manage:survey", null);
    await addQuestion(lead, draft.id, { section: "overall", key: "contact_again", type: "single", required: false, text: "Can we contact you again?", options: [{ key: "yes", text: "Yes" }, { key: "no", text: "No" }] });
    await expect(openSurvey(null, draft.id, ["tr"], getDb())).rejects.toMatchObject({ status: 400 });
    const next = await createSurveyForYear(lead, year + 1, getDb());
    const q = await getDb().surveyQuestion.findUnique({ where: { surveyId_key: { surveyId: next.id, key: "contact_again" } } });
    expect(q?.options).toEqual(["yes", "no"]);
    expect(await getDb().surveyText.count({ where: { surveyId: next.id } })).toBe(await getDb().surveyText.count({ where: { surveyId: draft.id } }));
  });
});

describe("parent pages", () => {
  it("too long text is a 400 that keeps what was typed and saves nothing; bidi overrides are stripped", async () => {
    const survey = await openSurveyFixture();
    const inv = await invitation(survey.id);
    const long = "د".repeat(2001);
    const res = await call(pageRoute.action, `/s/${inv.code}/3?lng=ps`, { code: inv.code, page: "3" }, post([["what_helped", long]]));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Record<string, string>; answers: Record<string, string> };
    expect(body.errors.what_helped).toContain("۲٬۰۰۰");
    expect(body.answers.what_helped).toBe(long);
    expect((await findInvitation(inv.code))!.draft).toBeNull();
    const ok = await call(pageRoute.action, `/s/${inv.code}/3?lng=ps`, { code: inv.code, page: "3" }, post([["what_helped", "ښه \u202Etxet\u202C وه"]]));
    expect(ok.headers.get("Location")).toBe(`/s/${inv.code}/check?lng=ps`);
    expect((await findInvitation(inv.code))!.draft).toEqual({ what_helped: "ښه txet وه" });
  });

  it("a language the survey is not open in redirects to the invitation's language", async () => {
    const survey = await openSurveyFixture();
    const inv = await invitation(survey.id);
    const res = await call(pageRoute.loader, `/s/${inv.code}/1?lng=pl`, { code: inv.code, page: "1" });
    expect(res.headers.get("Location")).toBe(`/s/${inv.code}/1?lng=ps`);
  });

  it("the open link is rate-limited per client", async () => {
    const survey = await openSurveyFixture();
    const ip = `198.51.100.${randomInt(1, 250)}`;
    for (let i = 0; i < OPEN_LINK_LIMIT; i++) {
      await startFromShared(survey, { service: null, language: "en", info: { ...testInfo, ip }, limit: true });
    }
    const res = await call(openRoute.action, `/s/open/${survey.openToken}?lng=en`, { token: survey.openToken }, post([], { [CLIENT_IP_HEADER]: ip }));
    expect(res.status).toBe(429);
    const other = await call(openRoute.action, `/s/open/${survey.openToken}?lng=en`, { token: survey.openToken }, post([], { [CLIENT_IP_HEADER]: "192.0.2.99" }));
    expect(other.status).toBe(302);
    expect(other.headers.get("Location")).toMatch(/^\/s\/[A-Z2-9]{5}-[A-Z2-9]{5}\/1\?lng=en$/);
  });
});
