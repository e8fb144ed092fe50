import { errorResponse } from "~/utils/http.server";
import { csrfTokenMatches } from "~/utils/session.server";

/** Largest form body the app accepts. */
export const MAX_FORM_BYTES = 1024 * 1024;
export const CSRF_FIELD = "csrf";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * Reads a form post after the checks every action needs: same-site Origin (403), a form content type (415),
 * at most 1 MB (413), and for signed-in users a CSRF token tied to their session (403).
 * The token field is removed, so zod's strict schemas see only the form's own fields,
 * and NUL characters are removed from every name and value (see withoutNul).
 */
export async function readForm(request: Request, session: { sessionId: string } | null): Promise<FormData> {
  // A browser always sends Origin on a cross-site post: refuse any other site's.
  const origin = request.headers.get("Origin");
  if (origin && origin !== "null" && safeHost(origin) !== new URL(request.url).host) {
    throw errorResponse(403, "errors.csrf");
  }
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) throw errorResponse(415, "errors.unsupportedContentType");
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (!Number.isFinite(length) || length > MAX_FORM_BYTES) throw errorResponse(413, "errors.tooLarge");
  const raw = await request.arrayBuffer().catch(() => null);
  if (!raw) throw errorResponse(400, "errors.badForm");
  if (raw.byteLength > MAX_FORM_BYTES) throw errorResponse(413, "errors.tooLarge");
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { "Content-Type": request.headers.get("Content-Type")! } }).formData();
  } catch {
    throw errorResponse(400, "errors.badForm");
  }
  form = withoutNul(form);
  if (session && !csrfTokenMatches(session.sessionId, form.get(CSRF_FIELD))) {
    throw errorResponse(403, "errors.csrf");
  }
  form.delete(CSRF_FIELD);
  return form;
}

/**
 * PostgreSQL text cannot hold U+0000, and no one types one: a NUL in a post is damage
 * (a page corrupted on its way to the browser, a hostile client), so it is dropped from
 * every field name and value rather than stored or refused with the rest of the answer.
 */
export function withoutNul(form: FormData): FormData {
  if (!containsNul(form)) return form;
  const clean = new FormData();
  for (const [key, value] of form) {
    clean.append(key.replaceAll("\u0000", ""), typeof value === "string" ? value.replaceAll("\u0000", "") : value);
  }
  return clean;
}

/** Whether a NUL appears in any name or value (queries with one are refused: parseQuery). */
export function containsNul(entries: Iterable<[string, FormDataEntryValue | string]>): boolean {
  for (const [key, value] of entries) {
    if (key.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) return true;
  }
  return false;
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
