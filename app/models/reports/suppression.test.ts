import { describe, expect, it } from "vitest";
import {
  differencingSafe,
  differencingThreshold,
  roundCount,
  roundingBase,
  roundingFor,
  roundTable,
  share,
  suppressionThreshold,
  suppressTable,
  type Cell,
  type Rounding,
  type RoundedTable,
  type SuppressedTable,
} from "./suppression";

const values = (cells: Cell[][]) => cells.map((row) => row.map((c) => c.value));
/** "." shown, "p" fewer than the threshold, "w" withheld to protect one. */
const statuses = (cells: Cell[][]) => cells.map((row) => row.map((c) => ({ shown: ".", primary: "p", secondary: "w" })[c.status]));

describe("suppressionThreshold", () => {
  it("defaults to 5 and is never below 3", () => {
    expect(suppressionThreshold(undefined)).toBe(5);
    expect(suppressionThreshold("")).toBe(5);
    expect(suppressionThreshold("abc")).toBe(5);
    expect(suppressionThreshold("10")).toBe(10);
    expect(suppressionThreshold(2)).toBe(3);
    expect(suppressionThreshold("0")).toBe(3);
    expect(suppressionThreshold(3)).toBe(3);
  });
});

describe("suppressTable", () => {
  it("shows a table with no small numbers as it is, zeros included", () => {
    const out = suppressTable({ cells: [[10, 0], [7, 20]], rowTotals: true, colTotals: true });
    expect(values(out.cells)).toEqual([[10, 0], [7, 20]]);
    expect(out.rowTotals.map((c) => c.value)).toEqual([10, 27]);
    expect(out.colTotals.map((c) => c.value)).toEqual([17, 20]);
    expect(out.grandTotal).toEqual({ value: 37, status: "shown" });
  });

  it("hides a count below the threshold and its smallest neighbour in a column with a total", () => {
    // Contacts by source: 3 from health would be 40 − 12 − 25 without the second suppression.
    const out = suppressTable({ cells: [[12], [25], [3]], colTotals: true });
    expect(statuses(out.cells)).toEqual([["w"], ["."], ["p"]]);
    expect(values(out.cells)).toEqual([[null], [25], [null]]);
    expect(out.colTotals[0]).toEqual({ value: 40, status: "shown" });
  });

  it("needs no second suppression when the line has no published total", () => {
    const out = suppressTable({ cells: [[12], [25], [3]] });
    expect(values(out.cells)).toEqual([[12], [25], [null]]);
    expect(out.colTotals).toEqual([]);
  });

  it("prefers a non-zero complement over a zero", () => {
    const out = suppressTable({ cells: [[0], [2], [9], [30]], colTotals: true });
    expect(statuses(out.cells)).toEqual([["."], ["p"], ["w"], ["."]]);
    expect(values(out.cells)).toEqual([[0], [null], [null], [30]]);
  });

  it("hides a total below the threshold", () => {
    const out = suppressTable({ cells: [[1, 2]], rowTotals: true });
    expect(out.rowTotals[0]).toEqual({ value: null, status: "primary" });
    expect(values(out.cells)).toEqual([[null, null]]);
  });

  it("protects in both directions of a two-way table (the classic 2×2 pattern)", () => {
    const out = suppressTable({ cells: [[2, 10, 30], [8, 9, 40], [20, 25, 50]], rowTotals: true, colTotals: true });
    // 2 is primary; 8 (smallest in its column) and then what keeps row 2 safe are withheld.
    expect(out.cells[0]![0]!.status).toBe("primary");
    // No more than the 2×2 block it needs: 2, 10 (its row), 8 (its column), 9 (closing the block).
    expect(statuses(out.cells)).toEqual([["p", "w", "."], ["w", "w", "."], [".", ".", "."]]);
    assertSafe(out, [[2, 10, 30], [8, 9, 40], [20, 25, 50]], true, true);
  });

  it("stops two small cells pinning each other through the total (4 + 4 = 8)", () => {
    const out = suppressTable({ cells: [[4], [4], [30]], colTotals: true });
    // Seen alone, "fewer than 5" + "fewer than 5" = 8 means both are 4: a third cell must go.
    expect(statuses(out.cells)).toEqual([["p"], ["p"], ["w"]]);
  });

  it("respects a higher threshold", () => {
    const out = suppressTable({ cells: [[7], [12], [30]], colTotals: true }, 10);
    expect(out.threshold).toBe(10);
    expect(values(out.cells)).toEqual([[null], [null], [30]]);
  });

  it("never uses a threshold below 3", () => {
    expect(suppressTable({ cells: [[2]] }, 1).cells[0]![0]!.value).toBeNull();
  });

  it("rejects what is not a table of counts", () => {
    expect(() => suppressTable({ cells: [[1, 2], [3]] })).toThrow();
    expect(() => suppressTable({ cells: [[-1]] })).toThrow();
    expect(() => suppressTable({ cells: [[1.5]] })).toThrow();
  });
});

