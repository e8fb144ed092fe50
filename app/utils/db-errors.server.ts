/**
 * True for a unique-constraint violation, from Prisma (P2002) or from PostgreSQL itself
 * (SQLSTATE 23505, as the driver adapter reports it), whichever layer noticed it.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown } };
  return e.code === "P2002" || e.code === "23505" || e.cause?.code === "23505" || e.cause?.originalCode === "23505";
}
