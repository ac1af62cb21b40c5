/**
 * Two tabs of the app on one device (one browser context: one database, one
 * BroadcastChannel) never silently overwrite each other:
 * - a save in tab B shows up in tab A when A has no unsaved edits, with a notice;
 * - when A has unsaved edits, A gets the conflict question, and whichever version the
 *   user keeps reaches the other tab too;
 * - terrains created or deleted in one tab appear or disappear in the other's list.
 */
import { expect, test, type Page } from '@playwright/test';
import { createTerrain, readStoredTerrain, terrainCard, waitSaved } from './helpers';
import { watchCsp } from './data-safety';

const municipality = (page: Page) => terrainCard(page).getByLabel('Gemeente', { exact: true });
const postcode = (page: Page) => terrainCard(page).getByLabel('Postcode (4 cijfers)', { exact: true });

test('a save in one tab is taken over by the other, which says so', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const cspA = await watchCsp(a);
  const id = await createTerrain(a, 'Gedeeld');
  await waitSaved(a);
  await b.goto(`/terrein/${id}`);
  await expect(municipality(b)).toHaveValue('');

  await municipality(b).fill('Leiden');
  await waitSaved(b);
  await expect(municipality(a)).toHaveValue('Leiden');
  await expect(a.locator('[data-notice="remote-update"]')).toHaveText(/^Terrein "Gedeeld" is in een ander tabblad gewijzigd; u ziet nu die nieuwste versie\./);
  await expect(a.getByRole('banner').getByRole('status')).toHaveAttribute('data-state', 'saved');

  // And back: A edits, B follows. Nothing was lost on either side.
  await postcode(a).fill('2314');
  await waitSaved(a);
  await expect(postcode(b)).toHaveValue('2314');
  await expect(municipality(b)).toHaveValue('Leiden');
  const stored = await readStoredTerrain(a, id);
  expect(stored).toMatchObject({ municipality: 'Leiden', postcode4: '2314', revision: 3 });
  expect(cspA).toEqual([]);
});

/**
 * Tab A stands for a window that stays visible next to B: it never gets "hidden" (which
 * would flush its edits at once). The context's clock is paused while both tabs edit, so
 * neither autosave (300 ms) fires; B's edit is written when B is left (pagehide, the
 * app's flush on leaving). So A holds an unsaved edit exactly while B's save arrives.
 */
/** Tab A that stays visible, tab B, fake timers (time still flows), and a terrain "Gedeeld" made and saved in A. */
async function visibleTabAndAnother(context: import('@playwright/test').BrowserContext): Promise<{ a: Page; b: Page; id: string }> {
  await context.clock.install(); // fake timers from the first script on; time still flows
  const a = await context.newPage();
  await a.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'visible' });
    document.addEventListener('visibilitychange', (e) => e.stopImmediatePropagation(), true);
  });
  const b = await context.newPage();
  const id = await createTerrain(a, 'Gedeeld');
  await waitSaved(a);
  return { a, b, id };
}

async function concurrentEdits(context: import('@playwright/test').BrowserContext): Promise<{ a: Page; b: Page; id: string }> {
  const { a, b, id } = await visibleTabAndAnother(context);
  await b.goto(`/terrein/${id}`);
  await expect(municipality(b)).toHaveValue('');

  await context.clock.pauseAt((await a.evaluate(() => Date.now())) + 1000);
  await municipality(a).fill('Mijn gemeente');
  await expect(a.getByRole('banner').getByRole('status')).toHaveAttribute('data-state', 'pending');
  await municipality(b).fill('Hun gemeente');
  await expect(b.getByRole('banner').getByRole('status')).toHaveAttribute('data-state', 'pending');
  // B is left (headless tabs never become hidden by themselves): it writes its edit now.
  await b.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(b.getByRole('banner').getByRole('status')).toHaveAttribute('data-state', 'saved');
  await expect.poll(async () => (await readStoredTerrain(a, id))?.municipality).toBe('Hun gemeente');
  return { a, b, id };
}

