/**
 * The cross-field warnings (src/engine/crossChecks.ts) beyond the editor, on a 360 px phone:
 * walk mode shows a building's office area above its floor area and a peak above the contract
 * of its large connection; the spreadsheet import's preview lists each row whose building would
 * hold values that do not fit together (still imported, as in the form). axe finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { seedTerrain } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const axe = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

test('walk mode and the import preview show values that do not fit together', async ({ page }) => {
  await seedTerrain(page, {
    id: 't-cross',
    name: 'Park Kruis',
    facts: {},
    buildings: [{ id: 'b1', name: 'Hal A', facts: { floorAreaM2: 1000, officeAreaM2: 1200, connection: 'large', contractedOfftakeKw: 100, peakOfftakeKw: 150 }, survey: { companyName: 'Hal A B.V.' } }],
  });
  await page.goto('/terrein/t-cross/ronde/b1');
  const warnings = page.locator('.walk-warnings .field-warning');
  await expect(warnings).toHaveText([
    'Het kantooroppervlak (1.200 m²) is groter dan het vloeroppervlak (1.000 m²). Wel opgeslagen; controleer beide waarden.',
    'De piekafname (150 kW) is hoger dan het gecontracteerde afnamevermogen (100 kW) van deze grootverbruikaansluiting. Wel opgeslagen; controleer beide waarden.',
  ]);
  expect(await axe(page)).toEqual([]);

  await page.goto('/terrein/t-cross/importeren');
  await page.getByLabel('CSV- of Excelbestand kiezen', { exact: true }).setInputFiles({
    name: 'bedrijven.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Bedrijfsnaam;Kantooroppervlak (m²);Vloeroppervlak (m²)\nHal A B.V.;900;\nNieuw B.V.;300;200\n', 'utf8'),
  });
  // Line 2 updates Hal A (its office area now fits; its stored peak still does not), line 3 adds a company.
  await expect(page.getByRole('heading', { name: /^Waarden die niet bij elkaar passen: 2\./ })).toBeVisible();
  await expect(page.getByRole('list', { name: /^Waarden die niet bij elkaar passen/ }).getByRole('listitem')).toHaveText([
    'Regel 2: De piekafname (150 kW) is hoger dan het gecontracteerde afnamevermogen (100 kW) van deze grootverbruikaansluiting. Wel opgeslagen; controleer beide waarden.',
    'Regel 3: Het kantooroppervlak (300 m²) is groter dan het vloeroppervlak (200 m²). Wel opgeslagen; controleer beide waarden.',
  ]);
  expect(await axe(page)).toEqual([]);
});
