/** Shared steps for the browser tests: the Dutch UI driven through accessible locators. */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Terrain } from '../../src/engine/types';
import type { StoredTerrain } from '../../src/storage/db';
import { summarize } from '../../src/storage/summary';

/** The app's origin (see playwright.config.ts; E2E_PORT moves it, e.g. beside another run). */
export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
export const DB_NAME = 'energietoolbox-bedrijventerreinen';

/** Creates a terrain from the list page and returns its id (the editor is open afterwards). */
export async function createTerrain(page: Page, name: string): Promise<string> {
  if (page.url() === 'about:blank' || new URL(page.url()).pathname !== '/') await page.goto('/');
  await page.getByLabel('Naam van het nieuwe terrein', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Terrein toevoegen', exact: true }).click();
  await expect(page).toHaveURL(/\/terrein\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
}

/** The header's save indicator. */
export function saveIndicator(page: Page): Locator {
  return page.getByRole('banner').getByRole('status');
}

/** Waits until every pending change is written (the indicator says "Opgeslagen" / "Saved"). */
export async function waitSaved(page: Page): Promise<void> {
  await expect(saveIndicator(page)).toHaveAttribute('data-state', 'saved');
}

/** The card of one building, found by its name (its heading). */
export function building(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The terrain card of the editor. */
export function terrainCard(page: Page): Locator {
  return page.getByRole('region', { name: 'Terrein', exact: true });
}

/** Renames a building card and returns the card under its new name. */
export async function renameBuilding(page: Page, card: Locator, name: string): Promise<Locator> {
  await card.getByLabel('Naam gebouw', { exact: true }).fill(name);
  const renamed = building(page, name);
  await expect(renamed).toBeVisible();
  return renamed;
}

/** Opens a fact group (<details>) by clicking its <summary>, unless it is open already. */
export async function openGroup(scope: Locator, group: string): Promise<Locator> {
  const exact = new RegExp(`^${group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const details = scope.locator('details.fact-group').filter({ has: scope.page().locator(':scope > summary', { hasText: exact }) });
  await expect(details).toHaveCount(1);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator(':scope > summary').click();
  await expect(details).toHaveAttribute('open', '');
  return details;
}

/**
 * Opens every <details> in the main content (sources, calculations, subsidies, collapsed groups,
 * the assessment's folds and cards, whose content appears once open): round by round until none
 * is closed. Returns how many were opened. It first waits for the view to be there (a view loads
 * after the page's load event: its chunk, the engine, the terrain from IndexedDB).
 */
export async function openAllDetails(page: Page): Promise<number> {
  await page.locator('main details').first().waitFor({ state: 'attached' });
  let total = 0;
  for (let round = 0; round < 10; round++) {
    const opened = await page.locator('main').evaluate(async (main) => {
      const closed = [...main.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
      closed.forEach((d) => (d.open = true));
      // The toggle events, and the render they cause, come after this task.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return closed.length;
    });
    if (!opened) return total;
    total += opened;
  }
  throw new Error('details kept appearing closed');
}

/** Opens a folded section of the assessment (its <summary> holds the title), unless it is open already. */
export async function openFold(page: Page, title: string): Promise<Locator> {
  const fold = page.locator('section.fold').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
  if (!(await fold.locator(':scope > details').evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator(':scope > details > summary').click();
  await expect(fold.locator(':scope > details')).toHaveAttribute('open', '');
  return fold;
}

/** Chooses ja / nee / onbekend for a yes-no fact. */
export async function choose(scope: Locator, legend: string, option: 'ja' | 'nee' | 'onbekend'): Promise<void> {
  await scope.getByRole('group', { name: legend, exact: true }).getByRole('radio', { name: option, exact: true }).check();
}

/** Reads one stored terrain straight from IndexedDB (not through the app). */
export async function readStoredTerrain(page: Page, id: string): Promise<Record<string, any> | undefined> {
  return page.evaluate(
    ({ dbName, id }) =>
      new Promise<Record<string, any> | undefined>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('terrains', 'readonly').objectStore('terrains').get(id);
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    { dbName: DB_NAME, id },
  );
}

/** The fictional Roomburg example (toolbox-data/examples): three buildings, most facts known. */
export function roomburg(): Terrain {
  const { note: _note, ...terrain } = JSON.parse(readFileSync(new URL('../../toolbox-data/examples/roomburg.json', import.meta.url), 'utf8')) as Terrain & { note?: string };
  return terrain;
}

/**
 * Puts a terrain straight into IndexedDB (as the app stores it) and reloads, for specs that
 * need a filled terrain but do not test entering it (create.spec does that through the UI).
 */
export async function seedTerrain(page: Page, terrain: Terrain): Promise<void> {
  if (page.url() === 'about:blank') await page.goto('/');
  // The app has opened (and created) its database once the list is rendered.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await putRecords(page, [{ ...terrain, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), revision: 1 }]);
  await page.reload();
}

/** Writes stored terrains with their summaries (made by the app's own summarize) in one transaction, as the repository does. */
export async function putRecords(page: Page, records: StoredTerrain[]): Promise<void> {
  const summaries = records.map((r) => summarize(r, null));
  await page.evaluate(
    ({ dbName, records, summaries }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['terrains', 'summaries'], 'readwrite');
          records.forEach((r) => tx.objectStore('terrains').put(r));
          summaries.forEach((s) => tx.objectStore('summaries').put(s));
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dbName: DB_NAME, records, summaries },
  );
}

/** EXAMPLE as a terrain record with fixed ids (for seeding and for the engine). */
export function exampleTerrain(id = 'example-de-schans'): Terrain {
  return {
    id,
    name: EXAMPLE.name,
    municipality: '',
    postcode4: '',
    assessmentDate: EXAMPLE.assessmentDate,
    facts: { ...EXAMPLE.facts },
    buildings: EXAMPLE.buildings.map((b, i) => ({ id: `b${i + 1}`, name: b.name, facts: { ...b.facts } })),
  };
}

/** Resolves once a service worker controls the page (first visit: install, activate, clients.claim). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  });
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** axe-core's WCAG 2.0/2.1 A and AA violations on the page, one readable line each (rule and offending elements). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The document's scroll width, and the elements that stick out past the viewport's right edge (not those a scroll region clips). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  const width = page.viewportSize()?.width ?? 0;
  return page.evaluate((width) => {
    const culprits: string[] = [];
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && clipped(el)) continue;
      if (r.width > 0 && r.right > width + 0.5) culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (right edge ${Math.round(r.right)})`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 10) };
  }, width);
}

