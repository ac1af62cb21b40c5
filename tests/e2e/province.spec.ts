/**
 * The list from summary records (issue 15), in Chromium:
 * - a database at version 1 (built here from tests/fixtures/db/v1.json's records through the
 *   version-1 schema: terrains with its by-updated index, meta) opened by the app keeps every
 *   record, builds a summary per terrain and shows the list from them;
 * - a summary never disagrees with its terrain after edits of two terrains in two tabs (names,
 *   places, buildings added and deleted, a terrain deleted and its delete undone);
 * - search, sort and pages with 45 terrains at 360 px, by keyboard; axe clean;
 * - offline, the status counts still arrive (the worker is in the service worker's precache).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { building, createTerrain, DB_NAME, putRecords, terrainCard, waitForServiceWorkerControl, waitSaved } from './helpers';
import { dumpDb } from './data-safety';
import { summarize } from '../../src/storage/summary';
import type { StoredTerrain } from '../../src/storage/db';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/db/v1.json', import.meta.url), 'utf8')) as {
  stores: { terrains: StoredTerrain[]; meta: [string, unknown][] };
  expected: { terrains: StoredTerrain[]; summaries: unknown[] };
};

const dump = (page: Page) => dumpDb(page, { summaries: true }) as Promise<{ version: number; terrains: StoredTerrain[]; summaries: Record<string, unknown>[]; meta: [string, unknown][] }>;

const byId = <T,>(list: T[]): T[] => [...list].sort((a, b) => String((a as { id: unknown }).id).localeCompare(String((b as { id: unknown }).id)));

test('a version-1 database keeps every record and the list shows it from the summaries the step builds', async ({ page }) => {
  await page.goto('/robots.txt'); // the origin, without the app (which would create version 2)
  await page.evaluate(
    ({ dbName, stores }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName, 1);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('terrains', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
          db.createObjectStore('meta');
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['terrains', 'meta'], 'readwrite');
          for (const t of stores.terrains) tx.objectStore('terrains').put(t);
          for (const [k, v] of stores.meta) tx.objectStore('meta').put(v, k);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dbName: DB_NAME, stores: fixture.stores },
  );

  await page.goto('/');
  const list = page.getByRole('list', { name: 'Terreinen' });
  await expect(list.getByRole('listitem')).toHaveCount(fixture.stores.terrains.length);
  await expect(page.locator('#list-count')).toHaveText(/^5 terreinen/);
  // Newest first, each with its place and building count from its summary; hostile names as text.
  const sorted = [...fixture.stores.terrains].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  await expect(list.getByRole('heading', { level: 2 })).toHaveText(sorted.map((t) => t.name));
  await expect(list.getByRole('listitem').first()).toContainText(`${sorted[0].municipality} · ${sorted[0].postcode4} · ${sorted[0].buildings.length} gebouwen`);

  const db = await dump(page);
  expect(db.version).toBe(2);
  expect(byId(db.terrains)).toEqual(byId(fixture.expected.terrains));
  expect(db.meta).toEqual(expect.arrayContaining(fixture.stores.meta));
  // The step built one summary per terrain (then the background assessment added status counts of that revision).
  expect(byId(db.summaries.map(({ statusCounts: _s, ...rest }) => rest))).toEqual(byId((fixture.expected.summaries as Record<string, unknown>[]).map(({ statusCounts: _s, ...rest }) => rest)));
  await expect.poll(async () => (await dump(page)).summaries.filter((s) => (s.statusCounts as { revision: number } | null)?.revision === s.revision).length).toBe(5);
  await expect(list.getByRole('listitem').first()).toContainText('Beoordeling: ');
});

/** Each stored summary equals what the app's summarize makes of its stored terrain (counts aside). */
async function expectInStep(page: Page): Promise<void> {
  const { terrains, summaries } = await dump(page);
  expect(byId(summaries.map(({ statusCounts: _s, ...rest }) => rest))).toEqual(byId(terrains.map((t) => {
    const { statusCounts: _s, ...rest } = summarize(t, null);
    return rest;
  })));
}

