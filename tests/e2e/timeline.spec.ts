/**
 * The plan as a timeline (SPEC §7 plan[].startWeek/endWeek), in Chromium: the Gantt bars are
 * drawn (non-zero width, placed by start week, painted pixels), the table twin gives every step's
 * weeks and dates as the engine computed them, the critical path is marked by ◆ (not by colour
 * alone), the wait for the next SDE++ round is said, each measure's earliest installation is
 * listed, with no CSP violation (bars are placed through the CSSOM); in Dutch and English, offline, at 360 px without horizontal scrolling, axe-clean; the
 * printed report (page.pdf + pdftotext) gives each company sheet its own steps with their weeks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Assessment, Terrain } from '../../src/engine/types';
import { loadEngine } from './engine';
import { horizontalOverflow, openFold, seedTerrain, waitForServiceWorkerControl } from './helpers';
import { collapse, dutchDate, pdfPages, stepLabel } from './toolbox-helpers';

/** The scenario terrain whose SDE++ application waits for the 2026 round. */
const terrain: Terrain = JSON.parse(readFileSync(new URL('../scenarios/timeline-sde-waits-for-round.json', import.meta.url), 'utf8')).terrain;
let expected: Assessment;
test.beforeAll(async () => {
  expected = (await loadEngine()).assess(terrain);
  expect(expected.plan.some((p) => p.waitsForWindow)).toBe(true);
});

const assessmentUrl = `/terrein/${terrain.id}/beoordeling`;
const timeline = (page: Page) => page.locator('section.timeline');

/** The chart's bars as drawn: step, box and start week. */
async function bars(page: Page) {
  return timeline(page).locator('.gantt-bar').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { step: el.closest('[data-step]')!.getAttribute('data-step')!, x: r.x, width: r.width, height: r.height, start: Number(el.getAttribute('data-start')) };
    }),
  );
}

async function expectChartDrawn(page: Page): Promise<void> {
  await expect(timeline(page).locator('.gantt')).toBeVisible();
  const drawn = await bars(page);
  expect(drawn.map((b) => b.step)).toEqual(expected.plan.map((p) => p.stepId));
  for (const b of drawn) expect(b.width * b.height, b.step).toBeGreaterThan(0);
  // Placed by start week: a later start is further right; the same start at the same place.
  for (const a of drawn) for (const b of drawn) if (a.start < b.start) expect(a.x, `${a.step} left of ${b.step}`).toBeLessThan(b.x);
  // Pixels, not blank: the chart's picture changes when its bars are hidden.
  const chart = timeline(page).locator('.gantt');
  const drawnPng = await chart.screenshot();
  await chart.evaluate((el) => el.querySelectorAll<HTMLElement>('.gantt-bar').forEach((bar) => (bar.style.visibility = 'hidden')));
  const withoutBars = await chart.screenshot();
  await chart.evaluate((el) => el.querySelectorAll<HTMLElement>('.gantt-bar').forEach((bar) => (bar.style.visibility = '')));
  expect(drawnPng.equals(withoutBars), 'the bars paint pixels').toBe(false);
}

