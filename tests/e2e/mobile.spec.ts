/** A phone (360 × 740): no horizontal scrolling on the list, the editor and the assessment; creating works. */
import { expect, test, type Page } from '@playwright/test';
import { building, choose, createTerrain, horizontalOverflow, openAllDetails, openGroup, renameBuilding, roomburg, seedTerrain, waitSaved } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const GROUPS = ['Gebouw', 'Aansluiting', 'Verbruik', 'Dak', 'Parkeren en vervoer', 'Verwarming'];

async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, culprits } = await horizontalOverflow(page);
  expect(scrollWidth, `${where}: scrollWidth ${scrollWidth} > 360; wider elements: ${culprits.join(', ')}`).toBeLessThanOrEqual(360);
}

test('creating a terrain works on a 360 px screen, without horizontal scrolling', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Terreinen', exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page, 'empty list');

  const id = await createTerrain(page, 'Park Mobiel');
  const card = await renameBuilding(page, building(page, 'Gebouw 1'), 'Hal M');
  for (const group of GROUPS) await openGroup(card, group);
  await card.getByLabel('Elektriciteitsaansluiting', { exact: true }).selectOption({ label: 'grootverbruik (> 3x80 A)' });
  await card.getByLabel('Dakoppervlak (m²)', { exact: true }).fill('-5');
  await expect(card.getByText('Mag niet negatief zijn.')).toBeVisible();
  await card.getByLabel('Dakoppervlak (m²)', { exact: true }).fill('1.500');
  await choose(card, 'Asbest in het dak', 'ja');
  await waitSaved(page);
  await expectNoHorizontalScroll(page, 'editor');

  await page.getByRole('link', { name: 'Naar de volledige beoordeling', exact: true }).click();
  await expect(page).toHaveURL(`/terrein/${id}/beoordeling`);
  await openAllDetails(page);
  await expect(page.getByRole('article', { name: 'Zonnepanelen op het dak — Hal M', exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page, 'assessment');

  await page.getByRole('link', { name: 'Terreinen', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Park Mobiel', exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page, 'list');
});

test('a filled terrain (Roomburg) fits a 360 px screen: editor and assessment', async ({ page }) => {
  const terrain = roomburg();
  await seedTerrain(page, terrain);
  await expect(page.getByRole('link', { name: terrain.name, exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page, 'list');

  await page.goto(`/terrein/${terrain.id}`);
  await expect(building(page, terrain.buildings.at(-1)!.name)).toBeVisible();
  expect(await openAllDetails(page)).toBeGreaterThan(terrain.buildings.length * GROUPS.length);
  await expectNoHorizontalScroll(page, 'editor');

  await page.goto(`/terrein/${terrain.id}/beoordeling`);
  await expect(page.getByRole('heading', { level: 2, name: 'Stappenplan in verplichte volgorde', exact: true })).toBeVisible();
  await openAllDetails(page);
  await expectNoHorizontalScroll(page, 'assessment');
});