describe("share", () => {
  it("is hidden when either part is hidden", () => {
    expect(share({ value: 5, status: "shown" }, { value: 10, status: "shown" })).toBe(0.5);
    expect(share({ value: null, status: "primary" }, { value: 10, status: "shown" })).toBeNull();
    expect(share({ value: 5, status: "shown" }, { value: null, status: "secondary" })).toBeNull();
    expect(share({ value: 0, status: "shown" }, { value: 0, status: "shown" })).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// The attacker: everything a reader of the published table can work out.
// ---------------------------------------------------------------------------

/**
 * Solves what can be solved by repeated subtraction: any row or column whose total is
 * known and which has exactly one unknown gives that unknown; repeat until nothing moves.
 * Also recovers a hidden total from its fully visible line. Returns the recovered hidden values.
 */
function peel(out: SuppressedTable, rowTotals: boolean, colTotals: boolean) {
  const rows = out.cells.length;
  const cols = rows ? out.cells[0]!.length : 0;
  const cell = out.cells.map((row) => row.map((c) => c.value));
  const rowT = rowTotals ? out.rowTotals.map((c) => c.value) : [];
  const colT = colTotals ? out.colTotals.map((c) => c.value) : [];
  let grand = out.grandTotal ? out.grandTotal.value : null;
  const recovered: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    const solve = (unknowns: Array<() => number | null>, setters: Array<(v: number) => void>, total: number | null, setTotal: ((v: number) => void) | null, names: string[], totalName: string) => {
      const missing = unknowns.map((g, i) => (g() === null ? i : -1)).filter((i) => i >= 0);
      const known = unknowns.reduce((a, g) => a + (g() ?? 0), 0);
      if (total !== null && missing.length === 1) {
        setters[missing[0]!]!(total - known);
        recovered.push(names[missing[0]!]!);
        changed = true;
      } else if (total === null && missing.length === 0 && setTotal) {
        setTotal(known);
        recovered.push(totalName);
        changed = true;
      }
    };
    if (rowTotals) {
      for (let r = 0; r < rows; r++) {
        solve(
          Array.from({ length: cols }, (_, c) => () => cell[r]![c]!),
          Array.from({ length: cols }, (_, c) => (v: number) => (cell[r]![c] = v)),
          rowT[r]!,
          (v) => (rowT[r] = v),
          Array.from({ length: cols }, (_, c) => `${r},${c}`),
          `row${r}`,
        );
      }
    }
    if (colTotals) {
      for (let c = 0; c < cols; c++) {
        solve(
          Array.from({ length: rows }, (_, r) => () => cell[r]![c]!),
          Array.from({ length: rows }, (_, r) => (v: number) => (cell[r]![c] = v)),
          colT[c]!,
          (v) => (colT[c] = v),
          Array.from({ length: rows }, (_, r) => `${r},${c}`),
          `col${c}`,
        );
      }
    }
    if (rowTotals && colTotals) {
      solve(rowT.map((_, r) => () => rowT[r]!), rowT.map((_, r) => (v: number) => (rowT[r] = v)), grand, (v) => (grand = v), rowT.map((_, r) => `row${r}`), "grand");
      solve(colT.map((_, c) => () => colT[c]!), colT.map((_, c) => (v: number) => (colT[c] = v)), grand, (v) => (grand = v), colT.map((_, c) => `col${c}`), "grand");
    }
  }
  return recovered;
}

function assertSafe(out: SuppressedTable, cells: number[][], rowTotals: boolean, colTotals: boolean) {
  const t = out.threshold;
  // Every visible value is the true one; every small non-zero count is hidden.
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const published = out.cells[r]![c]!;
      if (v > 0 && v < t) expect(published.status).toBe("primary");
      if (published.status === "shown") expect(published.value).toBe(v);
      else expect(published.value).toBeNull();
    }),
  );
  // No hidden value falls out of repeated subtraction.
  expect(peel(out, rowTotals, colTotals)).toEqual([]);
  // In every row and column with a visible total, hidden cells number 0 or at least 2.
  const rows = cells.length;
  const cols = rows ? cells[0]!.length : 0;
  if (rowTotals) {
    out.rowTotals.forEach((total, r) => {
      if (total.status !== "shown") return;
      const n = out.cells[r]!.filter((c) => c.status !== "shown").length;
      expect(n === 0 || n >= 2).toBe(true);
    });
  }
  if (colTotals) {
    out.colTotals.forEach((total, c) => {
      if (total.status !== "shown") return;
      const n = Array.from({ length: rows }, (_, r) => out.cells[r]![c]!).filter((x) => x.status !== "shown").length;
      expect(n === 0 || n >= 2).toBe(true);
    });
  }
  void cols;
}

