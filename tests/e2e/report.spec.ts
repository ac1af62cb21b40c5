/**
 * The report as a hand-out, printed to A4 by Chromium (page.pdf, the print pipeline of the
 * browser's dialog) and read back with pdftotext, for every example terrain: at most 12 pages;
 * a cover with terrain, municipality, date, toolbox version and the adviser (set once on the
 * report page, kept on the device; a bad value refused at the field, the stored one kept); the
 * summary with the matrix and the totals; each company sheet on a page of its own, named, with
 * its own steps in plan order; each do and don't once; the sources listed exactly those cited,
 * numbered whole; no "∈"/"∉"; badges black on white in print. A company printed alone
 * (?gebouw=). The page axe clean; offline; "Afdrukken" waits for the whole report.
 */
import { nl } from '../../src/i18n/nl';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Assessment, Terrain } from '../../src/engine/types';
import { valueOn } from '../../src/engine/params';
import { terrainTotals } from '../../src/features/assessment/glance';
import { loadEngine } from './engine';
import { waitForServiceWorkerControl } from './helpers';
import { addExamples, collapse, data, dutchDate, dutchNumber, dutchText, EXAMPLE_IDS, expectA4, pdfInfo, pdfPages, readExample, stepLabel, stubPrint } from './toolbox-helpers';

const h1 = (terrain: Terrain) => `Do's en don'ts: ${terrain.name}`;
const ADVISER = { name: 'Ada de Vries', organisation: 'Parkmanagement Leiden', contact: 'ada@example.nl' };

const assessments = new Map<string, Assessment>();
test.beforeAll(async () => {
  const { assess } = await loadEngine();
  for (const id of EXAMPLE_IDS) assessments.set(id, assess(readExample(id)));
});

/** Opens a report and waits until all of it is rendered (the sheets come in slices). */
async function openReport(page: Page, id: string, buildingId?: string): Promise<void> {
  await page.goto(`/terrein/${id}/rapport${buildingId ? `?gebouw=${buildingId}` : ''}`);
  await expect(page.getByRole('heading', { level: 1, name: h1(readExample(id as (typeof EXAMPLE_IDS)[number])), exact: true })).toBeVisible();
  await expect(page.locator('.report')).toHaveAttribute('data-complete', 'true');
}

