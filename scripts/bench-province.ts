/**
 * A whole province in one browser (issue 15): 631 terrains × 48 buildings (30,288 buildings, the
 * engine benchmark's generator, 10 % unknown facts) written with their summaries as the repository
 * writes them, then, against the production build:
 *
 * - navigation to a usable list (the create button enabled and the first page of terrains rendered,
 *   then one frame), and the longest main-thread task meanwhile; median of 9;
 * - search: a name typed into the search field (value set and the input event sent, timed from
 *   just before) until that terrain is listed on the first page, then one frame; median of 9 names;
 * - the background assessment of all terrains for the list's status counts, from the first
 *   progress line until the last is gone (every summary then has counts of its revision), and the
 *   longest main-thread task in that window: in the Web Worker the app uses, and, for the record,
 *   on the main thread (the fallback where there is no Worker, forced by removing `Worker` before
 *   the app starts);
 * - IndexedDB bytes: navigator.storage.estimate() of the origin after seeding, less before (the
 *   app's own files in the service worker's cache excluded: no service worker in this context),
 *   beside the JSON size of the records.
 */
import type { Browser, Page } from '@playwright/test';
import { fmtMs, newContext, seed, terrains, timedGoto } from './bench-browser';
import { median, type Row } from './bench-util';
import { PAGE_SIZE } from '../src/features/list/listQuery';

const SEED = 20261215;
const TERRAINS = Number(process.env.PROVINCE_TERRAINS ?? 631);
const BUILDINGS = 48;
const RUNS = 9;

