/**
 * Small-number suppression for tables of counts (see docs/decisions/0009-reports.md).
 *
 * - Primary: a cell (or total) with 1 to threshold−1 people is hidden and shown as
 *   "fewer than N". Zero is shown: it describes nobody.
 * - Secondary: a hidden number must not be recoverable from the visible ones. Every
 *   hidden value is tested against the table's equations (each row and column adds up to
 *   its total, the totals to the grand total); while one can be solved, the smallest
 *   visible cell beside it is hidden too ("withheld"), then the test runs again.
 *   A row or column with exactly one hidden cell is the common case of this.
 * - Shares derived from a hidden cell or a hidden total are hidden.
 *
 * Pure functions: no database, no i18n, shared with the browser.
 */

export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;

/** The threshold to use: the configured value, never below 3; the default 5 when unset or invalid. */
export function suppressionThreshold(configured?: string | number | null): number {
  if (configured === undefined || configured === null || configured === "") return DEFAULT_THRESHOLD;
  const n = typeof configured === "number" ? configured : Number(configured);
  if (!Number.isInteger(n)) return DEFAULT_THRESHOLD;
  return Math.max(MIN_THRESHOLD, n);
}

/** shown: the true value; primary: fewer than the threshold; secondary: withheld to protect a primary. */
export type CellStatus = "shown" | "primary" | "secondary";
/** A published cell: `value` is null whenever the cell is hidden, so no hidden number leaves the server. */
export type Cell = { value: number | null; status: CellStatus };

export type CountTable = {
  /** cells[row][col]: non-negative whole counts. */
  cells: number[][];
  /** Whether the table publishes a total per row (the sum of the row). */
  rowTotals?: boolean;
  /** Whether the table publishes a total per column (the sum of the column). */
  colTotals?: boolean;
};

export type SuppressedTable = {
  cells: Cell[][];
  /** One per row when rowTotals was asked for, else empty. */
  rowTotals: Cell[];
  /** One per column when colTotals was asked for, else empty. */
  colTotals: Cell[];
  /** Present when both row and column totals are published. */
  grandTotal: Cell | null;
  threshold: number;
};

type Pos = { kind: "cell"; r: number; c: number } | { kind: "row"; r: number } | { kind: "col"; c: number } | { kind: "grand" };

function isPrimary(v: number, threshold: number) {
  return v > 0 && v < threshold;
}

/**
 * Suppresses a table of counts. Totals are computed here from the cells, so they always
 * agree with them.
 */