test('the timeline in the assessment: bars, table twin, critical path, round wait, installations; 360 px; axe', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));
  await seedTerrain(page, terrain);
  await page.goto(assessmentUrl);
  await openFold(page, 'Stappenplan in verplichte volgorde');
  await expect(page.getByRole('heading', { level: 3, name: 'Tijdlijn' })).toBeVisible();
  await expectChartDrawn(page);
  expect(cspErrors, 'the bars are placed through the CSSOM, which the CSP allows').toEqual([]);

  const table = page.getByRole('table', { name: 'Tijdlijn als tabel: weken vanaf de beoordelingsdatum' });
  // Its scroll container is a named region a keyboard user can reach (to scroll it at 360 px).
  const region = page.getByRole('region', { name: 'Tijdlijn als tabel: weken vanaf de beoordelingsdatum' });
  await expect(region).toHaveAttribute('tabindex', '0');
  await expect(region.getByRole('table')).toHaveCount(1);
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
  expect(rows.length).toBe(expected.plan.length);
  expected.plan.forEach((item, i) => {
    const [step, start, end, dates, endMax, critical] = rows[i];
    expect(step.startsWith(stepLabel(item.stepId)), step).toBe(true);
    expect([start, end, endMax]).toEqual([String(item.startWeek), String(item.endWeek), String(item.endWeekMax)]);
    expect(dates).toContain(dutchDate(new Date(Date.parse(`${terrain.assessmentDate}T00:00:00Z`) + item.startWeek * 7 * 86_400_000).toISOString().slice(0, 10)));
    expect(critical).toBe(item.critical ? '◆ ja' : '–');
  });
  const waiting = expected.plan.find((p) => p.waitsForWindow)!;
  await expect(table.locator(`tr[data-step="${waiting.stepId}"]`)).toContainText(`Wacht op de volgende subsidieronde, die opent op ${dutchDate(waiting.waitsForWindow!.opens!)}.`);
  await expect(timeline(page).locator(`.gantt-row[data-step="${waiting.stepId}"] .gantt-wait`)).toBeVisible();
  // The critical path is marked in the chart too, by a symbol.
  for (const item of expected.plan) {
    await expect(timeline(page).locator(`.gantt-row[data-step="${item.stepId}"] .gantt-label`)).toHaveText(new RegExp(`^${item.critical ? '◆\\s' : ''}${item.startWeek}–${item.endWeek}\\s${stepLabel(item.stepId).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }
  const installations = timeline(page).getByRole('list', { name: 'Vroegste installatie per maatregel' }).getByRole('listitem');
  await expect(installations).toHaveCount(expected.timeline.installations.length);
  const pv = expected.timeline.installations.find((x) => x.measureId === 'pv-roof')!;
  await expect(timeline(page).locator('li[data-measure="pv-roof"]')).toContainText(`week ${pv.startWeek}`);

  const axe = await new AxeBuilder({ page }).include('section.timeline').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.setViewportSize({ width: 360, height: 740 });
  await expectChartDrawn(page);
  const { scrollWidth, culprits } = await horizontalOverflow(page);
  expect(scrollWidth, culprits.join(', ')).toBeLessThanOrEqual(360);
});

test('the timeline in English, and offline', async ({ page, context }) => {
  await seedTerrain(page, terrain);
  await waitForServiceWorkerControl(page);
  await page.getByRole('button', { name: 'Switch to English', exact: true }).click();
  await page.goto(assessmentUrl);
  await openFold(page, 'Step plan in required order');
  await expect(page.getByRole('heading', { level: 3, name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Timeline as a table: weeks from the assessment date' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Critical path' })).toBeVisible();
  await expect(timeline(page)).toContainText('Waits for the next subsidy round, which opens on');
  await expect(page.getByRole('list', { name: 'Earliest installation per measure' })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: 'Timeline' })).toBeVisible();
  await expectChartDrawn(page);
  await context.setOffline(false);
});

test('the printed report gives each company its own steps with their weeks, in plan order, and the plan length', async ({ page }) => {
  await seedTerrain(page, terrain);
  await page.goto(`/terrein/${terrain.id}/rapport`);
  await expect(page.locator('.report')).toHaveAttribute('data-complete', 'true');
  await page.emulateMedia({ media: 'print' });
  const file = join(mkdtempSync(join(tmpdir(), 'timeline-pdf-')), 'report.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  const text = collapse(pdfPages(file, { raw: true }).join('\n')).replace(/- /g, '-');
  expect(text).toContain(`op zijn vroegst na ${expected.timeline.weeks} weken klaar`);
  for (const b of terrain.buildings) {
    const from = text.indexOf(`Bedrijfsblad: ${b.name}`);
    expect(from, b.name).toBeGreaterThan(0);
    let at = from;
    for (const item of expected.plan.filter((p) => p.buildingIds.includes(b.id))) {
      const next = text.indexOf(`${item.critical ? '◆ ' : ''}${stepLabel(item.stepId)} week ${item.startWeek}–${item.endWeek}`, at);
      expect(next, `${b.name}: ${item.stepId} in order`).toBeGreaterThan(at);
      at = next;
    }
  }
});
