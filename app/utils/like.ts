/**
 * Prisma sends `contains`, `startsWith` and case-insensitive `equals` to PostgreSQL as a
 * LIKE/ILIKE pattern without escaping it: a typed `%` or `_` would act as a wildcard, and
 * a trailing backslash is an SQL error. Escape user input before using it in those filters.
 */
export function likeLiteral(input: string): string {
  return input.replace(/[\\%_]/g, (c) => `\\${c}`);
}
