/**
 * The full form hides the questions that cannot matter for a building (`relevantFacts`), on a
 * 360 px phone: a building without vans or trucks and with a heat pump does not ask about fleet
 * electrification; "Toon alle vragen" shows it; one with a value is never hidden, and an answer
 * that makes a question matter brings it back. axe finds nothing. (A planned heat pump is asked
 * again since the energy hub reads the terrain's grid sums: every building's number facts can
 * matter to it, so no number field is hidden and a hidden field with an error cannot be shown here.)
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { building, openGroup, seedTerrain } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('questions that cannot matter are hidden until "Toon alle vragen"; never one with a value or an error', async ({ page }) => {
  await seedTerrain(page, {
    id: 't-rel',
    name: 'Park Relevant',
    facts: {},
    buildings: [{ id: 'b1', name: 'Hal A', facts: { heating: 'heat-pump', vans: 0, trucks: 0, residualHeatAvailable: false } }],
  });
  await page.goto('/terrein/t-rel');
  const card = building(page, 'Hal A');
  const mobility = await openGroup(card, 'Parkeren en vervoer');
  const heating = await openGroup(card, 'Verwarming');
  const fleet = mobility.getByRole('group', { name: 'Elektrificatie wagenpark gepland', exact: true });
  const heatPump = heating.getByLabel(/^Geplande warmtepomp \(thermisch\)/);
  const showAll = card.getByLabel(/^Toon alle vragen \(\d+ verborgen: ze maken voor dit gebouw niets uit\)$/);

  await expect(showAll).not.toBeChecked();
  await expect(fleet).toBeHidden();
  await expect(heatPump).toBeVisible();
  // Answered, though it matters no more: it stays.
  await expect(heating.getByRole('group', { name: 'Restwarmte beschikbaar', exact: true })).toBeVisible();
  await expect(mobility.getByLabel(/^Bestelauto's/)).toHaveValue('0');
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([]);

  await showAll.check();
  await expect(fleet).toBeVisible();
  await showAll.uncheck();
  await expect(fleet).toBeHidden();

  // Two vans: fleet electrification matters now and is asked.
  await mobility.getByLabel(/^Bestelauto's/).fill('2');
  await expect(fleet).toBeVisible();
});
