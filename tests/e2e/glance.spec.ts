/**
 * The assessment at a glance (issue 14, point 1), in Chromium: the matrix's cells are the
 * engine's verdicts for every example terrain (status, symbol, name, duty mark); Roomburg on a
 * 360 × 740 phone with the default (folded) cards is at most 6 screens tall, the matrix on the
 * first; a cell opens its card and brings it into view (also one a filter hid); the filters; the
 * plan one tap away; an open card survives Back and a reload; axe clean folded and open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Assessment } from '../../src/engine/types';
import { STATUS_SYMBOL } from '../../src/ui/statusOrder';
import { loadEngine } from './engine';
import { horizontalOverflow, STATUS_NL } from './helpers';
import { addExamples, data, EXAMPLE_IDS, readExample } from './toolbox-helpers';

const key = (m: { measureId: string; buildingId?: string }) => `${m.measureId}--${m.buildingId ?? 'terrain'}`;
const measureNl = (id: string) => data.measures.find((m) => m.id === id)!.label.nl;
const assessments = new Map<string, Assessment>();
test.beforeAll(async () => {
  const { assess } = await loadEngine();
  for (const id of EXAMPLE_IDS) assessments.set(id, assess(readExample(id)));
});

async function openAssessment(page: Page, id: string): Promise<void> {
  await page.goto(`/terrein/${id}/beoordeling`);
  await expect(page.getByRole('heading', { level: 2, name: 'In één oogopslag', exact: true })).toBeVisible();
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the matrix shows the engine verdict of every building and measure, for every example terrain', async ({ page }) => {
  await addExamples(page);
  for (const id of EXAMPLE_IDS) {
    const expected = assessments.get(id)!;
    const terrain = readExample(id);
    await openAssessment(page, id);
    const cells = await page.locator('td.matrix-cell').evaluateAll((tds) =>
      tds.map((td) => ({ key: td.getAttribute('data-key'), status: td.getAttribute('data-status'), name: td.querySelector('[aria-label]')?.getAttribute('aria-label'), shown: (td.textContent ?? '').trim() })),
    );
    expect(cells.map((c) => c.key).sort(), id).toEqual(expected.measures.map(key).sort());
    for (const m of expected.measures) {
      const cell = cells.find((c) => c.key === key(m))!;
      const building = m.buildingId ? terrain.buildings.find((b) => b.id === m.buildingId)!.name : 'Terrein';
      const duty = m.status === 'not-applicable' ? false : m.obligation;
      expect(cell.status, `${id} ${key(m)}`).toBe(m.status);
      // The status as symbol (never colour alone) and as word in the cell's name; the duty marked both ways.
      expect(cell.shown).toBe(STATUS_SYMBOL[m.status] + (duty === true ? '§' : duty === null ? '§?' : ''));
      expect(cell.name).toBe(`${measureNl(m.measureId)}, ${building}: ${STATUS_NL[m.status]}${duty === true ? ', Wettelijke plicht' : duty === null ? ', Plicht nog onbekend' : ''}`);
    }
    // The columns' key names the buildings in order.
    await expect(page.locator('.matrix-key li')).toHaveText(terrain.buildings.map((b, i) => `${i + 1} ${b.name}`));
  }
});

test.describe('on a 360 × 740 phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("Roomburg's assessment: at most 6 screens, a cell opens its card, filters, the plan one tap away, Back and reload keep it, axe clean", async ({ page }) => {
    test.slow(); // axe twice over a large page on a shared machine
    const ID = 'example-roomburg';
    const expected = assessments.get(ID)!;
    await addExamples(page);
    await openAssessment(page, ID);

    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`Roomburg assessment at 360 × 740, default view: ${height} px (${(height / 740).toFixed(1)} screens)`);
    expect(height).toBeLessThanOrEqual(6 * 740);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    // The answer starts on the first screen: the matrix's first row is in view without scrolling.
    const firstRow = await page.locator('.matrix-table tbody tr').first().boundingBox();
    expect(firstRow!.y + firstRow!.height).toBeLessThan(740);
    expect(await axe(page)).toEqual([]);

    // A cell opens its verdict: the card expands, comes into view, shows its reasons.
    const pv = expected.measures.find((m) => m.measureId === 'pv-roof' && m.buildingId === 'b1')!;
    await page.locator(`td[data-key="${key(pv)}"] button`).click();
    const card = page.locator(`#card-${key(pv)}`);
    await expect(card.locator('details').first()).toHaveAttribute('open', '');
    await expect(card.locator('li.reason').first()).toBeVisible();
    await expect(card.locator('li.reason')).toHaveCount(pv.reasons.length);
    await expect(card).toBeInViewport();
    expect(await axe(page)).toEqual([]);

    // Filters: one building's cards only; a cell of another building clears the filter and shows its card.
    const [b1, b2] = readExample(ID).buildings;
    await page.getByLabel('Gebouw', { exact: true }).selectOption(b2.id);
    const shown = page.locator('article.measure');
    await expect(shown).toHaveCount(expected.measures.filter((m) => m.buildingId === b2.id).length);
    expect(await shown.evaluateAll((els) => els.map((e) => e.id))).toEqual(
      ['feasible', 'conditional', 'blocked', 'needs-info', 'not-applicable'].flatMap((s) => expected.measures.filter((m) => m.buildingId === b2.id && m.status === s).map((m) => `card-${key(m)}`)),
    );
    await page.getByLabel('Status', { exact: true }).selectOption('needs-info');
    await expect(shown).toHaveCount(expected.measures.filter((m) => m.buildingId === b2.id && m.status === 'needs-info').length);
    const other = expected.measures.find((m) => m.buildingId === b1.id && m.status === 'blocked')!;
    await page.locator(`td[data-key="${key(other)}"] button`).click();
    await expect(page.getByLabel('Gebouw', { exact: true })).toHaveValue('');
    await expect(page.locator(`#card-${key(other)}`)).toBeInViewport();
    await expect(shown).toHaveCount(expected.measures.length); // every group was opened by the filter

    // The plan is one tap away: the fold opens and comes into view with every step.
    await page.getByRole('navigation', { name: 'Ga naar', exact: true }).getByRole('button', { name: 'Stappenplan in verplichte volgorde', exact: true }).click();
    await expect(page.locator('#plan')).toBeInViewport();
    await expect(page.locator('#plan li.step[data-step]')).toHaveCount(expected.plan.length);

    // Back from the editor, and a reload, find the same cards and folds open.
    await page.getByRole('link', { name: 'Gegevens bewerken', exact: true }).click();
    await expect(page).toHaveURL(`/terrein/${ID}`);
    await page.goBack();
    await expect(page.locator(`#card-${key(pv)} li.reason`).first()).toBeVisible();
    await expect(page.locator(`#card-${key(other)} li.reason`).first()).toBeVisible();
    await expect(page.locator('#plan li.step[data-step]')).toHaveCount(expected.plan.length);
    await page.reload();
    await expect(page.locator(`#card-${key(pv)} li.reason`).first()).toBeVisible();
    // Folding a card again closes it, and that is kept too.
    await page.locator(`#card-${key(pv)} summary.measure-head`).click();
    await expect(page.locator(`#card-${key(pv)} li.reason`)).toHaveCount(0);
    await page.reload();
    await expect(page.locator(`#card-${key(other)} li.reason`).first()).toBeVisible();
    await expect(page.locator(`#card-${key(pv)} li.reason`)).toHaveCount(0);
  });
});
