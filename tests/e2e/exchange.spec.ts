/**
 * Exchange between devices and storage health, in Chromium against the production build
 * (with its Content Security Policy, so the import's validator runs without eval):
 * export all / one → import on "another device" gives the same terrains; hostile files are
 * refused with a Dutch message and change nothing; an existing id asks "replace or keep
 * both"; the panel shows persistence and usage, warns near the quota, reminds to export
 * after many changes; a save that does not fit keeps the previous version.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createTerrain, openGroup, readStoredTerrain, terrainCard, waitForServiceWorkerControl, waitSaved } from './helpers';
import { download, dumpDb, fixture, importFile, importResult, putMeta, storagePanel, watchCsp } from './data-safety';

const withoutRevision = ({ revision: _r, ...rest }: Record<string, any>) => rest;
const byId = (list: Record<string, any>[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Two terrains with some facts, made through the UI. Returns to the list. */
async function makeTerrains(page: Page): Promise<void> {
  await createTerrain(page, 'Roomburg');
  const card = terrainCard(page);
  await card.getByLabel('Gemeente', { exact: true }).fill('Leiden');
  await card.getByLabel('Postcode (4 cijfers)', { exact: true }).fill('2314');
  await card.getByLabel('Netcongestie afname (capaciteitskaart)', { exact: true }).selectOption({ label: 'oranje' });
  await waitSaved(page);
  await createTerrain(page, 'De Schans');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Terreinen', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Terreinen', exact: true })).toBeVisible();
}

test('export all, import on another device: the same terrains, under the CSP', async ({ page, browser }) => {
  const csp = await watchCsp(page);
  await page.goto('/');
  await makeTerrains(page);
  const panel = storagePanel(page);
  const { download: file, text } = await download(page, () => panel.getByRole('button', { name: 'Alles exporteren', exact: true }).click());
  expect(file.suggestedFilename()).toMatch(/^energietoolbox-terreinen-\d{4}-\d{2}-\d{2}\.json$/);
  const envelope = JSON.parse(text);
  expect(envelope).toMatchObject({ type: 'energietoolbox-bedrijventerreinen/terrains', formatVersion: 5, toolboxVersion: expect.any(String), exportedAt: expect.stringMatching(/Z$/) });
  const stored = (await dumpDb(page)).terrains;
  expect(byId(envelope.terrains)).toEqual(byId(stored.map(withoutRevision)));
  await expect(panel).toContainText('0 opgeslagen wijzigingen sinds de laatste export');
  await expect(panel.getByRole('status').filter({ hasText: 'Exportbestand gemaakt' })).toContainText(file.suggestedFilename());

  // Another device: a fresh browser context with an empty database.
  const other = await browser.newContext();
  const device = await other.newPage();
  const cspOther = await watchCsp(device);
  await device.goto('/');
  await expect(storagePanel(device)).toBeVisible();
  await importFile(device, file.suggestedFilename(), text);
  await expect(importResult(device)).toHaveText('2 terreinen geïmporteerd.');
  await expect(device.getByRole('link', { name: 'Roomburg', exact: true })).toBeVisible();
  await expect(device.getByRole('link', { name: 'De Schans', exact: true })).toBeVisible();
  const imported = (await dumpDb(device)).terrains;
  expect(byId(imported.map(withoutRevision))).toEqual(byId(stored.map(withoutRevision)));
  // The imported terrain opens and shows its data.
  await device.getByRole('link', { name: 'Roomburg', exact: true }).click();
  await expect(terrainCard(device).getByLabel('Gemeente', { exact: true })).toHaveValue('Leiden');
  await other.close();

  expect(csp).toEqual([]);
  expect(cspOther).toEqual([]);
});

