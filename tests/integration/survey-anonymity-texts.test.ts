import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import * as privacyRoute from "~/routes/_public+/privacy";
import * as startRoute from "~/routes/s+/$code._index";
import * as openRoute from "~/routes/s+/open.$token";
import * as csvRoute from "~/routes/surveys+/$surveyId_.invitations[.]csv";
import * as lettersRoute from "~/routes/surveys+/$surveyId_.letters";
import { createSurveyForYear, openSurvey } from "~/models/survey/survey.server";
import { newCode } from "~/models/survey/invitation.server";
import { LANGUAGE_CODES } from "~/utils/languages";
import { createUserSession } from "~/utils/session.server";
import { createTeam, createUser, getDb } from "./helpers";

/**
 * What parents are told about anonymity, on every channel (start page, open link, letter,
 * text message, privacy notice), for an anonymous survey and one that is not, in all ten
 * languages: each says what the survey's setting is, and none says the opposite.
 */
type Strings = { anonymity: { anonymous: string; notAnonymous: string }; privacy: { anonymous: string; notAnonymous: string } };
const STRINGS = Object.fromEntries(LANGUAGE_CODES.map((l) => [l, JSON.parse(readFileSync(`locales/${l}/survey.json`, "utf8")) as Strings]));

async function call(fn: (args: never) => Promise<unknown>, url: string, params: Record<string, string>, cookie = ""): Promise<Response> {
  try {
    return (await fn({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params, context: {} } as never)) as Response;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

async function setUp(anonymous: boolean) {
  const db = getDb();
  const team = await createTeam(db);
  const lead = await createUser(db, { roles: ["lead"], teamId: team.id });
  const cookie = (await createUserSession(new Request("http://localhost/login"), lead.id)).split(";")[0]!;
  const created = await createSurveyForYear(null, 3000 + randomInt(0, 5_000_000), db, { fromDefault: true });
  await db.survey.update({ where: { id: created.id }, data: { anonymous } });
  const survey = await openSurvey(null, created.id, [...LANGUAGE_CODES], db);
  const codes: Record<string, string> = {};
  for (const language of LANGUAGE_CODES) {
    const family = await db.family.create({
      data: { reference: `T-${randomUUID().slice(0, 12)}`, name: "Test family", teamId: team.id, preferredLanguage: language, members: { create: [{ kind: "adult", firstName: "Amina", lastName: "Test", phone: "07700 900123" }] } },
    });
    const inv = await db.surveyInvitation.create({ data: { surveyId: survey.id, code: newCode(), service: "casework", language, familyId: family.id } });
    codes[language] = inv.code;
  }
  return { survey, codes, cookie };
}

for (const anonymous of [true, false]) {
  describe(`a survey that is ${anonymous ? "" : "not "}anonymous`, () => {
    const said = (l: string) => (anonymous ? STRINGS[l]!.anonymity.anonymous : STRINGS[l]!.anonymity.notAnonymous);
    const opposite = (l: string) => (anonymous ? STRINGS[l]!.anonymity.notAnonymous : STRINGS[l]!.anonymity.anonymous);

    it("says so on every channel in every language, and nowhere the opposite", async () => {
      const { survey, codes, cookie } = await setUp(anonymous);
      const letters = (await (await call(lettersRoute.loader, `/surveys/${survey.id}/letters`, { surveyId: survey.id }, cookie)).json()) as {
        letters: Array<{ lng: string; text: { anonymous: string } }>;
      };
      const csv = await (await call(csvRoute.loader, `/surveys/${survey.id}/invitations.csv`, { surveyId: survey.id }, cookie)).text();
      for (const lng of LANGUAGE_CODES) {
        const start = (await (await call(startRoute.loader, `/s/${codes[lng]}?lng=${lng}`, { code: codes[lng]! })).json()) as { intro: string; anonymity: string; anonymous: boolean };
        expect(start.anonymity, `start page, ${lng}`).toBe(said(lng));
        expect(start.anonymous).toBe(anonymous);
        expect(start.intro, `introduction, ${lng}`).not.toContain(STRINGS[lng]!.anonymity.anonymous);

        const open = (await (await call(openRoute.loader, `/s/open/${survey.openToken}?lng=${lng}`, { token: survey.openToken })).json()) as { intro: string; anonymity: string };
        expect(open.anonymity, `open link, ${lng}`).toBe(said(lng));
        expect(open.intro).not.toContain(STRINGS[lng]!.anonymity.anonymous);

        const letter = letters.letters.find((l) => l.lng === lng)!;
        expect(letter.text.anonymous, `letter, ${lng}`).toBe(said(lng));

        const row = csv.split("\r\n").find((r) => r.includes(codes[lng]!))!;
        expect(row, `text message, ${lng}`).toContain(said(lng));
        expect(row).not.toContain(opposite(lng));

        const privacy = (await (await call(privacyRoute.loader, `/privacy?survey=${survey.id}&lng=${lng}`, {}, `lng=${lng}`)).json()) as { survey: string };
        expect(privacy.survey, `privacy notice, ${lng}`).toBe(anonymous ? STRINGS[lng]!.privacy.anonymous : STRINGS[lng]!.privacy.notAnonymous);
      }
      // The text message has no square code to scan.
      expect(csv).not.toMatch(/square code|QR/i);
    });
  });
}
