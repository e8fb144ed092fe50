import { json } from "@remix-run/node";

/**
 * Runs a survey change for a staff action: a 400 the model throws (a rule such as an
 * incomplete translation) comes back to the page as a message, with nothing changed.
 */
export async function surveyChange(change: () => Promise<unknown>, onSuccess: () => Response): Promise<Response> {
  try {
    await change();
    return onSuccess();
  } catch (error) {
    if (error instanceof Response && error.status === 400) {
      const body = (await error.clone().json().catch(() => ({}))) as { messageKey?: string; values?: Record<string, string> };
      return json({ error: { key: body.messageKey ?? "errors.badForm", values: body.values ?? {} } }, { status: 400 });
    }
    throw error;
  }
}
