import { useTranslation } from "react-i18next";
import type { FormReply } from "~/components/casework/form-state";
import type { SummaryError } from "~/components/ui/error-summary";
import { fieldId } from "~/components/ui/fields";

/** Errors and typed values of a failed course form, translated in the `courses` namespace. */
export function useCourseFormState(reply: FormReply) {
  const { t } = useTranslation(["courses", "common"]);
  const tr = (key: string) => t(key, { ns: ["courses", "common"] });
  const errorMap = reply?.error ?? {};
  const summary: SummaryError[] = Object.entries(errorMap).flatMap(([name, messages]) =>
    (messages ?? []).map((m) => ({ fieldId: name ? fieldId(name) : undefined, message: tr(m) })),
  );
  const initial = (reply?.initialValue ?? null) as Record<string, unknown> | null;
  return {
    summary,
    errors: (name: string) => errorMap[name]?.map(tr),
    value: (name: string, fallback?: string | null): string | undefined => {
      const v = initial?.[name];
      return typeof v === "string" ? v : (fallback ?? undefined);
    },
    values: (name: string, fallback: string[] = []): string[] => {
      if (!initial) return fallback;
      const v = initial[name];
      return Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : [];
    },
  };
}
