/**
 * The adviser's report for the Roomburg example, printed to A4 by Chromium (page.pdf, the
 * same print pipeline as the browser's print dialog) and read back with pdftotext:
 * no app chrome; a cover with terrain, municipality, assessment date and toolbox version;
 * a one-page summary; the plan steps in the engine's order; exactly the do's and don'ts
 * that apply to this terrain; an annex per building; the sources with URLs and checked
 * dates; and no step heading left alone at the bottom of a page. Also: the report opens
 * offline, and "Afdrukken" calls window.print.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Assessment, Terrain } from '../../src/engine/types';
import { valueOn } from '../../src/engine/params';
import { loadEngine, loadIndicators } from './engine';
import { waitForServiceWorkerControl, STATUS_NL } from './helpers';
import { addExamples, collapse, EXAMPLE_IDS, data, dutchDate, dutchNumber, dutchText, expectA4, pdfInfo, pdfPages, readExample, stepLabel, stubPrint } from './toolbox-helpers';

const reportUrl = (id: string) => `/terrein/${id}/rapport`;
const h1 = (terrain: Terrain) => `Do's en don'ts: ${terrain.name}`;
const factName = (id: string) => data.facts.find((f) => f.id === id)?.label.nl ?? id;

/** The engine's assessment of each example, computed in Node. */
const assessments = new Map<string, Assessment>();
let indicatorsFor: Awaited<ReturnType<typeof loadIndicators>>['indicatorsFor'];
test.beforeAll(async () => {
  const { assess } = await loadEngine();
  ({ indicatorsFor } = await loadIndicators());
  for (const id of EXAMPLE_IDS) assessments.set(id, assess(readExample(id)));
});

async function openReport(page: Page, id: (typeof EXAMPLE_IDS)[number]): Promise<void> {
  await addExamples(page);
  await page.goto(reportUrl(id));
  await expect(page.getByRole('heading', { level: 1, name: h1(readExample(id)), exact: true })).toBeVisible();
}

/**
 * Text for comparing with what pdftotext gives: whitespace collapsed, and no space after a
 * hyphen (Chromium breaks lines after a hyphen, e.g. "SDE++-" / "aanvraag").
 */
const norm = (s: string) => collapse(s).replace(/- /g, '-');

/** Index of the first page whose text holds `needle` (whitespace-insensitive), or -1. */
const pageOf = (pages: string[], needle: string) => pages.findIndex((p) => collapse(p).includes(collapse(needle)));

/** The non-empty, trimmed lines of a page, with a list number ("12. ") taken off. */
const linesOf = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const withoutNumber = (line: string) => line.replace(/^\d+\.\s+/, '');

