/**
 * Walk mode on a 360 px phone, offline: a new terrain of three buildings is walked with the
 * chips until each building's PV verdict is decided, answering with the fictional Grote
 * Polder example's values ("onbekend" where it has none). Prints the taps and typed fields;
 * the target for the three-building task is at most 40 taps. axe finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Terrain } from '../../src/engine/types';
import { loadEngine } from './engine';
import { createTerrain, readStoredTerrain, waitForServiceWorkerControl, waitSaved } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const example = JSON.parse(readFileSync(new URL('../../toolbox-data/examples/grote-polder.json', import.meta.url), 'utf8')) as Terrain;

test('three buildings walked to a decided PV verdict with chips, offline, in at most 40 taps', async ({ page, context }) => {
  // Three buildings of taps, each waiting for its live verdicts: about 20 s on an idle machine, so a loaded one gets room.
  test.setTimeout(90_000);
  const { assess, bundledToolbox } = await loadEngine();
  const facts = new Map(bundledToolbox.facts.map((f) => [f.id, f]));
  let taps = 0;
  let typed = 0;
  const tap = async (target: ReturnType<typeof page.getByRole>) => {
    taps++;
    await target.click();
  };

  const id = await createTerrain(page, 'Ronde Noord');
  // The first visit's "ready for offline use" toast covers "Gebouw toevoegen" on a phone (issue 13 point 5, fixed elsewhere): dismissed, not counted.
  await waitForServiceWorkerControl(page);
  const toast = page.locator('.toasts button');
  if (await toast.count()) await toast.first().click();
  await tap(page.getByRole('button', { name: 'Gebouw toevoegen', exact: true }));
  await tap(page.getByRole('button', { name: 'Gebouw toevoegen', exact: true }));
  await waitSaved(page);
  await context.setOffline(true);
  await page.reload();
  await tap(page.getByRole('link', { name: 'Ronde langs de gebouwen', exact: true }));
  await expect(page).toHaveURL(new RegExp(`/terrein/${id}/ronde/`));
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([]);

  const stored0 = (await readStoredTerrain(page, id))!;
  const ids: string[] = stored0.buildings.map((b: { id: string }) => b.id);
  for (let i = 0; i < 3; i++) {
    const truth = { ...example.facts, ...example.buildings[i].facts } as Record<string, unknown>;
    const pvDecided = async () => {
      await waitSaved(page);
      const t = (await readStoredTerrain(page, id)) as Terrain;
      return assess(t).measures.find((m) => m.measureId === 'pv-roof' && m.buildingId === ids[i])!.status !== 'needs-info';
    };
    for (let n = 0; n < 30 && !(await pvDecided()); n++) {
      const q = page.locator('.walk-question').first();
      const factId = (await q.getAttribute('data-fact'))!;
      const fact = facts.get(factId)!;
      const v = truth[factId];
      if (v === undefined || v === null) await tap(q.getByRole('button', { name: 'onbekend', exact: true }));
      else if (fact.type === 'boolean') await tap(q.getByRole('button', { name: v ? 'ja' : 'nee', exact: true }));
      else if (fact.type === 'enum') {
        const label = fact.options!.find((o) => o.value === v)!.label.nl;
        await tap(q.getByRole('button', { name: label, exact: true }));
      } else {
        typed++;
        await q.getByRole('textbox').fill(String(v).replace('.', ','));
        await tap(q.getByRole('button', { name: 'OK', exact: true }));
      }
      await expect(page.locator('.walk-question').first()).not.toHaveAttribute('data-fact', factId);
    }
    expect(await pvDecided(), `PV of building ${i + 1} decided`).toBe(true);
    if (i === 0) {
      // The progress and the verdict counts stay in view at the top while answering.
      const bar = await page.locator('.walk-bar').boundingBox();
      expect(bar!.y).toBeGreaterThanOrEqual(0);
      expect(bar!.y).toBeLessThan(740);
    }
    if (i < 2) await tap(page.getByRole('link', { name: 'Volgend gebouw', exact: true }));
  }
  await expect(page.locator('#walk-progress')).toContainText('beslissende vragen');
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([]);
  console.log(`walk mode, three buildings to a decided PV verdict: ${taps} taps, ${typed} typed fields`);
  expect(taps).toBeLessThanOrEqual(40);
});

test('a terrain question answered "onbekend" in one building is not asked again in the next', async ({ page }) => {
  test.setTimeout(90_000);
  const id = await createTerrain(page, 'Ronde Zuid');
  await waitForServiceWorkerControl(page);
  const toast = page.locator('.toasts button');
  if (await toast.count()) await toast.first().click();
  await page.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  await page.getByRole('button', { name: 'Gebouw toevoegen', exact: true }).click();
  await waitSaved(page);
  await page.getByRole('link', { name: 'Ronde langs de gebouwen', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/terrein/${id}/ronde/`));
  const first = page.locator('.walk-question').first();
  /** Answers "onbekend" to the first question until `stop` holds for it (its fact returned) or nothing is open (null); `never` may not come up. */
  const skipUntil = async (stop: (factId: string, scope: string | null) => boolean, never?: string): Promise<string | null> => {
    for (let n = 0; n < 60; n++) {
      if (await page.getByText('Alleen vragen die u als onbekend hebt overgeslagen staan nog open.').isVisible()) return null;
      const factId = (await first.getAttribute('data-fact'))!;
      if (never) expect(factId, 'the terrain fact skipped in the first building').not.toBe(never);
      if (stop(factId, await first.getAttribute('data-scope'))) return factId;
      await first.getByRole('button', { name: 'onbekend', exact: true }).click();
      await expect(first).not.toHaveAttribute('data-fact', factId);
    }
    throw new Error('still questions after 60 answers');
  };
  const terrainFact = (await skipUntil((_, scope) => scope === 'terrain'))!;
  expect(terrainFact).toBeTruthy();
  // Before it is answered, the next building's walk comes to it too (it is the terrain's, and unknown).
  await page.getByRole('link', { name: 'Volgend gebouw', exact: true }).click();
  expect(await skipUntil((f) => f === terrainFact)).toBe(terrainFact);
  await page.goBack();
  await expect(first).toHaveAttribute('data-fact', terrainFact);
  await first.getByRole('button', { name: 'onbekend', exact: true }).click();
  await expect(first).not.toHaveAttribute('data-fact', terrainFact);
  await page.getByRole('link', { name: 'Volgend gebouw', exact: true }).click();
  // Back at the second building, where it came first: now it is not asked, nor later.
  expect(await skipUntil(() => false, terrainFact)).toBeNull();
});
