/**
 * All benchmarks in one table (`npm run bench`): the engine in Node, then the production
 * build in Chromium (bundle, start-up, storage, list, report, Lighthouse). Each benchmark
 * exports a function that returns its rows; add new ones to the list below. The header
 * names the machine: CPUs, Node, Chromium, and the load average before and after.
 */
import { cpus, loadavg } from 'node:os';
import { runBrowserBench } from './bench-browser';
import { runEngineBench } from './bench-engine';
import { formatRows, type Row } from './bench-util';

const machine: string[] = [];
const benchmarks: { name: string; run: () => Promise<Row[]> }[] = [
  { name: 'engine', run: () => runEngineBench() },
  {
    name: 'browser',
    run: () =>
      runBrowserBench((line) => {
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
