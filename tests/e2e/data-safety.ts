/**
 * Helpers of the data-safety specs (exchange, two-tabs, security): raw IndexedDB access
 * that bypasses the app, downloads, and the file chooser of the storage panel.
 */
import { readFileSync } from 'node:fs';
import { expect, type Download, type Page } from '@playwright/test';
import { DB_NAME } from './helpers';

export const FIXTURES = new URL('../fixtures/', import.meta.url);
export const fixture = (rel: string): string => readFileSync(new URL(rel, FIXTURES), 'utf8');

type Dump = { version: number; terrains: Record<string, any>[]; summaries?: Record<string, any>[]; meta: [string, unknown][] };
type Digest = { terrains: number; summaries: number; sha: string };

/**
 * Reads the database without the app. With `digest`, in the page only a SHA-256 of every terrain
 * record and the counts leave it (a province is ~50 MB); with `summaries` the dump holds the summary
 * store too (left out by default: the background status counts may land in it between two reads).
 */
function readDb(page: Page, digest: boolean, withSummaries: boolean): Promise<Dump | Digest> {
  return page.evaluate(
    ({ dbName, digest, withSummaries }) =>
      new Promise<Dump | Digest>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['terrains', 'summaries', 'meta'], 'readonly');
          const terrains = tx.objectStore('terrains').getAll();
          const summaryCount = tx.objectStore('summaries').count();
          const summaries = withSummaries ? tx.objectStore('summaries').getAll() : null;
          const keys = tx.objectStore('meta').getAllKeys();
          const values = tx.objectStore('meta').getAll();
          tx.oncomplete = async () => {
            db.close();
            if (!digest) return resolve({ version: db.version, terrains: terrains.result, ...(summaries ? { summaries: summaries.result } : {}), meta: (keys.result as string[]).map((k, i) => [k, values.result[i]]) });
            const sha = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(terrains.result)));
            resolve({ terrains: terrains.result.length, summaries: summaryCount.result, sha: [...new Uint8Array(sha)].map((b) => b.toString(16).padStart(2, '0')).join('') });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dbName: DB_NAME, digest, withSummaries },
  );
}

/** Everything in the database, read without the app: its version, terrains by id and the meta store (and the summaries, when asked). */
export const dumpDb = (page: Page, { summaries = false } = {}): Promise<Dump> => readDb(page, false, summaries) as Promise<Dump>;
/** The terrain and summary counts and a SHA-256 of every terrain record, read without the app. */
export const digestDb = (page: Page): Promise<Digest> => readDb(page, true, false) as Promise<Digest>;

/** Writes one meta value without the app (e.g. to put the change counter just below the reminder). */
export async function putMeta(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ dbName, key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('meta', 'readwrite');
          tx.objectStore('meta').put(value, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dbName: DB_NAME, key, value },
  );
}

/** Clicks something that downloads, and returns the download with its text. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { download: d, text: readFileSync(path, 'utf8') };
}

/** The storage panel on the terrains list. */
export const storagePanel = (page: Page) => page.getByRole('region', { name: 'Opslag', exact: true });

/** Chooses a file for import in the storage panel (the input the "Importeren…" button opens): its contents, or a file on disk (large files). */
export async function importFile(page: Page, name: string, text: string | Buffer | { path: string }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), storagePanel(page).getByRole('button', { name: 'Importeren…', exact: true }).click()]);
  if (typeof text === 'object' && 'path' in text) await chooser.setFiles(text.path);
  else await chooser.setFiles({ name, mimeType: 'application/json', buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text });
}

/** The outcome line of the last import. */
export const importResult = (page: Page) => storagePanel(page).locator('.import-result');

/**
 * Collects Content Security Policy violations from the first script on, across reloads:
 * the DOM's securitypolicyviolation events and the console's CSP reports.
 */
export async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => seen.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __reportCspViolation(t: string): Promise<void> }).__reportCspViolation(`${e.violatedDirective} blocked=${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return seen;
}

export async function expectNoImgInjected(page: Page): Promise<void> {
  // The hostile name would create <img src="x">; the app's own markup has no <img> at all.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => [...document.images].map((i) => i.getAttribute('src')).filter((s) => s === 'x'))).toEqual([]);
}