export function suppressTable(table: CountTable, threshold = DEFAULT_THRESHOLD): SuppressedTable {
  const t = Math.max(MIN_THRESHOLD, threshold);
  const rows = table.cells.length;
  const cols = rows ? table.cells[0]!.length : 0;
  for (const row of table.cells) {
    if (row.length !== cols) throw new Error("ragged table");
    for (const v of row) if (!Number.isInteger(v) || v < 0) throw new Error("counts must be whole numbers ≥ 0");
  }
  const rowTotals = !!table.rowTotals;
  const colTotals = !!table.colTotals;
  const rowSum = table.cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colSum = Array.from({ length: cols }, (_, c) => table.cells.reduce((a, row) => a + row[c]!, 0));
  const grand = rowSum.reduce((a, b) => a + b, 0);

  const status = table.cells.map((row) => row.map((v): CellStatus => (isPrimary(v, t) ? "primary" : "shown")));
  const rowStatus = rowSum.map((v): CellStatus => (rowTotals && isPrimary(v, t) ? "primary" : "shown"));
  const colStatus = colSum.map((v): CellStatus => (colTotals && isPrimary(v, t) ? "primary" : "shown"));
  let grandStatus: CellStatus = rowTotals && colTotals && isPrimary(grand, t) ? "primary" : "shown";

  const hidden = (p: Pos) =>
    p.kind === "cell" ? status[p.r]![p.c] !== "shown" : p.kind === "row" ? rowStatus[p.r] !== "shown" : p.kind === "col" ? colStatus[p.c] !== "shown" : grandStatus !== "shown";
  const valueOf = (p: Pos) => (p.kind === "cell" ? table.cells[p.r]![p.c]! : p.kind === "row" ? rowSum[p.r]! : p.kind === "col" ? colSum[p.c]! : grand);
  const hide = (p: Pos) => {
    if (p.kind === "cell") status[p.r]![p.c] = "secondary";
    else if (p.kind === "row") rowStatus[p.r] = "secondary";
    else if (p.kind === "col") colStatus[p.c] = "secondary";
    else grandStatus = "secondary";
  };

  // Each pass hides one more value, so this ends (at worst with everything hidden).
  for (let guard = 0; guard <= rows * cols + rows + cols + 1; guard++) {
    const exposed = recoverable({ cells: table.cells, rowTotals, colTotals, threshold: t }, { status, rowStatus, colStatus, grandStatus });
    if (!exposed.length) break;
    // Cells alone in a line first: their complement also protects the line's neighbours.
    const alone = (p: Pos) => {
      if (p.kind !== "cell") return 2;
      const rowHidden = status[p.r]!.filter((x) => x !== "shown").length;
      const colHidden = status.filter((row) => row[p.c] !== "shown").length;
      return (rowTotals && rowStatus[p.r] === "shown" && rowHidden === 1) || (colTotals && colStatus[p.c] === "shown" && colHidden === 1) ? 0 : 1;
    };
    exposed.sort((a, b) => alone(a) - alone(b));
    const next = exposed.map((target) => complementFor(target, { rows, cols, rowTotals, colTotals }, hidden, valueOf)).find((p) => p !== null);
    if (!next) throw new Error("suppression could not protect a value"); // a solvable value always has a visible neighbour
    hide(next);
  }

  const publish = (v: number, s: CellStatus): Cell => ({ value: s === "shown" ? v : null, status: s });
  return {
    cells: table.cells.map((row, r) => row.map((v, c) => publish(v, status[r]![c]!))),
    rowTotals: rowTotals ? rowSum.map((v, r) => publish(v, rowStatus[r]!)) : [],
    colTotals: colTotals ? colSum.map((v, c) => publish(v, colStatus[c]!)) : [],
    grandTotal: rowTotals && colTotals ? publish(grand, grandStatus) : null,
    threshold: t,
  };
}

/**
 * The smallest visible value to hide so `target` stops being solvable: a cell in the same
 * row or column (non-zero first: hiding a zero protects little), else a total of that line.
 */
function complementFor(
  target: Pos,
  shape: { rows: number; cols: number; rowTotals: boolean; colTotals: boolean },
  hidden: (p: Pos) => boolean,
  valueOf: (p: Pos) => number,
): Pos | null {
  let candidates: Pos[] = [];
  if (target.kind === "cell") {
    const inRow = Array.from({ length: shape.cols }, (_, c): Pos => ({ kind: "cell", r: target.r, c })).filter((p) => p.kind === "cell" && p.c !== target.c);
    const inCol = Array.from({ length: shape.rows }, (_, r): Pos => ({ kind: "cell", r, c: target.c })).filter((p) => p.kind === "cell" && p.r !== target.r);
    // Where the cell is the only hidden one in a line with a visible total, fix that line.
    const rowAlone = shape.rowTotals && !hidden({ kind: "row", r: target.r }) && inRow.every((p) => !hidden(p));
    const colAlone = shape.colTotals && !hidden({ kind: "col", c: target.c }) && inCol.every((p) => !hidden(p));
    candidates = rowAlone ? inRow : colAlone ? inCol : [...inRow, ...inCol];
  } else if (target.kind === "row") {
    for (let r = 0; r < shape.rows; r++) if (r !== target.r) candidates.push({ kind: "row", r });
    for (let c = 0; c < shape.cols; c++) candidates.push({ kind: "cell", r: target.r, c });
  } else if (target.kind === "col") {
    for (let c = 0; c < shape.cols; c++) if (c !== target.c) candidates.push({ kind: "col", c });
    for (let r = 0; r < shape.rows; r++) candidates.push({ kind: "cell", r, c: target.c });
  } else {
    for (let r = 0; r < shape.rows; r++) candidates.push({ kind: "row", r });
    for (let c = 0; c < shape.cols; c++) candidates.push({ kind: "col", c });
  }
  const visible = candidates.filter((p) => !hidden(p));
  const rank = (p: Pos) => [valueOf(p) === 0 ? 1 : 0, valueOf(p)] as const;
  visible.sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  if (visible.length) return visible[0]!;
  // Everything beside it is hidden already: hide the totals of its lines.
  const totals: Pos[] = [];
  if (target.kind === "cell") {
    if (shape.rowTotals) totals.push({ kind: "row", r: target.r });
    if (shape.colTotals) totals.push({ kind: "col", c: target.c });
  } else if (target.kind !== "grand" && shape.rowTotals && shape.colTotals) totals.push({ kind: "grand" });
  return totals.find((p) => !hidden(p)) ?? null;
}

