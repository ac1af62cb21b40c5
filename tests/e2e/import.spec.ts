/**
 * Starting from a spreadsheet, on a 360 px phone with the network off: the 49-company CSV and
 * the 12-row XLSX fixture (tests/fixtures/import, Dutch headers, a few bad cells) are imported
 * into a terrain. The rejected cells are shown with their Dutch message, nothing is stored
 * before "Importeren bevestigen", a mapping choice is remembered for the next file, and after
 * a reload the buildings are there with only their valid cells. axe finds nothing on the view.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { building, createTerrain, horizontalOverflow, openGroup, waitForServiceWorkerControl } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const FIXTURES = 'tests/fixtures/import';

async function storedBuildingCount(page: Page, id: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('energietoolbox-bedrijventerreinen');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('terrains').objectStore('terrains').get(id);
          get.onsuccess = () => {
            resolve(get.result.buildings.length);
            open.result.close();
          };
        };
      }),
    id,
  );
}

test('import a CSV and an XLSX of companies offline, see the rejected cells, confirm, reload: the buildings are there', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const id = await createTerrain(page, 'Roomburg');
  await context.setOffline(true);

  await page.getByRole('link', { name: 'Bedrijven importeren (CSV/Excel)', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bedrijven importeren: Roomburg', exact: true })).toBeVisible();
  await page.getByLabel('CSV- of Excelbestand kiezen', { exact: true }).setInputFiles(`${FIXTURES}/bedrijven-49.csv`);
  await expect(page.getByText('bedrijven-49.csv: 49 rijen, 10 kolommen.', { exact: true })).toBeVisible();
  await expect(page.getByText('49 rijen: 49 nieuwe bedrijven, 0 bij te werken, 0 overgeslagen.', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Afgekeurde cellen: 4\./ })).toBeVisible();
  const rejected = page.getByRole('list', { name: /^Afgekeurde cellen/ }).getByRole('listitem');
  await expect(rejected).toHaveText([
    'Regel 6, KvK-nummer (1234567): Moet 8 cijfers zijn, bijvoorbeeld 12345678.',
    'Regel 13, Dakoppervlak (m²) (-20): Mag niet negatief zijn.',
    'Regel 21, Asbest in het dak (misschien): Kies ja, nee of onbekend.',
    /^Regel 34, Gebruik \(fabriek\): Kies een van de opties: kantoor, industrie/,
  ]);
  await expect(page.locator('td.cell-rejected')).toHaveCount(4);
  // The address column is not imported this time: the choice is remembered for the next file.
  await page.getByLabel('Kolom “Adres”', { exact: true }).selectOption({ label: '— niet importeren —' });
  expect(await storedBuildingCount(page, id)).toBe(1); // nothing stored before confirming

  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, overflow.culprits.join(', ')).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.getByRole('button', { name: 'Importeren bevestigen', exact: true }).click();
  await expect(page.getByText('Geïmporteerd en opgeslagen: 49 nieuwe bedrijven, 0 bijgewerkt.', { exact: true })).toBeVisible();
  expect(await storedBuildingCount(page, id)).toBe(50);

  // The XLSX (its reader is a chunk of its own, from the service worker's precache): 3 updates by KvK number, 9 new.
  await page.getByLabel('CSV- of Excelbestand kiezen', { exact: true }).setInputFiles(`${FIXTURES}/bedrijven-12.xlsx`);
  await expect(page.getByText('12 rijen: 9 nieuwe bedrijven, 3 bij te werken, 0 overgeslagen.', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Kolom “Adres”', { exact: true })).toHaveValue('');
  await expect(page.getByRole('list', { name: /^Afgekeurde cellen/ }).getByRole('listitem')).toHaveText([
    'Regel 5, Vloeroppervlak (m²) (-500): Mag niet negatief zijn.',
    'Regel 7, KvK-nummer (12-34): Moet 8 cijfers zijn, bijvoorbeeld 12345678.',
    'Regel 9, Sandwichpanelen (soms): Kies ja, nee of onbekend.',
  ]);
  await page.getByRole('button', { name: 'Importeren bevestigen', exact: true }).click();
  await expect(page.getByText('Geïmporteerd en opgeslagen: 9 nieuwe bedrijven, 3 bijgewerkt.', { exact: true })).toBeVisible();

  const reload = await page.goto(`/terrein/${id}`);
  expect(reload?.fromServiceWorker()).toBe(true);
  // A 59-building editor opened from IndexedDB offline: on a loaded 2-core CI machine this took over 5 s once.
  await expect(page.getByRole('heading', { level: 1, name: 'Roomburg', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('section.building')).toHaveCount(59);
  expect(await storedBuildingCount(page, id)).toBe(59);

  // Updated from the XLSX by KvK number: its roof area and visit date; the CSV's address kept.
  const first = building(page, 'Roomburg Bedrijf 01 B.V.');
  await openGroup(first, 'Dak');
  await expect(first.getByLabel('Dakoppervlak (m²)', { exact: true })).toHaveValue('1.500');
  await openGroup(first, 'Bedrijf en bezoek');
  await expect(first.getByLabel('KvK-nummer', { exact: true })).toHaveValue('30007919');
  await expect(first.getByLabel('Adres', { exact: true })).toHaveValue('');
  await expect(first.getByLabel('Datum bezoek', { exact: true })).toHaveValue('2026-11-20');
  // A rejected cell was not stored; the other cells of its row were.
  const twelve = building(page, 'Roomburg Bedrijf 12 B.V.');
  await openGroup(twelve, 'Dak');
  await expect(twelve.getByLabel('Dakoppervlak (m²)', { exact: true })).toHaveValue('');
  await expect(twelve.getByRole('radiogroup', { name: 'Asbest in het dak' }).or(twelve.getByRole('group', { name: 'Asbest in het dak' })).getByLabel('nee', { exact: true })).toBeChecked();
  await context.setOffline(false);
});

test('a file that cannot be read is refused in Dutch and changes nothing', async ({ page }) => {
  const id = await createTerrain(page, 'Park Leeg');
  await page.goto(`/terrein/${id}/importeren`);
  await page.getByLabel('CSV- of Excelbestand kiezen', { exact: true }).setInputFiles({ name: 'kapot.csv', mimeType: 'text/csv', buffer: Buffer.from('Bedrijfsnaam;KvK\n"Open;1\n') });
  await expect(page.getByRole('alert')).toHaveText('Regel 2: een aanhalingsteken (") wordt niet gesloten.');
  await expect(page.getByRole('button', { name: 'Importeren bevestigen' })).toHaveCount(0);
  expect(await storedBuildingCount(page, id)).toBe(1);
});