test('a summary never disagrees with its terrain after edits in two tabs', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const first = await createTerrain(a, 'Park Een');
  await waitSaved(a);
  const second = await createTerrain(b, 'Park Twee');
  await waitSaved(b);
  await expectInStep(a);

  // A edits the first terrain, B the second, at the same time.
  await terrainCard(a).getByLabel('Gemeente', { exact: true }).fill('Leiden');
  await terrainCard(b).getByLabel('Postcode (4 cijfers)', { exact: true }).fill('2333');
  await a.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  await b.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  await b.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  await waitSaved(a);
  await waitSaved(b);
  await expectInStep(a);

  // B opens the first terrain (A's edits), renames it and deletes a building.
  await b.goto(`/terrein/${first}`);
  await terrainCard(b).getByLabel('Naam', { exact: true }).fill('Park Een B');
  b.once('dialog', (d) => void d.accept());
  await building(b, 'Gebouw 2').getByRole('button', { name: 'Gebouw verwijderen', exact: true }).click();
  await waitSaved(b);
  await expectInStep(b);

  // A's list follows (from the summaries), and agrees with the stored records.
  await a.goto('/');
  const item = (page: Page, name: string) => page.getByRole('list', { name: 'Terreinen' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(item(a, 'Park Een B')).toContainText('Leiden · 1 gebouw');
  await expect(item(a, 'Park Twee')).toContainText('2333 · 3 gebouwen');

  // A deletes the second terrain and undoes it; B's list shows each step.
  await b.goto('/');
  a.once('dialog', (d) => void d.accept());
  await item(a, 'Park Twee').getByRole('button', { name: 'Verwijderen: Park Twee' }).click();
  await expect(item(b, 'Park Twee')).toHaveCount(0);
  await expectInStep(a);
  await a.getByRole('button', { name: 'Ongedaan maken', exact: true }).click();
  await expect(item(b, 'Park Twee')).toContainText('2333 · 3 gebouwen');
  await expectInStep(b);
  expect(second).toBeTruthy();
});

test('search, sort and pages at 360 px, by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  await putRecords(
    page,
    Array.from({ length: 45 }, (_, n) => ({ id: `p-${n}`, name: `Terrein ${n + 1}`, municipality: n % 3 === 0 ? 'Zoeterwoude' : 'Leiden', facts: {}, buildings: Array.from({ length: n % 7 }, (_, i) => ({ id: `b${i}`, name: `Hal ${i}`, facts: {} })), createdAt: at(n), updatedAt: at(n), revision: 1 })),
  );
  await page.reload();
  const list = page.getByRole('list', { name: 'Terreinen' });
  await expect(page.locator('#list-count')).toHaveText(/^45 terreinen/);
  await expect(list.getByRole('listitem')).toHaveCount(20);
  await expect(list.getByRole('heading', { level: 2 }).first()).toHaveText('Terrein 45'); // newest first
  await expect(page.getByText('Pagina 1 van 3')).toBeVisible();

  // Keyboard: to the next page, then a search for a place, then a sort.
  await page.getByRole('button', { name: 'Volgende pagina' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Pagina 2 van 3')).toBeVisible();
  await expect(list.getByRole('heading', { level: 2 }).first()).toHaveText('Terrein 25');
  await page.getByLabel('Zoek op naam, plaats of postcode').focus();
  await page.keyboard.type('zoeterwoude');
  await expect(page.locator('#list-count')).toHaveText(/^15 van 45 terreinen gevonden/);
  await expect(list.getByRole('listitem')).toHaveCount(15);
  await expect(page.getByRole('navigation', { name: 'Pagina’s van de lijst' })).toHaveCount(0);
  await page.getByLabel('Sorteren op').selectOption('buildings');
  await expect(list.getByRole('listitem').first()).toContainText('6 gebouwen');
  await page.getByLabel('Zoek op naam, plaats of postcode').fill('geen zulk terrein');
  await expect(page.getByText('Geen terrein gevonden voor "geen zulk terrein".')).toBeVisible();
  await page.getByLabel('Zoek op naam, plaats of postcode').fill('');

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations).toEqual([]);
});

test('offline, the status counts are still made: the worker comes from the precache', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await page.reload();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await createTerrain(page, 'Park Offline');
  await waitSaved(page);
  await page.getByRole('navigation', { name: 'Energietoolbox Bedrijventerreinen' }).getByRole('link', { name: 'Terreinen', exact: true }).click();
  const item = page.getByRole('list', { name: 'Terreinen' }).getByRole('listitem').filter({ hasText: 'Park Offline' });
  await expect(item).toContainText(/Beoordeling: .*Nader onderzoeken \d+/);
  expect(workers.some((u) => /background\.worker-[\w-]+\.js$/.test(u))).toBe(true);
});