/** Sets every summary's status counts back to none (so the next run assesses all again). */
async function clearCounts(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('energietoolbox-bedrijventerreinen');
        open.onsuccess = () => {
          const tx = open.result.transaction('summaries', 'readwrite');
          const req = tx.objectStore('summaries').openCursor();
          req.onsuccess = () => {
            const c = req.result;
            if (!c) return;
            c.update({ ...c.value, statusCounts: null });
            c.continue();
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Loads the list and times the background assessment: first progress line until none, and the longest task in between. */
async function timeBackground(page: Page, origin: string): Promise<{ ms: number; longestTask: number; counted: number }> {
  if (page.url() === 'about:blank') await page.goto(`${origin}/bench.html`); // the origin, without starting the app
  await clearCounts(page);
  await page.goto(`${origin}/`);
  await page.evaluate(() => {
    const w = window as unknown as { __bg: { start?: number; end?: number; tasks: { start: number; duration: number }[] } };
    w.__bg = { tasks: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bg.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    const count = () => document.getElementById('list-count')?.textContent ?? '';
    const check = () => {
      const busy = count().includes('achtergrond');
      if (busy && w.__bg.start === undefined) w.__bg.start = performance.now();
      if (!busy && w.__bg.start !== undefined && w.__bg.end === undefined) w.__bg.end = performance.now();
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
    check();
  });
  await page.waitForFunction(() => (window as unknown as { __bg: { end?: number } }).__bg.end !== undefined, undefined, { timeout: 120_000, polling: 200 });
  const bg = await page.evaluate(() => (window as unknown as { __bg: { start: number; end: number; tasks: { start: number; duration: number }[] } }).__bg);
  const counted = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('energietoolbox-bedrijventerreinen');
        open.onsuccess = () => {
          const all = open.result.transaction('summaries').objectStore('summaries').getAll();
          all.onsuccess = () => resolve((all.result as { revision: number; statusCounts: { revision: number } | null }[]).filter((s) => s.statusCounts?.revision === s.revision).length);
        };
      }),
  );
  const during = bg.tasks.filter((t) => t.start + t.duration >= bg.start && t.start <= bg.end);
  return { ms: bg.end - bg.start, longestTask: Math.max(0, ...during.map((t) => t.duration)), counted };
}

export async function runProvinceBench(browser: Browser, origin: string, log: (line: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const records = terrains(TERRAINS, BUILDINGS, SEED).map((t, n) => ({ ...t, name: `Bedrijventerrein ${n + 1}`, municipality: ['Leiden', 'Delft', 'Zoetermeer', 'Gouda', "'s-Gravenzande"][n % 5] }));
  const jsonBytes = Buffer.byteLength(JSON.stringify(records));
  const context = await newContext(browser, PAGE_SIZE, { serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const before = await usage();
    const started = Date.now();
    await seed(page, records);
    log(`province: ${TERRAINS} × ${BUILDINGS} seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${(jsonBytes / 1e6).toFixed(1)} MB of JSON)`);
    const bytes = (await usage()) - before;

    // Background assessment, the worker (the app) and the main-thread fallback.
    const worker = await timeBackground(page, origin);
    log(`background assessment in the worker: ${worker.ms.toFixed(0)} ms, longest task ${worker.longestTask.toFixed(0)} ms, ${worker.counted} counted`);
    const fallback = await (async () => {
      // Same context (same database), a page without Worker.
      const p = await context.newPage();
      await p.addInitScript({ content: 'delete window.Worker;' });
      try {
        return await timeBackground(p, origin);
      } finally {
        await p.close();
      }
    })().catch((error: unknown) => {
      log(`main-thread fallback not measured: ${String(error)}`);
      return null;
    });
    if (fallback) log(`background assessment on the main thread: ${fallback.ms.toFixed(0)} ms, longest task ${fallback.longestTask.toFixed(0)} ms, ${fallback.counted} counted`);

    await page.bringToFront(); // the fallback's page took the front: frames of a page behind it wait
    // The list, with every summary counted (as a returning user has it).
    const times: number[] = [];
    const tasks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await timedGoto(page, `${origin}/`, 'list');
      times.push(r.ms);
      tasks.push(r.longestTask);
    }
    log(`province list: ${fmtMs(times)} ms; longest task ${fmtMs(tasks)} ms`);

    // Search: a name set in the search field and its input event sent (timed from just before)
    // until that terrain is on the list's first page (names with more digits match too), then one frame.
    const searches: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const name = `Bedrijventerrein ${1 + ((i * 97 + 13) % TERRAINS)}`;
      searches.push(
        await page.evaluate(
          (n) =>
            new Promise<number>((resolve) => {
              const input = document.getElementById('list-search') as HTMLInputElement;
              const t0 = performance.now();
              input.value = n;
              input.dispatchEvent(new Event('input', { bubbles: true }));
              const poll = (): void => {
                const hit = [...document.querySelectorAll('ul.terrain-list > li h2')].some((h) => h.textContent === n);
                if (!hit) return void requestAnimationFrame(poll);
                const ch = new MessageChannel();
                ch.port1.onmessage = () => resolve(performance.now() - t0);
                requestAnimationFrame(() => ch.port2.postMessage(0));
              };
              poll();
            }),
          name,
        ),
      );
    }
    log(`search: ${fmtMs(searches)} ms`);

    const total = TERRAINS * BUILDINGS;
    rows.push({ name: `province list (${TERRAINS} terrains × ${BUILDINGS} buildings): navigation to usable list, median of ${RUNS}`, value: median(times), unit: 'ms', target: '< 300 ms', ok: median(times) < 300 });
    rows.push({ name: 'province list: longest main-thread task (median)', value: median(tasks), unit: 'ms', target: '< 50 ms', ok: median(tasks) < 50 });
    rows.push({ name: `province list: search to first hit, median of ${RUNS}`, value: median(searches), unit: 'ms', target: '< 100 ms', ok: median(searches) < 100 });
    rows.push({ name: `background assessment of ${total.toLocaleString('en')} buildings (worker): total`, value: worker.ms / 1000, unit: 's', target: '< 3 s', ok: worker.ms < 3000 && worker.counted === TERRAINS });
    rows.push({ name: 'background assessment (worker): longest main-thread task meanwhile', value: worker.longestTask, unit: 'ms', target: '< 50 ms', ok: worker.longestTask < 50 });
    if (fallback) {
      rows.push({ name: 'background assessment on the main thread (no-Worker fallback): total', value: fallback.ms / 1000, unit: 's', target: '', ok: null });
      rows.push({ name: 'background assessment on the main thread: longest task meanwhile', value: fallback.longestTask, unit: 'ms', target: '', ok: null });
    }
    rows.push({ name: `province in IndexedDB (storage.estimate; ${(jsonBytes / 1e6).toFixed(1)} MB as JSON)`, value: bytes / 1e6, unit: 'MB', target: '', ok: null });
  } finally {
    await context.close();
  }
  return rows;
}