/** A seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("no hidden value can be recovered (property over random tables)", () => {
  it("holds for 2,000 random tables of small counts", () => {
    const random = rng(20261123);
    let hiddenSeen = 0;
    for (let i = 0; i < 2000; i++) {
      const rows = 1 + Math.floor(random() * 6);
      const cols = 1 + Math.floor(random() * 5);
      // Mostly small numbers, as in a small borough, with some zeros and some large ones.
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => {
          const x = random();
          return x < 0.15 ? 0 : x < 0.6 ? 1 + Math.floor(random() * 6) : Math.floor(random() * 40);
        }),
      );
      const rowTotals = random() < 0.7;
      const colTotals = random() < 0.7;
      const threshold = 3 + Math.floor(random() * 8);
      const out = suppressTable({ cells, rowTotals, colTotals }, threshold);
      hiddenSeen += out.cells.flat().filter((c) => c.status !== "shown").length;
      assertSafe(out, cells, rowTotals, colTotals);
    }
    expect(hiddenSeen).toBeGreaterThan(1000); // the property was exercised, not vacuous
  }, 120_000); // a few seconds alone; generous for a loaded shared machine
});

// ---------------------------------------------------------------------------
// Differencing two reports (a whole, a part and the rest).
// ---------------------------------------------------------------------------

describe("rounding against differencing", () => {
  it("rounds to 5 by default; 5 to 8 show as 5 so that two 'fewer than 5' cannot add up to a shown 8", () => {
    const r = roundingFor(5);
    expect(r).toEqual({ base: 5, lowest: 5, lowestUpTo: 8 });
    expect([0, 1, 4, 5, 6, 8, 9, 12, 13, 17, 18, 102].map((v) => roundCount(v, 5, r))).toEqual([0, 1, 4, 5, 5, 5, 10, 10, 15, 15, 20, 100]);
  });

  it("finds plain rounding to the nearest 5 unsafe with 'fewer than 5' (10 = 4 + 4 would be pinned)", () => {
    expect(differencingSafe(5, { base: 5, lowest: 5, lowestUpTo: 4 })).toBe(false);
    // NHS Digital's own choice, 1–7 hidden and rounding to 5, passes as it is.
    expect(roundingFor(8)).toEqual({ base: 5, lowest: 10, lowestUpTo: 7 });
  });

  it("raises a threshold of 3 to 4 and a base below 2 to the default", () => {
    expect(differencingThreshold(3)).toBe(4);
    expect(differencingThreshold(7)).toBe(7);
    expect(roundingBase(undefined)).toBe(5);
    expect(roundingBase("10")).toBe(10);
    expect(roundingBase("1")).toBe(5);
    expect(roundingBase("x")).toBe(5);
  });

  it("rounds every shown count and every total on its own, and leaves hidden ones hidden", () => {
    const r = roundingFor(5);
    const hidden = roundTable(suppressTable({ cells: [[12], [3], [26]], colTotals: true }, 5), r);
    // 3 is fewer than 5 and 12 is withheld to protect it; 26 and the total 41 round.
    expect(hidden.cells.map((row) => row[0]!.value)).toEqual([null, null, 25]);
    expect(hidden.colTotals[0]!.value).toBe(40);
    const out = roundTable(suppressTable({ cells: [[9, 13], [18, 40]], rowTotals: true, colTotals: true }, 5), r);
    expect(out.cells.map((row) => row.map((c) => c.value))).toEqual([[10, 15], [20, 40]]);
    // Totals 22 and 58, 27 and 53, 80: each rounded on its own, so 10 + 15 is shown with 20.
    expect(out.rowTotals.map((c) => c.value)).toEqual([20, 60]);
    expect(out.colTotals.map((c) => c.value)).toEqual([25, 55]);
    expect(out.grandTotal?.value).toBe(80);
  });

  /**
   * An attacker independent of the interval code: what a reader can say of a published
   * cell, as an explicit set of whole numbers up to `cap`.
   */
  function possible(cell: Cell, threshold: number, rounding: Rounding, cap: number): Set<number> {
    const out = new Set<number>();
    for (let v = 0; v <= cap; v++) {
      if (cell.status === "primary" && v >= 1 && v < threshold) out.add(v);
      if (cell.status === "secondary" && (v === 0 || v >= threshold)) out.add(v);
      if (cell.status === "shown" && (v === 0 ? cell.value === 0 : v >= threshold && roundCount(v, threshold, rounding) === cell.value)) out.add(v);
    }
    return out;
  }

  /** Every published position of a table (cells, then row totals, column totals, grand total). */
  function positions(t: RoundedTable): Cell[] {
    return [...t.cells.flat(), ...t.rowTotals, ...t.colTotals, ...(t.grandTotal ? [t.grandTotal] : [])];
  }

  /**
   * Differencing whole = part + rest, position by position: the values of the hidden
   * cells that stay possible. Returns the hidden cells left with one possible value
   * (a withheld cell shown to be 0 describes nobody and is not counted).
   */
  function pinned(whole: RoundedTable, part: RoundedTable, rest: RoundedTable, truth: { whole: number[]; part: number[]; rest: number[] }, threshold: number, rounding: Rounding, cap: number) {
    const out: string[] = [];
    const [W, P, R] = [positions(whole), positions(part), positions(rest)];
    W.forEach((w, i) => {
      const sw = possible(w, threshold, rounding, cap);
      const sp = possible(P[i]!, threshold, rounding, cap);
      const sr = possible(R[i]!, threshold, rounding, cap);
      const fw = new Set<number>();
      const fp = new Set<number>();
      const fr = new Set<number>();
      for (const p of sp) for (const a of sw) if (sr.has(a - p)) (fw.add(a), fp.add(p), fr.add(a - p));
      const check = (cell: Cell, feasible: Set<number>, value: number, name: string) => {
        if (cell.status === "shown") return;
        expect(feasible.has(value)).toBe(true); // the attacker never rules out the truth
        if (feasible.size === 1 && !(cell.status === "secondary" && value === 0)) out.push(`${name}[${i}]=${value}`);
      };
      check(w, fw, truth.whole[i]!, "whole");
      check(P[i]!, fp, truth.part[i]!, "part");
      check(R[i]!, fr, truth.rest[i]!, "rest");
    });
    return out;
  }

  /** True positions in the same order as `positions`. */
  function truthOf(cells: number[][], rowTotals: boolean, colTotals: boolean): number[] {
    const rowSum = cells.map((row) => row.reduce((a, b) => a + b, 0));
    const colSum = cells[0]!.map((_, c) => cells.reduce((a, row) => a + row[c]!, 0));
    return [...cells.flat(), ...(rowTotals ? rowSum : []), ...(colTotals ? colSum : []), ...(rowTotals && colTotals ? [rowSum.reduce((a, b) => a + b, 0)] : [])];
  }

  /**
   * Random records (month 0–11, team 0–2, row, column), mostly sparse as in a small
   * borough; reports over whole-month periods and sets of teams. Pairs: a period and
   * the same period one month shorter or split anywhere (Jan–Jun minus Jan–May), two
   * overlapping periods each differenced at the overlap, and all teams against some.
   */
  function attack(threshold: number, rounding: Rounding, trials: number, seed: number) {
    const random = rng(seed);
    let hiddenExamined = 0;
    const leaks: string[] = [];
    for (let trial = 0; trial < trials; trial++) {
      const rows = 1 + Math.floor(random() * 4);
      const cols = 1 + Math.floor(random() * 3);
      const rowTotals = random() < 0.6;
      const colTotals = random() < 0.8;
      const density = 0.1 + random() * 0.8;
      // counts[month][team][row][col]
      const counts = Array.from({ length: 12 }, () =>
        Array.from({ length: 3 }, () => Array.from({ length: rows }, () => Array.from({ length: cols }, () => (random() < density ? Math.floor(random() * 3) : 0)))),
      );
      const sum = (months: number[], teams: number[]) =>
        Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => months.reduce((a, m) => a + teams.reduce((b, t) => b + counts[m]![t]![r]![c]!, 0), 0)));
      const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
      const publish = (cells: number[][]) => roundTable(suppressTable({ cells, rowTotals, colTotals }, threshold), rounding);
      const triples: Array<[number[][], number[][], number[][]]> = [];
      // A period and its split at a month: Jan–Jun = Jan–May + Jun.
      const start = Math.floor(random() * 11);
      const end = start + 1 + Math.floor(random() * (11 - start));
      const cut = start + Math.floor(random() * (end - start));
      const allTeams = [0, 1, 2];
      triples.push([sum(range(start, end), allTeams), sum(range(start, cut), allTeams), sum(range(cut + 1, end), allTeams)]);
      // Two overlapping periods P1 = a..b and P2 = c..d (a < c ≤ b < d), each differenced at the overlap c..b.
      const a = Math.floor(random() * 9);
      const c = a + 1 + Math.floor(random() * 2);
      const b = c + Math.floor(random() * (10 - c));
      const d2 = b + 1 + Math.floor(random() * (11 - b));
      const team = [Math.floor(random() * 3)];
      triples.push([sum(range(a, b), team), sum(range(c, b), team), sum(range(a, c - 1), team)]);
      triples.push([sum(range(c, d2), team), sum(range(c, b), team), sum(range(b + 1, d2), team)]);
      // All teams against one or two teams, over the same period.
      const some = random() < 0.5 ? [0] : [0, 2];
      const rest = allTeams.filter((t) => !some.includes(t));
      triples.push([sum(range(start, end), allTeams), sum(range(start, end), some), sum(range(start, end), rest)]);
      for (const [whole, part, restCells] of triples) {
        const pw = publish(whole);
        const pp = publish(part);
        const pr = publish(restCells);
        const truth = { whole: truthOf(whole, rowTotals, colTotals), part: truthOf(part, rowTotals, colTotals), rest: truthOf(restCells, rowTotals, colTotals) };
        hiddenExamined += [pw, pp, pr].flatMap(positions).filter((x) => x.status !== "shown").length;
        const cap = Math.max(...truth.whole) * 2 + 4 * threshold + 4 * rounding.base;
        leaks.push(...pinned(pw, pp, pr, truth, threshold, rounding, cap));
      }
    }
    return { hiddenExamined, leaks };
  }

  it("the attacker works: with exact counts, differencing pins hidden cells", () => {
    const exact: Rounding = { base: 1, lowest: 5, lowestUpTo: 4 };
    expect(attack(5, exact, 60, 7).leaks.length).toBeGreaterThan(20);
  });

  it("no hidden cell is pinned by differencing two reports, for random tables, periods and teams", () => {
    for (const [threshold, base, seed] of [[5, 5, 20261123], [4, 5, 11], [6, 5, 12], [7, 5, 13], [8, 5, 14], [10, 5, 15], [5, 10, 16], [5, 3, 17]] as const) {
      const t = differencingThreshold(threshold);
      const { hiddenExamined, leaks } = attack(t, roundingFor(t, base), 150, seed);
      expect({ threshold, base, leaks: leaks.slice(0, 5) }).toEqual({ threshold, base, leaks: [] });
      expect(hiddenExamined).toBeGreaterThan(300); // exercised, not vacuous
    }
  }, 300_000);
});