test('a format-3 file with an own electricity value in its old meaning: converted where one tax band holds, kept aside where not', async ({ page }) => {
  await page.goto('/');
  await importFile(page, 'own-value-old-meaning.json', fixture('export-v3/own-value-old-meaning.json'));
  // The one it could not convert is named in the outcome, in Dutch.
  await expect(importResult(page)).toHaveText(/^2 terreinen geïmporteerd\. Bij 1 terrein staat een eigen stroomprijs uit een oudere versie \(met energiebelasting\) die niet zeker kon worden omgerekend .* Die is apart bewaard en wordt niet gebruikt: vul onder Eigen waarden de kale leveringsprijs in\.$/);
  const stored = byId((await dumpDb(page)).terrains);
  // One band (10,000–50,000 kWh on the last save): 0.25 incl. tax − € 0.06671 = the bare supply price.
  expect(stored.map((t) => t.parameterOverrides)).toEqual([
    { electricityValueInclTaxEurPerKwh: 0.3, feedInCostEurPerKwh: 0.03 },
    { electricityValueEurPerKwh: 0.1833, pvCostEurPerWp: 0.9 },
  ]);
  // The editor shows the converted value in its own-value field, in Dutch notation.
  await page.getByRole('link', { name: 'Oude eigen waarde, één schijf (fictief)', exact: true }).click();
  const group = await openGroup(terrainCard(page), 'Eigen waarden (offerte, tarief)');
  await expect(group.getByLabel('Kale leveringsprijs elektriciteit (zonder energiebelasting) (€/kWh)', { exact: true })).toHaveValue('0,1833');
  await expect(group.locator('.own-value-kept')).toHaveCount(0);

  // The kept one is shown beside the field it belongs to, says it is not used, and can be removed.
  await page.goBack();
  await page.getByRole('link', { name: 'Oude eigen waarde, twee schijven (fictief)', exact: true }).click();
  const kept = (await openGroup(terrainCard(page), 'Eigen waarden (offerte, tarief)')).locator('.own-value-kept');
  await expect(kept).toHaveText(/^Apart bewaard uit een oudere versie: 0,3 €\/kWh, inclusief energiebelasting\. Deze waarde wordt niet gebruikt\./);
  expect(await new AxeBuilder({ page }).include('.own-value-kept').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
  await kept.getByRole('button', { name: 'Bewaarde waarde verwijderen', exact: true }).click();
  await expect(kept).toHaveCount(0);
  await waitSaved(page);
  expect(byId((await dumpDb(page)).terrains)[0].parameterOverrides).toEqual({ feedInCostEurPerKwh: 0.03 });
});

test('export one terrain from its list item', async ({ page }) => {
  await page.goto('/');
  await makeTerrains(page);
  const { download: file, text } = await download(page, () => page.getByRole('button', { name: 'Exporteren: Roomburg', exact: true }).click());
  expect(file.suggestedFilename()).toMatch(/^energietoolbox-roomburg-\d{4}-\d{2}-\d{2}\.json$/);
  const envelope = JSON.parse(text);
  expect(envelope.terrains.map((t: { name: string }) => t.name)).toEqual(['Roomburg']);
  expect(envelope.terrains[0]).toMatchObject({ municipality: 'Leiden', postcode4: '2314', facts: { congestionOfftake: 'orange' } });
});

test('hostile and broken files are refused in Dutch, and nothing in the database changes', async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto('/');
  await makeTerrains(page);
  const before = await dumpDb(page);
  const cases: [file: string, message: RegExp][] = [
    ['export-rejected/not-json.json', /^Dit bestand is geen JSON/],
    ['export-rejected/wrong-type.json', /^Dit is geen exportbestand van de Energietoolbox Bedrijventerreinen/],
    ['export-rejected/future-version.json', /nieuwere versie van de app \(formaatversie 6; .*Werk de app bij/],
    ['export-rejected/own-value-out-of-range.json', /eigen waarde "Investering zon op bedrijfsdak, 15-100 kWp" \(pvCostEurPerWp\): Mag niet groter zijn dan 5 €\/Wp\./],
    ['export-rejected/proto-key.json', /niet toegestane sleutel "__proto__"/],
    ['export-rejected/constructor-key.json', /niet toegestane sleutel "constructor"/],
    ['export-rejected/invalid-fact-negative.json', /^Terrein 1 \("Roomburg \(fictief voorbeeld\)"\), gebouw 1 \("Hal A \(groothandel\)"\), gegeven "Dakoppervlak" \(roofAreaM2\): Mag niet negatief zijn\./],
    ['export-rejected/duplicate-terrain-id.json', /komt meer dan eens voor/],
  ];
  for (const [file, message] of cases) {
    await importFile(page, file.split('/')[1], fixture(file));
    await expect(importResult(page)).toHaveAttribute('data-import', 'rejected');
    await expect(importResult(page)).toHaveText(message);
    await expect(importResult(page)).toHaveText(/Er is niets geïmporteerd of gewijzigd\.$/);
    expect(await dumpDb(page)).toEqual(before);
  }
  // Too large: over both limits (data and photos) refused by its size, before it is read (a sparse file on disk: nothing is sent to the page).
  const big = join(mkdtempSync(join(tmpdir(), 'energietoolbox-')), 'groot.json');
  writeFileSync(big, '');
  truncateSync(big, 200 * 1024 * 1024 + 1);
  await importFile(page, 'groot.json', { path: big });
  await expect(importResult(page)).toHaveText(/^Het bestand is groter dan 200 MB \(100 MB aan gegevens en 100 MB aan foto's\), de grens voor een import\./);
  expect(await dumpDb(page)).toEqual(before);
  // Over the data's 100 MB without photos: refused at the piece that crosses it.
  truncateSync(big, 100 * 1024 * 1024 + 1);
  await importFile(page, 'groot.json', { path: big });
  await expect(importResult(page)).toHaveText(/^Het bestand is groter dan 100 MB, de grens voor een import\./);
  expect(await dumpDb(page)).toEqual(before);
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted ?? null)).toBeNull();
  await expect(page.locator('ul.terrain-list > li')).toHaveCount(2);
  expect(csp).toEqual([]);
});

test('an id that already exists: keep both, replace, or cancel', async ({ page }) => {
  await page.goto('/');
  const one = fixture('export-v1/one-terrain.json');
  await importFile(page, 'roomburg.json', one);
  await expect(importResult(page)).toHaveText('1 terrein geïmporteerd.');
  const first = (await dumpDb(page)).terrains;
  expect(first).toHaveLength(1);

  // Again: it asks, and writes nothing while it asks.
  await importFile(page, 'roomburg.json', one);
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText('Deze terreinen staan al op dit apparaat: "Roomburg (fictief voorbeeld)".');
  expect((await dumpDb(page)).terrains).toEqual(first);
  await question.getByRole('button', { name: 'Annuleren', exact: true }).click();
  await expect(importResult(page)).toHaveText('Import geannuleerd. Er is niets gewijzigd.');
  expect((await dumpDb(page)).terrains).toEqual(first);

  await importFile(page, 'roomburg.json', one);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Beide bewaren', exact: true }).click();
  await expect(importResult(page)).toHaveText('1 terrein geïmporteerd.');
  await expect(page.getByRole('link', { name: 'Roomburg (fictief voorbeeld) (geïmporteerd)', exact: true })).toBeVisible();
  const both = (await dumpDb(page)).terrains;
  expect(both).toHaveLength(2);
  expect(both.find((t) => t.id === first[0].id)).toEqual(first[0]);

  await importFile(page, 'roomburg.json', one);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Vervangen', exact: true }).click();
  await expect(importResult(page)).toHaveText('1 terrein geïmporteerd.');
  const replaced = (await dumpDb(page)).terrains;
  expect(replaced).toHaveLength(2);
  expect(replaced.find((t) => t.id === first[0].id)?.revision).toBe(first[0].revision + 1);
});

test('storage health: persistence, usage and the export reminder', async ({ page }) => {
  await page.goto('/');
  const panel = storagePanel(page);
  await expect(panel.locator('[data-persisted]')).toHaveText(/^(Blijvende opslag|Geen blijvende opslag|Deze browser zegt niet)/);
  await expect(panel.locator('.storage-usage')).toHaveText(/^In gebruik: .+ van .+ \(\d+(,\d+)?%\)\.$/);
  await expect(panel.locator('[data-warning="near-quota"]')).toHaveCount(0);

  // The reminder: 24 changes counted, one more edit makes 25.
  await createTerrain(page, 'Teller');
  await waitSaved(page);
  await putMeta(page, 'changesSinceExport', 24);
  await terrainCard(page).getByLabel('Gemeente', { exact: true }).fill('Katwijk');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Terreinen', exact: true }).first().click();
  await expect(panel.locator('[data-warning="export-reminder"]')).toHaveText('Al 25 wijzigingen staan nog niet in een exportbestand. Maak er nu een: browsergegevens kunnen verdwijnen.');
  await download(page, () => panel.getByRole('button', { name: 'Alles exporteren', exact: true }).click());
  await expect(panel.locator('[data-warning="export-reminder"]')).toHaveCount(0);
  await expect(panel).toContainText('0 opgeslagen wijzigingen sinds de laatste export');

});

test('near the quota: the panel warns above 80 % of the quota', async ({ page }) => {
  // Chromium reports the real disk quota (gigabytes) and ignores a CDP quota override in
  // estimate(), so the browser's answer is stubbed here: 85 % in use.
  await page.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ usage: 850_000_000, quota: 1_000_000_000 }) });
  });
  await page.goto('/');
  const panel = storagePanel(page);
  await expect(panel.locator('.storage-usage')).toHaveText('In gebruik: 850 MB van 1 GB (85%).');
  await expect(panel.locator('[data-warning="near-quota"]')).toHaveText('De opslag is bijna vol (85%). Maak een exportbestand en verwijder wat u niet meer nodig hebt.');
});

