/**
 * A province's exchange file in Chromium against the production build: the full generated
 * province (scripts/province.ts: 631 parks × 48 companies with surveys and locations, ~52 MB)
 * is imported through the file chooser with its progress shown (a progress bar with text in a
 * polite live region, reading then saving, a few updates a second at most, axe clean), every park is
 * stored with its summary, and "Alles exporteren" gives the same terrains back; then the same province with bad values in its last park is
 * refused with a Dutch message naming that park and building, and the database is unchanged. All of
 * it runs in the background worker (the main-thread fallback's chunks are never loaded).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** scripts/province.ts's PROVINCE (not imported: see writeProvince). */
const PROVINCE = { terrains: 631, buildings: 48 };
import { digestDb, download, importFile, importResult, storagePanel } from './data-safety';

/**
 * Writes the province's export file with scripts/province.ts (in its own process: Playwright's
 * loader cannot import the app's JSON modules), and the same file with every roof area of its
 * last park made negative.
 */
function writeProvince(): { good: string; bad: string } {
  const dir = mkdtempSync(join(tmpdir(), 'energietoolbox-province-'));
  const good = join(dir, 'provincie.json');
  const bad = join(dir, 'provincie-fout.json');
  execFileSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/province.ts', good], { stdio: 'ignore' });
  const text = readFileSync(good, 'utf8');
  const last = text.lastIndexOf(`"id": "zh-${PROVINCE.terrains}"`);
  writeFileSync(bad, text.slice(0, last) + text.slice(last).replace(/"roofAreaM2": [0-9.]+/g, '"roofAreaM2": -1'));
  return { good, bad };
}

test('a province file imports with progress shown; the same file refused in its last park changes nothing', async ({ page }) => {
  test.setTimeout(300_000);
  const { good, bad } = writeProvince();

  // The reading, checking, writing and exporting run in the background worker: the page starts it and
  // never loads the job's main-thread fallback (the chunks a browser without Worker would use).
  const workers: string[] = [];
  const fallbacks: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  page.on('request', (r) => {
    if (/\/assets\/(importJob|exportJob)-/.test(r.url())) fallbacks.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Terreinen', exact: true })).toBeVisible();
  // Every text the progress shows, with when it showed.
  await page.evaluate(() => {
    const seen: { t: number; text: string; phase: string | null }[] = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    new MutationObserver(() => {
      const el = document.querySelector('[data-import="busy"]');
      const text = el?.textContent ?? '';
      if (el && text !== seen.at(-1)?.text) seen.push({ t: performance.now(), text, phase: el.getAttribute('data-phase') });
    }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });

  await importFile(page, 'provincie.json', { path: good });
  const progress = storagePanel(page).locator('[data-import="busy"]');
  await expect(progress).toHaveAttribute('role', 'status');
  await expect(progress).toHaveAttribute('aria-live', 'polite');
  await expect(progress.locator('progress')).toHaveAccessibleName('Voortgang van de import');
  // The storage panel with its progress passes axe (WCAG 2.1 AA) while the import runs (the import takes seconds, axe on the panel well under one).
  const axe = await new AxeBuilder({ page }).include('.storage-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(axe.passes.some((r) => r.nodes.some((n) => n.target.join(' ').includes('import-progress')))).toBe(true);
  await expect(importResult(page)).toHaveText(`${PROVINCE.terrains} terreinen geïmporteerd.`, { timeout: 240_000 });

  const seen = await page.evaluate(() => (window as unknown as { __progress: { t: number; text: string; phase: string | null }[] }).__progress);
  const phases = seen.map((s) => s.phase);
  expect(phases).toContain('reading');
  expect(phases).toContain('writing');
  expect(seen.some((s) => /^Bestand lezen en controleren: [\d,]+ (kB|MB) van [\d,]+ MB \(\d+ %\), [\d.]+ terreinen gecontroleerd\./.test(s.text))).toBe(true);
  expect(seen.some((s) => /^Opslaan: [\d.]+ van 631 terreinen \(\d+ %\)\.$/.test(s.text))).toBe(true);
  // A few updates a second at most (the model shows progress every 250 ms; first and last of each phase extra).
  const seconds = (seen.at(-1)!.t - seen[0].t) / 1000;
  expect(seen.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 6);

  expect(workers.some((url) => /\/assets\/background\.worker-[\w-]+\.js$/.test(url))).toBe(true);
  const stored = await digestDb(page);
  expect(stored).toMatchObject({ terrains: PROVINCE.terrains, summaries: PROVINCE.terrains });

  // Exported again: the busy line while the file is made, then the same terrains (made of a Blob per terrain).
  const exported = await download(page, async () => {
    await storagePanel(page).getByRole('button', { name: 'Alles exporteren', exact: true }).click();
  });
  const parse = (text: string) => (JSON.parse(text) as { terrains: { id: string }[] }).terrains.sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(parse(exported.text)).toEqual(parse(readFileSync(good, 'utf8')));
  await expect(storagePanel(page).locator('[data-export="busy"]')).toHaveCount(0);

  // The same province, refused by its last building: nothing changes.
  await importFile(page, 'provincie-fout.json', { path: bad });
  await expect(importResult(page)).toHaveAttribute('data-import', 'rejected', { timeout: 240_000 });
  await expect(importResult(page)).toHaveText(/^Terrein 631 \("Bedrijventerrein 631"\), gebouw \d+ \("Gebouw \d+"\), gegeven "Dakoppervlak" \(roofAreaM2\): Mag niet negatief zijn\..*Er is niets geïmporteerd of gewijzigd\.$/);
  expect(await digestDb(page)).toEqual(stored);
  expect(fallbacks).toEqual([]);
});
