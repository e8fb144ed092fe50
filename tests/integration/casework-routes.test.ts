import * as assessmentRoute from "~/routes/families+/$familyId_.contacts.$contactId_.assessment";
import * as closureRoute from "~/routes/families+/$familyId_.contacts.$contactId_.closure";
import * as planRoute from "~/routes/families+/$familyId_.contacts.$contactId_.plan";
import * as reviewRoute from "~/routes/families+/$familyId_.contacts.$contactId_.review";
import * as episodeRoute from "~/routes/families+/$familyId_.contacts.$contactId";
import * as newContactRoute from "~/routes/families+/$familyId_.contacts.new";
import * as chronologyRoute from "~/routes/families+/$familyId_.chronology";
import * as consentsRoute from "~/routes/families+/$familyId_.consents";
import * as membersRoute from "~/routes/families+/$familyId_.members";
import * as notesRoute from "~/routes/families+/$familyId_.notes.new";
import * as resettlementRoute from "~/routes/families+/$familyId_.resettlement";
import * as familyRoute from "~/routes/families+/$familyId";
import * as requestRoute from "~/routes/request-support+/_index";
import * as caseloadTeamRoute from "~/routes/caseload+/team";
import * as triageRoute from "~/routes/_casework+/triage";
import { createContact, recordDecision } from "~/models/casework/episode.server";
import { createFamily } from "~/models/casework/family.server";
import { FamilySchema } from "~/models/casework/schemas";
import { addDays, startOfDay } from "~/models/casework/rules";
import { CLIENT_IP_HEADER } from "~/utils/request-info.server";
import { createUserSession, csrfTokenFor, sessionCookie } from "~/utils/session.server";
import { actorFor, createTeam, getDb } from "./helpers";

type Args = { request: Request; params: Record<string, string>; context: Record<string, unknown> };
type Fn = (args: Args) => Promise<unknown>;

const previousPrefix = process.env.FAMILY_REFERENCE_PREFIX;
beforeAll(() => {
  process.env.FAMILY_REFERENCE_PREFIX = "TCR-";
});
afterAll(() => {
  if (previousPrefix === undefined) delete process.env.FAMILY_REFERENCE_PREFIX;
  else process.env.FAMILY_REFERENCE_PREFIX = previousPrefix;
});

async function signIn(userId: string) {
  const setCookie = await createUserSession(new Request("http://localhost/login"), userId);
  const cookie = setCookie.split(";")[0]!;
  const sessionId = (await sessionCookie.parse(cookie)) as string;
  return { cookie, csrf: csrfTokenFor(sessionId) };
}

