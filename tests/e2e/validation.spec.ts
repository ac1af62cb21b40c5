/**
 * Bad input: a Dutch message next to the field (aria-invalid, aria-describedby) that says the
 * stored value stays, and the bad value never reaches IndexedDB; nl number input with thousands separator and decimal comma.
 */
import { expect, test } from '@playwright/test';
import { building, createTerrain, openGroup, readStoredTerrain, waitSaved } from './helpers';

test('an invalid roof area shows a Dutch message and is never stored', async ({ page }) => {
  const id = await createTerrain(page, 'Park Invoer');
  const card = building(page, 'Gebouw 1');
  await openGroup(card, 'Dak');
  const roof = card.getByLabel('Dakoppervlak (m²)', { exact: true });

  // A valid value first, so "not stored" also means "does not overwrite it with junk".
  await roof.fill('4200');
  await waitSaved(page);
  expect((await readStoredTerrain(page, id))?.buildings[0].facts.roofAreaM2).toBe(4200);
  await expect(roof).not.toHaveAttribute('aria-invalid');

  await roof.fill('-5');
  const errorId = `${await roof.getAttribute('id')}-error`;
  const message = page.locator(`[id="${errorId}"]`);
  await expect(message).toHaveText('Mag niet negatief zijn. Niet opgeslagen; opgeslagen blijft 4.200.');
  await expect(message).toBeVisible();
  await expect(roof).toHaveAttribute('aria-invalid', 'true');
  expect((await roof.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
  await expect(roof).toHaveAccessibleDescription(/^Mag niet negatief zijn\./);
  // The message sits next to the field: in the same field block, right under the input.
  expect(await message.evaluate((el) => el.previousElementSibling?.id)).toBe(await roof.getAttribute('id'));

  await roof.fill('abc');
  await expect(message).toHaveText('Vul een getal in. Niet opgeslagen; opgeslagen blijft 4.200.');
  await expect(roof).toHaveAttribute('aria-invalid', 'true');
  await expect(roof).toHaveAccessibleDescription(/^Vul een getal in\./);
  await waitSaved(page);

  // Straight from IndexedDB: the invalid value is not in the stored record; the valid one stays.
  const stored = await readStoredTerrain(page, id);
  expect(stored?.buildings[0].facts.roofAreaM2).toBe(4200);
  for (const value of Object.values(stored?.buildings[0].facts ?? {})) expect([-5, '-5', 'abc']).not.toContain(value);

  await page.reload();
  const reloaded = building(page, 'Gebouw 1');
  await openGroup(reloaded, 'Dak');
  const roofAfter = reloaded.getByLabel('Dakoppervlak (m²)', { exact: true });
  await expect(roofAfter).toHaveValue('4.200');
  await expect(roofAfter).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText('Mag niet negatief zijn.')).toHaveCount(0);
  await expect(page.getByText('Vul een getal in.')).toHaveCount(0);
});

test('Dutch number input "1.234,5" is stored as 1234.5 and shown back as 1.234,5', async ({ page }) => {
  const id = await createTerrain(page, 'Park Komma');
  const card = building(page, 'Gebouw 1');
  await openGroup(card, 'Dak');
  const roof = card.getByLabel('Dakoppervlak (m²)', { exact: true });
  await roof.fill('1.234,5');
  await expect(roof).not.toHaveAttribute('aria-invalid');
  await waitSaved(page);
  expect((await readStoredTerrain(page, id))?.buildings[0].facts.roofAreaM2).toBe(1234.5);

  await page.reload();
  const reloaded = building(page, 'Gebouw 1');
  await openGroup(reloaded, 'Dak');
  await expect(reloaded.getByLabel('Dakoppervlak (m²)', { exact: true })).toHaveValue('1.234,5');
});

test('the survey section "Bedrijf en bezoek": a bad KvK number gets the Dutch message and is never stored; good values are', async ({ page }) => {
  const id = await createTerrain(page, 'Park Bezoek');
  const card = building(page, 'Gebouw 1');
  await openGroup(card, 'Bedrijf en bezoek');
  await card.getByLabel('Bedrijfsnaam', { exact: true }).fill('Groothandel De Hal B.V.');
  const kvk = card.getByLabel('KvK-nummer', { exact: true });
  await kvk.fill('12345678');
  await waitSaved(page);
  expect((await readStoredTerrain(page, id))?.buildings[0].survey).toEqual({ companyName: 'Groothandel De Hal B.V.', kvkNumber: '12345678' });

  await kvk.fill('1234');
  await expect(kvk).toHaveAttribute('aria-invalid', 'true');
  await expect(kvk).toHaveAccessibleDescription(/^Moet 8 cijfers zijn, bijvoorbeeld 12345678\./);
  await waitSaved(page);
  expect((await readStoredTerrain(page, id))?.buildings[0].survey?.kvkNumber).toBe('12345678');

  await page.reload();
  const reloaded = building(page, 'Gebouw 1');
  await expect(reloaded.getByLabel('KvK-nummer', { exact: true })).toHaveValue('12345678');
  await expect(reloaded.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('Groothandel De Hal B.V.');
});
