/**
 * The language switch: "English" turns the whole UI (and the toolbox texts) into English and
 * back; a number typed the English way ("1,234.5") is stored as 1234.5.
 */
import { expect, test } from '@playwright/test';
import { building, exampleTerrain, openAllDetails, openGroup, readStoredTerrain, saveIndicator, seedTerrain, waitSaved } from './helpers';

test('switch to English and back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Terreinen', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Switch to English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Business parks', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Add park', exact: true })).toBeVisible();
  await expect(page).toHaveTitle('Energy Toolbox for Business Parks');

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Business parks', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Schakel naar Nederlands', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Terreinen', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('button', { name: 'Terrein toevoegen', exact: true })).toBeVisible();
});

test('the assessment in English, and an English number is stored as a number', async ({ page }) => {
  const terrain = exampleTerrain();
  await seedTerrain(page, terrain);
  await page.goto(`/terrein/${terrain.id}/beoordeling`);
  await openAllDetails(page);
  const pv = page.getByRole('article', { name: 'Zonnepanelen op het dak — Hal A', exact: true });
  await expect(pv.locator('.badges .badge').first()).toHaveText('Haalbaar na voorwaarden');

  await page.getByRole('button', { name: 'Switch to English', exact: true }).click();
  const pvEn = page.getByRole('article', { name: 'Solar panels on the roof — Hal A', exact: true });
  await expect(pvEn.locator('.badges .badge').first()).toHaveText('Feasible after conditions');
  await expect(page.getByRole('heading', { level: 2, name: 'Step plan in required order', exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Edit data', exact: true }).click();
  const hal = building(page, 'Hal A');
  await openGroup(hal, 'Roof');
  const roof = hal.getByLabel('Roof area (m²)', { exact: true });
  await expect(roof).toHaveValue('4,200');
  await roof.fill('1,234.5');
  await expect(roof).not.toHaveAttribute('aria-invalid');
  await waitSaved(page);
  await expect(saveIndicator(page)).toHaveText('Saved');
  expect((await readStoredTerrain(page, terrain.id))?.buildings[0].facts.roofAreaM2).toBe(1234.5);

  // Back in Dutch, the same number is shown the Dutch way.
  await page.getByRole('button', { name: 'Schakel naar Nederlands', exact: true }).click();
  await expect(building(page, 'Hal A').getByLabel('Dakoppervlak (m²)', { exact: true })).toHaveValue('1.234,5');
});
