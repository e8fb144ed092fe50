import { json } from "@remix-run/node";

/** The body of every error response the app throws: a translation key and values. */
export type ErrorPayload = { messageKey: string; values?: Record<string, string | number> };

/** Throw a 4xx response whose message the error page shows in the user's language. */
export function errorResponse(status: number, messageKey: string, values?: ErrorPayload["values"], headers?: HeadersInit): Response {
  return json<ErrorPayload>({ messageKey, values }, { status, headers });
}

/** Throws `errorResponse(status, key)` unless the condition holds. */
export function invariantResponse(condition: unknown, status: number, messageKey: string): asserts condition {
  if (!condition) throw errorResponse(status, messageKey);
}