type AttackTable = { cells: number[][]; rowTotals: boolean; colTotals: boolean; threshold: number };
export type Statuses = { status: CellStatus[][]; rowStatus: CellStatus[]; colStatus: CellStatus[]; grandStatus: CellStatus };

/**
 * The hidden values that can be solved exactly from the visible ones and the table's
 * equations (row sums, column sums, the grand total), by Gaussian elimination: a hidden
 * value is solvable when its unit vector lies in the row space of the equations restricted
 * to the hidden values. Exported for the tests, which use it as the attacker.
 */
export function recoverable(table: AttackTable, s: Statuses): Pos[] {
  const rows = table.cells.length;
  const cols = rows ? table.cells[0]!.length : 0;
  const unknowns: Pos[] = [];
  const index = new Map<string, number>();
  const key = (p: Pos) => (p.kind === "cell" ? `c${p.r},${p.c}` : p.kind === "row" ? `r${p.r}` : p.kind === "col" ? `k${p.c}` : "g");
  const add = (p: Pos) => {
    index.set(key(p), unknowns.length);
    unknowns.push(p);
  };
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (s.status[r]![c] !== "shown") add({ kind: "cell", r, c });
  if (table.rowTotals) for (let r = 0; r < rows; r++) if (s.rowStatus[r] !== "shown") add({ kind: "row", r });
  if (table.colTotals) for (let c = 0; c < cols; c++) if (s.colStatus[c] !== "shown") add({ kind: "col", c });
  if (table.rowTotals && table.colTotals && s.grandStatus !== "shown") add({ kind: "grand" });
  if (!unknowns.length) return [];

  // Each equation: Σ coefficient × value = 0 over cells and totals; only the hidden part matters.
  const equations: number[][] = [];
  const equation = (terms: Array<[Pos, number]>) => {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const [p, coef] of terms) {
      const i = index.get(key(p));
      if (i !== undefined) {
        row[i]! += coef;
        any = true;
      }
    }
    if (any) equations.push(row);
  };
  if (table.rowTotals) {
    for (let r = 0; r < rows; r++) equation([...Array.from({ length: cols }, (_, c): [Pos, number] => [{ kind: "cell", r, c }, 1]), [{ kind: "row", r }, -1]]);
  }
  if (table.colTotals) {
    for (let c = 0; c < cols; c++) equation([...Array.from({ length: rows }, (_, r): [Pos, number] => [{ kind: "cell", r, c }, 1]), [{ kind: "col", c }, -1]]);
  }
  if (table.rowTotals && table.colTotals) {
    equation([...Array.from({ length: rows }, (_, r): [Pos, number] => [{ kind: "row", r }, 1]), [{ kind: "grand" }, -1]]);
    equation([...Array.from({ length: cols }, (_, c): [Pos, number] => [{ kind: "col", c }, 1]), [{ kind: "grand" }, -1]]);
  }
  const rref = reducedRowEchelon(equations, unknowns.length);
  const solved: Pos[] = [];
  for (const row of rref) {
    const nonZero = row.map((v, i) => [v, i] as const).filter(([v]) => Math.abs(v) > 1e-9);
    if (nonZero.length === 1) solved.push(unknowns[nonZero[0]![1]]!);
  }
  if (solved.length) return solved;
  return pinnedByBounds(table, s);
}

