/**
 * A reason names the facts it rests on (SPEC §7, reasons[].factIds): in the assessment each is
 * a link that opens the editor at its field, focused; the handbook lists them per condition.
 * The report, a hand-out, prints the reason with its source numbers and leaves the facts out. The case: PV on a large connection whose design feeds in
 * more than the contract while feed-in congestion is orange (R-PV-10, a calc and a fact).
 */
import { expect, test } from '@playwright/test';
import { loadEngine } from './engine';
import { openAllDetails, seedTerrain } from './helpers';
import { data } from './toolbox-helpers';

const TERRAIN = {
  id: 'reason-facts',
  name: 'Invoeding oranje',
  assessmentDate: '2026-12-01',
  facts: { congestionFeedIn: 'orange' },
  buildings: [{ id: 'b1', name: 'Hal Noord', facts: { connection: 'large', contractedFeedInKw: 10, roofAreaM2: 2000, roofType: 'flat', existingPvKwp: 0 } }],
};
const label = (id: string): string => data.facts.find((f) => f.id === id)!.label.nl;
const pvLabel = data.measures.find((m) => m.id === 'pv-roof')!.label.nl;

test('R-PV-10 on orange feed-in links to the congestion and the feed-in contract fields; report and handbook name the same facts', async ({ page }) => {
  const { assess } = await loadEngine();
  const reason = assess(TERRAIN).measures.find((m) => m.measureId === 'pv-roof' && m.buildingId === 'b1')!.reasons.find((r) => r.ruleId === 'R-PV-10')!;
  expect(reason.outcome).toBe('fail');
  expect(reason.factIds).toEqual(expect.arrayContaining(['congestionFeedIn', 'contractedFeedInKw', 'connection', 'roofAreaM2']));
  const names = reason.factIds.map(label);

  await seedTerrain(page, TERRAIN);
  await page.goto(`/terrein/${TERRAIN.id}/beoordeling`);
  await openAllDetails(page);
  const card = page.getByRole('article', { name: `${pvLabel} — Hal Noord` });
  const item = card.locator('li.reason').filter({ hasText: '(R-PV-10)' });
  const line = item.locator('p.facts');
  await expect(line).toHaveText(`Bepaald door: ${names.join(', ')}`);
  // Every fact is a link to its field: a terrain fact to the terrain card, a building fact to the building.
  const links = line.getByRole('link');
  await expect(links).toHaveText(names);
  await expect(line.getByRole('link', { name: label('congestionFeedIn'), exact: true })).toHaveAttribute('href', `/terrein/${TERRAIN.id}#f-terrain-congestionFeedIn`);
  await expect(line.getByRole('link', { name: label('contractedFeedInKw'), exact: true })).toHaveAttribute('href', `/terrein/${TERRAIN.id}#f-b1-contractedFeedInKw`);

  // Clicking opens the editor with the field focused (also inside a closed group).
  await line.getByRole('link', { name: label('contractedFeedInKw'), exact: true }).click();
  await expect(page).toHaveURL(`/terrein/${TERRAIN.id}#f-b1-contractedFeedInKw`);
  await expect(page.locator('#f-b1-contractedFeedInKw')).toBeFocused();
  await expect(page.locator('#f-b1-contractedFeedInKw')).toHaveValue('10');
  await page.goBack();
  await card.locator('li.reason').filter({ hasText: '(R-PV-10)' }).locator('p.facts').getByRole('link', { name: label('congestionFeedIn'), exact: true }).click();
  await expect(page).toHaveURL(`/terrein/${TERRAIN.id}#f-terrain-congestionFeedIn`);
  await expect(page.locator('#f-terrain-congestionFeedIn')).toBeFocused();
  await expect(page.locator('#f-terrain-congestionFeedIn')).toHaveValue('orange');

  // The report's company sheet prints the reason as text with its source numbers, without the facts.
  await page.goto(`/terrein/${TERRAIN.id}/rapport`);
  const printed = page.locator('section.company-sheet[data-building="b1"] .annex-reasons li').filter({ hasText: reason.text });
  await expect(printed).toHaveCount(1);
  await expect(printed.locator('.cite')).toHaveText(/^\[\d+(, \d+)*\]$/);
  await expect(printed).not.toContainText('Bepaald door');
  await expect(printed.getByRole('link')).toHaveCount(0);

  // The handbook lists them under the condition (statically: no deciding fact, catalogue order).
  const { ruleFactIds } = await loadEngine();
  await page.goto('/handboek');
  const condition = page.locator('#hb-pv-roof li').filter({ has: page.locator('.rule-id', { hasText: /^R-PV-10$/ }) });
  await expect(condition).toContainText(`Feiten: ${ruleFactIds('R-PV-10').map(label).join(', ')}`);
});
