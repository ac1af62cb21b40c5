/**
 * The province's exchange file in Chromium (Playwright's API, /usr/bin/chromium) against a
 * production build served by `vite preview`: the generated province (scripts/province.ts,
 * 631 parks × 48 companies with surveys and locations) chosen in the storage panel's file
 * input of an empty app, until "631 terreinen geïmporteerd." is shown:
 *
 * - time from the file input's change to the outcome shown (performance.now() in the page);
 * - the longest main-thread task meanwhile (Long Tasks API);
 * - the page's peak JavaScript heap: CDP Performance.getMetrics JSHeapUsedSize sampled every
 *   100 ms from Node (measureUserAgentSpecificMemory needs cross-origin isolation, which the
 *   app does not have), beside the heap before the import, and the peak of its workers' heaps
 *   (Runtime.getHeapUsage in each worker: the import and export run there);
 * - the origin's storage usage afterwards (navigator.storage.estimate: IndexedDB for the province);
 * - "Alles exporteren" of the province until the browser has the download: time, longest task, peak heap;
 * - the same province with every roof area of its last park negative: time to the refusal, the
 *   longest task and peak heap meanwhile, and whether the database is unchanged (SHA-256 of every terrain record and the summary count).
 *
 *   npx tsx scripts/bench-exchange.ts      prints this table alone
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { digestDb } from '../tests/e2e/data-safety';
import { formatRows, type Row } from './bench-util';
import { buildApp, CHROMIUM, CHROMIUM_FLAGS, removeDir, serve, tempDir } from './measure-build';
import { PROVINCE, provinceParts } from './province';

const MB = 1024 * 1024;

interface ImportMarks {
  chosen: number;
  /** When the progress first said "writing". */
  writing?: number;
  outcome: number;
  kind: string;
  /** Every long task of the page: start and duration. */
  tasks: [number, number][];
}

