/**
 * The grid panel (src/ui/GridPanel.tsx) in Chromium: on the assessment of the Roomburg example
 * both bar charts are drawn (a pixel census of each SVG, rendered into a canvas: not blank, and
 * each bar colour present) with their table twins holding the engine's sums; the energy-hub
 * verdict beside what a group contract frees; in English after the switch; offline after a
 * reload from the service worker; and in the printed report (page.pdf + pdftotext).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Assessment, GridSum } from '../../src/engine/types';
import { GRID_COLORS } from '../../src/ui/palette';
import { loadEngine } from './engine';
import { openFold, STATUS_NL, waitForServiceWorkerControl } from './helpers';
import { addExamples, collapse, pdfPages, readExample } from './toolbox-helpers';

const ID = 'example-roomburg';
let expected: Assessment;
test.beforeAll(async () => {
  const { assess } = await loadEngine();
  expected = assess(readExample(ID));
});

const kwNl = (s: GridSum) => `${s.complete ? '' : 'ten minste '}${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(Math.round(s.kw))} kW`;
const kwEn = (s: GridSum) => `${s.complete ? '' : 'at least '}${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(Math.round(s.kw))} kW`;

/** Renders an inline SVG into a canvas and counts painted pixels and pixels of each colour. */
async function svgPixels(page: Page, id: string, colors: string[]) {
  return page.evaluate(
    async ({ id, colors }) => {
      const svg = document.getElementById(id) as unknown as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      const clone = svg.cloneNode(true) as SVGSVGElement;
      clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
      clone.setAttribute('width', String(Math.round(box.width)));
      clone.setAttribute('height', String(Math.round(box.height)));
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(box.width);
      canvas.height = Math.round(box.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const rgb = colors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
      let painted = 0;
      const perColor = colors.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        painted++;
        rgb.forEach(([r, g, b], k) => {
          if (Math.abs(data[i] - r) < 3 && Math.abs(data[i + 1] - g) < 3 && Math.abs(data[i + 2] - b) < 3) perColor[k]++;
        });
      }
      return { width: canvas.width, height: canvas.height, painted, perColor };
    },
    { id, colors },
  );
}

async function expectCharts(page: Page) {
  const offtake = await svgPixels(page, 'grid-offtake', [GRID_COLORS.contract, GRID_COLORS.peak, GRID_COLORS.added, GRID_COLORS.collective]);
  expect(offtake.width).toBeGreaterThan(200);
  expect(offtake.painted / (offtake.width * offtake.height), 'offtake chart: not blank, not a flood fill').toBeGreaterThan(0.05);
  expect(offtake.painted / (offtake.width * offtake.height)).toBeLessThan(0.9);
  // Contracts, peaks and the group's coincident peak (Roomburg has two large connections).
  for (const k of [0, 1, 3]) expect(offtake.perColor[k], `offtake colour ${k}`).toBeGreaterThan(100);
  const feedIn = await svgPixels(page, 'grid-feed-in', [GRID_COLORS.contract, GRID_COLORS.pv]);
  expect(feedIn.perColor[0], 'feed-in contract bar').toBeGreaterThan(100);
  if (expected.grid.feedInPotentialKw.kw > 0) expect(feedIn.perColor[1], 'solar potential bar').toBeGreaterThan(100);
}

test('the grid panel: charts drawn with their tables, the hub verdict beside the freed capacity, English, offline, printed', async ({ page, context }) => {
  const g = expected.grid;
  expect(g.groupBuildingIds.length).toBe(2);
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await addExamples(page);
  await page.goto(`/terrein/${ID}/beoordeling`);
  await openFold(page, 'Het terrein als één net');
  const panel = page.getByRole('region', { name: 'Het terrein als één net', exact: true });
  await expect(panel).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await expectCharts(page);

  // The table twins hold the engine's sums (unknowns as "ten minste").
  const offtakeTable = panel.getByRole('table', { name: 'Afname: contract, piek en toegevoegde vraag', exact: true });
  const row = (table: typeof offtakeTable, name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
  await expect(row(offtakeTable, 'Gecontracteerd afnamevermogen')).toHaveText(kwNl(g.contractedOfftakeKw));
  await expect(row(offtakeTable, 'Piek vandaag')).toHaveText(kwNl(g.peakOfftakeKw));
  await expect(row(offtakeTable, 'Gezamenlijke piek onder één groepscontract')).toHaveText(kwNl(g.collectivePeakKw));
  const feedInTable = panel.getByRole('table', { name: 'Teruglevering: contract en zonnepotentieel', exact: true });
  await expect(row(feedInTable, 'Gecontracteerd terugleververmogen')).toHaveText(kwNl(g.contractedFeedInKw));
  await expect(row(feedInTable, 'Terugleverpotentieel zon')).toHaveText(kwNl(g.feedInPotentialKw));
  // The congestion colours, in words too, and the energy-hub verdict next to what a group contract frees.
  const terrain = readExample(ID);
  const congestion = panel.locator('.grid-congestion li');
  await expect(congestion.nth(0)).toContainText('Netcongestie afname (capaciteitskaart):');
  await expect(congestion.nth(0).locator('.congestion')).toHaveClass(new RegExp(`congestion-${terrain.facts.congestionOfftake ?? 'unknown'}`));
  const hub = expected.measures.find((m) => m.measureId === 'energy-hub')!;
  const hubBox = panel.locator('.grid-hub');
  await expect(hubBox.locator('.badge').first()).toHaveText(STATUS_NL[hub.status]);
  await expect(hubBox).toContainText(`maakt ${kwNl(g.freedKw)} vrij`);

  // English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  const en = page.getByRole('region', { name: 'The park as one grid', exact: true });
  await expect(en).toBeVisible();
  await expect(en.getByRole('table', { name: 'Offtake: contract, peak and added demand', exact: true }).getByRole('row', { name: /^Contracted offtake capacity/ }).getByRole('cell')).toHaveText(kwEn(g.contractedOfftakeKw));
  await expect(en.locator('.grid-hub')).toContainText(`frees ${kwEn(g.freedKw)}`);
  await expectCharts(page);
  await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
  await expect(panel).toBeVisible();

  // Offline: a reload comes from the service worker and draws the panel again.
  await context.setOffline(true);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(panel).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await expectCharts(page);

  // The printed report holds the panel with its figures.
  await page.goto(`/terrein/${ID}/rapport`);
  await expect(page.getByRole('region', { name: 'Het terrein als één net', exact: true })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const file = join(mkdtempSync(join(tmpdir(), 'grid-pdf-')), 'report.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  const text = collapse(pdfPages(file).join('\n'));
  expect(text).toContain('Het terrein als één net');
  // A narrow table cell may wrap its label around the figure ("Gecontracteerd 705 kW afnamevermogen").
  const figure = kwNl(g.contractedOfftakeKw).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(text).toMatch(new RegExp(`Gecontracteerd (afnamevermogen )?${figure}`));
  expect(text).toContain(`Terugleverpotentieel zon ${kwNl(g.feedInPotentialKw)}`);
  expect(text).toContain(collapse(`maakt ${kwNl(g.freedKw)} vrij`));
  await context.setOffline(false);
});