/**
 * The interval attack on one line: the reader knows a "fewer than N" cell is 1 to N−1 and
 * the line's total, so two such cells adding to 2 (or to 2N−2) are both pinned. For each
 * row and column whose total is visible, a hidden cell whose range collapses to one value
 * is solvable. Withheld cells are taken as anything from 0 up.
 */
function pinnedByBounds(table: AttackTable, s: Statuses): Pos[] {
  const rows = table.cells.length;
  const cols = rows ? table.cells[0]!.length : 0;
  const lines: Array<{ total: number; members: Array<{ pos: Pos; v: number; st: CellStatus }> }> = [];
  if (table.rowTotals) {
    for (let r = 0; r < rows; r++) {
      if (s.rowStatus[r] !== "shown") continue;
      lines.push({ total: table.cells[r]!.reduce((a, b) => a + b, 0), members: table.cells[r]!.map((v, c) => ({ pos: { kind: "cell", r, c } as Pos, v, st: s.status[r]![c]! })) });
    }
  }
  if (table.colTotals) {
    for (let c = 0; c < cols; c++) {
      if (s.colStatus[c] !== "shown") continue;
      lines.push({ total: table.cells.reduce((a, row) => a + row[c]!, 0), members: table.cells.map((row, r) => ({ pos: { kind: "cell", r, c } as Pos, v: row[c]!, st: s.status[r]![c]! })) });
    }
  }
  const pinned: Pos[] = [];
  for (const line of lines) {
    const hiddenMembers = line.members.filter((m) => m.st !== "shown");
    if (!hiddenMembers.length) continue;
    const rest = line.total - line.members.filter((m) => m.st === "shown").reduce((a, m) => a + m.v, 0);
    const bounds = hiddenMembers.map((m) => (m.st === "primary" ? [1, table.threshold - 1] : [0, Number.POSITIVE_INFINITY]) as [number, number]);
    hiddenMembers.forEach((m, i) => {
      let othersLo = 0;
      let othersHi = 0;
      bounds.forEach(([lo, hi], j) => {
        if (j === i) return;
        othersLo += lo;
        othersHi += hi;
      });
      const lo = Math.max(bounds[i]![0], rest - othersHi);
      const hi = Math.min(bounds[i]![1], rest - othersLo);
      if (lo === hi) pinned.push(m.pos);
    });
  }
  return pinned;
}

function reducedRowEchelon(matrix: number[][], width: number): number[][] {
  const m = matrix.map((row) => [...row]);
  let lead = 0;
  const out: number[][] = [];
  for (let col = 0; col < width && lead < m.length; col++) {
    let pivot = -1;
    for (let r = lead; r < m.length; r++) if (Math.abs(m[r]![col]!) > 1e-9) { pivot = r; break; }
    if (pivot < 0) continue;
    [m[lead], m[pivot]] = [m[pivot]!, m[lead]!];
    const p = m[lead]![col]!;
    m[lead] = m[lead]!.map((v) => v / p);
    for (let r = 0; r < m.length; r++) {
      if (r === lead) continue;
      const f = m[r]![col]!;
      if (Math.abs(f) > 1e-9) m[r] = m[r]!.map((v, i) => v - f * m[lead]![i]!);
    }
    lead += 1;
  }
  for (let r = 0; r < lead; r++) out.push(m[r]!);
  return out;
}

/** A share (0–1) of two published cells, or null when either is hidden or the denominator is 0. */
export function share(numerator: Cell, denominator: Cell): number | null {
  if (numerator.value === null || denominator.value === null || denominator.value === 0) return null;
  return numerator.value / denominator.value;
}

