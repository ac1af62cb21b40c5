/**
 * Browser benchmarks in Chromium (Playwright's API, /usr/bin/chromium, the flags of
 * playwright.config.ts) against a production build served by `vite preview` on a free port:
 *
 * - bundle: initial route JavaScript, the chart chunk, the total precache (gzip 9);
 * - start-up: navigation start to a usable terrain list (the "Terrein toevoegen" button
 *   enabled and the stored terrains listed, then one frame), online (no service worker, no
 *   HTTP cache: a first visit) and offline (served by the service worker), each beside a bare
 *   static page with the same elements served the same way, as a ratio;
 * - storage: the app's own save path in a 50-building terrain's editor (header indicator
 *   from "saving" to "saved": the IndexedDB transaction and the re-render after it), p50/p95;
 * - keystrokes in that editor, each until the next frame is painted, beside the same in a bare
 *   page (one input), three ways:
 *   - wall clock, Chromium's frame clock as usual: a frame starts only on its 60 Hz tick, so a
 *     key waits up to 16.7 ms for it even in the bare page (its p95 is ~17 ms here): the figure a
 *     60 Hz screen shows, floored by the tick, so a "< 16 ms" target cannot be met by any page;
 *   - main-thread CPU per key (traced): the thread time of the tasks from the key to that frame,
 *     which a loaded machine does not inflate, but without the waits between them;
 *   - wall clock with the frame rate unlimited (`--disable-gpu-vsync --disable-frame-rate-limit`:
 *     a frame is made as soon as one is needed, the bare page's p95 is a few ms): the work until
 *     the frame, queueing behind the page's other tasks included. The "< 16 ms" target of a
 *     keystroke to the next frame (issue 15) is judged on this row's p95: under 16 ms the key's
 *     frame is the next tick on a 60 Hz screen. (A loaded 2-core machine inflates it: compare it
 *     with the bare page's in the same run.)
 *   The keys above are each sent once the last one is saved (the save's 300 ms debounce between
 *   them), so work the page does after a key's frame never meets the next key. The "while typing"
 *   rows send 30 keys 50 ms apart without waiting, as fast typing does, in both Chromiums: there a
 *   key also waits for what the page still does for the key before.
 * - a province (631 terrains × 48 buildings, scripts/bench-province.ts): the list, search, the
 *   background assessment, IndexedDB bytes;
 * - the report of a 50-company terrain: its first page (the cover's heading) and, its sheets
 *   rendered in slices, the whole report (then one frame each), and the longest task meanwhile;
 * - Lighthouse 12.8 (mobile), median of 3.
 *
 * Times are measured inside the page (performance.now(), from navigation start), medians
 * over several runs; "then one frame" is requestAnimationFrame plus a message, so layout
 * and paint of that frame are in. The build goes to a temporary folder with an extra
 * bench.html (also put in the service worker's precache list there), so the app's own
 * build stays clean. Terrains are generated with the engine benchmark's generator.
 *
 *   npx tsx scripts/bench-browser.ts                 prints this table alone
 *   npx tsx scripts/bench-browser.ts --only report   only the report rows (no Lighthouse)
 *   npx tsx scripts/bench-browser.ts --only startup  only the bundle and start-up rows (no Lighthouse)
 *   npx tsx scripts/bench-browser.ts --only keys     only the editor's save and keystroke rows
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DB_NAME, type StoredTerrain } from '../src/storage/db';
import { summarize } from '../src/storage/summary';
import { randomTerrain } from './bench-engine';
import { formatRows, median, quantile, seededRandom, type Row } from './bench-util';
import { BUDGETS } from './budgets';
import { buildApp, CHROMIUM, CHROMIUM_FLAGS, measureBundle, removeDir, runLighthouse, serve, tempDir } from './measure-build';

/** Chromium without its frame clock: a frame as soon as one is needed (the keystroke rows "frame rate unlimited"). */
export const FRAME_RATE_UNLIMITED = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

const SEED = 20261128;
const STARTUP_TERRAINS = 10;
const RUNS = 9;
const REPORT_COMPANIES = 50;

