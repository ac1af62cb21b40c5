/**
 * Offline: after the first visit the service worker controls the page; with the network
 * off, a reload and a deep link in a new tab still get the app (from the service worker)
 * and the terrain (from IndexedDB). The "Klaar voor offline gebruik." notice shows once.
 */
import { expect, test } from '@playwright/test';
import { building, createTerrain, openAllDetails, openGroup, waitForServiceWorkerControl, waitSaved } from './helpers';

test('after the first visit the app, a terrain and a deep link work offline', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const id = await createTerrain(page, 'Park Offline');
  const card = building(page, 'Gebouw 1');
  await openGroup(card, 'Dak');
  await card.getByLabel('Dakoppervlak (m²)', { exact: true }).fill('2500');
  await waitSaved(page);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  // The network is really off: what the service worker has not cached fails.
  expect(await page.evaluate(() => fetch(`/not-cached-${Date.now()}.json`).then(() => 'fetched', () => 'failed'))).toBe('failed');

  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Park Offline', exact: true })).toBeVisible();
  const reloaded = building(page, 'Gebouw 1');
  await openGroup(reloaded, 'Dak');
  await expect(reloaded.getByLabel('Dakoppervlak (m²)', { exact: true })).toHaveValue('2.500');

  // A deep link to the assessment, in a new tab of the same (offline) browser.
  const tab = await context.newPage();
  const deep = await tab.goto(`/terrein/${id}/beoordeling`);
  expect(deep?.fromServiceWorker()).toBe(true);
  await expect(tab.getByRole('heading', { level: 1, name: 'Beoordeling: Park Offline', exact: true })).toBeVisible();
  await expect(tab.getByRole('heading', { level: 2, name: 'Maatregelen', exact: true })).toBeVisible();
  await openAllDetails(tab);
  await expect(tab.getByRole('article', { name: 'Zonnepanelen op het dak — Gebouw 1', exact: true })).toBeVisible();
  await expect(tab.getByRole('heading', { level: 2, name: 'Stappenplan in verplichte volgorde', exact: true })).toBeVisible();

  // The list, offline too.
  const list = await tab.goto('/');
  expect(list?.fromServiceWorker()).toBe(true);
  await expect(tab.getByRole('link', { name: 'Park Offline', exact: true })).toBeVisible();
  await context.setOffline(false);
});

test('"Klaar voor offline gebruik." shows on the first visit and not again once dismissed', async ({ page }) => {
  await page.goto('/');
  const notice = page.getByRole('status').filter({ hasText: 'Klaar voor offline gebruik.' });
  // The service worker starts once the list has settled (src/main.tsx), then precaches the app.
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await waitForServiceWorkerControl(page);
  await notice.getByRole('button', { name: 'Sluiten', exact: true }).click();
  await expect(notice).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Terreinen', exact: true })).toBeVisible();
  // The registration has settled (same worker, controlling) and the notice stays away.
  await waitForServiceWorkerControl(page);
  expect(await page.evaluate(() => localStorage.getItem('energietoolbox.offlineNoticeShown'))).toBe('1');
  await expect(notice).toHaveCount(0);
});
