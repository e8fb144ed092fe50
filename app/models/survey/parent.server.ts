/**
 * What every parent page needs: the invitation for the code in the URL, the survey's
 * state, and the language. Parent URLs always carry `?lng=` (the root reads the page
 * language from it); a missing or unavailable one redirects to the invitation's.
 */
import { redirect } from "@remix-run/node";
import { resolveLanguage } from "~/utils/i18n.server";
import { isLanguageCode, type LanguageCode } from "~/utils/languages";
import { findInvitation, getStructure, textsFor, type ParentInvitation } from "./survey.server";
import { CodeSchema, parseAnswers, type Answers, type SectionDef } from "./rules";

export type ParentState =
  | { kind: "unknown"; lng: LanguageCode }
  | { kind: "closed"; lng: LanguageCode }
  | { kind: "already"; lng: LanguageCode; invitation: ParentInvitation; texts: Record<string, string> }
  | {
      kind: "open";
      lng: LanguageCode;
      invitation: ParentInvitation;
      sections: SectionDef[];
      texts: Record<string, string>;
      answers: Answers;
      languages: string[];
    };

/** The URL of a parent page in a language. */
export function parentUrl(code: string, rest: string, lng: string) {
  return `/s/${encodeURIComponent(code)}${rest ? `/${rest}` : ""}?lng=${encodeURIComponent(lng)}`;
}

export async function loadParent(request: Request, rawCode: string | undefined, rest = ""): Promise<ParentState> {
  const parsed = CodeSchema.safeParse(rawCode ?? "");
  const requested = new URL(request.url).searchParams.get("lng");
  const invitation = parsed.success ? await findInvitation(parsed.data) : null;
  if (!invitation) return { kind: "unknown", lng: await resolveLanguage(request) };
  const survey = invitation.survey;
  const available = survey.languages.length ? survey.languages : ["en"];
  const lng = (requested && available.includes(requested) ? requested : null) as LanguageCode | null;
  if (!lng) {
    const fallback = available.includes(invitation.language) ? invitation.language : "en";
    throw redirect(parentUrl(invitation.code, rest, isLanguageCode(fallback) ? fallback : "en"));
  }
  if (parsed.data !== rawCode) throw redirect(parentUrl(invitation.code, rest, lng));
  // A reusable code only has a start page: answers belong to each visitor's own code.
  if (invitation.reusable && rest) throw redirect(parentUrl(invitation.code, "", lng));
  const { sections, texts } = await getStructure(survey);
  const own = textsFor(texts, lng);
  if (invitation.completedOn) return { kind: "already", lng, invitation, texts: own };
  if (survey.status !== "open") return { kind: "closed", lng };
  return { kind: "open", lng, invitation, sections, texts: own, answers: parseAnswers(invitation.draft), languages: available };
}

/** Parent pages hold answers: never cached, never sent as a referrer. */
export const PARENT_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