const limit = (id: string): number => {
  const b = BUDGETS.find((x) => x.id === id);
  return (b?.max ?? b?.min)!;
};
const kb = (bytes: number): number => bytes / 1000;

/** `count` terrains of `buildings` buildings, realistic facts (10 % unknown), distinct ids and dates. */
export function terrains(count: number, buildings: number, seed: number): StoredTerrain[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, (_, n) => {
    const t = randomTerrain(rnd, buildings, 0.1, n);
    const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    return { ...t, id: `bench-${seed}-${n}`, name: `Bedrijventerrein ${n + 1}`, municipality: 'Leiden', postcode4: '2333', createdAt: at, updatedAt: at, revision: 1 };
  });
}

/** A page with the elements the list's "usable" check looks for, and nothing else: no script, no style. */
function bareHtml(items: number): string {
  const li = Array.from({ length: items }, (_, i) => `<li><h2><a href="/">Bedrijventerrein ${i + 1}</a></h2><p>Leiden</p></li>`).join('');
  return `<!doctype html><html lang="nl"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bench</title></head><body><main><h1>Terreinen</h1><form class="create-form"><label for="n">Naam</label><input id="n"><button type="submit">Terrein toevoegen</button></form><ul class="terrain-list">${li}</ul></main></body></html>`;
}

/**
 * Runs in the page before its own scripts: records (performance.now(), from navigation start)
 * when the list is usable with at least `items` terrains, when the report's first page is there
 * and when all of it is (its sources listed), each then after one frame; and the longest
 * main-thread task.
 */
export function observeReady(items: number): void {
  const marks: Record<string, number> = {};
  (window as unknown as { __bench: Record<string, number> }).__bench = marks;
  const afterFrame = (name: string) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        marks[name] = performance.now();
        (window as unknown as { __benchMark?: (name: string) => void }).__benchMark?.(name);
      };
      ch.port2.postMessage(0);
    });
  const check = () => {
    if (marks.listDom === undefined) {
      const button = document.querySelector<HTMLButtonElement>('form.create-form button[type="submit"]');
      if (button && !button.disabled && document.querySelectorAll('ul.terrain-list > li').length >= items) {
        marks.listDom = performance.now();
        afterFrame('list');
      }
    }
    if (marks.reportFirstDom === undefined && document.querySelector('.report-cover h1')) {
      marks.reportFirstDom = performance.now();
      afterFrame('reportFirst');
    }
    if (marks.reportDom === undefined && document.querySelector('.report[data-complete="true"] ol.source-list > li')) {
      marks.reportDom = performance.now();
      afterFrame('report');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  document.addEventListener('DOMContentLoaded', check);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longestTask = Math.max(marks.longestTask ?? 0, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long task timing */
  }
}

/** The marks each page has reached, and who waits for one (the page calls `__benchMark`, a binding). */
const reached = new WeakMap<Page, { seen: Set<string>; wait: Map<string, () => void> }>();
const marksOf = (page: Page) => {
  let m = reached.get(page);
  if (!m) reached.set(page, (m = { seen: new Set(), wait: new Map() }));
  return m;
};

/**
 * Navigates and returns the page's marks once `mark` is set. The page says so through a binding:
 * evaluating in it while it loads (waitForFunction) would compile Playwright's injected script on
 * its main thread, 10–25 ms in the middle of the app's start-up (the bare page is done by then).
 */
export async function timedGoto(page: Page, url: string, mark: 'list' | 'report', { fromServiceWorker = false } = {}): Promise<{ ms: number; longestTask: number; marks: Record<string, number> }> {
  const m = marksOf(page);
  m.seen.clear();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<void>((resolve, reject) => {
    m.wait.set(mark, resolve);
    timer = setTimeout(() => reject(new Error(`${url}: no "${mark}" mark within 60 s`)), 60_000);
  });
  const response = await page.goto(url);
  if (fromServiceWorker && !response?.fromServiceWorker()) throw new Error(`${url} was not served by the service worker`);
  if (!m.seen.has(mark)) await done;
  clearTimeout(timer);
  m.wait.delete(mark);
  const marks = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
  return { ms: marks[mark], longestTask: marks.longestTask ?? 0, marks };
}

/**
 * Waits until the app has opened its database (the list is rendered), then writes the records with
 * their summaries (the app's own `summarize`), as the repository does, in transactions of 50.
 */
export async function seed(page: Page, records: StoredTerrain[]): Promise<void> {
  await page.locator('form.create-form button[type="submit"]:not([disabled])').waitFor();
  for (let i = 0; i < records.length; i += 50) {
    const chunk = records.slice(i, i + 50);
    // As JSON text: Playwright hands a string over much faster than the same nested objects.
    await page.evaluate(
      ({ dbName, json }) =>
        new Promise<void>((resolve, reject) => {
          const { records, summaries } = JSON.parse(json) as { records: unknown[]; summaries: unknown[] };
          const open = indexedDB.open(dbName);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['terrains', 'summaries'], 'readwrite');
            for (const r of records) tx.objectStore('terrains').put(r);
            for (const s of summaries) tx.objectStore('summaries').put(s);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { dbName: DB_NAME, json: JSON.stringify({ records: chunk, summaries: chunk.map((r) => summarize(r, null)) }) },
    );
  }
}

export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  });
}

