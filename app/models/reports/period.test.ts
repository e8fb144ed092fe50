import { describe, expect, it } from "vitest";
import { isFirstOfMonth, isLastOfMonth, ReportQuerySchema } from "./period";

describe("report periods are whole months", () => {
  it("knows the first and last days of months, leap years included", () => {
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(isFirstOfMonth(d("2025-04-01"))).toBe(true);
    expect(isFirstOfMonth(d("2025-04-02"))).toBe(false);
    expect(isLastOfMonth(d("2026-03-31"))).toBe(true);
    expect(isLastOfMonth(d("2024-02-29"))).toBe(true);
    expect(isLastOfMonth(d("2025-02-28"))).toBe(true);
    expect(isLastOfMonth(d("2024-02-28"))).toBe(false);
  });

  it("accepts whole months and refuses a period starting or ending inside a month", () => {
    expect(ReportQuerySchema.safeParse({ from: "2025-06-01", to: "2025-06-30" }).success).toBe(true);
    const mid = ReportQuerySchema.safeParse({ from: "2025-06-02", to: "2025-06-29" });
    expect(mid.success).toBe(false);
    expect(mid.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["from", "reports:errors.monthStart"],
      ["to", "reports:errors.monthEnd"],
    ]);
  });
});
