/**
 * Shared pieces of the benchmarks: the row shape every benchmark returns, the table
 * printer, a seeded random generator and timing helpers.
 */
import { performance } from 'node:perf_hooks';

/** Marks the line with a benchmark's rows when it runs in a process of its own (`--json`). */
export const JSON_ROWS_PREFIX = 'BENCH-ROWS ';

/** One figure of a benchmark. `ok` is null when the figure has no target. */
export interface Row {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean | null;
}

/** Formats a number for the table: 3 significant digits, thousands grouped. */
function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const digits = Number.isInteger(v) || abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The rows as a plain-text table. */
export function formatRows(rows: Row[]): string {
  const cells = rows.map((r) => [r.name, formatNumber(r.value), r.unit, r.target, r.ok === null ? '' : r.ok ? 'PASS' : 'MISS']);
  const header = ['benchmark', 'value', 'unit', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string =>
    c
      .map((x, i) => (i === 1 ? x.padStart(widths[i]) : x.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** mulberry32: a small, fast, seeded PRNG (the same seed gives the same figures' inputs). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile (0..1) of a list of numbers. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export const median = (values: number[]): number => quantile(values, 0.5);

/** Milliseconds one call takes. */
export function timeMs(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Milliseconds one async call takes. */
export async function timeMsAsync(f: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}
