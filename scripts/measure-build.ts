/**
 * Measures a production build: builds the app into a folder of its own (so a build or a
 * Playwright run beside it never sees half a dist/), serves it with `vite preview` on a
 * free port, and reads from the built files
 *
 * - the initial route's JavaScript: the scripts (module or classic, inline ones too) and
 *   modulepreloads of index.html plus everything they import statically (dynamic `import()`
 *   is not followed);
 * - the chart chunk: the chunk that holds chart.js (found by chart.js's own identifiers);
 * - the precache: every file in the service worker's precache manifest (dist/sw.js).
 *
 * Sizes are gzip level 9, in bytes. Lighthouse 12.8 runs with its defaults (mobile form
 * factor, simulated throttling) in /usr/bin/chromium; the scores are the median of `runs`.
 * Used by scripts/check-budgets.ts (CI) and scripts/bench-browser.ts (npm run bench).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags of playwright.config.ts: no sandbox (root), no GPU, no background traffic. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;

/** A fresh folder under the system's temp dir; remove it with removeDir. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Builds the app (vite.config.ts, service worker included) into `outDir`. Type checking is npm test's job. */
export async function buildApp(outDir: string): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Serves a built folder as `vite preview` does (SPA fallback, robots.txt from public/). */
export async function serve(outDir: string, port?: number): Promise<{ url: string; server: PreviewServer; close: () => Promise<void> }> {
  const p = port ?? (await freePort());
  const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: p, strictPort: true, open: false } });
  return { url: `http://127.0.0.1:${p}`, server, close: () => server.close() };
}

// ------------------------------------------------------------------ bundle

export interface BundleFigures {
  /** Files of the initial route, relative to the build folder. */
  initialJsFiles: string[];
  initialJsBytes: number;
  initialJsGzip: number;
  /** The chunk holding chart.js, or null when there is none. */
  chartChunk: { file: string; bytes: number; gzip: number } | null;
  /** How many files of the initial route contain chart.js (budget: 0). */
  chartJsInInitialRoute: number;
  precacheEntries: number;
  precacheBytes: number;
  precacheGzip: number;
}

/**
 * The static imports of an ES module as the build writes them (`import{a as b}from"./x.js"`,
 * `import"./x.js"`, `export*from"./x.js"`). `import(...)` has a parenthesis after the
 * keyword and is not matched.
 */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*\s{},]*?\bfrom\s*)?(["'`])([^"'`]+)\1/g;
  for (let m = re.exec(code); m; m = re.exec(code)) found.push(m[2]);
  return found;
}

/** chart.js's own identifiers (object keys, which minification keeps). */
export const isChartJs = (code: string): boolean => code.includes('getDatasetMeta') && code.includes('datasetElementType');

/** The scripts (module or classic) and modulepreloads of index.html, as paths inside the build folder. */
function entryFiles(html: string): string[] {
  const files: string[] = [];
  const re = /<(?:script|link)\b[^>]*>/g;
  for (const tag of html.match(re) ?? []) {
    const isScript = /<script\b/.test(tag);
    const isPreload = /<link\b/.test(tag) && /rel=["']?modulepreload/.test(tag);
    const src = /(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1];
    if ((isScript || isPreload) && src && !/^[a-z]+:/i.test(src)) files.push(src.replace(/^\//, ''));
  }
  return files;
}

/** The precache manifest of a Workbox service worker: each url once. */
/** The bodies of index.html's inline scripts (the early database open). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.trim() !== '').map(([, , body]) => body);
}

export function precacheUrls(swCode: string): string[] {
  const urls = new Set<string>();
  for (const m of swCode.matchAll(/\{\s*"?url"?\s*:\s*(["'`])([^"'`]+)\1/g)) urls.add(m[2]);
  return [...urls];
}

export function measureBundle(outDir: string): BundleFigures {
  const read = (file: string): Buffer => readFileSync(join(outDir, file));
  const html = read('index.html').toString('utf8');
  const initial = new Set<string>();
  const queue = entryFiles(html);
  if (queue.length === 0) throw new Error(`no module script in ${join(outDir, 'index.html')}`);
  while (queue.length) {
    const file = queue.shift()!;
    if (initial.has(file)) continue;
    if (!existsSync(join(outDir, file))) throw new Error(`index.html or a chunk refers to ${file}, which is not in ${outDir}`);
    initial.add(file);
    for (const spec of staticImports(read(file).toString('utf8'))) {
      if (spec.startsWith('.')) queue.push(posix.normalize(posix.join(dirname(file), spec)));
      else if (spec.startsWith('/')) queue.push(spec.slice(1));
    }
  }
  const inline = inlineScripts(html);
  const initialJsFiles = [...initial, ...inline.map((_, i) => `index.html inline script ${i + 1}`)];
  const sizes = [...initial].map((f) => {
    const data = read(f);
    return { bytes: data.length, gzip: gzipSize(data), chart: isChartJs(data.toString('utf8')) };
  });
  for (const body of inline) sizes.push({ bytes: Buffer.byteLength(body), gzip: gzipSize(body), chart: isChartJs(body) });

  const sw = read('sw.js').toString('utf8');
  const urls = precacheUrls(sw);
  if (urls.length === 0) throw new Error('no precache manifest found in sw.js');
  let precacheBytes = 0;
  let precacheGzip = 0;
  let chartChunk: BundleFigures['chartChunk'] = null;
  for (const url of urls) {
    const data = read(url);
    precacheBytes += data.length;
    const gzip = gzipSize(data);
    precacheGzip += gzip;
    if (url.endsWith('.js') && isChartJs(data.toString('utf8'))) chartChunk = { file: url, bytes: data.length, gzip };
  }
  return {
    initialJsFiles,
    initialJsBytes: sizes.reduce((s, x) => s + x.bytes, 0),
    initialJsGzip: sizes.reduce((s, x) => s + x.gzip, 0),
    chartChunk,
    chartJsInInitialRoute: sizes.filter((x) => x.chart).length,
    precacheEntries: urls.length,
    precacheBytes,
    precacheGzip,
  };
}

// ------------------------------------------------------------------ Lighthouse

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Every run's scores, for the log. */
  runs: { performance: number; accessibility: number; bestPractices: number; seo: number }[];
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Lighthouse with its default (mobile) settings against `url`, `runs` times, each in a fresh Chromium; scores 0–100. */
export async function runLighthouse(url: string, runs = 3): Promise<LighthouseScores> {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const all: LighthouseScores['runs'] = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS], logLevel: 'silent' });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      if (!result) throw new Error('Lighthouse returned no result');
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const score = (id: string): number => {
        const s = lhr.categories[id]?.score;
        if (typeof s !== 'number') throw new Error(`Lighthouse gave no ${id} score${lhr.runWarnings.length ? ` (${lhr.runWarnings.join('; ')})` : ''}`);
        return Math.round(s * 100);
      };
      all.push({ performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') });
    } finally {
      chrome.kill();
    }
  }
  return {
    performance: median(all.map((r) => r.performance)),
    accessibility: median(all.map((r) => r.accessibility)),
    bestPractices: median(all.map((r) => r.bestPractices)),
    seo: median(all.map((r) => r.seo)),
    runs: all,
  };
}
