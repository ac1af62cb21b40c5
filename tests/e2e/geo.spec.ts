/**
 * A building's location and the GeoJSON export, on a 360 px phone, offline after the first
 * visit: a point typed by hand (decimal comma; a bad value is refused and the stored one
 * stays), a point from the GPS (emulated with setGeolocation), both survive a reload; the
 * list counts the building without a location and exports the terrain as GeoJSON, whose
 * points, company and statuses are checked against the engine. A refused GPS says so in
 * Dutch. axe finds nothing on the section or the list.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { download } from './data-safety';
import { loadEngine } from './engine';
import { building, createTerrain, horizontalOverflow, openGroup, readStoredTerrain, waitForServiceWorkerControl, waitSaved } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const axe = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

async function startOffline(page: Page, name: string): Promise<string> {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const id = await createTerrain(page, name);
  const toast = page.locator('.toasts button');
  if (await toast.count()) await toast.first().click();
  await page.context().setOffline(true);
  return id;
}

test('a location by hand and by GPS survive a reload and come out as GeoJSON points with company and statuses, offline', async ({ page, context }) => {
  const id = await startOffline(page, 'Park Geo');
  await page.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  await page.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  await waitSaved(page);

  // Building 1: company and KvK number, and a point typed by hand with a decimal comma.
  const one = building(page, 'Gebouw 1');
  const survey = await openGroup(one, 'Bedrijf en bezoek');
  await survey.getByLabel('Bedrijfsnaam', { exact: true }).fill('Groothandel <Zuid> & Co');
  await survey.getByLabel('KvK-nummer', { exact: true }).fill('12345678');
  const place = await openGroup(one, 'Locatie');
  await expect(place).toContainText('Nog geen locatie');
  await place.getByLabel('Breedtegraad', { exact: true }).fill('52,1581');
  await expect(place).toContainText('Nog niet opgeslagen: vul ook de lengtegraad in.');
  await place.getByLabel('Lengtegraad', { exact: true }).fill('4.5123');
  await expect(place).toContainText('Locatie met de hand ingevuld.');
  await waitSaved(page);
  // Typed key by key over a stored point: "52," stays as typed while each valid step is saved.
  const lat = place.getByLabel('Breedtegraad', { exact: true });
  await lat.fill('');
  await expect(place.locator('.field-error').first()).toContainText('Vul deze coördinaat in, of wis de locatie');
  await lat.pressSequentially('52,1581');
  await expect(lat).toHaveValue('52,1581');
  await waitSaved(page);
  // A value out of range is refused at the field and the stored one stays.
  await place.getByLabel('Breedtegraad', { exact: true }).fill('95');
  await expect(place.locator('.field-error').first()).toHaveText('Moet tussen -90 en 90 graden liggen. Niet opgeslagen; opgeslagen blijft 52,1581.');
  await expect(place.getByLabel('Breedtegraad', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(await axe(page)).toEqual([]);
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);

  // Building 2: the phone's GPS.
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 52.15745, longitude: 4.51412, accuracy: 8.4 });
  const two = building(page, 'Gebouw 2');
  const gps = await openGroup(two, 'Locatie');
  await gps.getByRole('button', { name: 'Huidige locatie', exact: true }).click();
  await expect(gps).toContainText('Locatie van de gps (± 8 m).');
  await expect(gps.getByLabel('Breedtegraad', { exact: true })).toHaveValue('52,15745');
  await waitSaved(page);

  await page.reload();
  const reloaded = building(page, 'Gebouw 1');
  await expect(reloaded.getByLabel('Breedtegraad', { exact: true })).toHaveValue('52,1581');
  await expect(reloaded.getByLabel('Lengtegraad', { exact: true })).toHaveValue('4,5123');
  await expect(building(page, 'Gebouw 2').getByLabel('Lengtegraad', { exact: true })).toHaveValue('4,51412');
  const stored = (await readStoredTerrain(page, id))!;
  expect(stored.buildings.map((b: { location?: unknown }) => b.location)).toEqual([
    { lat: 52.1581, lon: 4.5123, source: 'hand' },
    { lat: 52.15745, lon: 4.51412, accuracyM: 8, source: 'gps' },
    undefined,
  ]);

  // The list: the count without a location, and the GeoJSON file.
  await page.getByRole('link', { name: 'Terreinen', exact: true }).first().click();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Park Geo', exact: true }) });
  await expect(item).toContainText('1 gebouw zonder locatie');
  expect(await axe(page)).toEqual([]);
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
  const { download: file, text } = await download(page, () => item.getByRole('button', { name: 'Gebouwen als GeoJSON (kaart) exporteren: Park Geo', exact: true }).click());
  expect(file.suggestedFilename()).toBe('park-geo-gebouwen.geojson');
  const geo = JSON.parse(text);
  expect(geo.type).toBe('FeatureCollection');
  expect(geo.features.map((f: { geometry: unknown }) => f.geometry)).toEqual([
    { type: 'Point', coordinates: [4.5123, 52.1581] },
    { type: 'Point', coordinates: [4.51412, 52.15745] },
  ]);
  const [first, second] = geo.features;
  expect(first.properties).toMatchObject({ name: 'Gebouw 1', companyName: 'Groothandel <Zuid> & Co', kvkNumber: '12345678', locationSource: 'hand' });
  expect(second.properties).toMatchObject({ name: 'Gebouw 2', companyName: null, locationSource: 'gps', accuracyM: 8 });
  const { assess, bundledToolbox } = await loadEngine();
  const verdicts = assess(stored as never).measures;
  const LABELS: Record<string, string> = { feasible: 'Haalbaar', conditional: 'Haalbaar na voorwaarden', blocked: 'Nu niet haalbaar', 'needs-info': 'Nader onderzoeken', 'not-applicable': 'Niet van toepassing' };
  for (const [feature, b] of [[first, stored.buildings[0]], [second, stored.buildings[1]]]) {
    const own = verdicts.filter((r) => r.buildingId === b.id);
    expect(own.length).toBeGreaterThan(5);
    expect(feature.properties.statuses).toEqual(Object.fromEntries(own.map((r) => [r.measureId, r.status])));
    for (const r of own) expect(feature.properties[bundledToolbox.measures.find((m) => m.id === r.measureId)!.label.nl]).toBe(LABELS[r.status]);
  }
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});

test('a refused GPS says so in Dutch and stores nothing', async ({ page, context }) => {
  const id = await startOffline(page, 'Park Zonder Gps');
  await context.clearPermissions();
  const place = await openGroup(building(page, 'Gebouw 1'), 'Locatie');
  await place.getByRole('button', { name: 'Huidige locatie', exact: true }).click();
  await expect(place.locator('.field-error', { hasText: 'De app mag uw locatie niet gebruiken.' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await waitSaved(page);
  expect((await readStoredTerrain(page, id))!.buildings[0].location).toBeUndefined();
});
