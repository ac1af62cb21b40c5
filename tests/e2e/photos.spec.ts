/**
 * Photos of a building on a 360 px phone, offline after the first visit: "Foto maken" in
 * "Bedrijf en bezoek" takes a generated 2400 × 1800 PNG (setInputFiles on the camera input),
 * stores it compressed to 1600 × 1200 JPEG with a caption, and it survives a reload; a file that
 * is not an image gets a Dutch message and stores nothing; walk mode adds one too; the storage
 * panel counts photo bytes; delete asks first. Export all → the file (format 5) holds the photos;
 * imported into an empty browser, the terrain shows the same photos. axe finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { download, importFile, importResult, storagePanel } from './data-safety';
import { building, createTerrain, horizontalOverflow, openGroup, waitForServiceWorkerControl } from './helpers';
import { makePng } from './photoFixture';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const axe = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

async function startOffline(page: Page, name?: string): Promise<string | null> {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const id = name ? await createTerrain(page, name) : null;
  const toast = page.locator('.toasts button');
  if (await toast.count()) await toast.first().click();
  await page.context().setOffline(true);
  return id;
}

/** Every thumbnail in scope has loaded and decoded (naturalWidth > 0). */
async function decodedSizes(scope: ReturnType<Page['locator']>): Promise<[number, number][]> {
  return scope.locator('.photo img').evaluateAll(async (imgs) => {
    await Promise.all((imgs as HTMLImageElement[]).map((i) => i.decode().catch(() => undefined)));
    return (imgs as HTMLImageElement[]).map((i) => [i.naturalWidth, i.naturalHeight] as [number, number]);
  });
}

test('a photo is compressed, captioned, survives a reload, an export and an import into an empty browser, offline at 360 px', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = await startOffline(page, 'Park Foto');
  const card = building(page, 'Gebouw 1');
  const section = await openGroup(card, 'Bedrijf en bezoek');
  const camera = section.locator('input[type=file]');
  await expect(camera).toHaveAttribute('accept', 'image/*');
  await expect(camera).toHaveAttribute('capture', 'environment');
  await expect(section.getByRole('button', { name: 'Foto maken', exact: true })).toBeVisible();

  // Not an image: a Dutch message, nothing stored.
  await camera.setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('dit is geen foto') });
  await expect(section.getByRole('alert')).toHaveText('Dit bestand is geen foto die de browser kan lezen. Er is niets opgeslagen.');
  await expect(section.locator('.photo')).toHaveCount(0);

  await camera.setInputFiles({ name: 'dak.png', mimeType: 'image/png', buffer: makePng(2400, 1800, 7) });
  await expect(section.locator('[data-photo-outcome]')).toHaveText('Foto verkleind en opgeslagen.');
  await expect(section.locator('.photo')).toHaveCount(1);
  expect(await decodedSizes(section)).toEqual([[1600, 1200]]);
  await expect(section).toContainText(/1\.600 × 1\.200 pixels, \d+(,\d)? kB/);
  await section.getByLabel('Bijschrift foto 1', { exact: true }).fill('Dak, noordzijde');
  await expect(section.getByRole('img', { name: 'Dak, noordzijde' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);

  // Walk mode has the same control.
  await card.getByRole('link', { name: 'Ronde: dit gebouw', exact: true }).click();
  const walkCamera = page.locator('.walk-photos input[type=file]');
  await walkCamera.setInputFiles({ name: 'meterkast.png', mimeType: 'image/png', buffer: makePng(1200, 1600, 3) });
  await expect(page.locator('.walk-photos [data-photo-outcome]')).toHaveText('Foto verkleind en opgeslagen.');
  expect(await decodedSizes(page.locator('.walk-photos'))).toEqual([[1600, 1200], [1200, 1600]]);
  expect(await axe(page)).toEqual([]);
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);

  // A reload (offline, from the service worker): both photos and the caption are there.
  await page.goto(`/terrein/${encodeURIComponent(id!)}`);
  const again = await openGroup(building(page, 'Gebouw 1'), 'Bedrijf en bezoek');
  await expect(again.locator('.photo')).toHaveCount(2);
  await expect(again.getByLabel('Bijschrift foto 1', { exact: true })).toHaveValue('Dak, noordzijde');
  expect(await decodedSizes(again)).toEqual([[1600, 1200], [1200, 1600]]);

  // Delete asks first; dismissing keeps the photo.
  page.once('dialog', (d) => void d.dismiss());
  await again.getByRole('button', { name: 'Foto 2 verwijderen', exact: true }).click();
  await expect(again.locator('.photo')).toHaveCount(2);

  // The storage panel counts them; the export holds them.
  await page.goto('/');
  const panel = storagePanel(page);
  await expect(panel.locator('.storage-photos')).toHaveText(/^Daarvan foto's: 2, samen \d+(,\d)? kB\.$/);
  const { download: file, text } = await download(page, () => panel.getByRole('button', { name: 'Alles exporteren', exact: true }).click());
  const envelope = JSON.parse(text);
  expect(envelope.formatVersion).toBe(5);
  expect(envelope.photos.map((p: { type: string; width: number; height: number; caption?: string }) => [p.type, p.width, p.height, p.caption ?? null])).toEqual([
    ['image/jpeg', 1600, 1200, 'Dak, noordzijde'],
    ['image/jpeg', 1200, 1600, null],
  ]);
  const photoBytes = envelope.photos.map((p: { data: string }) => Buffer.from(p.data, 'base64').length);
  console.log(`photos: ${photoBytes.join(' + ')} bytes; file ${text.length} bytes for 2 photos`);

  // Another, empty browser: visit once online, then offline, import the file.
  const other = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const device = await other.newPage();
  await startOffline(device);
  await importFile(device, file.suggestedFilename(), text);
  await expect(importResult(device)).toHaveText('1 terrein geïmporteerd.');
  await device.getByRole('link', { name: 'Park Foto', exact: true }).click();
  const imported = await openGroup(building(device, 'Gebouw 1'), 'Bedrijf en bezoek');
  await expect(imported.locator('.photo')).toHaveCount(2);
  await expect(imported.getByRole('img', { name: 'Dak, noordzijde' })).toBeVisible();
  expect(await decodedSizes(imported)).toEqual([[1600, 1200], [1200, 1600]]);
  expect(await axe(device)).toEqual([]);
  // …and the report's company sheet of that building shows them, with the caption.
  await device.goto(`/terrein/${encodeURIComponent(id!)}/rapport`);
  const sheet = device.locator('.company-sheet[data-building]').filter({ hasText: 'Gebouw 1' }).first();
  await expect(sheet.getByRole('img', { name: 'Dak, noordzijde' })).toBeVisible();
  await expect(sheet.locator('img')).toHaveCount(2);
  await other.close();

  // Delete, accepted: gone after a reload too.
  await page.goto(`/terrein/${encodeURIComponent(id!)}`);
  const last = await openGroup(building(page, 'Gebouw 1'), 'Bedrijf en bezoek');
  page.once('dialog', (d) => void d.accept());
  await last.getByRole('button', { name: 'Foto 2 verwijderen', exact: true }).click();
  await expect(last.locator('.photo')).toHaveCount(1);
  await page.reload();
  await expect((await openGroup(building(page, 'Gebouw 1'), 'Bedrijf en bezoek')).locator('.photo')).toHaveCount(1);
});