test('unsaved edits in one tab and a save in the other: a conflict question, never a silent overwrite', async ({ context }) => {
  const { a, b, id } = await concurrentEdits(context);

  // A is told, keeps showing its own edit, and has not written anything.
  const question = a.getByRole('alert').filter({ hasText: 'Dit terrein is in een ander tabblad gewijzigd.' });
  await expect(question).toBeVisible();
  await expect(a.getByRole('banner').getByRole('status')).toHaveAttribute('data-state', 'conflict');
  await expect(municipality(a)).toHaveValue('Mijn gemeente');
  expect((await readStoredTerrain(a, id))?.municipality).toBe('Hun gemeente');

  // The user keeps A's version: it is written on top (a newer revision), and B follows.
  const theirs = await readStoredTerrain(a, id);
  await question.getByRole('button', { name: 'Mijn versie bewaren', exact: true }).click();
  await expect(question).toHaveCount(0);
  await expect.poll(async () => (await readStoredTerrain(a, id))?.municipality).toBe('Mijn gemeente');
  expect((await readStoredTerrain(a, id))?.revision).toBe((theirs?.revision ?? 0) + 1);
  await context.clock.resume();
  await expect(b.locator('[data-notice="remote-update"]')).toHaveText(/^Terrein "Gedeeld" is in een ander tabblad gewijzigd/);
  // B's field still has the focus from typing; leaving it shows the newest value.
  await b.getByRole('heading', { level: 1 }).click();
  await expect(municipality(b)).toHaveValue('Mijn gemeente');
  await expect(a.getByRole('banner').getByRole('status')).toHaveAttribute('data-state', 'saved');
});

test('the other way round: "load the other version" drops the unsaved edit and shows theirs', async ({ context }) => {
  const { a, id } = await concurrentEdits(context);
  const question = a.getByRole('alert').filter({ hasText: 'Dit terrein is in een ander tabblad gewijzigd.' });
  await question.getByRole('button', { name: 'Andere versie laden', exact: true }).click();
  await context.clock.resume(); // A's autosave timer fires: there is nothing left to write
  await expect(municipality(a)).toHaveValue('Hun gemeente');
  await expect(a.getByRole('banner').getByRole('status')).toHaveAttribute('data-state', 'saved');
  expect((await readStoredTerrain(a, id))?.municipality).toBe('Hun gemeente');
});

test('terrains created or deleted in one tab appear or disappear in the other', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/');
  await b.goto('/');
  const id = await createTerrain(b, 'Uit tab B');
  await waitSaved(b);
  await expect(a.getByRole('link', { name: 'Uit tab B', exact: true })).toBeVisible();

  await b.goto('/');
  b.once('dialog', (d) => void d.accept());
  await b.getByRole('button', { name: 'Verwijderen: Uit tab B', exact: true }).click();
  await expect(a.getByRole('link', { name: 'Uit tab B', exact: true })).toHaveCount(0);
  expect(await readStoredTerrain(a, id)).toBeUndefined();
});

test('deleted in one tab while the other has unsaved edits: the other asks, and "restore" brings its version back everywhere', async ({ context }) => {
  const { a, b, id } = await visibleTabAndAnother(context);
  await b.goto('/');
  await expect(b.getByRole('link', { name: 'Gedeeld', exact: true })).toBeVisible();

  // A types; its autosave cannot fire (clock paused) while B deletes the terrain.
  await context.clock.pauseAt((await a.evaluate(() => Date.now())) + 1000);
  await municipality(a).fill('Mijn gemeente');
  await expect(a.getByRole('banner').getByRole('status')).toHaveAttribute('data-state', 'pending');
  b.once('dialog', (d) => void d.accept());
  await b.getByRole('button', { name: 'Verwijderen: Gedeeld', exact: true }).click();
  await expect(b.getByRole('link', { name: 'Gedeeld', exact: true })).toHaveCount(0);

  const question = a.getByRole('alert').filter({ hasText: 'Terrein "Gedeeld" is in een ander tabblad verwijderd, maar hier zijn wijzigingen die nog niet zijn opgeslagen.' });
  await expect(question).toBeVisible();
  await expect(a.getByRole('banner').getByRole('status')).toHaveText('Niet opgeslagen: in een ander tabblad verwijderd');
  await expect(municipality(a)).toHaveValue('Mijn gemeente');
  // Even when A's autosave timer fires, nothing is written back until the user decides.
  await context.clock.resume();
  await context.clock.runFor(1000);
  expect(await readStoredTerrain(a, id)).toBeUndefined();

  await question.getByRole('button', { name: 'Mijn versie terugzetten', exact: true }).click();
  await expect(question).toHaveCount(0);
  await expect.poll(async () => (await readStoredTerrain(a, id))?.municipality).toBe('Mijn gemeente');
  await expect(a.getByRole('banner').getByRole('status')).toHaveAttribute('data-state', 'saved');
  await expect(b.getByRole('link', { name: 'Gedeeld', exact: true })).toBeVisible();
});
