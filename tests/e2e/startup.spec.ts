/**
 * Start-up (issue 15): the database is opened by the build's first script while the app's
 * chunk loads, and the app takes that connection over — on a first visit the early open
 * creates nothing and the app makes the database; on a return visit the database is opened
 * once, and the list is the early script's one read. A page reloaded in English renders in English from its first frame (the English
 * messages are their own chunk, loaded before the first render when they are the saved language).
 */
import { expect, test } from '@playwright/test';
import { createTerrain, DB_NAME } from './helpers';

/**
 * Records every indexedDB.open in the page (its arguments), the brand text of the first render, and
 * the stores of every transaction begun until the list first shows a terrain.
 */
const watch = () => {
  const w = window as unknown as { __opens: unknown[][]; __firstBrand: string | null; __txBeforeList: string[][] | null };
  w.__opens = [];
  w.__firstBrand = null;
  const transactions: string[][] = [];
  w.__txBeforeList = null;
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
    w.__opens.push(args);
    return open.apply(this, args);
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    transactions.push(typeof args[0] === 'string' ? [args[0]] : [...args[0]]);
    return transaction.apply(this, args);
  };
  new MutationObserver(() => {
    const brand = document.querySelector('.brand');
    if (brand && w.__firstBrand === null) w.__firstBrand = brand.textContent;
    if (w.__txBeforeList === null && document.querySelector('ul.terrain-list > li')) w.__txBeforeList = [...transactions];
  }).observe(document, { childList: true, subtree: true });
};
const opens = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __opens: unknown[][] }).__opens);

test('the database is opened early and taken over: created by the app on a first visit, opened once after', async ({ page }) => {
  await page.addInitScript(watch);
  await page.goto('/');
  await expect(page.getByText('Nog geen terreinen.', { exact: false })).toBeVisible();
  const version = await page.evaluate((name) => indexedDB.databases().then((all) => all.find((d) => d.name === name)?.version), DB_NAME);
  expect(version).toBeGreaterThanOrEqual(2);
  // The early script asks without a version (it aborted the creation), then the app with its ladder.
  expect(await opens(page)).toEqual([[DB_NAME], [DB_NAME, version]]);

  await createTerrain(page, 'Park Vroeg');
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Park Vroeg', exact: true })).toBeVisible();
  expect(await opens(page)).toEqual([[DB_NAME]]);
  // The list came from the early script's one read (summaries and journal), not from a read of the app's own.
  expect(await page.evaluate(() => (window as unknown as { __txBeforeList: string[][] | null }).__txBeforeList)).toEqual([['summaries', 'meta']]);
});

test('a page reloaded in English renders in English from its first frame', async ({ page }) => {
  await page.addInitScript(watch);
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch to English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Business parks', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Business parks', exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __firstBrand: string | null }).__firstBrand)).toBe('Energy Toolbox for Business Parks');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