/** Runs in the page before its scripts: when a file is chosen, when writing begins, when an outcome shows, and the long tasks. */
function observeImport(): void {
  const marks: Partial<ImportMarks> = { tasks: [] };
  (window as unknown as { __import: typeof marks }).__import = marks;
  document.addEventListener(
    'change',
    () => {
      Object.assign(marks, { chosen: performance.now(), writing: undefined, outcome: undefined, kind: undefined });
    },
    true,
  );
  new MutationObserver(() => {
    if (marks.chosen === undefined || marks.outcome !== undefined) return;
    if (marks.writing === undefined && document.querySelector('[data-import="busy"][data-phase="writing"]')) marks.writing = performance.now();
    const el = document.querySelector('.import-result');
    if (el) {
      marks.outcome = performance.now();
      marks.kind = el.getAttribute('data-import') ?? '';
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.tasks?.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: false });
}

/** The longest of these tasks that ended between `from` and `to`. */
const longest = (tasks: [number, number][], from: number, to: number): number => Math.max(0, ...tasks.filter(([s, d]) => s + d >= from && s + d <= to).map(([, d]) => d));

/**
 * Samples the page's JS heap (CDP JSHeapUsedSize) and, beside it, the used heap of its dedicated workers
 * (the import and export workers: CDP Runtime.getHeapUsage in each worker target, attached through the
 * page's session) every 100 ms until the returned function is called; it gives both peaks.
 */
async function sampleHeap(page: Page): Promise<() => Promise<{ page: number; workers: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async (): Promise<number> => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN);
  const workers = new Set<string>();
  const pending = new Map<number, (used: number) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e) => {
    if (e.sessionId) workers.delete(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (message.id !== undefined) pending.get(message.id)?.(message.result?.usedSize ?? 0);
    if (message.id !== undefined) pending.delete(message.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workerHeap = async (sessionId: string): Promise<number> => {
    const id = nextId++;
    const answer = new Promise<number>((resolve) => {
      pending.set(id, resolve);
      setTimeout(() => resolve(0), 1000); // a worker that ended meanwhile
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => undefined);
    return answer;
  };
  let peak = await heap();
  let peakWorkers = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const [pageHeap, ...inWorkers] = await Promise.all([heap(), ...[...workers].map(workerHeap)]);
      peak = Math.max(peak, pageHeap);
      peakWorkers = Math.max(peakWorkers, inWorkers.reduce((a, b) => a + b, 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    done = true;
    await sampler;
    await cdp.detach();
    return { page: peak, workers: peakWorkers };
  };
}

/** The page's JS heap after a full garbage collection, so each phase's peak counts its own allocations only. */
async function collectedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  await cdp.detach();
  return heap;
}

/** Chooses the file and waits for the outcome; samples the JS heap meanwhile. */
async function importAndMeasure(page: Page, path: string): Promise<ImportMarks & { peakHeap: number; peakWorkerHeap: number }> {
  const stop = await sampleHeap(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Importeren…', exact: true }).click()]);
  await chooser.setFiles(path);
  await page.waitForFunction(() => (window as unknown as { __import: { outcome?: number } }).__import.outcome !== undefined, undefined, { timeout: 600_000, polling: 200 });
  const { page: peakHeap, workers: peakWorkerHeap } = await stop();
  // The outcome's render (with the list of every terrain) ends in a task of its own, measured too.
  await page.waitForTimeout(1000);
  const m = await page.evaluate(() => (window as unknown as { __import: ImportMarks }).__import);
  return { ...m, peakHeap, peakWorkerHeap };
}

/** "Alles exporteren" until the browser has the download: time (in the page), longest task, peak heap, file size. */
async function exportAndMeasure(page: Page): Promise<{ ms: number; longestTask: number; peakHeap: number; peakWorkerHeap: number; bytes: number }> {
  const stop = await sampleHeap(page);
  const start = await page.evaluate(() => performance.now());
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByRole('button', { name: 'Alles exporteren', exact: true }).click()]);
  const end = await page.evaluate(() => performance.now());
  const { page: peakHeap, workers: peakWorkerHeap } = await stop();
  const tasks = await page.evaluate(() => (window as unknown as { __import: ImportMarks }).__import.tasks);
  const path = await download.path();
  return { ms: end - start, longestTask: longest(tasks, start, end), peakHeap, peakWorkerHeap, bytes: statSync(path).size };
}

export async function runExchangeBench(log: (line: string) => void = () => {}): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = tempDir('energietoolbox-bench-exchange-');
  const files = mkdtempSync(join(tmpdir(), 'energietoolbox-province-'));
  let close: (() => Promise<void>) | null = null;
  let browser: Browser | null = null;
  try {
    const good = join(files, 'provincie.json');
    writeFileSync(good, [...provinceParts()].join(''));
    const text = readFileSync(good, 'utf8');
    const last = text.lastIndexOf(`"id": "zh-${PROVINCE.terrains}"`);
    const bad = join(files, 'provincie-fout.json');
    writeFileSync(bad, text.slice(0, last) + text.slice(last).replace(/"roofAreaM2": [0-9.]+/g, '"roofAreaM2": -1'));
    const size = Buffer.byteLength(text);
    log(`province file: ${PROVINCE.terrains} × ${PROVINCE.buildings}, ${(size / MB).toFixed(1)} MB`);

    log(`building into ${dir}`);
    await buildApp(dir);
    const server = await serve(dir);
    close = server.close;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ locale: 'nl-NL', serviceWorkers: 'block' });
    await context.addInitScript(observeImport);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('form.create-form button[type="submit"]:not([disabled])').waitFor();
    const heapBefore = await collectedHeap(page);

    const name = `import of the province file (${PROVINCE.terrains} × ${PROVINCE.buildings}, ${(size / MB).toFixed(0)} MB)`;
    const ok = await importAndMeasure(page, good);
    if (ok.kind !== 'done') throw new Error(`the province was not imported: ${await page.locator('.import-result').textContent()}`);
    const writing = ok.writing ?? ok.outcome;
    const figures = {
      total: ok.outcome - ok.chosen,
      reading: writing - ok.chosen,
      readingTask: longest(ok.tasks, ok.chosen, writing),
      // The task that shows the outcome ends right after it is marked (its mutation observer runs last in it):
      // the last batch's success, the model taking every record, and the render of the list of all terrains.
      writingTask: longest(ok.tasks, writing, ok.outcome - 2),
      afterTask: longest(ok.tasks, ok.outcome - 2, Number.POSITIVE_INFINITY),
    };
    log(`long tasks [start, ms] from choosing (writing at ${(writing - ok.chosen).toFixed(0)}, outcome at ${(ok.outcome - ok.chosen).toFixed(0)}): ${JSON.stringify(ok.tasks.map(([s, d]) => [Math.round(s - ok.chosen), Math.round(d)]))}`);
    log(`imported: ${JSON.stringify(figures)}; heap ${(heapBefore / MB).toFixed(1)} → peak ${(ok.peakHeap / MB).toFixed(1)} MB, workers' peak ${(ok.peakWorkerHeap / MB).toFixed(1)} MB`);
    rows.push({ name: `${name}: choose to "imported"`, value: figures.total, unit: 'ms', target: '', ok: null });
    rows.push({ name: `${name}: of which reading and checking`, value: figures.reading, unit: 'ms', target: '', ok: null });
    rows.push({ name: `${name}: longest task while reading and checking`, value: figures.readingTask, unit: 'ms', target: '< 50 ms', ok: figures.readingTask < 50 });
    rows.push({ name: `${name}: longest task while writing`, value: figures.writingTask, unit: 'ms', target: '', ok: null });
    rows.push({ name: `${name}: the task that shows "imported" (the model takes all, the list of 631 renders)`, value: figures.afterTask, unit: 'ms', target: '', ok: null });
    rows.push({ name: `${name}: peak JS heap of the page (before: ${(heapBefore / MB).toFixed(1)} MB)`, value: ok.peakHeap / MB, unit: 'MB', target: '', ok: null });
    rows.push({ name: `${name}: peak JS heap of its worker (the checked records until the write)`, value: ok.peakWorkerHeap / MB, unit: 'MB', target: '', ok: null });
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? Number.NaN);
    rows.push({ name: 'storage usage of the origin with the province (IndexedDB)', value: usage / MB, unit: 'MB', target: '', ok: null });

    const heapBeforeExport = await collectedHeap(page);
    const exported = await exportAndMeasure(page);
    log(`exported ${(exported.bytes / MB).toFixed(1)} MB in ${exported.ms.toFixed(0)} ms; longest task ${exported.longestTask.toFixed(0)} ms; peak heap ${(exported.peakHeap / MB).toFixed(1)} MB, workers' ${(exported.peakWorkerHeap / MB).toFixed(1)} MB`);
    rows.push({ name: `export of the province ("Alles exporteren" to the download, ${(exported.bytes / MB).toFixed(0)} MB)`, value: exported.ms, unit: 'ms', target: '', ok: null });
    rows.push({ name: 'export of the province: longest main-thread task', value: exported.longestTask, unit: 'ms', target: '< 50 ms', ok: exported.longestTask < 50 });
    rows.push({ name: `export of the province: peak JS heap of the page (before: ${(heapBeforeExport / MB).toFixed(1)} MB)`, value: exported.peakHeap / MB, unit: 'MB', target: '', ok: null });
    rows.push({ name: 'export of the province: peak JS heap of its worker', value: exported.peakWorkerHeap / MB, unit: 'MB', target: '', ok: null });

    const before = await digestDb(page);
    const heapBeforeRefusal = await collectedHeap(page);
    const refused = await importAndMeasure(page, bad);
    const unchanged = refused.kind === 'rejected' && JSON.stringify(await digestDb(page)) === JSON.stringify(before);
    const refusedTask = longest(refused.tasks, refused.chosen, refused.outcome);
    log(`refused in ${(refused.outcome - refused.chosen).toFixed(0)} ms (${refused.kind}); longest task ${refusedTask.toFixed(0)} ms; peak heap ${(refused.peakHeap / MB).toFixed(1)} MB, workers' ${(refused.peakWorkerHeap / MB).toFixed(1)} MB; database unchanged: ${unchanged}`);
    rows.push({ name: 'province file refused by its last park: choose to refusal', value: refused.outcome - refused.chosen, unit: 'ms', target: '', ok: null });
    rows.push({ name: 'province file refused by its last park: longest main-thread task', value: refusedTask, unit: 'ms', target: '< 50 ms', ok: refusedTask < 50 });
    rows.push({ name: `province file refused by its last park: peak JS heap of the page (before: ${(heapBeforeRefusal / MB).toFixed(1)} MB)`, value: refused.peakHeap / MB, unit: 'MB', target: '', ok: null });
    rows.push({ name: 'province file refused by its last park: peak JS heap of its worker', value: refused.peakWorkerHeap / MB, unit: 'MB', target: '', ok: null });
    rows.push({ name: 'province file refused by its last park: database unchanged (1 = yes)', value: unchanged ? 1 : 0, unit: '', target: '1', ok: unchanged });
    await context.close();
  } finally {
    await browser?.close();
    await close?.();
    removeDir(dir);
    removeDir(files);
  }
  return rows;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const rows = await runExchangeBench((line) => console.log(`  ${line}`));
  console.log(`\n${formatRows(rows)}`);
}
