/**
 * All benchmarks in one table (`npm run bench`). Each benchmark exports a function that
 * returns its rows; add new ones to the list below.
 */
import { cpus, loadavg } from 'node:os';
import { runEngineBench } from './bench-engine';
import { formatRows, type Row } from './bench-util';

const benchmarks: { name: string; run: () => Promise<Row[]> }[] = [{ name: 'engine', run: () => runEngineBench() }];

const load = loadavg().map((l) => l.toFixed(1)).join(' ');
const rows: Row[] = [];
for (const b of benchmarks) {
  console.log(`running ${b.name} …`);
  rows.push(...(await b.run()));
}
console.log(`\nBenchmarks (Node ${process.version}, ${cpus().length} CPUs, load average at start ${load})\n`);
console.log(formatRows(rows));
const missed = rows.filter((r) => r.ok === false).length;
console.log(`\n${rows.filter((r) => r.ok === true).length} targets met, ${missed} missed`);