async function call(fn: Fn, url: string, params: Record<string, string>, init: RequestInit = {}): Promise<Response> {
  try {
    const result = await fn({ request: new Request(`http://localhost${url}`, init), params, context: {} });
    return result as Response;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

function form(session: { cookie: string; csrf: string } | null, fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  const body = new URLSearchParams(session ? { ...fields, csrf: session.csrf } : fields);
  return { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...(session ? { Cookie: session.cookie } : {}), ...headers } };
}

async function setup() {
  const team = await createTeam(getDb());
  const practitioner = await actorFor(["practitioner"], "write:family", team.id);
  const lead = await actorFor(["lead"], "decide:family", team.id);
  const family = await createFamily(
    practitioner,
    FamilySchema.parse({ name: "Route family", members: [{ kind: "child", firstName: "Ava", lastName: "Route", dateOfBirth: "2019-05-06" }] }),
  );
  const contact = await createContact(practitioner, family.id, { receivedOn: addDays(startOfDay(new Date()), -3), source: "school", reason: "x", assessmentDays: 45, consentStatus: "given" });
  await recordDecision(lead, family.id, contact.id, { stage: "contact", outcome: "accept_for_assessment", rationale: "Accept." });
  return { team, practitioner, lead, family, contact, params: { familyId: family.id, contactId: contact.id } };
}

describe("casework actions", () => {
  it("answers a stale assessment save with 409 and a clear message, changing nothing", async () => {
    const s = await setup();
    const p = await signIn(s.practitioner.user.id);
    const url = `/families/${s.family.id}/contacts/${s.contact.id}/assessment`;
    const first = await call(assessmentRoute.action as Fn, url, s.params, form(p, { version: "1", strengths: "First", intent: "save" }));
    expect(first.status).toBe(302);
    const stale = await call(assessmentRoute.action as Fn, url, s.params, form(p, { version: "1", strengths: "Second", intent: "save" }));
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.result.error[""]).toEqual(["errors.versionConflict"]);
    expect(body.result.initialValue.strengths).toBe("Second");
    expect((await getDb().assessment.findUniqueOrThrow({ where: { contactId: s.contact.id } })).strengths).toBe("First");
  });

  it("refuses a decision without a rationale, a closure before the contact, and an action without a due date (400, nothing changed)", async () => {
    const s = await setup();
    const lead = await signIn(s.lead.user.id);
    const base = `/families/${s.family.id}/contacts/${s.contact.id}`;
    const noRationale = await call(episodeRoute.action as Fn, base, s.params, form(lead, { intent: "decide", stage: "step_up", outcome: "step_up_to_social_care", rationale: " ", pathway: "MASH" }));
    expect(noRationale.status).toBe(400);
    expect((await noRationale.json()).result.error.rationale).toEqual(["errors.rationaleRequired"]);
    const early = await call(closureRoute.action as Fn, `${base}/closure`, s.params, form(lead, { closedOn: "2000-01-01", reason: "other", summary: "x" }));
    expect(early.status).toBe(400);
    expect((await early.json()).result.error[""]).toEqual(["errors.closureBeforeContact"]);
    const badDate = await call(closureRoute.action as Fn, `${base}/closure`, s.params, form(lead, { closedOn: "2026-02-30", reason: "other", summary: "x" }));
    expect(badDate.status).toBe(400);
    await call(planRoute.action as Fn, `${base}/plan`, s.params, form(lead, { intent: "start" }));
    const noDue = await call(planRoute.action as Fn, `${base}/plan`, s.params, form(lead, { intent: "action", version: "1", description: "x", owner: "y", agency: "z" }));
    expect(noDue.status).toBe(400);
    expect((await noDue.json()).result.error.dueOn).toEqual(["errors.dueDateRequired"]);
    const db = getDb();
    expect(await db.decision.count({ where: { contactId: s.contact.id } })).toBe(1);
    expect(await db.closure.count({ where: { contactId: s.contact.id } })).toBe(0);
    expect(await db.planAction.count({ where: { plan: { contactId: s.contact.id } } })).toBe(0);
  });

  it("refuses a child's date of birth in the future", async () => {
    const s = await setup();
    const p = await signIn(s.practitioner.user.id);
    const future = addDays(new Date(), 10).toISOString().slice(0, 10);
    const res = await call(membersRoute.action as Fn, `/families/${s.family.id}/members`, { familyId: s.family.id }, form(p, { kind: "child", firstName: "Zed", lastName: "Route", dateOfBirth: future }));
    expect(res.status).toBe(400);
    expect((await res.json()).result.error.dateOfBirth).toEqual(["errors.dateInFuture"]);
    expect(await getDb().familyMember.count({ where: { familyId: s.family.id, firstName: "Zed" } })).toBe(0);
  });

  it("gives a practitioner of another team 404 on every casework page, and 403 to a practitioner on lead pages", async () => {
    const s = await setup();
    const otherTeam = await createTeam(getDb());
    const outsider = await actorFor(["practitioner"], "write:family", otherTeam.id);
    const o = await signIn(outsider.user.id);
    const f = { familyId: s.family.id };
    const base = `/families/${s.family.id}`;
    const loaders: Array<[Fn, string, Record<string, string>]> = [
      [familyRoute.loader as Fn, base, f],
      [newContactRoute.loader as Fn, `${base}/contacts/new`, f],
      [chronologyRoute.loader as Fn, `${base}/chronology`, f],
      [consentsRoute.loader as Fn, `${base}/consents`, f],
      [membersRoute.loader as Fn, `${base}/members`, f],
      [notesRoute.loader as Fn, `${base}/notes/new`, f],
      [resettlementRoute.loader as Fn, `${base}/resettlement`, f],
      [episodeRoute.loader as Fn, `${base}/contacts/${s.contact.id}`, s.params],
      [assessmentRoute.loader as Fn, `${base}/contacts/${s.contact.id}/assessment`, s.params],
      [planRoute.loader as Fn, `${base}/contacts/${s.contact.id}/plan`, s.params],
      [reviewRoute.loader as Fn, `${base}/contacts/${s.contact.id}/review`, s.params],
    ];
    for (const [loader, url, params] of loaders) {
      const res = await call(loader, url, params, { headers: { Cookie: o.cookie } });
      expect(res.status, url).toBe(404);
    }
    const actions: Array<[Fn, string, Record<string, string>, Record<string, string>]> = [
      [newContactRoute.action as Fn, `${base}/contacts/new`, f, { receivedOn: "2026-01-05", source: "MASH", reason: "x", consentStatus: "given" }],
      [notesRoute.action as Fn, `${base}/notes/new`, f, { occurredOn: "2026-01-05", type: "home", purpose: "x", whatHappened: "y" }],
      [assessmentRoute.action as Fn, `${base}/contacts/${s.contact.id}/assessment`, s.params, { version: "1", intent: "save" }],
    ];
    for (const [action, url, params, fields] of actions) {
      const res = await call(action, url, params, form(o, fields));
      expect(res.status, url).toBe(404);
    }
    expect(await getDb().caseNote.count({ where: { familyId: s.family.id } })).toBe(0);
    const p = await signIn(s.practitioner.user.id);
    for (const [loader, url] of [[caseloadTeamRoute.loader, "/caseload/team"], [triageRoute.loader, "/triage"], [closureRoute.loader, `${base}/contacts/${s.contact.id}/closure`]] as const) {
      expect((await call(loader as Fn, url, s.params, { headers: { Cookie: p.cookie } })).status, url).toBe(403);
    }
    const unknown = await call(episodeRoute.loader as Fn, `${base}/contacts/nosuchcontact`, { familyId: s.family.id, contactId: "nosuchcontact" }, { headers: { Cookie: p.cookie } });
    expect(unknown.status).toBe(404);
  });

  it("checks the family's scope once per page and records a read of it wherever a page shows it", async () => {
    const s = await setup();
    const p = await signIn(s.practitioner.user.id);
    const f = { familyId: s.family.id };
    const base = `/families/${s.family.id}`;
    const db = getDb();
    const scopedLookups = vi.spyOn(db.family, "findFirst");
    try {
      const pages: Array<[Fn, string, Record<string, string>]> = [
        [familyRoute.loader as Fn, base, f],
        [newContactRoute.loader as Fn, `${base}/contacts/new`, f],
        [notesRoute.loader as Fn, `${base}/notes/new`, f],
      ];
      for (const [loader, url, params] of pages) {
        scopedLookups.mockClear();
        const before = await db.auditEvent.count({ where: { familyId: s.family.id, action: "read", entity: "family", actorId: s.practitioner.user.id } });
        const res = await call(loader, url, params, { headers: { Cookie: p.cookie } });
        expect(res.status, url).toBe(200);
        expect(scopedLookups.mock.calls.length, url).toBe(1);
        const after = await db.auditEvent.count({ where: { familyId: s.family.id, action: "read", entity: "family", actorId: s.practitioner.user.id } });
        expect(after - before, url).toBe(1);
      }
    } finally {
      scopedLookups.mockRestore();
    }
  });
});

