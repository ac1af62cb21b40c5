/**
 * The budget check of CI (`npm test` runs it after the browser tests): builds the app into a
 * temporary folder, measures the bundle, runs Lighthouse (mobile, median of 3) against
 * `vite preview` of that build on a free port, and checks every budget of scripts/budgets.ts.
 *
 *   npx tsx scripts/check-budgets.ts [--dist DIR] [--runs N] [--out FILE]
 *
 * --dist measures an existing build instead of building one. Prints one PASS/FAIL line per
 * budget, writes them to --out (default test-results/budgets.json) for scripts/test-all.mjs,
 * and exits 1 when any budget is broken or could not be measured.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { BUDGETS, checkBudgets, type Measurements } from './budgets';
import { buildApp, measureBundle, removeDir, runLighthouse, serve, tempDir } from './measure-build';

const { values: args } = parseArgs({ options: { dist: { type: 'string' }, runs: { type: 'string', default: '3' }, out: { type: 'string', default: 'test-results/budgets.json' } } });

const kb = (bytes: number): number => Math.round(bytes / 100) / 10;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const measurements: Measurements = {};
const notes: string[] = [];
const dir = args.dist ?? tempDir('energietoolbox-budgets-');
try {
  if (!args.dist) {
    console.log(`building into ${dir} …`);
    await buildApp(dir);
  }
  try {
    const b = measureBundle(dir);
    measurements.initialJsGzipKb = kb(b.initialJsGzip);
    measurements.chartJsInInitialRoute = b.chartJsInInitialRoute;
    measurements.precacheGzipKb = kb(b.precacheGzip);
    notes.push(`initial route: ${b.initialJsFiles.join(', ')}`, `chart chunk: ${b.chartChunk ? `${b.chartChunk.file} (${kb(b.chartChunk.gzip)} kB gzip)` : 'none'}`, `precache: ${b.precacheEntries} files, ${kb(b.precacheBytes)} kB raw`);
  } catch (error) {
    notes.push(`bundle not measured: ${message(error)}`);
  }
  const server = await serve(dir);
  try {
    console.log(`Lighthouse against ${server.url}/ …`);
    const lh = await runLighthouse(`${server.url}/`, Number(args.runs));
    measurements.lighthousePerformance = lh.performance;
    measurements.lighthouseAccessibility = lh.accessibility;
    measurements.lighthouseBestPractices = lh.bestPractices;
    notes.push(`Lighthouse runs (perf/a11y/bp/seo): ${lh.runs.map((r) => `${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo}`).join(', ')}; SEO ${lh.seo} (not budgeted)`);
  } catch (error) {
    notes.push(`Lighthouse not measured: ${message(error)}`);
  } finally {
    await server.close();
  }
} catch (error) {
  // A failed build or server: whatever was not measured fails its budget below.
  notes.push(`stopped: ${message(error)}`);
} finally {
  if (!args.dist) removeDir(dir);
}

const { ok, lines, results } = checkBudgets(measurements, BUDGETS);
console.log(`\nBudgets\n${notes.map((n) => `  ${n}`).join('\n')}\n\n${lines.join('\n')}`);
mkdirSync(dirname(args.out!), { recursive: true });
writeFileSync(args.out!, JSON.stringify({ ok, passed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results, measurements, notes }, null, 2));
process.exit(ok ? 0 : 1);