async function printed(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const file = join(mkdtempSync(join(tmpdir(), 'report-pdf-')), 'report.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  const info = pdfInfo(file);
  expectA4(info);
  // In reading order: the steps, the advice and the sources are printed in two columns.
  const pages = pdfPages(file, { raw: true });
  expect(pages.length).toBe(info.pages);
  await page.emulateMedia({ media: 'screen' });
  return pages;
}

const norm = (s: string) => collapse(s).replace(/- /g, '-');
const linesOf = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
/** The page where a sheet starts: its heading is the page's first line. */
const sheetPage = (pages: string[], heading: string) => pages.findIndex((p) => linesOf(p)[0] === heading);

/** The sources a report of these verdicts cites, worked out from the engine's result alone. */
function citedBy(a: Assessment, buildingId?: string): Set<string> {
  const applies = a.measures.filter((m) => m.status !== 'not-applicable' && (!buildingId || m.buildingId === buildingId));
  const advice = [...a.dos, ...a.donts].filter((x) => !buildingId || x.buildingIds.includes(buildingId));
  return new Set([
    ...(buildingId ? [] : a.grid.parameterIds.flatMap((id) => valueOn(data.parameters.find((p) => p.id === id)!, a.assessmentDate)!.sources)),
    ...applies.flatMap((m) => m.reasons.filter((r) => r.outcome !== 'unknown').flatMap((r) => r.sourceIds)),
    ...advice.flatMap((x) => x.sourceIds),
    // A company sheet's EML block (printed when an item applies) cites the list.
    ...(a.eml.some((c) => (!buildingId || c.buildingId === buildingId) && c.duty !== false && c.counts.applies > 0) ? ['rvo-eml-2023'] : []),
  ]);
}

/** The sources part of the text: its numbered entries, and every citation "[n, m]" before it. */
/** The legend's words per source kind, as the Dutch UI says them. */
const KIND_WORDS = Object.fromEntries(Object.entries(nl).filter(([k]) => /^kind[A-Z]+$/.test(k)).map(([k, v]) => [k.slice(4), v]));

function checkSources(pages: string[], cited: Set<string>): void {
  const start = pages.findIndex((p) => linesOf(p).includes('Bronnen'));
  expect(start).toBeGreaterThan(0);
  const all = pages.join('\n');
  const at = all.lastIndexOf('\nBronnen\n');
  const before = all.slice(0, at);
  const list = all.slice(at);
  const flat = list.replace(/\s+/g, '');
  // Every source listed is cited, every citation is listed: numbers 1..n, each used before the list.
  const used = new Set([...before.matchAll(/\[(\d+(?:, \d+)*)\]/g)].flatMap((m) => m[1].split(', ').map(Number)));
  const listed = linesOf(list).flatMap((l) => /^(\d{1,3})\.\s+(?!https?:)/.exec(l)?.[1] ?? []).map(Number);
  // Numbers of 10 and up print whole.
  expect(listed).toEqual(Array.from({ length: cited.size }, (_, i) => i + 1));
  expect([...used].sort((a, b) => a - b)).toEqual(listed);
  for (const id of cited) expect(flat, id).toContain(data.sources.find((s) => s.id === id)!.url.replace(/\s+/g, ''));
  for (const s of data.sources.filter((x) => !cited.has(x.id))) expect(flat, `uncited source ${s.id}`).not.toContain(s.url.replace(/\s+/g, ''));
  // The tags of the cited kinds are explained under the list, and only those.
  const kinds = new Set(data.sources.filter((s) => cited.has(s.id)).map((s) => s.kind));
  const legend = collapse(list);
  for (const [kind, words] of Object.entries(KIND_WORDS)) {
    if (kinds.has(kind as never)) expect(legend, kind).toContain(collapse(words));
    else expect(legend, kind).not.toContain(collapse(words));
  }
}

test('the adviser is set once on the report page and kept; a bad value is refused at the field', async ({ page }) => {
  await addExamples(page);
  await openReport(page, 'example-roomburg');
  // The report page with its form is axe clean (WCAG 2.1 AA).
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.getByLabel('Naam', { exact: true }).fill(ADVISER.name);
  await page.getByLabel('Organisatie', { exact: true }).fill(ADVISER.organisation);
  await page.getByLabel('Contact (e-mail of telefoon)', { exact: true }).fill(ADVISER.contact);
  await expect(page.locator('.report-cover')).toContainText(`${ADVISER.name} · ${ADVISER.organisation} · ${ADVISER.contact}`);
  // Too long: refused with a message at the field; the stored name stays (also after a reload).
  await page.getByLabel('Naam', { exact: true }).fill('x'.repeat(101));
  await expect(page.locator('#adviser-name-error')).toHaveText(`Te lang: hoogstens 100 tekens. Niet opgeslagen; opgeslagen blijft ${ADVISER.name}.`);
  await expect(page.locator('.report-cover')).toContainText(ADVISER.name);
  await page.reload();
  await expect(page.locator('.report-cover')).toContainText(`${ADVISER.name} · ${ADVISER.organisation} · ${ADVISER.contact}`);
  // Another terrain's report has the same adviser.
  await openReport(page, 'example-t-heen');
  await expect(page.locator('.report-cover')).toContainText(ADVISER.name);
});

for (const ID of EXAMPLE_IDS) {
  test(`the printed report of ${ID}: ≤ 12 pages, cover with the adviser, summary, a sheet per company on its own page, advice once, exactly the cited sources`, async ({ page }, testInfo) => {
    test.slow();
    const terrain = readExample(ID);
    const expected = assessments.get(ID)!;
    await addExamples(page);
    await openReport(page, ID);
    await page.getByLabel('Naam', { exact: true }).fill(ADVISER.name);
    await expect(page.locator('.report-cover')).toContainText(ADVISER.name);
    // Badges in print: black text and border on white (legible without colour).
    await page.emulateMedia({ media: 'print' });
    for (const badge of await page.locator('.report .badge').all()) {
      const style = await badge.evaluate((el) => getComputedStyle(el));
      expect([style.color, style.backgroundColor, style.borderTopStyle]).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)', 'solid']);
    }
    const pages = await printed(page);
    await testInfo.attach('report.txt', { body: pages.join('\n\f\n'), contentType: 'text/plain' });
    console.log(`report of ${ID}: ${pages.length} pages`);
    expect(pages.length).toBeLessThanOrEqual(12);
    const all = collapse(pages.join('\n'));
    expect(all).not.toMatch(/[∈∉]/);
    expect(all).not.toContain('Energietoolbox Bedrijventerreinen');
    expect(all).not.toContain('Afdrukken');
    expect(all).not.toContain('Alleen dit bedrijf afdrukken');

    // Cover: page 1 alone, with terrain, municipality, date, version and the adviser.
    const cover = collapse(pages[0]);
    expect(cover).toContain(h1(terrain));
    expect(cover).toContain(`Gemeente ${terrain.municipality}`);
    expect(cover).toContain(`Peildatum beoordeling ${dutchDate(terrain.assessmentDate!)}`);
    expect(cover).toContain(`gereedschapskist versie ${data.meta.version}`);
    expect(cover).toContain(`Adviseur ${ADVISER.name}`);
    expect(cover).not.toContain('Samenvatting');

    // Summary from page 2, at most two pages, with the matrix and the totals.
    expect(linesOf(pages[1])[0]).toBe('Samenvatting');
    const firstSheet = sheetPage(pages, `Bedrijfsblad: ${terrain.buildings[0].name}`);
    expect(firstSheet).toBeGreaterThan(1);
    expect(firstSheet).toBeLessThanOrEqual(3);
    const summary = collapse(pages.slice(1, firstSheet).join('\n'));
    const totals = terrainTotals(expected);
    expect(summary).toContain(`${dutchNumber(totals.pvKwp)} kWp · ${dutchNumber(totals.pvMwhPerYear)} MWh/jaar`);
    expect(summary).toMatch(/[✓◐✕?–]§? /); // the matrix's symbols
    expect(summary).toContain(`Investering € ${dutchNumber(Math.round(totals.investmentEur))}`);
    for (const b of terrain.buildings) expect(summary).toContain(b.name);
    expect(summary).toContain('Het terrein als één net');

    // A sheet per company, each starting a page and naming it, with its own steps in plan order.
    const starts = terrain.buildings.map((b) => sheetPage(pages, `Bedrijfsblad: ${b.name}`));
    const terrainSheet = sheetPage(pages, 'Maatregelen voor het hele terrein');
    expect(starts.every((p) => p > 0)).toBe(true);
    expect([...starts, terrainSheet]).toEqual([...starts, terrainSheet].sort((a, b) => a - b));
    for (const [i, b] of terrain.buildings.entries()) {
      const end = i + 1 < starts.length ? starts[i + 1] : terrainSheet;
      const sheet = norm(pages.slice(starts[i], end).join('\n'));
      const steps = expected.plan.filter((p) => p.buildingIds.includes(b.id));
      let from = 0;
      for (const p of steps) {
        const at = sheet.indexOf(norm(`${stepLabel(p.stepId)} week ${p.startWeek}–${p.endWeek}`), from);
        expect(at, `${b.name}: ${p.stepId} after the step before it`).toBeGreaterThanOrEqual(from);
        from = at;
      }
      for (const m of expected.measures.filter((x) => x.buildingId === b.id && x.status !== 'not-applicable')) expect(sheet, `${b.name} ${m.measureId}`).toContain(norm(data.measures.find((x) => x.id === m.measureId)!.label.nl));
    }

    // Do's and don'ts: each that applies, exactly once; none that does not.
    const text = norm(pages.join('\n'));
    for (const a of [...expected.dos, ...expected.donts]) expect(text.split(norm(a.text)).length - 1, a.id).toBe(1);
    const applies = new Set([...expected.dos, ...expected.donts].map((a) => a.id));
    for (const a of data.measures.flatMap((m) => [...m.dos, ...m.donts]).filter((x) => !applies.has(x.id))) expect(text, a.id).not.toContain(norm(dutchText(a.text, expected.assessmentDate)).slice(0, 40));
    // The boilerplate of the old plan is gone.
    expect(text).not.toContain('Geen eerdere stap nodig');

    checkSources(pages, citedBy(expected));
  });
}

