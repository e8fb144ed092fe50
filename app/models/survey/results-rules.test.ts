import { suppressTable } from "~/models/reports/suppression";
import { surveyYearsIn } from "~/models/reports/survey-years";
import { filtersOf, publishedMean, publishedShare, ResultsQuerySchema } from "./results-rules";

describe("publishedShare", () => {
  it("is the share of the visible rows in a visible total", () => {
    expect(publishedShare(suppressTable({ cells: [[7], [7], [6]], colTotals: true }), [0, 1])).toBeCloseTo(0.7);
  });
  it("is not shown when a row it adds up is hidden, or the total is under the threshold", () => {
    // agree (2) is hidden: 10/20 would give it away as 10 − 8.
    expect(publishedShare(suppressTable({ cells: [[8], [2], [10]], colTotals: true }), [0, 1])).toBeNull();
    expect(publishedShare(suppressTable({ cells: [[4], [0]], colTotals: true }, 5), [0])).toBeNull();
    expect(publishedShare(suppressTable({ cells: [[0], [0]], colTotals: true }), [0])).toBeNull();
  });
});

describe("publishedMean", () => {
  it("rounds to one decimal place and needs at least the threshold of answers", () => {
    expect(publishedMean([{ value: 10, count: 2 }, { value: 7, count: 1 }], 3)).toBe(9);
    expect(publishedMean([{ value: 10, count: 1 }, { value: 3, count: 2 }], 3)).toBe(5.3);
    expect(publishedMean([{ value: 10, count: 4 }], 5)).toBeNull();
  });
});

describe("ResultsQuerySchema", () => {
  it("accepts the filters and drops the 'all' placeholders", () => {
    expect(filtersOf(ResultsQuerySchema.parse({ service: "course", language: "all" }))).toEqual({ service: "course" });
    expect(filtersOf(ResultsQuerySchema.parse({ language: "fa-AF" }))).toEqual({ language: "fa-AF" });
  });
  it("refuses unknown services, languages and parameters", () => {
    expect(ResultsQuerySchema.safeParse({ service: "school" }).success).toBe(false);
    expect(ResultsQuerySchema.safeParse({ language: "de" }).success).toBe(false);
    expect(ResultsQuerySchema.safeParse({ team: "x" }).success).toBe(false);
    expect(ResultsQuerySchema.safeParse({ page: "0" }).success).toBe(false);
  });
});

describe("surveyYearsIn", () => {
  const period = (from: string, to: string) => ({ from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });
  it("takes the survey whose 1 July falls in the period, or the year a short period lies in", () => {
    expect(surveyYearsIn(period("2025-04-01", "2026-03-31"))).toEqual([2025]);
    expect(surveyYearsIn(period("2022-04-01", "2026-12-31"))).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(surveyYearsIn(period("2026-01-01", "2026-03-31"))).toEqual([2026]);
    expect(surveyYearsIn(period("2025-08-01", "2026-06-30"))).toEqual([]);
  });
});
