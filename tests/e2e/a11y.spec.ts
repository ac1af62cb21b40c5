/**
 * axe-core (WCAG 2.0/2.1 A and AA) on the main views: the terrains list (empty and filled),
 * the editor with a building group open and a field in error, the assessment of a filled
 * terrain and the not-found page. Plus a check that axe really finds a known violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { building, createTerrain, openAllDetails, openGroup, roomburg, seedTerrain } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations as readable lines (rule, impact, help, and the offending elements). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`,
  );
}

test('terrains list, empty', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Nog geen terreinen. Voeg er een toe.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('terrains list with terrains', async ({ page }) => {
  await createTerrain(page, 'Park Een');
  await createTerrain(page, 'Park Twee');
  await page.getByRole('link', { name: 'Terreinen', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Park Een', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Park Twee', exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('editor with a building group open and a field in error', async ({ page }) => {
  await createTerrain(page, 'Park Editor');
  const card = building(page, 'Gebouw 1');
  await openGroup(card, 'Dak');
  await openGroup(card, 'Aansluiting');
  await card.getByLabel('Dakoppervlak (m²)', { exact: true }).fill('-5');
  await expect(card.getByText('Mag niet negatief zijn.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('assessment of a filled terrain', async ({ page }) => {
  // axe's colour-contrast check over a page of ~2,500 elements: 5 s on a quiet 2-core machine, 30 s+ on a busy one.
  test.slow();
  const terrain = roomburg();
  await seedTerrain(page, terrain);
  await page.goto(`/terrein/${terrain.id}/beoordeling`);
  await expect(page.getByRole('heading', { level: 2, name: 'Stappenplan in verplichte volgorde', exact: true })).toBeVisible();
  // Open every folded part too: status groups, cards (sources, calculation, subsidies), the plan, the grid, the advice.
  await openAllDetails(page);
  expect(await violations(page)).toEqual([]);
});

test('not-found page', async ({ page }) => {
  await page.goto('/bestaat/niet');
  await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet.', exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('axe is not vacuous: an unlabeled input is reported', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Terreinen', exact: true })).toBeVisible();
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'text';
    document.querySelector('main')!.append(input);
  });
  const found = await violations(page);
  expect(found.some((v) => v.startsWith('label '))).toBe(true);
});