test('one company printed alone: "Alleen dit bedrijf afdrukken" opens its own report with its sheet and its sources', async ({ page }) => {
  const ID = 'example-roomburg';
  const terrain = readExample(ID);
  const b = terrain.buildings[1];
  await addExamples(page);
  await openReport(page, ID);
  await page.locator(`section.company-sheet[data-building="${b.id}"]`).getByRole('link', { name: 'Alleen dit bedrijf afdrukken', exact: true }).click();
  await expect(page).toHaveURL(`/terrein/${ID}/rapport?gebouw=${b.id}`);
  await expect(page.locator('.report')).toHaveAttribute('data-complete', 'true');
  const pages = await printed(page);
  expect(pages.length).toBeLessThanOrEqual(5);
  expect(collapse(pages[0])).toContain(`Bedrijf ${b.name}`);
  expect(linesOf(pages[1])[0]).toBe(`Bedrijfsblad: ${b.name}`);
  const all = collapse(pages.join('\n'));
  for (const other of terrain.buildings.filter((x) => x.id !== b.id)) expect(all).not.toContain(`Bedrijfsblad: ${other.name}`);
  expect(all).not.toContain('Samenvatting');
  checkSources(pages, citedBy(assessments.get(ID)!, b.id));
  // And back to the whole report.
  await page.getByRole('link', { name: 'Hele rapport', exact: true }).click();
  await expect(page.locator('section.company-sheet')).toHaveCount(terrain.buildings.length + 1);
});

