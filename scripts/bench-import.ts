/**
 * The spreadsheet import in Node: the 49-company CSV fixture and the 12-row XLSX fixture read,
 * mapped and every cell checked and matched (parse + map + validate + plan), as the import
 * view does before its preview. Median of 30 runs after 5 warm-up runs; the first (cold) run
 * is printed too. Run alone: npx tsx scripts/bench-import.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledToolbox } from '../src/engine';
import { autoMap, targetOptions } from '../src/features/import/mapping';
import { planImport } from '../src/features/import/plan';
import { parseCsv, readSpreadsheet, type SheetResult } from '../src/features/import/sheet';
import { formatRows, median, timeMsAsync, type Row } from './bench-util';

const fixture = (name: string) => readFileSync(new URL(`../tests/fixtures/import/${name}`, import.meta.url));

export async function runImportBench(): Promise<Row[]> {
  const options = targetOptions(bundledToolbox.facts);
  const csv = fixture('bedrijven-49.csv').toString('utf8');
  const xlsx = Object.assign(new Blob([fixture('bedrijven-12.xlsx')]), { name: 'bedrijven-12.xlsx' });
  const run = (read: () => Promise<SheetResult> | SheetResult) => async () => {
    const r = await read();
    if (!r.ok) throw new Error(r.message.nl);
    const p = planImport(r.sheet, autoMap(r.sheet.headers, options), options, []);
    if (p.changes.add.length === 0) throw new Error('nothing planned');
  };
  const rows: Row[] = [];
  for (const [name, f] of [
    ['import of 49 rows (CSV): parse + map + validate + plan', run(() => parseCsv(csv))],
    ['import of 12 rows (XLSX): read + map + validate + plan', run(() => readSpreadsheet(xlsx))],
  ] as const) {
    const cold = await timeMsAsync(f);
    for (let i = 0; i < 5; i++) await f();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push(await timeMsAsync(f));
    const m = median(times);
    rows.push({ name: `${name}, median of 30`, value: m, unit: 'ms', target: '< 1 s', ok: m < 1000 });
    rows.push({ name: `${name}, first run`, value: cold, unit: 'ms', target: '', ok: null });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatRows(await runImportBench()));
