/**
 * Own values (a quote, a tariff): entered in the editor, checked like facts, stored with the
 * terrain, used by the assessment exactly as the engine uses them (and no longer indicative),
 * and listed in the assessment and the report with the toolbox value they replace; the
 * measure card and the report show the business case they change.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadEngine } from './engine';
import { openAllDetails, openGroup, readStoredTerrain, roomburg, seedTerrain, terrainCard, waitSaved } from './helpers';

const GROUP = 'Eigen waarden (offerte, tarief)';
const COST = 'Investering zon op bedrijfsdak, 15-100 kWp (€/Wp)';
const TARIFF = 'Kale leveringsprijs elektriciteit (zonder energiebelasting) (€/kWh)';

test('an own price and tariff: checked, stored, used by the assessment as by the engine, listed in assessment and report', async ({ page }) => {
  const terrain = roomburg();
  await seedTerrain(page, terrain);
  await page.goto(`/terrein/${terrain.id}`);
  const group = await openGroup(terrainCard(page), GROUP);
  const cost = group.getByLabel(COST, { exact: true });
  // Empty means the toolbox value, which the field shows.
  await expect(cost).toHaveAttribute('placeholder', 'toolbox: 0,8 €/Wp, indicatief');
  await expect(group).toContainText('Leeg laten = de waarde uit de toolbox.');

  // Out of range: a Dutch message at the field, and nothing stored.
  await cost.fill('9');
  await expect(group.getByText('Mag niet groter zijn dan 5 €/Wp.')).toBeVisible();
  await waitSaved(page);
  expect((await readStoredTerrain(page, terrain.id))?.parameterOverrides).toBeUndefined();

  await cost.fill('0,85');
  await group.getByLabel(TARIFF, { exact: true }).fill('0,215');
  await expect(group.getByText('Mag niet groter zijn dan 5 €/Wp.')).toHaveCount(0);
  await waitSaved(page);
  expect((await readStoredTerrain(page, terrain.id))?.parameterOverrides).toEqual({ pvCostEurPerWp: 0.85, electricityValueEurPerKwh: 0.215 });
  expect(await new AxeBuilder({ page }).include('details.fact-group[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

  // After a reload the values are still in their fields, in Dutch notation.
  await page.reload();
  const again = await openGroup(terrainCard(page), GROUP);
  await expect(again.getByLabel(COST, { exact: true })).toHaveValue('0,85');
  await expect(again.getByLabel(TARIFF, { exact: true })).toHaveValue('0,215');

  // The assessment uses them as the engine does: the business case of the first roof.
  const { assess } = await loadEngine();
  const own = assess({ ...terrain, parameterOverrides: { pvCostEurPerWp: 0.85, electricityValueEurPerKwh: 0.215 } });
  const plain = assess(terrain);
  const b1 = terrain.buildings[0];
  const business = (a: typeof own) => a.measures.find((m) => m.measureId === 'pv-roof' && m.buildingId === b1.id)!.business!;
  expect(business(own).paybackYears).not.toBe(business(plain).paybackYears);
  await page.goto(`/terrein/${terrain.id}/beoordeling`);
  const used = page.getByRole('region', { name: 'Eigen waarden in deze beoordeling', exact: true });
  await expect(used).toContainText('Investering zon op bedrijfsdak, 15-100 kWp: 0,85 €/Wp (in plaats van 0,8 €/Wp uit de toolbox, indicatief)');
  await expect(used).toContainText('Kale leveringsprijs elektriciteit (zonder energiebelasting): 0,215 €/kWh (in plaats van 0,11 €/kWh uit de toolbox, indicatief)');
  await openAllDetails(page); // the folded status groups and cards
  const card = page.getByRole('article', { name: `Zonnepanelen op het dak — ${b1.name}`, exact: true });
  // The card shows investment, yearly saving and payback, "indicatief" (energy tax is still unconfirmed) and the values used.
  const nl = (v: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(v);
  const row = (label: string) => card.locator('.business dl div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  await expect(row('Investering')).toHaveText(`€ ${nl(business(own).investmentEur!)}`);
  await expect(row('Besparing per jaar')).toHaveText(`€ ${nl(business(own).savingsEurPerYear!)}`);
  await expect(row('Terugverdientijd')).toHaveText(`${nl(business(own).paybackYears!)} jaar`);
  await expect(card.locator('.business h4')).toContainText('indicatief');
  await card.locator('.business-params > summary').click();
  await expect(card.locator('.business-params')).toContainText('Energiebelasting elektriciteit 50.000 kWh-10 mln kWh');

  // The report lists them too.
  await page.goto(`/terrein/${terrain.id}/rapport`);
  await expect(page.locator('.report-summary')).toContainText('Eigen waarden in deze beoordeling');
  await expect(page.locator('.report-summary')).toContainText('Investering zon op bedrijfsdak, 15-100 kWp: 0,85 €/Wp');
  await expect(page.locator('.report-business').first()).toContainText('Terugverdientijd');
});