test('the report opens offline once the service worker controls the page', async ({ page, context }) => {
  const ID = 'example-roomburg';
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await addExamples(page);
  await openReport(page, ID);
  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.locator('.report')).toHaveAttribute('data-complete', 'true');
  await expect(page.locator('section.company-sheet')).toHaveCount(readExample(ID).buildings.length + 1);
  expect(await page.evaluate(() => fetch('/nothing-here.json').then(() => 'online', () => 'offline'))).toBe('offline');
  await context.setOffline(false);
});

test('printing renders the whole report first: "Afdrukken", and the browser\'s own print command', async ({ page }) => {
  const ID = 'example-roomburg';
  const sheets = readExample(ID).buildings.length + 1;
  await addExamples(page);
  // No idle moments: the sheets' slices never come on their own.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  await page.goto(`/terrein/${ID}/rapport`);
  await expect(page.getByRole('heading', { level: 2, name: 'Samenvatting', exact: true })).toBeVisible();
  await expect(page.locator('.report')).toHaveAttribute('data-complete', 'false');
  await expect(page.locator('section.company-sheet')).toHaveCount(0);
  // The browser's print command (Ctrl+P): the render after "beforeprint" comes before the print layout.
  expect(
    await page.evaluate(async () => {
      window.dispatchEvent(new Event('beforeprint'));
      await Promise.resolve();
      await Promise.resolve();
      return document.querySelectorAll('section.company-sheet').length;
    }),
  ).toBe(sheets);
  await expect(page.locator('.report')).toHaveAttribute('data-complete', 'true');
  // "Afdrukken": everything is rendered, then window.print is called once.
  await page.reload();
  await expect(page.locator('section.company-sheet')).toHaveCount(0);
  const printCalls = await stubPrint(page);
  await page.getByRole('button', { name: 'Afdrukken', exact: true }).click();
  await expect.poll(printCalls).toBe(1);
  await expect(page.locator('.report')).toHaveAttribute('data-complete', 'true');
  await expect(page.locator('section.company-sheet')).toHaveCount(sheets);
});