describe("online request for support", () => {
  const fields = {
    referrerName: "Jo Teacher",
    referrerAgency: "Prior Weston Primary",
    referrerEmail: "jo@school.example",
    familyName: "Walker",
    concern: "Often hungry in class.",
    familyConsents: "yes",
  };
  const from = (ip: string) => ({ [CLIENT_IP_HEADER]: ip });

  it("stores a request and shows the referrer only a reference", async () => {
    const ip = `10.1.${Math.floor(Math.random() * 250)}.1`;
    const res = await call(requestRoute.action as Fn, "/request-support", {}, form(null, { ...fields, familyName: "Ref-only" }, from(ip)));
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    expect(location).toMatch(/^\/request-support\/sent\?ref=RFS-[A-Z0-9]{8}$/);
    const ref = decodeURIComponent(location.split("ref=")[1]!);
    const stored = await getDb().supportRequest.findUniqueOrThrow({ where: { reference: ref } });
    expect(stored.familyName).toBe("Ref-only");
    expect(stored.clientKey).not.toContain(ip);
  });

  it("refuses scripted and oversized input, drops honeypot submissions, and rate-limits per client", async () => {
    const ip = `10.2.${Math.floor(Math.random() * 250)}.2`;
    const before = await getDb().supportRequest.count();
    const scripted = await call(requestRoute.action as Fn, "/request-support", {}, form(null, { ...fields, concern: '<img src=x onerror="alert(1)">' }, from(ip)));
    expect(scripted.status).toBe(400);
    expect((await scripted.json()).result.error.concern).toEqual(["errors.scripted"]);
    const long = await call(requestRoute.action as Fn, "/request-support", {}, form(null, { ...fields, concern: "x".repeat(6000) }, from(ip)));
    expect(long.status).toBe(400);
    const huge = await call(requestRoute.action as Fn, "/request-support", {}, { ...form(null, fields, { ...from(ip), "Content-Length": "40000" }) });
    expect(huge.status).toBe(413);
    const bot = await call(requestRoute.action as Fn, "/request-support", {}, form(null, { ...fields, website: "http://spam.example" }, from(ip)));
    expect(bot.status).toBe(302);
    expect(await getDb().supportRequest.count()).toBe(before);
    for (let i = 0; i < 5; i++) {
      expect((await call(requestRoute.action as Fn, "/request-support", {}, form(null, fields, from(ip)))).status).toBe(302);
    }
    const limited = await call(requestRoute.action as Fn, "/request-support", {}, form(null, fields, from(ip)));
    expect(limited.status).toBe(429);
    expect((await limited.json()).result.error[""]).toEqual(["errors.rateLimited"]);
    expect(await getDb().supportRequest.count()).toBe(before + 5);
  });

  it("lets a lead decline a request only with a reason, and accept one into a new family and contact", async () => {
    const s = await setup();
    const lead = await signIn(s.lead.user.id);
    const submit = async (familyName: string) => {
      const res = await call(requestRoute.action as Fn, "/request-support", {}, form(null, { ...fields, familyName }, from(`10.3.${Math.floor(Math.random() * 250)}.3`)));
      const ref = decodeURIComponent(res.headers.get("Location")!.split("ref=")[1]!);
      return getDb().supportRequest.findUniqueOrThrow({ where: { reference: ref } });
    };
    const declined = await submit("Declined family");
    const noReason = await call(triageRoute.action as Fn, "/triage", {}, form(lead, { id: declined.id, intent: "reject", declineReason: "   " }));
    expect(noReason.status).toBe(400);
    expect((await getDb().supportRequest.findUniqueOrThrow({ where: { id: declined.id } })).status).toBe("new");
    const rejected = await call(triageRoute.action as Fn, "/triage", {}, form(lead, { id: declined.id, intent: "reject", declineReason: "Already open to social care." }));
    expect(rejected.status).toBe(302);
    expect(await getDb().supportRequest.findUniqueOrThrow({ where: { id: declined.id } })).toMatchObject({ status: "rejected", declineReason: "Already open to social care.", triagedById: s.lead.user.id });
    // Triaged once: a second decision on the same request is a conflict, not a second family.
    expect((await call(triageRoute.action as Fn, "/triage", {}, form(lead, { id: declined.id, intent: "accept" }))).status).toBe(409);

    const accepted = await submit("Accepted family");
    const res = await call(triageRoute.action as Fn, "/triage", {}, form(lead, { id: accepted.id, intent: "accept" }));
    expect(res.status).toBe(302);
    const after = await getDb().supportRequest.findUniqueOrThrow({ where: { id: accepted.id }, include: { contact: { include: { family: true } } } });
    expect(after.status).toBe("accepted");
    expect(after.contact?.family.name).toBe("Accepted family");
    expect(res.headers.get("Location")).toBe(`/families/${after.contact!.familyId}/contacts/${after.contact!.id}`);
  });
});
