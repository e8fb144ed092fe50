import { describe, expect, it } from "vitest";
import { share, suppressionThreshold, suppressTable, type Cell, type SuppressedTable } from "./suppression";

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