/** The example terrain the specs enter through the UI: as the engine should see it. */
export const EXAMPLE = {
  name: 'Bedrijvenpark De Schans',
  assessmentDate: '2026-11-28',
  facts: { congestionOfftake: 'orange', congestionFeedIn: 'red' },
  buildings: [
    {
      name: 'Hal A',
      facts: { use: 'logistics', monument: 'none', tenure: 'owner', connection: 'large', contractedFeedInKw: 0, roofAreaM2: 4200, roofType: 'flat', existingPvKwp: 0, asbestos: true },
    },
    {
      name: 'Kantoor B',
      facts: { use: 'office', monument: 'none', tenure: 'tenant', connection: 'small', roofAreaM2: 900, roofType: 'flat', asbestos: false },
    },
  ],
} as const;

/**
 * Creates EXAMPLE through the UI (list → editor: terrain facts, building 1, a second building),
 * waits until it is saved and returns the terrain id. The editor stays open.
 */
export async function createExampleTerrain(page: Page): Promise<string> {
  const id = await createTerrain(page, EXAMPLE.name);

  const terrain = terrainCard(page);
  await terrain.getByLabel('Peildatum beoordeling', { exact: true }).fill(EXAMPLE.assessmentDate);
  await terrain.getByLabel('Netcongestie afname (capaciteitskaart)', { exact: true }).selectOption({ label: 'oranje' });
  await terrain.getByLabel('Netcongestie invoeding (capaciteitskaart)', { exact: true }).selectOption({ label: 'rood' });

  // Building 1: large connection, no contracted feed-in, 4200 m² flat roof with asbestos.
  const hal = await renameBuilding(page, building(page, 'Gebouw 1'), 'Hal A');
  await hal.getByLabel('Gebruik', { exact: true }).selectOption({ label: 'logistiek' });
  await hal.getByLabel('Monumentstatus', { exact: true }).selectOption({ label: 'geen' });
  await hal.getByLabel('Eigendom', { exact: true }).selectOption({ label: 'eigenaar-gebruiker' });
  await openGroup(hal, 'Aansluiting');
  await hal.getByLabel('Elektriciteitsaansluiting', { exact: true }).selectOption({ label: 'grootverbruik (> 3x80 A)' });
  await hal.getByLabel('Gecontracteerd transportvermogen invoeding (kW)', { exact: true }).fill('0');
  await openGroup(hal, 'Dak');
  await hal.getByLabel('Dakoppervlak (m²)', { exact: true }).fill('4200');
  await hal.getByLabel('Daktype', { exact: true }).selectOption({ label: 'plat' });
  await hal.getByLabel('Bestaande zonnepanelen (kWp)', { exact: true }).fill('0');
  await choose(hal, 'Asbest in het dak', 'ja');

  // Building 2: small connection, 900 m² flat roof without asbestos, rented.
  await page.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  const kantoor = await renameBuilding(page, building(page, 'Gebouw 2'), 'Kantoor B');
  await kantoor.getByLabel('Gebruik', { exact: true }).selectOption({ label: 'kantoor' });
  await kantoor.getByLabel('Monumentstatus', { exact: true }).selectOption({ label: 'geen' });
  await kantoor.getByLabel('Eigendom', { exact: true }).selectOption({ label: 'huurder' });
  await openGroup(kantoor, 'Aansluiting');
  await kantoor.getByLabel('Elektriciteitsaansluiting', { exact: true }).selectOption({ label: 'kleinverbruik (tot en met 3x80 A)' });
  await openGroup(kantoor, 'Dak');
  await kantoor.getByLabel('Dakoppervlak (m²)', { exact: true }).fill('900');
  await kantoor.getByLabel('Daktype', { exact: true }).selectOption({ label: 'plat' });
  await choose(kantoor, 'Asbest in het dak', 'nee');

  await waitSaved(page);
  return id;
}

/** The Dutch status labels as the app shows them, in the order the assessment groups them. */
export const STATUS_NL = {
  feasible: 'Haalbaar',
  conditional: 'Haalbaar na voorwaarden',
  blocked: 'Nu niet haalbaar',
  'needs-info': 'Nader onderzoeken',
  'not-applicable': 'Niet van toepassing',
} as const;
