import { SHIPPED_MEASURES } from "./measures";
import {
  hasPlace,
  meetsCompletion,
  orderWaitingList,
  ScoringError,
  scoreMeasure,
  sessionSchedule,
  sessionsNeeded,
  summariseChange,
  SWEMWBS_CONVERSION,
} from "./rules";

const swemwbs = SHIPPED_MEASURES.find((m) => m.key === "swemwbs")!;
const confidence = SHIPPED_MEASURES.find((m) => m.key === "parenting_confidence")!;

describe("SWEMWBS scoring", () => {
  it("has the published conversion for every raw total from 7 to 35", () => {
    // Warwick Medical School's SWEMWBS raw-to-metric table.
    const published = [
      7.0, 9.51, 11.25, 12.4, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02,
      27.03, 28.13, 29.31, 30.7, 32.55, 35.0,
    ];
    expect(Object.keys(SWEMWBS_CONVERSION).map(Number)).toEqual(Array.from({ length: 29 }, (_, i) => i + 7));
    expect(Object.values(SWEMWBS_CONVERSION)).toEqual(published);
    // The shipped measure carries the same table as data.
    expect(swemwbs.conversion).toEqual(Object.fromEntries(published.map((v, i) => [String(i + 7), v])));
  });

  it("sums seven items and converts the raw total", () => {
    expect(scoreMeasure(swemwbs, [1, 1, 1, 1, 1, 1, 1])).toEqual({ raw: 7, score: 7 });
    expect(scoreMeasure(swemwbs, [3, 3, 3, 3, 3, 3, 3])).toEqual({ raw: 21, score: 19.25 });
    expect(scoreMeasure(swemwbs, [4, 3, 2, 3, 4, 3, 3])).toEqual({ raw: 22, score: 19.98 });
    expect(scoreMeasure(swemwbs, [5, 5, 5, 5, 5, 5, 4])).toEqual({ raw: 34, score: 32.55 });
    expect(scoreMeasure(swemwbs, [5, 5, 5, 5, 5, 5, 5])).toEqual({ raw: 35, score: 35 });
  });

  it("refuses answers off the 1–5 scale, fractions, and missing items", () => {
    expect(() => scoreMeasure(swemwbs, [0, 3, 3, 3, 3, 3, 3])).toThrow(ScoringError);
    expect(() => scoreMeasure(swemwbs, [6, 3, 3, 3, 3, 3, 3])).toThrow("errors.scoreOutOfScale");
    expect(() => scoreMeasure(swemwbs, [2.5, 3, 3, 3, 3, 3, 3])).toThrow("errors.scoreOutOfScale");
    expect(() => scoreMeasure(swemwbs, [3, 3, 3, 3, 3, 3])).toThrow("errors.measureIncomplete");
    expect(() => scoreMeasure(swemwbs, [3, 3, 3, 3, 3, 3, 3, 3])).toThrow("errors.measureIncomplete");
  });

  it("scores the service's confidence scale as a plain total on 1–10", () => {
    expect(scoreMeasure(confidence, [1, 2, 3, 4, 10])).toEqual({ raw: 20, score: 20 });
    expect(() => scoreMeasure(confidence, [11, 2, 3, 4, 5])).toThrow("errors.scoreOutOfScale");
  });
});

describe("completion rules", () => {
  it("at least N sessions", () => {
    const rule = { rule: "min_sessions" as const, value: 10 };
    expect(meetsCompletion(rule, 10, 13)).toBe(true);
    expect(meetsCompletion(rule, 9, 13)).toBe(false);
    // With sessions cancelled, a parent cannot need more than were held.
    expect(sessionsNeeded(rule, 8)).toBe(8);
    expect(meetsCompletion(rule, 8, 8)).toBe(true);
  });

  it("a percentage of the sessions held, rounding up", () => {
    const rule = { rule: "percentage" as const, value: 75 };
    expect(sessionsNeeded(rule, 12)).toBe(9);
    expect(sessionsNeeded(rule, 13)).toBe(10); // 9.75 → 10
    expect(meetsCompletion(rule, 9, 13)).toBe(false);
    expect(meetsCompletion(rule, 10, 13)).toBe(true);
    expect(meetsCompletion({ rule: "percentage", value: 70 }, 7, 10)).toBe(true);
  });

  it("nobody completes a course with no sessions held", () => {
    expect(meetsCompletion({ rule: "min_sessions", value: 1 }, 0, 0)).toBe(false);
  });
});

describe("schedule, capacity and the waiting list", () => {
  it("generates weekly sessions from the start date", () => {
    const dates = sessionSchedule(new Date("2027-01-05T00:00:00Z"), 13).map((d) => d.toISOString().slice(0, 10));
    expect(dates).toHaveLength(13);
    expect(dates[0]).toBe("2027-01-05");
    expect(dates[1]).toBe("2027-01-12");
    expect(dates[12]).toBe("2027-03-30");
  });

  it("has a place only while places taken are below capacity", () => {
    expect(hasPlace(10, 9)).toBe(true);
    expect(hasPlace(10, 10)).toBe(false);
    expect(hasPlace(10, 11)).toBe(false);
  });

  it("orders the waiting list by when people joined it", () => {
    const rows = [
      { id: "c", waitingSince: new Date("2026-03-03") },
      { id: "a", waitingSince: new Date("2026-03-01") },
      { id: "b", waitingSince: new Date("2026-03-02") },
    ];
    expect(orderWaitingList(rows).map((r) => r.id)).toEqual(["a", "b", "c"]);
  });
});

describe("pre/post change", () => {
  it("counts only parents with both scores, and says how many", () => {
    const s = summariseChange([
      { pre: 19.25, post: 22.35 },
      { pre: 20.73, post: 19.98 },
      { pre: 17.43, post: null },
      { pre: null, post: null },
    ]);
    expect(s.basedOn).toBe(2);
    expect(s.preOnly).toBe(1);
    expect(s.improved).toBe(1);
    expect(s.improvedShare).toBe(0.5);
    expect(s.meanPre).toBe(19.99);
    expect(s.meanPost).toBe(21.17);
    expect(s.meanChange).toBe(1.18);
  });

  it("has no figures when nobody has both", () => {
    expect(summariseChange([{ pre: 20, post: null }])).toMatchObject({ basedOn: 0, preOnly: 1, meanChange: null, improvedShare: null });
  });
});