// ---------------------------------------------------------------------------
// Rounding: protection against differencing two reports (docs/decisions/0009-reports.md).
//
// Suppression protects a table on its own. A reader with two reports can still subtract:
// "Jan–Jun" minus "Jan–May" is June, "all teams" minus "north" is the other teams; with
// exact counts, a June that its own report hides as "fewer than 5" falls out as 8 − 6 = 2.
// So, after suppression, every published count (cells and totals, each on its own) is
// rounded to a base, 5 by default (NHS Digital's practice): the difference of two
// rounded figures is then only known to within ± the base, never exactly.
//
// Rounding alone is not enough at the edges: with "fewer than 5" and rounding to the
// nearest 5, a period shown as 10 (8 to 12) whose two parts are both "fewer than 5"
// must be 4 + 4. Which combinations of threshold and base leak is arithmetic, so it is
// checked, not assumed: `differencingSafe` tries every split of a count into two parts
// (the whole, a part and the rest, each shown, fewer than the threshold, withheld or 0)
// and fails if any hidden part can take only one value. `roundingFor` takes the first
// rule that passes, from the configured base up: the nearest multiple of the base; or the
// same with every count from the threshold to 2×(threshold−1) shown as the lowest
// published figure (for the defaults: 5 to 8 are shown as 5, 9 to 12 as 10). A threshold
// of 3 cannot be protected at all ("fewer than 3" on a period and on both of its parts
// means 1 + 1 = 2), so reports raise it to 4 (`differencingThreshold`).
//
// What this does not cover: chains of three or more reports over overlapping periods or
// teams can, in rare edge cases, narrow a hidden count to one value (the known limit of
// any fixed rounding; ONS's answer is cell-key perturbation). Periods are whole months,
// which keeps the number of distinct reports small, and every report view is audited.
// ---------------------------------------------------------------------------

export const DEFAULT_ROUNDING_BASE = 5;
export const MIN_DIFFERENCING_THRESHOLD = 4;

/** How published counts are rounded: to the nearest `base`; counts from the threshold to `lowestUpTo` all show as `lowest`. */
export type Rounding = { base: number; lowest: number; lowestUpTo: number };

/** The rounding base to use: the configured whole number ≥ 2; the default 5 when unset or invalid. */
export function roundingBase(configured?: string | number | null): number {
  if (configured === undefined || configured === null || configured === "") return DEFAULT_ROUNDING_BASE;
  const n = typeof configured === "number" ? configured : Number(configured);
  return Number.isInteger(n) && n >= 2 ? n : DEFAULT_ROUNDING_BASE;
}

/** The threshold reports suppress with: the configured one, raised to 4 (see above). */
export function differencingThreshold(threshold: number): number {
  return Math.max(MIN_DIFFERENCING_THRESHOLD, threshold);
}

/** A count as published: 0 and hidden counts are not rounded (hidden ones are not published). */
export function roundCount(value: number, threshold: number, rounding: Rounding): number {
  if (value < threshold) return value;
  if (value <= rounding.lowestUpTo) return rounding.lowest;
  return Math.max(rounding.base, Math.round(value / rounding.base) * rounding.base);
}

function candidate(threshold: number, base: number, stretched: boolean): Rounding {
  const lowest = Math.max(base, Math.round(threshold / base) * base);
  return { base, lowest, lowestUpTo: stretched ? 2 * threshold - 2 : threshold - 1 };
}

/** A set of whole numbers as sorted, disjoint closed intervals. */
type Ranges = Array<[number, number]>;

