/**
 * The performance budgets as data, and a pure checker. Sizes and scores only, never
 * timings: a budget must not pass or fail with the load on the machine.
 *
 * Measured by scripts/measure-build.ts, checked by scripts/check-budgets.ts (part of
 * `npm test`), proven in tests/unit/budgets.test.ts. Sizes are gzip level 9, in kB
 * (1 kB = 1,000 bytes, as vite prints them).
 */

export interface Budget {
  /** Key of the measurement this budget limits. */
  id: string;
  label: string;
  unit: string;
  /** The measurement must be at most this. */
  max?: number;
  /** The measurement must be at least this. */
  min?: number;
}

export type Measurements = Record<string, number | null | undefined>;

export interface BudgetResult {
  id: string;
  ok: boolean;
  line: string;
}

export const BUDGETS: readonly Budget[] = [
  { id: 'initialJsGzipKb', label: 'initial route JavaScript (gzip)', unit: 'kB', max: 60 },
  { id: 'chartJsInInitialRoute', label: 'chunks of the initial route that contain chart.js', unit: 'chunks', max: 0 },
  // 450 since 2026-12-02 (was 400): the background worker (status counts, province import and export) is built by Vite
  // apart from the app's chunks, so it carries its own copy of the engine, toolbox and storage code (105 kB gzip, of
  // which most is the same code as the app's toolbox, measures and engine chunks). Fetched by the service worker after
  // the first load, never part of it (the initial route's budget above is unchanged).
  { id: 'precacheGzipKb', label: 'total precache (gzip)', unit: 'kB', max: 450 },
  { id: 'lighthousePerformance', label: 'Lighthouse performance (mobile)', unit: 'score', min: 95 },
  { id: 'lighthouseAccessibility', label: 'Lighthouse accessibility', unit: 'score', min: 100 },
  { id: 'lighthouseBestPractices', label: 'Lighthouse best practices', unit: 'score', min: 100 },
];

function show(value: number, unit: string): string {
  const digits = Number.isInteger(value) ? 0 : 1;
  return `${value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

/** One budget against its measurement: a missing or non-numeric measurement fails. */
export function checkBudget(budget: Budget, value: number | null | undefined): BudgetResult {
  const limits = [budget.max !== undefined ? `≤ ${show(budget.max, budget.unit)}` : '', budget.min !== undefined ? `≥ ${show(budget.min, budget.unit)}` : ''].filter(Boolean).join(', ');
  const fail = (why: string): BudgetResult => ({ id: budget.id, ok: false, line: `FAIL  ${budget.label}: ${why}` });
  if (budget.max === undefined && budget.min === undefined) return fail('the budget has no limit');
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`not measured (${budget.id} is ${value === undefined ? 'missing' : String(value)}); budget ${limits}`);
  if (budget.max !== undefined && value > budget.max) return fail(`${show(value, budget.unit)} is over the budget ${limits} by ${show(value - budget.max, budget.unit)}`);
  if (budget.min !== undefined && value < budget.min) return fail(`${show(value, budget.unit)} is under the budget ${limits} by ${show(budget.min - value, budget.unit)}`);
  return { id: budget.id, ok: true, line: `PASS  ${budget.label}: ${show(value, budget.unit)} (budget ${limits})` };
}

/** Every budget against the measurements: ok only when each one passes. */
export function checkBudgets(measurements: Measurements, budgets: readonly Budget[] = BUDGETS): { ok: boolean; lines: string[]; results: BudgetResult[] } {
  const results = budgets.map((b) => checkBudget(b, Object.hasOwn(measurements, b.id) ? measurements[b.id] : undefined));
  return { ok: results.length > 0 && results.every((r) => r.ok), lines: results.map((r) => r.line), results };
}
