/**
 * IndexedDB across reloads: what was entered is there after a reload, including a number
 * typed just before the reload (the app flushes its debounced save on pagehide), and the
 * header says "Opgeslagen" once a change is written.
 */
import { expect, test } from '@playwright/test';
import { building, createTerrain, openGroup, readStoredTerrain, renameBuilding, saveIndicator, terrainCard, waitForServiceWorkerControl, waitSaved } from './helpers';

test('names, a number field and a select are still there after a reload', async ({ page }) => {
  const id = await createTerrain(page, 'Park Zuid');
  await terrainCard(page).getByLabel('Gemeente', { exact: true }).fill('Leiden');
  const hal = await renameBuilding(page, building(page, 'Gebouw 1'), 'Hal Zuid');
  await openGroup(hal, 'Aansluiting');
  await hal.getByLabel('Elektriciteitsaansluiting', { exact: true }).selectOption({ label: 'grootverbruik (> 3x80 A)' });
  await openGroup(hal, 'Dak');
  await hal.getByLabel('Dakoppervlak (m²)', { exact: true }).fill('4200');
  await waitSaved(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Park Zuid', exact: true })).toBeVisible();
  await expect(terrainCard(page).getByLabel('Naam', { exact: true })).toHaveValue('Park Zuid');
  await expect(terrainCard(page).getByLabel('Gemeente', { exact: true })).toHaveValue('Leiden');
  const reloaded = building(page, 'Hal Zuid');
  await expect(reloaded.getByLabel('Naam gebouw', { exact: true })).toHaveValue('Hal Zuid');
  await openGroup(reloaded, 'Aansluiting');
  await expect(reloaded.getByLabel('Elektriciteitsaansluiting', { exact: true })).toHaveValue('large');
  await openGroup(reloaded, 'Dak');
  await expect(reloaded.getByLabel('Dakoppervlak (m²)', { exact: true })).toHaveValue('4.200');

  // And the list shows it, read back from IndexedDB.
  await page.getByRole('navigation', { name: 'Energietoolbox Bedrijventerreinen' }).getByRole('link', { name: 'Terreinen', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Park Zuid', exact: true })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Park Zuid' })).toContainText('Leiden · 1 gebouw');
  expect((await readStoredTerrain(page, id))?.buildings[0].facts).toEqual({ connection: 'large', roofAreaM2: 4200 });
});

test('a number typed just before a reload is not lost', async ({ page }) => {
  // An async read-then-write started on pagehide does not survive the unload; the app writes
  // unsaved edits synchronously to a journal (put + commit in the handler) and replays them on start.
  await page.goto('/');
  // With the service worker in control the reload is served from its cache within milliseconds,
  // so the 300 ms autosave cannot win the race: only the flush on leaving the page can save.
  await waitForServiceWorkerControl(page);
  const id = await createTerrain(page, 'Park Snel');
  const card = building(page, 'Gebouw 1');
  await openGroup(card, 'Dak');
  await card.getByLabel('Dakoppervlak (m²)', { exact: true }).fill('1234');
  // No waiting for the autosave: the edit must be flushed when the page goes away.
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);

  await expect(page.getByRole('heading', { level: 1, name: 'Park Snel', exact: true })).toBeVisible();
  // The new page replays the journal through the normal save: stored once that save is done.
  await expect.poll(async () => (await readStoredTerrain(page, id))?.buildings[0].facts.roofAreaM2).toBe(1234);
  const reloaded = building(page, 'Gebouw 1');
  await openGroup(reloaded, 'Dak');
  await expect(reloaded.getByLabel('Dakoppervlak (m²)', { exact: true })).toHaveValue('1.234');
});

test('the save indicator goes from pending to "Opgeslagen"', async ({ page }) => {
  await createTerrain(page, 'Park Status');
  const indicator = saveIndicator(page);
  await expect(indicator).toHaveAttribute('data-state', 'saved');
  await expect(indicator).toHaveText('Opgeslagen');

  // Record every state the indicator shows while one change is saved.
  await indicator.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { __saveStates: string[] }).__saveStates = seen;
    new MutationObserver(() => seen.push(`${el.getAttribute('data-state')}|${el.textContent}`)).observe(el, { attributes: true, childList: true, characterData: true, subtree: true });
  });
  await terrainCard(page).getByLabel('Gemeente', { exact: true }).fill('Zoeterwoude');
  await waitSaved(page);
  const states = await page.evaluate(() => (window as unknown as { __saveStates: string[] }).__saveStates);
  expect(states).toContain('pending|Wijzigingen…');
  expect(states.at(-1)).toBe('saved|Opgeslagen');
});
