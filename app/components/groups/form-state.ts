import { useTranslation } from "react-i18next";
import type { SummaryError } from "~/components/ui/error-summary";
import { fieldId } from "~/components/ui/fields";
import type { FormReply } from "~/components/casework/form-state";

/** Errors and typed values of a failed group form, translated in the `groups` namespace (then `common`). */
export function useGroupFormState(reply: FormReply) {
  const { t } = useTranslation(["groups", "common"]);
  const tr = (key: string) => t(key, { ns: ["groups", "common"] });
  const errorMap = reply?.error ?? {};
  const summary: SummaryError[] = Object.entries(errorMap).flatMap(([name, messages]) =>
    (messages ?? []).map((m) => ({ fieldId: name ? fieldId(name) : undefined, message: tr(m) })),
  );
  const raw = (name: string): unknown => (reply?.initialValue ? (reply.initialValue as Record<string, unknown>)[name] : undefined);
  return {
    summary,
    errors: (name: string) => errorMap[name]?.map(tr),
    value: (name: string, fallback?: string | null): string | undefined => {
      const v = raw(name);
      return typeof v === "string" ? v : (fallback ?? undefined);
    },
    values: (name: string, fallback: string[] = []): string[] => {
      if (!reply?.initialValue) return fallback;
      const v = raw(name);
      return Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : [];
    },
  };
}
