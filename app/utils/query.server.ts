import type { z } from "zod";
import { containsNul } from "~/utils/forms.server";
import { errorResponse } from "~/utils/http.server";

/** Query parameters every page accepts (language and calendar, read by the root loader). */
export const PAGE_PARAMS: ReadonlySet<string> = new Set(["lng", "cal"]);

/** Validates a loader's query string with zod; bad input is a 400 in the user's language. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = new URL(request.url).searchParams;
  if (containsNul(params)) throw errorResponse(400, "errors.badCharacters");
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (!PAGE_PARAMS.has(key)) raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw errorResponse(400, "errors.badQuery");
  return parsed.data;
}

/** Validates route params; a malformed id is a 404, like a missing record. */
export function parseParams<S extends z.ZodType>(params: Record<string, string | undefined>, schema: S): z.infer<S> {
  if (Object.values(params).some((v) => v?.includes("\u0000"))) throw errorResponse(404, "errors.notFound");
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw errorResponse(404, "errors.notFound");
  return parsed.data;
}
