/**
 * Fewer taps (issue 13 point 4) on a 360 px phone: "Dit antwoord voor alle gebouwen" and
 * "Kopieer van ander gebouw" (each asks first, naming how many buildings or values change, and
 * is one save), number fields that take "5.000 m²", and a cross-field warning at the field that
 * keeps the value. Prints the taps; a native select counts as two (open, choose), a dialog's OK as one.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { building, createTerrain, horizontalOverflow, readStoredTerrain, waitForServiceWorkerControl, waitSaved } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const axe = async (page: import('@playwright/test').Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations;

test('one answer for all buildings and a copy from another building, each asked first and saved once', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.accept();
  });
  let taps = 0;
  const id = await createTerrain(page, 'Minder tikken');
  await waitForServiceWorkerControl(page);
  const toast = page.locator('.toasts button');
  if (await toast.count()) await toast.first().click();
  for (let i = 0; i < 2; i++) {
    taps++;
    await page.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  }
  const first = building(page, 'Gebouw 1');
  await first.getByRole('textbox', { name: /^Vloeroppervlak/ }).fill('5.000 m²');
  await first.getByRole('textbox', { name: /^Kantooroppervlak/ }).fill('1200m2');
  await first.getByRole('combobox', { name: 'Monumentstatus', exact: true }).selectOption({ label: 'geen' });
  await waitSaved(page);
  let stored = (await readStoredTerrain(page, id))!;
  expect(stored.buildings[0].facts).toEqual({ floorAreaM2: 5000, officeAreaM2: 1200, monument: 'none' });

  // This answer for all: one tap and the OK; the question names how many buildings change.
  const revision = stored.revision;
  taps += 2;
  await first.getByRole('button', { name: 'Monumentstatus: dit antwoord voor alle gebouwen', exact: true }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toBe('Monumentstatus: "geen" invullen bij alle gebouwen. Dit verandert 2 van de 3 gebouwen. Doorgaan?');
  await waitSaved(page);
  stored = (await readStoredTerrain(page, id))!;
  expect(stored.buildings.map((b: { facts: Record<string, unknown> }) => b.facts.monument)).toEqual(['none', 'none', 'none']);
  expect(stored.revision).toBe(revision + 1);

  // Copy from another building: the select (open, choose) and the OK; name and survey stay.
  const third = building(page, 'Gebouw 3');
  taps += 3;
  await third.getByRole('combobox', { name: 'Kopieer van ander gebouw', exact: true }).selectOption({ label: 'Gebouw 1' });
  await expect.poll(() => dialogs.length).toBe(2);
  expect(dialogs[1]).toBe('De gegevens van "Gebouw 1" overnemen in "Gebouw 3": 2 waarde(n) worden vervangen. Naam en bedrijfsgegevens blijven. Doorgaan?');
  await waitSaved(page);
  stored = (await readStoredTerrain(page, id))!;
  expect(stored.buildings[2].name).toBe('Gebouw 3');
  expect(stored.buildings[2].facts).toEqual(stored.buildings[0].facts);
  await expect(third.getByRole('textbox', { name: /^Vloeroppervlak/ })).toHaveValue('5.000');
  await expect(third.getByRole('combobox', { name: 'Kopieer van ander gebouw', exact: true })).toHaveValue('');
  expect(stored.revision).toBe(revision + 2);

  // By hand instead: the option on Gebouw 2 (open, choose), the two areas and the option on Gebouw 3: 4 taps, 2 typed fields.
  console.log(`answer for all + copy from building: ${taps - 2} taps for two buildings' facts (by hand: 4 taps and 2 typed fields); 2 taps adding the buildings`);
  expect(taps - 2).toBeLessThanOrEqual(5);
  expect(await axe(page)).toEqual([]);
});

test('a cross-field warning at the field, at 360 px: the value is stored and stays after a reload', async ({ page }) => {
  const id = await createTerrain(page, 'Kruiscontrole');
  const card = building(page, 'Gebouw 1');
  await card.getByRole('textbox', { name: /^Vloeroppervlak/ }).fill('800');
  const office = card.getByRole('textbox', { name: /^Kantooroppervlak/ });
  await office.fill('1.200');
  const message = 'Het kantooroppervlak (1.200 m²) is groter dan het vloeroppervlak (800 m²). Wel opgeslagen; controleer beide waarden.';
  const warning = card.locator('.field-warning');
  await expect(warning).toHaveText(message);
  await expect(office).toHaveAccessibleDescription(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(office).not.toHaveAttribute('aria-invalid', 'true');
  await waitSaved(page);
  expect((await readStoredTerrain(page, id))!.buildings[0].facts).toEqual({ floorAreaM2: 800, officeAreaM2: 1200 });
  const box = (await warning.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
  expect(await axe(page)).toEqual([]);

  await page.reload();
  await expect(building(page, 'Gebouw 1').locator('.field-warning')).toHaveText(message);
  // Fixing a value takes the warning away.
  await building(page, 'Gebouw 1').getByRole('textbox', { name: /^Vloeroppervlak/ }).fill('1500');
  await expect(building(page, 'Gebouw 1').locator('.field-warning')).toHaveCount(0);
});