function normalise(r: Ranges): Ranges {
  const sorted = r.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Ranges = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
const intersect = (x: Ranges, y: Ranges): Ranges => normalise(x.flatMap(([a, b]) => y.map(([c, d]): [number, number] => [Math.max(a, c), Math.min(b, d)])));
/** {a − d : a ∈ x, d ∈ y} */
const minus = (x: Ranges, y: Ranges): Ranges => normalise(x.flatMap(([a, b]) => y.map(([c, d]): [number, number] => [a - d, b - c])));
/** {a + d : a ∈ x, d ∈ y} */
const plus = (x: Ranges, y: Ranges): Ranges => normalise(x.flatMap(([a, b]) => y.map(([c, d]): [number, number] => [a + c, b + d])));
const size = (r: Ranges) => r.reduce((n, [a, b]) => n + (b - a + 1), 0);

/**
 * What a reader knows of a count from how it is published: exactly 0; 1 to threshold−1;
 * anything but 1 to threshold−1 (withheld); or every count that rounds to the same figure.
 */
export function publishedRange(value: number, withheld: boolean, threshold: number, rounding: Rounding, ceiling: number): Ranges {
  if (value === 0 && !withheld) return [[0, 0]];
  if (value > 0 && value < threshold) return [[1, threshold - 1]];
  if (withheld) return [[0, 0], [threshold, ceiling]];
  const shown = roundCount(value, threshold, rounding);
  let lo = value;
  while (lo - 1 >= threshold && roundCount(lo - 1, threshold, rounding) === shown) lo--;
  let hi = value;
  while (hi + 1 <= ceiling && roundCount(hi + 1, threshold, rounding) === shown) hi++;
  return [[lo, hi]];
}

/**
 * Whether no hidden count can be pinned by differencing: for every whole A = B + D (a
 * period and its two parts, or all teams, some teams and the rest), each published
 * shown, hidden, withheld or 0, no count hidden as "fewer than" is left with one
 * possible value, and no withheld count with one non-zero value.
 */
export function differencingSafe(threshold: number, rounding: Rounding): boolean {
  const span = 4 * (threshold + rounding.base);
  const ceiling = 8 * span;
  const known = new Map<string, Ranges>();
  const range = (v: number, withheld: boolean) => {
    const k = `${v}${withheld ? "w" : ""}`;
    let r = known.get(k);
    if (!r) known.set(k, (r = publishedRange(v, withheld, threshold, rounding, ceiling)));
    return r;
  };
  for (let b = 0; b <= span; b++) {
    for (let d = 0; d <= span; d++) {
      const a = b + d;
      const modes = (v: number) => (v > 0 && v < threshold ? [false] : [false, true]);
      for (const wa of modes(a)) for (const wb of modes(b)) for (const wd of modes(d)) {
        const A = range(a, wa);
        const B = range(b, wb);
        const D = range(d, wd);
        const parts: Array<[number, boolean, Ranges]> = [
          [a, wa, intersect(A, plus(B, D))],
          [b, wb, intersect(B, minus(A, D))],
          [d, wd, intersect(D, minus(A, B))],
        ];
        for (const [v, withheld, feasible] of parts) {
          const hidden = withheld || (v > 0 && v < threshold);
          if (hidden && size(feasible) === 1 && (!withheld || v !== 0)) return false;
        }
      }
    }
  }
  return true;
}

const roundingCache = new Map<string, Rounding>();

/** The first rounding rule, from the configured base up, that `differencingSafe` passes. */
export function roundingFor(threshold: number, base = DEFAULT_ROUNDING_BASE): Rounding {
  const t = differencingThreshold(threshold);
  const key = `${t}/${base}`;
  const cached = roundingCache.get(key);
  if (cached) return cached;
  for (let b = Math.max(2, base); b <= base + 4 * t + 10; b++) {
    for (const stretched of [false, true]) {
      const r = candidate(t, b, stretched);
      if (differencingSafe(t, r)) {
        roundingCache.set(key, r);
        return r;
      }
    }
  }
  throw new Error(`no safe rounding for threshold ${t}`);
}

/** Rounds every shown count of a suppressed table, totals independently; hidden cells stay null. */
export function roundTable(table: SuppressedTable, rounding: Rounding): RoundedTable {
  const round = (c: Cell): Cell => (c.value === null ? c : { value: roundCount(c.value, table.threshold, rounding), status: c.status });
  return {
    cells: table.cells.map((row) => row.map(round)),
    rowTotals: table.rowTotals.map(round),
    colTotals: table.colTotals.map(round),
    grandTotal: table.grandTotal ? round(table.grandTotal) : null,
    threshold: table.threshold,
    rounding,
  };
}

/** A suppressed table whose shown counts are rounded: what reports publish. */
export type RoundedTable = SuppressedTable & { rounding: Rounding };
