import { json } from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import { isUniqueViolation } from "~/utils/db-errors.server";

/**
 * Runs a model change for an action. A 400 or 409 the model throws (a business rule, a
 * version conflict) comes back on the form with what the user typed, with its status;
 * 403 and 404 go on to the error page.
 */
export async function attempt<T>(submission: Submission<unknown>, change: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await change() };
  } catch (error) {
    if (error instanceof Response && (error.status === 400 || error.status === 409 || error.status === 429)) {
      const body = (await error.clone().json().catch(() => ({}))) as { messageKey?: string };
      return { ok: false, response: json({ result: submission.reply({ formErrors: [body.messageKey ?? "errors.problem"] }) }, { status: error.status }) };
    }
    // A unique constraint lost to a concurrent save: a conflict to report, not a crash.
    if (isUniqueViolation(error)) {
      return { ok: false, response: json({ result: submission.reply({ formErrors: ["errors.duplicate"] }) }, { status: 409 }) };
    }
    throw error;
  }
}

/** A failed validation: 400 with conform's reply. */
export function invalid(submission: Submission<unknown>) {
  return json({ result: submission.reply() }, { status: 400 });
}