// Roomburg first (the issue's example); the other two examples get the same checks.
for (const ID of EXAMPLE_IDS) {
  test(`the printed report of ${ID}: cover, summary, plan in order, applicable advice, annex, sources, no orphan step headings`, async ({ page }, testInfo) => {
    const terrain = readExample(ID);
    const expected = assessments.get(ID)!;
    const H1 = h1(terrain);
    await openReport(page, ID);

    // The annex, in the page: a table per building (and one for the terrain), a row per verdict
    // with its status and reasons, in the engine's order.
    const annexRows = async (scope: ReturnType<Page['locator']>) =>
      scope.locator(':scope > table.annex-table > tbody > tr').evaluateAll((rows) =>
        rows.map((r) => ({
          measure: (r.querySelector('th')?.firstChild?.textContent ?? '').trim(),
          duty: !!r.querySelector('th .badge-duty'),
          status: (r.querySelector('td .badge')?.textContent ?? '').trim(),
          reasons: [...r.querySelectorAll('.annex-reasons li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()),
        })),
      );
    const verdictRows = (buildingId?: string) =>
      expected.measures
        .filter((m) => m.buildingId === buildingId)
        .map((m) => ({
          measure: data.measures.find((x) => x.id === m.measureId)!.label.nl,
          duty: m.obligation === true && m.status !== 'not-applicable',
          status: STATUS_NL[m.status],
          reasons: m.reasons.map((r) => collapse(`${r.text}${r.indicative ? ' (indicatief)' : ''}${r.factIds.length ? ` Bepaald door: ${r.factIds.map(factName).join(', ')}` : ''}`)),
        }));
    const annex = page.locator('.report-section').filter({ has: page.getByRole('heading', { level: 2, name: 'Bijlage: maatregelen per gebouw', exact: true }) });
    expect(await annexRows(annex)).toEqual(verdictRows(undefined));
    for (const b of terrain.buildings) {
      const section = annex.locator('section.annex-building').filter({ has: page.getByRole('heading', { level: 3, name: b.name, exact: true }) });
      expect(await annexRows(section), b.name).toEqual(verdictRows(b.id));
    }

    // No app chrome in print.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Afdrukken', exact: true })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: H1, exact: true })).toBeVisible();

    // A temp dir of its own: test-results/ is shared with other runs on this machine.
    const file = join(mkdtempSync(join(tmpdir(), 'report-pdf-')), 'report.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    const info = pdfInfo(file);
    expectA4(info);
    const pages = pdfPages(file);
    expect(pages.length).toBe(info.pages);
    await testInfo.attach('report.txt', { body: pages.join('\n\f\n'), contentType: 'text/plain' });
    const all = collapse(pages.join('\n'));

    // No app chrome in the PDF either: the header's navigation and save state are not there.
    expect(all).not.toContain('Energietoolbox Bedrijventerreinen');
    expect(all).not.toContain('Opgeslagen');
    expect(all).not.toContain('Afdrukken');

    // Cover: page 1 only, with name, municipality, assessment date, toolbox version.
    const cover = collapse(pages[0]);
    expect(cover).toContain(`Do's en don'ts: ${terrain.name}`);
    expect(cover).toContain(`Gemeente ${terrain.municipality}`);
    expect(cover).toContain(`Peildatum beoordeling ${dutchDate(terrain.assessmentDate!)}`);
    expect(cover).toContain(`gereedschapskist versie ${data.meta.version}`);
    expect(expected.toolboxVersion).toBe(data.meta.version);
    expect(cover).not.toContain('Samenvatting');

    // Summary: one page of its own, right after the cover; the plan starts on the next page.
    const summaryPage = pageOf(pages, 'Samenvatting');
    const planPage = pageOf(pages, 'Stappenplan in verplichte volgorde');
    expect(summaryPage).toBe(1);
    expect(planPage).toBe(2);
    // The summary's figures are the indicators of this assessment.
    const ind = indicatorsFor(terrain, expected);
    const summary = collapse(pages[summaryPage]);
    expect(summary).toContain(`${dutchNumber(ind.pvKwp)} kWp · ${dutchNumber(ind.pvMwhPerYear)} MWh/jaar`);
    for (const [status, label] of Object.entries(STATUS_NL)) if (ind.byStatus[status as keyof typeof STATUS_NL]) expect(summary).toContain(`${label} ${ind.byStatus[status as keyof typeof STATUS_NL]}`);
    for (const m of expected.measures.filter((x) => x.obligation === true && x.status !== 'not-applicable')) {
      const building = terrain.buildings.find((b) => b.id === m.buildingId)?.name ?? 'Terrein';
      expect(summary).toContain(`${data.measures.find((x) => x.id === m.measureId)!.label.nl} — ${building}`);
    }

    // The plan: step titles in the engine's order (Dutch labels from steps.json), numbered 1..n.
    const dosPage = pages.findIndex((p) => linesOf(p).includes('Doen'));
    expect(dosPage).toBeGreaterThan(planPage);
    const planLines = pages.slice(planPage, dosPage).flatMap(linesOf);
    const titleSet = new Set(data.steps.map((s) => s.label.nl));
    const shownTitles = planLines.map(withoutNumber).filter((l) => titleSet.has(l));
    expect(expected.plan.length).toBeGreaterThan(5);
    expect(shownTitles).toEqual(expected.plan.map((p) => stepLabel(p.stepId)));
    const numbered = planLines.filter((l) => /^\d+\.\s/.test(l) && titleSet.has(withoutNumber(l)));
    expect(numbered).toEqual(expected.plan.map((p, i) => `${i + 1}. ${stepLabel(p.stepId)}`));
    // ... each with its "why" (the precedence text of every reason the engine gives).
    const planText = norm(pages.slice(planPage, dosPage).join('\n'));
    for (const item of expected.plan) for (const r of item.reasons) expect(planText, `${item.stepId} after ${r.after}`).toContain(norm(r.text));

    // Do's and don'ts: every one that applies, in their own section; a sample that does not apply is absent.
    const annexPage = pageOf(pages, 'Bijlage: maatregelen per gebouw');
    expect(annexPage).toBeGreaterThan(dosPage);
    const adviceText = norm(pages.slice(dosPage, annexPage).join('\n'));
    expect(adviceText).toContain('Niet doen');
    expect(expected.dos.length).toBeGreaterThan(0);
    expect(expected.donts.length).toBeGreaterThan(0);
    for (const a of [...expected.dos, ...expected.donts]) expect(adviceText, a.id).toContain(norm(a.text));
    const applies = new Set([...expected.dos, ...expected.donts].map((a) => a.id));
    const notApplicable = data.measures.flatMap((m) => [...m.dos, ...m.donts]).filter((a) => !applies.has(a.id));
    expect(notApplicable.length).toBeGreaterThan(0);
    for (const a of notApplicable) expect(norm(pages.join('\n')), a.id).not.toContain(norm(dutchText(a.text, expected.assessmentDate)).slice(0, 40));

    // Annex: a heading per building.
    const sourcesPage = pages.map((p) => linesOf(p).includes('Bronnen')).lastIndexOf(true);
    expect(sourcesPage).toBeGreaterThanOrEqual(annexPage);
    const annexText = collapse(pages.slice(annexPage, sourcesPage + 1).join('\n'));
    for (const b of terrain.buildings) expect(annexText).toContain(b.name);

    // Sources: every source the report cites (verdicts that apply, their subsidies, the plan, the
    // advice) with its URL and checked date, and no other source of the toolbox.
    const sourcesText = pages.slice(sourcesPage).join('\n');
    const sourcesFlat = sourcesText.replace(/\s+/g, '');
    const applicable = expected.measures.filter((m) => m.status !== 'not-applicable');
    const cited = new Set([
      ...applicable.flatMap((m) => [...m.reasons.flatMap((r) => r.sourceIds), ...m.subsidies.flatMap((x) => x.sourceIds)]),
      ...expected.plan.flatMap((p) => p.reasons.flatMap((r) => r.sourceIds)),
      ...expected.dos.flatMap((a) => a.sourceIds),
      ...expected.donts.flatMap((a) => a.sourceIds),
      // The grid panel: the sources of the parameters its figures rest on.
      ...expected.grid.parameterIds.flatMap((id) => valueOn(data.parameters.find((p) => p.id === id)!, expected.assessmentDate)!.sources),
    ]);
    expect(cited.size).toBeGreaterThan(0);
    expect(cited.size).toBeLessThan(data.sources.length);
    // The list numbers (a wrapped "… 28 november" / "2026. https://…" is not one).
    const numbers = linesOf(sourcesText).flatMap((l) => /^(\d{1,3})\.\s+(?!https?:)/.exec(l)?.[1] ?? []).map(Number);
    expect(numbers).toEqual(Array.from({ length: cited.size }, (_, i) => i + 1));
    for (const s of data.sources.filter((x) => !cited.has(x.id))) expect(sourcesFlat, `uncited source ${s.id}`).not.toContain(s.url.replace(/\s+/g, ''));
    for (const id of cited) {
      const source = data.sources.find((s) => s.id === id)!;
      expect(sourcesFlat, id).toContain(source.url.replace(/\s+/g, ''));
      expect(norm(sourcesText), id).toContain(norm(`${source.title} — ${source.publisher} [${source.kind}], gecontroleerd ${dutchDate(source.checked)}.`));
    }

    // No step heading alone at the bottom of a page: a step title (or a phase heading) is never a page's last line.
    const phaseHeadings = new Set([1, 2, 3, 4, 5].map((n) => planLines.find((l) => l.startsWith(`Fase ${n} · `))).filter((l) => l !== undefined));
    expect(phaseHeadings.size).toBe(new Set(expected.plan.map((p) => p.phase)).size);
    for (const [i, p] of pages.entries()) {
      const lines = linesOf(p);
      const last = lines.length ? withoutNumber(lines[lines.length - 1]) : '';
      expect(titleSet.has(last) || phaseHeadings.has(last), `page ${i + 1} ends with the heading "${last}"`).toBe(false);
    }
    // And no step is split: its title, its whole description and its "Waarom hier" are on one page.
    for (const item of expected.plan) {
      const step = data.steps.find((s) => s.id === item.stepId)!;
      const where = pages.findIndex((p, i) => i >= planPage && i < dosPage && linesOf(p).map(withoutNumber).includes(step.label.nl));
      expect(where, item.stepId).toBeGreaterThanOrEqual(planPage);
      const lines = linesOf(pages[where]);
      const at = lines.map(withoutNumber).indexOf(step.label.nl);
      const next = lines.findIndex((l, i) => i > at && (titleSet.has(withoutNumber(l)) || phaseHeadings.has(l)));
      const body = norm(lines.slice(at + 1, next === -1 ? undefined : next).join(' '));
      expect(body.startsWith(norm(dutchText(step.description, expected.assessmentDate))), `${item.stepId}: its text follows on the same page`).toBe(true);
      expect(body, `${item.stepId}: "Waarom hier" on the same page`).toContain('Waarom hier:');
      for (const r of item.reasons) expect(body, `${item.stepId}: why after ${r.after} on the same page`).toContain(norm(r.text));
    }
  });
}

test('the report opens offline once the service worker controls the page', async ({ page, context }) => {
  const ID = 'example-roomburg';
  const expected = assessments.get(ID)!;
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await openReport(page, ID);

  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: h1(readExample(ID)), exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Stappenplan in verplichte volgorde', exact: true })).toBeVisible();
  const firstStep = stepLabel(expected.plan[0].stepId);
  await expect(page.locator('.report .step-title').first()).toHaveText(firstStep);
  await expect(page.locator('.report .step-title')).toHaveCount(expected.plan.length);
  // The network really is off.
  expect(await page.evaluate(() => fetch('/nothing-here.json').then(() => 'online', () => 'offline'))).toBe('offline');
  await context.setOffline(false);
});

test('"Afdrukken" calls window.print', async ({ page }) => {
  await openReport(page, 'example-roomburg');
  const printCalls = await stubPrint(page);
  await page.getByRole('button', { name: 'Afdrukken', exact: true }).click();
  expect(await printCalls()).toBe(1);
});