export async function newContext(browser: Browser, items: number, options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', serviceWorkers: options.serviceWorkers ?? 'allow' });
  // tsx (esbuild, keepNames) wraps named functions in __name(): give the page a no-op one.
  // Global, so the functions page.evaluate() sends have it too.
  await context.addInitScript({ content: `globalThis.__name = (f) => f; (${observeReady.toString()})(${items});` });
  await context.exposeBinding('__benchMark', ({ page }, name: string) => {
    const m = marksOf(page);
    m.seen.add(name);
    m.wait.get(name)?.();
  });
  return context;
}

export const fmtMs = (values: number[]): string => values.map((v) => v.toFixed(0)).join(' ');

/** Records in `window.__keys` each key press (its hardware timestamp) until the frame after the page handled it is painted. */
function recordKeys(): void {
  const w = window as unknown as { __keys: number[] };
  w.__keys = [];
  window.addEventListener(
    'keydown',
    (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => w.__keys.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    },
    true,
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string; functionName?: string } };
}

/**
 * Main-thread CPU time per keystroke, from a Chromium trace: the thread time (not the wall time,
 * so a loaded machine's waits are left out) of every task from the one that dispatched the key
 * to the one that ran `recordKeys`' message after the frame. `press` types one key and waits.
 */
async function keystrokeCpu(page: Page, keys: number, press: (i: number) => Promise<void>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'toplevel'] } });
  for (let i = 0; i < keys; i++) await press(i);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  const threads = new Map<string, number>();
  const renderers = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  for (const e of events) if (renderers.has(`${e.pid}:${e.tid}`)) threads.set(`${e.pid}:${e.tid}`, (threads.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
  const on = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = on.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const taskOf = (e: TraceEvent) => tasks.find((t) => t.ts <= e.ts && e.ts < t.ts + (t.dur ?? 0));
  const marks = on.filter((e) => e.name === 'FunctionCall' && e.args?.data?.functionName?.includes('onmessage'));
  return on
    .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')
    .flatMap((key) => {
      const first = taskOf(key);
      const mark = marks.find((m) => m.ts > key.ts);
      const last = mark && taskOf(mark);
      if (!first || !last) return [];
      return [tasks.filter((t) => t.ts >= first.ts && t.ts <= last.ts).reduce((sum, t) => sum + (t.tdur ?? t.dur ?? 0), 0) / 1000];
    });
}

/** Records in `window.__saves` each save's time from the header indicator's "saving" to "saved". */
function watchSaves(): void {
  const w = window as unknown as { __saves: number[] };
  w.__saves = [];
  let savingAt: number | null = null;
  const status = document.querySelector('header [role="status"][data-state]')!;
  new MutationObserver(() => {
    const s = status.getAttribute('data-state');
    if (s === 'saving' && savingAt === null) savingAt = performance.now();
    if (s === 'saved' && savingAt !== null) {
      w.__saves.push(performance.now() - savingAt);
      savingAt = null;
    }
  }).observe(status, { attributes: true, attributeFilter: ['data-state'] });
}

const KEYS = 30;
/** The typing rows: a key every this many ms without waiting for anything (fast typing; a held key repeats every ~33 ms). */
const TYPING_INTERVAL_MS = 50;

/**
 * Opens the editor of a 50-building terrain (seeded first) and types KEYS keys in one field, each
 * after the last one's save ("5" and Backspace in turn); `trace` then types KEYS more, traced, for
 * the main thread's CPU per key. Then KEYS keys in a bare page with one input, each after the last
 * one's frame: the floor the method itself sets on this machine, in the same run.
 */
async function typeInEditor(browser: Browser, origin: string, trace: boolean): Promise<{ keys: number[]; saves: number[]; typing: number[]; cpu: number[]; bare: number[] }> {
  const context = await newContext(browser, 1);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const [terrain] = terrains(1, 50, SEED + 2);
    await seed(page, [terrain]);
    await page.goto(`${origin}/terrein/${terrain.id}`);
    const input = page.locator('#f-b1-floorAreaM2');
    await input.waitFor();
    await page.locator('header [role="status"][data-state="saved"]').waitFor();
    await page.evaluate(recordKeys);
    await page.evaluate(watchSaves);
    await input.focus();
    await page.keyboard.press('End');
    const press = async (i: number, before: number) => {
      await page.keyboard.press(i % 2 === 0 ? '5' : 'Backspace');
      await page.waitForFunction((n) => (window as unknown as { __saves: number[] }).__saves.length >= n, before + i + 1, { timeout: 30_000 });
    };
    for (let i = 0; i < KEYS; i++) await press(i, 0);
    const { keys, saves } = await page.evaluate(() => {
      const w = window as unknown as { __keys: number[]; __saves: number[] };
      return { keys: w.__keys.slice(1), saves: w.__saves }; // the End key is not an edit
    });
    // Typing: KEYS keys TYPING_INTERVAL_MS apart, then the save after the pause.
    const savedBefore = saves.length;
    const typedFrom = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys.length);
    for (let i = 0; i < KEYS; i++) {
      const at = Date.now();
      await page.keyboard.press(i % 2 === 0 ? '5' : 'Backspace');
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, TYPING_INTERVAL_MS - (Date.now() - at))));
    }
    await page.waitForFunction((n) => (window as unknown as { __keys: number[] }).__keys.length >= n, typedFrom + KEYS);
    const typing = await page.evaluate((from) => (window as unknown as { __keys: number[] }).__keys.slice(from), typedFrom);
    await page.waitForFunction((n) => (window as unknown as { __saves: number[] }).__saves.length > n, savedBefore, { timeout: 30_000 });
    const savesSoFar = await page.evaluate(() => (window as unknown as { __saves: number[] }).__saves.length);
    const cpu = trace ? await keystrokeCpu(page, KEYS, (i) => press(i, savesSoFar)) : [];
    await page.close();
    const barePage = await context.newPage();
    await barePage.setContent('<!doctype html><html lang="nl"><title>Bench</title><label for="x">Getal</label><input id="x">');
    await barePage.evaluate(recordKeys);
    await barePage.locator('#x').focus();
    for (let i = 0; i < KEYS; i++) {
      await barePage.keyboard.press(i % 2 === 0 ? '5' : 'Backspace');
      await barePage.waitForFunction((n) => (window as unknown as { __keys: number[] }).__keys.length >= n, i + 1);
    }
    const bare = await barePage.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
    return { keys, saves, typing, cpu, bare };
  } finally {
    await context.close();
  }
}

