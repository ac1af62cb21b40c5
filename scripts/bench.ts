/**
 * All benchmarks in one table (`npm run bench`): the engine and the spreadsheet import in
 * Node, then the production build in Chromium (a province's exchange file: import time, peak
 * heap, a refused file; bundle, start-up, storage, list, report, Lighthouse). Each benchmark
 * exports a function that returns its rows; add new ones to the list below. The header
 * names the machine: CPUs, Node, Chromium, and the load average before and after.
 *
 * The engine runs in a Node process of its own: in this one, the browser benchmark's modules
 * (Playwright, Lighthouse) fill the heap, and every major garbage collection during the
 * engine's timing would walk them too (1,000 × 20 took twice as long there).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatRows, JSON_ROWS_PREFIX, type Row } from './bench-util';

function inItsOwnProcess(name: string): Row[] {
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const out = execFileSync(tsx, [script, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = out.split('\n').find((l) => l.startsWith(JSON_ROWS_PREFIX));
  if (!line) throw new Error(`${name} printed no rows:\n${out}`);
  return JSON.parse(line.slice(JSON_ROWS_PREFIX.length)) as Row[];
}

const machine: string[] = [];
const benchmarks: { name: string; run: () => Promise<Row[]> }[] = [
  { name: 'engine', run: async () => inItsOwnProcess('bench-engine.ts') },
  { name: 'input burden', run: async () => inItsOwnProcess('bench-input.ts') },
  { name: 'import', run: async () => (await import('./bench-import')).runImportBench() },
  { name: 'exchange', run: async () => (await import('./bench-exchange')).runExchangeBench((line) => console.log(`  ${line}`)) },
  {
    name: 'browser',
    run: async () =>
      (await import('./bench-browser')).runBrowserBench((line) => {
        console.log(`  ${line}`);
        const chromium = /^Chromium (\S+)/.exec(line);
        if (chromium) machine.push(`Chromium ${chromium[1]}`);
      }),
  },
];

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');
const loadAtStart = load();
const rows: Row[] = [];
for (const b of benchmarks) {
  console.log(`running ${b.name} …`);
  rows.push(...(await b.run()));
}
const cpu = cpus();
console.log(`\nBenchmarks (${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${machine.join(', ')}; load average ${loadAtStart} at start, ${load()} at end)\n`);
console.log(formatRows(rows));
const missed = rows.filter((r) => r.ok === false).length;
console.log(`\n${rows.filter((r) => r.ok === true).length} targets met, ${missed} missed`);
