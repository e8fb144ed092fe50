/** Timing helpers shared by the scale benchmarks: percentiles and a plain-text table. */

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export type Timing = { p50: number; p95: number };

/**
 * Runs `app` and `raw` alternately `n` times after `warm` untimed rounds (so both see the
 * same cache state and noise), and returns their p50/p95 in milliseconds.
 */
export async function measurePair(n: number, app: () => Promise<unknown>, raw: () => Promise<unknown>, warm = 3): Promise<{ app: Timing; raw: Timing }> {
  for (let i = 0; i < warm; i++) {
    await app();
    await raw();
  }
  const a: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    await app();
    a.push(performance.now() - t);
    t = performance.now();
    await raw();
    r.push(performance.now() - t);
  }
  a.sort((x, y) => x - y);
  r.sort((x, y) => x - y);
  return { app: { p50: percentile(a, 50), p95: percentile(a, 95) }, raw: { p50: percentile(r, 50), p95: percentile(r, 95) } };
}

/** Left-aligned first column, right-aligned others. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : "–");
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");
