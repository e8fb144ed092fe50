import { z } from "zod";

/** A relative in-app path (never `//host` or a scheme), for post-sign-in redirects. */
export const SafeRedirectSchema = z
  .string()
  .max(2000)
  .refine((v) => v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\"), "errors.badRedirect");

export function safeRedirect(value: string | undefined | null, fallback = "/"): string {
  const parsed = SafeRedirectSchema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** Translated messages for conform's field errors, which hold translation keys. */
export function translateErrors(t: (key: string) => string, errors: string[] | undefined): string[] | undefined {
  return errors?.map((key) => t(key));
}

/**
 * The form data without the CSRF token, for Conform's validation in the browser (the
 * server's readForm removes it before the same strict schema runs there).
 */
export function withoutCsrf(formData: FormData): FormData {
  const copy = new FormData();
  for (const [key, value] of formData) if (key !== "csrf") copy.append(key, value);
  return copy;
}