/**
 * The app's own save path and keystrokes in the editor of a 50-building terrain (p50 and p95 of 30),
 * and the same keystrokes in a bare page with one input field (see the header for the three ways a
 * keystroke is measured): in `browser` (the frame clock as usual, with the traced CPU per key), then
 * in a Chromium of its own with the frame rate unlimited.
 */
export async function measureEditor(browser: Browser, origin: string, log: (line: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const { keys, saves, typing, cpu, bare } = await typeInEditor(browser, origin, true);
  log(`save 50 buildings: ${fmtMs(saves)} ms`);
  log(`keystroke 50 buildings: ${fmtMs(keys)} ms`);
  rows.push({ name: `save a 50-building terrain (indicator saving→saved), p50 of ${saves.length}`, value: median(saves), unit: 'ms', target: '', ok: null });
  rows.push({ name: 'save a 50-building terrain, p95', value: quantile(saves, 0.95), unit: 'ms', target: '', ok: null });
  rows.push({ name: `keystroke in a 50-building editor to next frame (60 Hz frame clock), p50 of ${keys.length}`, value: median(keys), unit: 'ms', target: '', ok: null });
  rows.push({ name: 'keystroke in a 50-building editor to next frame (60 Hz frame clock), p95', value: quantile(keys, 0.95), unit: 'ms', target: '', ok: null });
  log(`keystroke 50 buildings while typing (a key every ${TYPING_INTERVAL_MS} ms): ${fmtMs(typing)} ms`);
  rows.push({ name: `keystroke while typing (a key every ${TYPING_INTERVAL_MS} ms), 60 Hz frame clock, p50 of ${typing.length}`, value: median(typing), unit: 'ms', target: '', ok: null });
  rows.push({ name: `keystroke while typing (a key every ${TYPING_INTERVAL_MS} ms), 60 Hz frame clock, p95`, value: quantile(typing, 0.95), unit: 'ms', target: '', ok: null });
  log(`keystroke 50 buildings, main-thread CPU (traced): ${fmtMs(cpu)} ms`);
  rows.push({ name: `keystroke in a 50-building editor: main-thread CPU to that frame (traced), p50 of ${cpu.length}`, value: median(cpu), unit: 'ms', target: '', ok: null });
  rows.push({ name: 'keystroke: main-thread CPU, p95 (the frame budget)', value: quantile(cpu, 0.95), unit: 'ms', target: '< 16 ms', ok: quantile(cpu, 0.95) < 16 });
  log(`keystroke bare page: ${fmtMs(bare)} ms`);
  rows.push({ name: `keystroke in a bare page (one input, same method), p50 of ${bare.length}`, value: median(bare), unit: 'ms', target: '', ok: null });
  rows.push({ name: 'keystroke in a bare page, p95 (the 60 Hz frame clock\'s floor)', value: quantile(bare, 0.95), unit: 'ms', target: '', ok: null });

  const unlimited = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...FRAME_RATE_UNLIMITED] });
  try {
    const u = await typeInEditor(unlimited, origin, false);
    log(`keystroke 50 buildings, frame rate unlimited: ${fmtMs(u.keys)} ms; while typing: ${fmtMs(u.typing)} ms; bare page: ${fmtMs(u.bare)} ms`);
    rows.push({ name: `keystroke in a 50-building editor to next frame, frame rate unlimited, p50 of ${u.keys.length}`, value: median(u.keys), unit: 'ms', target: '', ok: null });
    rows.push({ name: 'keystroke in a 50-building editor to next frame, frame rate unlimited, p95', value: quantile(u.keys, 0.95), unit: 'ms', target: '< 16 ms', ok: quantile(u.keys, 0.95) < 16 });
    rows.push({ name: `keystroke while typing (a key every ${TYPING_INTERVAL_MS} ms), frame rate unlimited, p50 of ${u.typing.length}`, value: median(u.typing), unit: 'ms', target: '', ok: null });
    rows.push({ name: `keystroke while typing (a key every ${TYPING_INTERVAL_MS} ms), frame rate unlimited, p95`, value: quantile(u.typing, 0.95), unit: 'ms', target: '', ok: null });
    rows.push({ name: `keystroke in a bare page, frame rate unlimited, p50 of ${u.bare.length}`, value: median(u.bare), unit: 'ms', target: '', ok: null });
    rows.push({ name: 'keystroke in a bare page, frame rate unlimited, p95', value: quantile(u.bare, 0.95), unit: 'ms', target: '', ok: null });
  } finally {
    await unlimited.close();
  }
  return rows;
}

