import { useTranslation } from "react-i18next";
import type { SummaryError } from "~/components/ui/error-summary";
import { fieldId } from "~/components/ui/fields";

/** What a failed casework action returns: conform's reply (errors and what was typed). */
export type FormReply = { status?: string; error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null } | undefined;

function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const part of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * Errors and typed values of a failed submission, translated in the casework namespace:
 * `errors(name)` for a field, `summary` for the error summary, `value(name, fallback)`.
 */
export function useFormState(reply: FormReply) {
  const { t } = useTranslation(["casework", "common"]);
  const tr = (key: string) => t(key, { ns: ["casework", "common"] });
  const errorMap = reply?.error ?? {};
  const summary: SummaryError[] = Object.entries(errorMap).flatMap(([name, messages]) =>
    (messages ?? []).map((m) => ({ fieldId: name ? fieldId(name) : undefined, message: tr(m) })),
  );
  return {
    summary,
    errors: (name: string) => errorMap[name]?.map(tr),
    value: (name: string, fallback?: string | null): string | undefined => {
      const v = reply?.initialValue ? valueAt(reply.initialValue, name) : undefined;
      if (typeof v === "string") return v;
      return fallback ?? undefined;
    },
    checked: (name: string, fallback = false) => {
      if (!reply?.initialValue) return fallback;
      return valueAt(reply.initialValue, name) === "on";
    },
  };
}

/** YYYY-MM-DD of a date from the loader (an ISO string), for date inputs. */
export function isoDay(value: string | Date | null | undefined): string | undefined {
  if (!value) return undefined;
  return (typeof value === "string" ? value : value.toISOString()).slice(0, 10);
}
