/**
 * What a keystroke renders in a 50-building editor (issue 15: keystroke to next frame): the card of
 * the building typed in and, in it, the one field, not the other 49 cards, the terrain section or the
 * card's other fields. Counted in the production build with V8's precise coverage (call counts of the
 * view functions, found by a class name only they write). And a building's folds put their fields in
 * the page only when first opened, keeping them (with text not stored) when closed again. The
 * outcome panel beside the form follows once typing pauses (SETTLE_AFTER_EDIT_MS), each key saved.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { SETTLE_AFTER_EDIT_MS } from '../../src/state/assessment';
import { building, openGroup, readStoredTerrain, seedTerrain, waitSaved } from './helpers';

const TERRAIN = {
  id: 'keys-50',
  name: 'Vijftig gebouwen',
  assessmentDate: '2026-12-01',
  facts: {},
  buildings: Array.from({ length: 50 }, (_, i) => ({ id: `b${i + 1}`, name: `Gebouw ${i + 1}`, facts: { floorAreaM2: 100 + i, connection: 'large' } })),
};

/** Functions of the app's views, by a string literal written in their own body (not in a function inside them), in any quotes. */
const MARKERS = { FactField: 'field field-radio', BuildingCard: 'card building', TerrainSection: 'terrain-section' } as const;
type Counted = keyof typeof MARKERS;

interface Coverage {
  result: { scriptId: string; url: string; functions: { functionName: string; ranges: { startOffset: number; endOffset: number; count: number }[] }[] }[];
}

/**
 * Call counts since the last take, of the smallest function around each marker. A take leaves out
 * the scripts none of whose functions ran since the last one: a marker in a script seen before counts 0.
 */
async function calls(page: Page, cdp: CDPSession, sources: Map<string, string>): Promise<Record<Counted, number>> {
  const { result } = (await cdp.send('Profiler.takePreciseCoverage')) as Coverage;
  const counts: Partial<Record<Counted, number>> = {};
  for (const source of sources.values())
    for (const [name, marker] of Object.entries(MARKERS) as [Counted, string][]) if (new RegExp(`[\`"']${marker}[\`"']`).test(source)) counts[name] ??= 0;
  for (const script of result) {
    if (!script.url.startsWith(new URL(page.url()).origin) || !script.url.endsWith('.js')) continue;
    if (!sources.has(script.url)) sources.set(script.url, await (await page.request.get(script.url)).text());
    const source = sources.get(script.url)!;
    for (const [name, marker] of Object.entries(MARKERS) as [Counted, string][]) {
      const at = source.search(new RegExp(`[\`"']${marker}[\`"']`));
      if (at < 0) continue;
      const around = script.functions.map((f) => f.ranges[0]).filter((r) => r.startOffset <= at && at < r.endOffset);
      around.sort((a, b) => a.endOffset - a.startOffset - (b.endOffset - b.startOffset));
      counts[name] = (counts[name] ?? 0) + (around[0]?.count ?? 0);
    }
  }
  for (const name of Object.keys(MARKERS) as Counted[]) if (counts[name] === undefined) throw new Error(`${name} (${MARKERS[name]}) not found in the app's scripts`);
  return counts as Record<Counted, number>;
}

test('a keystroke in building 7 of 50 renders that card and that field only; folds fill when first opened', async ({ page }) => {
  // Precise coverage runs the app's scripts instrumented: 50 cards take seconds to render on a shared 2-core machine.
  test.slow();
  await seedTerrain(page, TERRAIN);
  // Coverage counts the functions of scripts compiled after it starts: start it, then open the editor.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  await page.goto(`/terrein/${TERRAIN.id}`);
  const card = building(page, 'Gebouw 7');
  const field = page.locator('#f-b7-floorAreaM2');
  // The first render (50 cards, some 600 fields, under coverage): not what is timed here, so it gets its own time.
  await expect(field).toHaveValue('106', { timeout: 30_000 });
  await waitSaved(page);
  const sources = new Map<string, string>();
  await calls(page, cdp, sources); // resets the counts

  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('5');
  await waitSaved(page);
  expect((await readStoredTerrain(page, TERRAIN.id))!.buildings[6].facts.floorAreaM2).toBe(1065);
  // The outcome panel follows once typing pauses; then nothing more is pending.
  await page.waitForTimeout(SETTLE_AFTER_EDIT_MS + 200);
  // The typed field once (the key; the save after it renders no field), its card once, the terrain section not at all.
  expect(await calls(page, cdp, sources)).toEqual({ FactField: 1, BuildingCard: 1, TerrainSection: 0 });
  await cdp.send('Profiler.stopPreciseCoverage');
  await cdp.send('Profiler.disable');
  await cdp.detach();

  // The closed fold "Dak" has no fields in the page until it is opened; opened, its fields stay when it is closed.
  await card.scrollIntoViewIfNeeded();
  const roofField = card.getByLabel('Dakoppervlak (m²)', { exact: true });
  await expect(roofField).toHaveCount(0);
  const roof = await openGroup(card, 'Dak');
  await roofField.fill('veel');
  await expect(roof.locator('#f-b7-roofAreaM2-error')).toContainText('Niet opgeslagen');
  await roof.locator(':scope > summary').click();
  await expect(roof).not.toHaveAttribute('open', '');
  await expect(roofField).toHaveCount(1);
  await roof.locator(':scope > summary').click();
  await expect(roofField).toHaveValue('veel');
  await expect(roof.locator('#f-b7-roofAreaM2-error')).toContainText('Niet opgeslagen');
});

test('the outcome panel follows the typed value once typing stops, and the value is saved', async ({ page }) => {
  await seedTerrain(page, { id: 'keys-outcome', name: 'Park Uitkomst', assessmentDate: '2026-12-02', facts: {}, buildings: [{ id: 'b1', name: 'Hal A', facts: {} }] });
  await page.goto('/terrein/keys-outcome');
  const panel = page.getByRole('complementary', { name: 'Uitkomst tot nu toe' });
  // Electricity use is one of the next questions while it is unknown.
  const question = panel.locator('a[href$="#f-b1-electricityKwh"]');
  await expect(question).toHaveCount(1);
  await question.click();
  const field = page.locator('#f-b1-electricityKwh');
  await expect(field).toBeFocused();
  await field.pressSequentially('120000', { delay: 40 });
  await waitSaved(page);
  expect((await readStoredTerrain(page, 'keys-outcome'))!.buildings[0].facts.electricityKwh).toBe(120000);
  // Typing has stopped: the panel is assessed again and the question is answered.
  await expect(question).toHaveCount(0);
  await expect(field).toBeFocused();
});