type Only = 'report' | 'startup' | 'keys';
const ONLY: Only[] = ['report', 'startup', 'keys'];

/** `only`: build, serve and measure the report alone, the bundle and the start-up alone, or the editor's save and keystrokes alone. */
export async function runBrowserBench(log: (line: string) => void = () => {}, { only }: { only?: Only } = {}): Promise<Row[]> {
  const all = only === undefined;
  const startup = all || only === 'startup';
  const rows: Row[] = [];
  const dir = tempDir('energietoolbox-bench-');
  let close: (() => Promise<void>) | null = null;
  let browser: Browser | null = null;
  try {
    log(`building into ${dir}`);
    await buildApp(dir);

    // ---------------------------------------------------------------- bundle
    if (startup) {
    const b = measureBundle(dir);
    log(`initial route: ${b.initialJsFiles.join(', ')}; chart chunk: ${b.chartChunk?.file ?? 'none'}; precache: ${b.precacheEntries} files`);
    rows.push({ name: 'bundle: initial route JavaScript (gzip 9)', value: kb(b.initialJsGzip), unit: 'kB', target: `≤ ${limit('initialJsGzipKb')} kB`, ok: kb(b.initialJsGzip) <= limit('initialJsGzipKb') });
    rows.push({ name: 'bundle: chart chunk (chart.js, lazy; gzip 9)', value: kb(b.chartChunk?.gzip ?? Number.NaN), unit: 'kB', target: 'not in initial route', ok: b.chartChunk !== null && b.chartJsInInitialRoute === 0 });
    rows.push({ name: `bundle: total precache, ${b.precacheEntries} files (gzip 9)`, value: kb(b.precacheGzip), unit: 'kB', target: `≤ ${limit('precacheGzipKb')} kB`, ok: kb(b.precacheGzip) <= limit('precacheGzipKb') });
    }

    // The bare page, served the same way: by the preview server, and by the service worker offline.
    writeFileSync(join(dir, 'bench.html'), bareHtml(STARTUP_TERRAINS));
    const swPath = join(dir, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const patched = sw.replace('precacheAndRoute([', 'precacheAndRoute([{url:"bench.html",revision:"bench"},');
    if (patched === sw) throw new Error('no precacheAndRoute([ in sw.js: cannot precache bench.html');
    writeFileSync(swPath, patched);

    const server = await serve(dir);
    close = server.close;
    const origin = server.url;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    log(`Chromium ${browser.version()} (${CHROMIUM}), app at ${origin}`);

    // ---------------------------------------------------------------- start-up
    const startupRecords = terrains(STARTUP_TERRAINS, 10, SEED);
    if (startup) {
      // Online: no service worker, HTTP cache disabled: every run loads as a first visit would.
      const context = await newContext(browser, STARTUP_TERRAINS, { serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(`${origin}/`);
      await seed(page, startupRecords);
      const app: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        app.push((await timedGoto(page, `${origin}/`, 'list')).ms);
        bare.push((await timedGoto(page, `${origin}/bench.html`, 'list')).ms);
        if ((await page.title()) !== 'Bench') throw new Error('/bench.html was answered with the app');
      }
      log(`start-up online, app: ${fmtMs(app)} ms; bare page: ${fmtMs(bare)} ms`);
      rows.push({ name: `start-up online to usable list (${STARTUP_TERRAINS} terrains), median of ${RUNS}`, value: median(app), unit: 'ms', target: '', ok: null });
      rows.push({ name: 'start-up online: bare static page, same server', value: median(bare), unit: 'ms', target: '', ok: null });
      rows.push({ name: 'start-up online: ratio app / bare page', value: median(app) / median(bare), unit: '×', target: '≤ 1.5×', ok: median(app) / median(bare) <= 1.5 });
      await context.close();
    }
    if (startup) {
      // Offline: after the service worker controls the page, the network is switched off.
      const context = await newContext(browser, STARTUP_TERRAINS);
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await waitForServiceWorkerControl(page);
      await seed(page, startupRecords);
      await context.setOffline(true);
      const app: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        app.push((await timedGoto(page, `${origin}/`, 'list', { fromServiceWorker: true })).ms);
        bare.push((await timedGoto(page, `${origin}/bench.html`, 'list', { fromServiceWorker: true })).ms);
        if ((await page.title()) !== 'Bench') throw new Error('offline, /bench.html did not come from the precache (the app answered)');
      }
      log(`start-up offline, app: ${fmtMs(app)} ms; bare page: ${fmtMs(bare)} ms`);
      rows.push({ name: `start-up offline (service worker) to usable list, median of ${RUNS}`, value: median(app), unit: 'ms', target: '', ok: null });
      rows.push({ name: 'start-up offline: bare static page, same service worker', value: median(bare), unit: 'ms', target: '', ok: null });
      rows.push({ name: 'start-up offline: ratio app / bare page', value: median(app) / median(bare), unit: '×', target: '≤ 1.5×', ok: median(app) / median(bare) <= 1.5 });
      await context.close();
    }

    // ---------------------------------------------------------------- a province: 631 terrains × 48 buildings
    if (all) rows.push(...(await (await import('./bench-province')).runProvinceBench(browser, origin, log)));

    // ---------------------------------------------------------------- save and type in a 50-building editor
    if (all || only === 'keys') rows.push(...(await measureEditor(browser, origin, log)));

    // ---------------------------------------------------------------- report of a 50-company terrain
    if (all || only === 'report') {
      const context = await newContext(browser, 1);
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await waitForServiceWorkerControl(page);
      const [terrain] = terrains(1, REPORT_COMPANIES, SEED + 3);
      await seed(page, [terrain]);
      const first: number[] = [];
      const whole: number[] = [];
      const tasks: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await timedGoto(page, `${origin}/terrein/${terrain.id}/rapport`, 'report');
        first.push(r.marks.reportFirst);
        whole.push(r.ms);
        tasks.push(r.longestTask);
      }
      log(`report ${REPORT_COMPANIES} companies: first page ${fmtMs(first)} ms; whole ${fmtMs(whole)} ms; longest task ${fmtMs(tasks)} ms`);
      rows.push({ name: `report of a ${REPORT_COMPANIES}-company terrain: navigation to its first page, median of ${RUNS}`, value: median(first), unit: 'ms', target: '< 300 ms', ok: median(first) < 300 });
      rows.push({ name: `report of a ${REPORT_COMPANIES}-company terrain: longest main-thread task (median)`, value: median(tasks), unit: 'ms', target: '< 100 ms', ok: median(tasks) < 100 });
      rows.push({ name: `report of a ${REPORT_COMPANIES}-company terrain: all sheets rendered (sources listed), median`, value: median(whole), unit: 'ms', target: '', ok: null });
      await context.close();
    }
    await browser.close();
    browser = null;

    // ---------------------------------------------------------------- Lighthouse
    if (!all) return rows;
    const lh = await runLighthouse(`${origin}/`, 3);
    log(`Lighthouse runs (perf/a11y/bp/seo): ${lh.runs.map((r) => `${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo}`).join(', ')}`);
    rows.push({ name: 'Lighthouse (mobile) performance, median of 3', value: lh.performance, unit: 'score', target: `≥ ${limit('lighthousePerformance')}`, ok: lh.performance >= limit('lighthousePerformance') });
    rows.push({ name: 'Lighthouse accessibility', value: lh.accessibility, unit: 'score', target: `≥ ${limit('lighthouseAccessibility')}`, ok: lh.accessibility >= limit('lighthouseAccessibility') });
    rows.push({ name: 'Lighthouse best practices', value: lh.bestPractices, unit: 'score', target: `≥ ${limit('lighthouseBestPractices')}`, ok: lh.bestPractices >= limit('lighthouseBestPractices') });
    rows.push({ name: 'Lighthouse SEO', value: lh.seo, unit: 'score', target: '', ok: null });
  } finally {
    await browser?.close();
    await close?.();
    removeDir(dir);
  }
  return rows;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] as Only) : undefined;
  if (only !== undefined && !ONLY.includes(only)) throw new Error(`--only ${only}: only ${ONLY.map((o) => `"${o}"`).join(' or ')} is known`);
  const rows = await runBrowserBench((line) => console.log(`  ${line}`), { only });
  console.log(`\n${formatRows(rows)}`);
}
