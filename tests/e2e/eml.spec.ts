/**
 * The EML checklist (issue 11 point 4) on a 360 × 740 phone, in Chromium: the assessment's fold
 * has a section per building, folded, with the engine's counts; opened, each recognised measure
 * shows its code, status and the fact that decides it as a link to its field, and a building
 * outside the energy-saving duty says so and why; the report's company sheets print the same
 * checklist; the handbook lists the items. No horizontal scrolling, axe clean.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Terrain } from '../../src/engine/types';
import { loadEngine } from './engine';
import { axeViolations, horizontalOverflow, openFold, seedTerrain } from './helpers';

const TERRAIN: Terrain = {
  id: 'eml-e2e',
  name: 'EML-terrein',
  municipality: 'Leiden',
  assessmentDate: '2026-12-02',
  facts: {},
  buildings: [
    {
      id: 'hal',
      name: 'Distributiehal',
      facts: { use: 'logistics', electricityKwh: 180000, gasM3: 40000, roofType: 'flat', roofInsulation: 'none', indoorTemperature: 'heated', glazing: 'hr', ventilation: 'none', lightingTl8: true, lightingHoursPerYear: 3000 },
    },
    { id: 'klein', name: 'Kleine werkplaats', facts: { use: 'industry', electricityKwh: 20000, gasM3: 3000 } },
  ],
} as Terrain;

const COUNT_WORDS = { applies: 'van toepassing', unknown: 'onbekend', done: 'al gedaan', 'not-applicable': 'niet van toepassing' } as const;

async function counts(): Promise<string> {
  const { assess } = await loadEngine();
  const c = assess(TERRAIN).eml.find((x) => x.buildingId === 'hal')!.counts;
  return (['applies', 'unknown', 'done', 'not-applicable'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${COUNT_WORDS[s]}`)
    .join(', ');
}

async function noOverflow(page: Page): Promise<void> {
  const o = await horizontalOverflow(page);
  expect(o.culprits, 'nothing sticks out at 360 px').toEqual([]);
  expect(o.scrollWidth).toBeLessThanOrEqual(360);
}

test.use({ viewport: { width: 360, height: 740 } });

test('the assessment shows the checklist per building, folded with its counts; opened, each item with its code, status and deciding fact', async ({ page }) => {
  await seedTerrain(page, TERRAIN);
  await page.goto(`/terrein/${TERRAIN.id}/beoordeling`);
  const fold = await openFold(page, 'Erkende maatregelen (EML)');
  const hal = fold.locator('section.eml-building').filter({ has: page.getByRole('heading', { level: 3, name: /^Distributiehal:/ }) });
  await expect(hal.getByRole('heading', { level: 3 })).toHaveText(`Distributiehal: ${await counts()}`);
  await expect(hal.locator(':scope > details')).not.toHaveAttribute('open', '');
  const klein = fold.locator('section.eml-building').filter({ has: page.getByRole('heading', { level: 3, name: /^Kleine werkplaats:/ }) });
  await expect(klein.getByRole('heading', { level: 3 })).toHaveText('Kleine werkplaats: besparingsplicht geldt niet');

  await hal.locator(':scope > details > summary').click();
  const item = (code: string) => hal.locator('li.eml-item').filter({ has: page.locator('strong', { hasText: new RegExp(`^${code}$`) }) });
  await expect(item('GB2')).toContainText('Isoleer platte daken (bovenop de dakbedekking).');
  await expect(item('GB2').locator('.badge')).toHaveText('van toepassing');
  await expect(item('GB2')).toContainText('zelfstandig of natuurlijk moment');
  await expect(item('GF2').locator('.badge')).toHaveText('van toepassing');
  await expect(item('GD2').locator('.badge')).toHaveText('niet van toepassing');
  await expect(item('GD2')).toContainText('Mechanische ventilatie: geen (natuurlijke ventilatie)');
  await expect(item('GB5').locator('.badge')).toHaveText('al gedaan');
  await expect(item('GF4').locator('.badge')).toHaveText('nog onbekend');
  // Lamp hours below an item's own limit decide it whatever the lamps; outdoor lighting is its own category.
  await expect(item('GF6').locator('.badge')).toHaveText('niet van toepassing');
  await expect(item('GF6')).toContainText('Branduren verlichting');
  await expect(hal.getByRole('heading', { name: 'Buitenverlichting' })).toBeVisible();
  await expect(item('GG4').getByRole('link', { name: 'Buitenverlichting aan het gebouw' })).toBeVisible();
  // The deciding fact and the facts still to ask link to their fields in the editor.
  await expect(item('GD2').getByRole('link', { name: 'Mechanische ventilatie' })).toHaveAttribute('href', '/terrein/eml-e2e#f-hal-ventilation');
  await expect(item('GF4').getByRole('link', { name: 'Gloei-, halogeen- of spaarlampen binnen' })).toBeVisible();
  await expect(item('GH1')).toContainText('Volgt de zonnepanelenplicht bij “Zonnepanelen op het dak” (R-LAW-04).');

  await klein.locator(':scope > details > summary').click();
  await expect(klein).toContainText('De besparingsplicht geldt hier niet (verbruik onder 50.000 kWh per jaar elektriciteit en 25.000 m³ per jaar gas), dus de erkende maatregelen ook niet.');
  await noOverflow(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('the report prints the checklist on each company sheet; the handbook lists the recognised measures', async ({ page }) => {
  await seedTerrain(page, TERRAIN);
  await page.goto(`/terrein/${TERRAIN.id}/rapport`);
  await expect(page.locator('.report')).toHaveAttribute('data-complete', 'true');
  const sheet = page.locator('section.company-sheet[data-building="hal"] .sheet-eml');
  await expect(sheet.getByRole('heading', { level: 4 })).toContainText('Erkende maatregelen (EML)');
  await expect(sheet.getByRole('heading', { level: 4 })).toContainText(/\[\d+\]: /);
  await expect(sheet.getByRole('heading', { level: 4 })).toContainText(await counts());
  await expect(sheet.locator('li[data-eml]')).toHaveText([/^GB2 Isoleer platte daken \(bovenop/, /^GB4 Isoleer platte daken \(onder/, /^GF2 Vervang TL8-buizen door LED-buizen\./]);
  await expect(sheet.locator('p')).toHaveText('Al gedaan: GB5, GB6. Niet van toepassing: GC5, GD1, GD2, GF3, GF6, GF7, GF8, GF11. Nog onbekend (de vragen staan in de beoordeling): GA1, GB1, GB3, GB7, GB8, GC1, GC2, GC3, GC4, GC6, GC7, GC8, GD3, GD4, GD5, GD6, GD7, GE1, GE2, GE3, GF1, GF4, GF5, GF9, GF10, GF12, GF13, GF14, GF15, GG1, GG2, GG3, GG4, GH1.');
  // Outside the duty the sheet has nothing to act on (the assessment says why).
  await expect(page.locator('section.company-sheet[data-building="klein"]')).toBeVisible();
  await expect(page.locator('section.company-sheet[data-building="klein"] .sheet-eml')).toHaveCount(0);
  await noOverflow(page);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/handboek');
  const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Erkende maatregelen (EML)', exact: true }) });
  await expect(section.locator('#hb-eml-GF4')).toContainText('GF4 Vervang gloei-, halogeen- en spaarlampen door LED-lampen.');
  await expect(section.locator('#hb-eml-GH1')).toContainText('R-LAW-04');
});
