/**
 * Everything stays on this device: during a whole session (create, fill, assess, switch
 * language and back, reload) no request leaves the app's own origin.
 */
import { expect, test } from '@playwright/test';
import { ORIGIN, building, choose, createTerrain, openAllDetails, openGroup, renameBuilding, terrainCard, waitForServiceWorkerControl, waitSaved } from './helpers';

test('a full session makes no request to another origin', async ({ page, context }) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));

  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const id = await createTerrain(page, 'Park Lokaal');
  await terrainCard(page).getByLabel('Gemeente', { exact: true }).fill('Leiden');
  await terrainCard(page).getByLabel('Netcongestie afname (capaciteitskaart)', { exact: true }).selectOption({ label: 'rood' });
  const hal = await renameBuilding(page, building(page, 'Gebouw 1'), 'Hal L');
  await openGroup(hal, 'Dak');
  await hal.getByLabel('Dakoppervlak (m²)', { exact: true }).fill('3000');
  await choose(hal, 'Asbest in het dak', 'nee');
  await page.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  await expect(building(page, 'Gebouw 2')).toBeVisible();
  await waitSaved(page);

  await page.getByRole('link', { name: 'Naar de volledige beoordeling', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beoordeling: Park Lokaal', exact: true })).toBeVisible();
  // Open every collapsed part of the page (sources, calculations, subsidies): nothing may load.
  await openAllDetails(page);

  await page.getByRole('button', { name: 'Switch to English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Measures', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Schakel naar Nederlands', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Maatregelen', exact: true })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(`${ORIGIN}/terrein/${id}/beoordeling`);
  await expect(page.getByRole('heading', { level: 2, name: 'Maatregelen', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Terreinen', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Park Lokaal', exact: true })).toBeVisible();

  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((url) => new URL(url).origin !== ORIGIN);
  expect(foreign).toEqual([]);
});
