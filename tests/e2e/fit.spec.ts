/**
 * Every route fits a 360 × 740 phone: the document is never wider than the viewport (list,
 * editor, walk, import, assessment, compare, report, handbook), also with a terrain, a
 * building, a municipality and a company whose names are 500 unbroken characters; wide
 * tables scroll inside a focusable, labelled region instead. A control shows the check can
 * fail: a 2,000 px element makes the page wider. The compare view is axe clean at that width.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, horizontalOverflow, roomburg, seedTerrain } from './helpers';
import type { Terrain } from '../../src/engine/types';

test.use({ viewport: { width: 360, height: 740 } });

const LONG = 'Bedrijventerreinnaamzonderspaties'.repeat(16).slice(0, 500);
const LONG_BUILDING = 'Bedrijfshalzonderafbreekmogelijkheid'.repeat(14).slice(0, 500);

/** Roomburg, renamed with unbroken 500-character names (terrain, municipality, first building, its company). */
function longNamed(): Terrain {
  const t = roomburg();
  return {
    ...t,
    id: 'long-names',
    name: LONG,
    municipality: LONG,
    buildings: t.buildings.map((b, i) => (i === 0 ? { ...b, name: LONG_BUILDING, survey: { ...b.survey, companyName: LONG_BUILDING.slice(0, 200) } } : b)),
  };
}

const ROUTES: { name: string; path: (t: Terrain) => string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'list', path: () => '/', ready: (page) => expect(page.getByRole('link', { name: LONG, exact: true })).toBeVisible() },
  { name: 'editor', path: (t) => `/terrein/${t.id}`, ready: (page) => expect(page.getByRole('heading', { level: 1, name: LONG, exact: true })).toBeVisible() },
  { name: 'walk', path: (t) => `/terrein/${t.id}/ronde/${t.buildings[0].id}`, ready: (page) => expect(page.getByRole('heading', { level: 1 })).toContainText(LONG_BUILDING) },
  { name: 'import', path: (t) => `/terrein/${t.id}/importeren`, ready: (page) => expect(page.getByRole('heading', { level: 1 })).toContainText(LONG) },
  { name: 'assessment', path: (t) => `/terrein/${t.id}/beoordeling`, ready: (page) => expect(page.getByRole('heading', { level: 1, name: `Beoordeling: ${LONG}`, exact: true })).toBeVisible() },
  { name: 'compare', path: () => '/vergelijk', ready: (page) => expect(page.locator('canvas')).toHaveCount(4) },
  { name: 'report', path: (t) => `/terrein/${t.id}/rapport`, ready: (page) => expect(page.getByRole('heading', { level: 1 }).first()).toContainText(LONG) },
  { name: 'handbook', path: () => '/handboek', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
];

test.describe('at 360 × 740, with 500-character unbroken names', () => {
  test.beforeEach(async ({ page }) => {
    await seedTerrain(page, roomburg());
    await seedTerrain(page, longNamed());
  });

  for (const route of ROUTES) {
    test(`${route.name}: no wider than the viewport`, async ({ page }) => {
      const terrain = longNamed();
      await page.goto(route.path(terrain));
      await route.ready(page);
      const { scrollWidth, culprits } = await horizontalOverflow(page);
      expect(scrollWidth, `${route.name} is ${scrollWidth} px wide; sticking out: ${culprits.join('; ')}`).toBeLessThanOrEqual(360);
    });
  }

  test('the compare view is axe clean on a phone, its wide tables in focusable labelled regions', async ({ page }) => {
    await page.goto('/vergelijk');
    await expect(page.locator('canvas')).toHaveCount(4);
    const regions = page.locator('.compare .table-scroll');
    expect(await regions.count()).toBeGreaterThanOrEqual(5);
    for (const region of await regions.all()) {
      await expect(region).toHaveAttribute('tabindex', '0');
      await expect(region).toHaveAttribute('role', 'region');
      expect(await region.evaluate((el) => el.getAttribute('aria-label') ?? document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? '')).not.toBe('');
    }
    // Each region ends inside the phone's width (what is wider scrolls inside it).
    for (const region of await regions.all()) expect(await region.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('control: a wide element is caught', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: LONG, exact: true })).toBeVisible();
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '2000px';
      wide.style.height = '1px';
      document.querySelector('main')!.append(wide);
    });
    expect((await horizontalOverflow(page)).scrollWidth).toBeGreaterThan(360);
  });
});