test('a save that does not fit: a Dutch message, the previous version stays, and it saves once there is room', async ({ browser }) => {
  // How much a first visit uses (service worker caches, the database with one terrain)…
  const probe = await browser.newContext();
  const first = await probe.newPage();
  await first.goto('/');
  // The precache counts in the usage: measure (and later write) only once it is complete.
  await waitForServiceWorkerControl(first);
  await createTerrain(first, 'Meting');
  await waitSaved(first);
  const baseline = await first.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await probe.close();

  // …then a device whose quota leaves about 300 kB on top of that. Chromium applies a
  // quota override to a database opened after it, so it is set before the first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: baseline + 300_000 });
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const id = await createTerrain(page, 'Vol');
  await terrainCard(page).getByLabel('Postcode (4 cijfers)', { exact: true }).fill('2314');
  await waitSaved(page);
  const before = await readStoredTerrain(page, id);

  // A long text that cannot fit (random, so the browser cannot compress it away).
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const noise = Array.from({ length: 400_000 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  await terrainCard(page).getByLabel('Gemeente', { exact: true }).fill(noise);
  const indicator = page.getByRole('banner').getByRole('status');
  await expect(indicator).toHaveAttribute('data-state', 'error', { timeout: 10_000 });
  await expect(indicator).toHaveText(/^Niet opgeslagen: de opslag van de browser is vol\. De vorige versie staat nog veilig opgeslagen/);
  expect(await readStoredTerrain(page, id)).toEqual(before);
  await page.getByRole('link', { name: 'Terreinen', exact: true }).first().click();
  await expect(storagePanel(page).locator('[data-warning="storage-full"]')).toHaveText(/^De opslag van de browser is vol: de laatste wijziging is niet opgeslagen \(de vorige versie wel\)/);

  // Room again: the next change saves, with the long text it still held.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('link', { name: 'Vol', exact: true }).click();
  await terrainCard(page).getByLabel('Postcode (4 cijfers)', { exact: true }).fill('2315');
  await waitSaved(page);
  const after = await readStoredTerrain(page, id);
  expect(after?.municipality).toBe(noise);
  expect(after?.postcode4).toBe('2315');
  expect(after?.revision).toBe((before?.revision ?? 0) + 1);
  await context.close();
});
