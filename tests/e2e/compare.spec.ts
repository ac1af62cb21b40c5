/**
 * Compare the three example terrains: the indicator table (a column per terrain, values as
 * indicatorsFor(terrain, assess(terrain)) gives them for the example files: PV, CO₂, money,
 * per building and per m², statuses, duties, blockers, what the grid lacks, grid figures), the
 * four chart.js charts really drawn on their canvases in their colours, each with its data
 * table, chart.js loaded only on this view, the two CSVs for Dutch Excel (BOM, ';', decimal
 * comma, one row per terrain and one per building, formula-like names neutralised), axe clean.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type Request } from '@playwright/test';
import type { GridSum } from '../../src/engine/types';
import type { TerrainIndicators, Total } from '../../src/features/compare/indicators';
import { loadEngine, loadIndicators } from './engine';
import { axeViolations, putRecords, terrainCard, waitForServiceWorkerControl, waitSaved, STATUS_NL } from './helpers';
import { parseCsv } from '../shared/csv';
import { FIGURE_HEADER_NL, KIND_NL } from '../shared/compareCsv';
import { addExamples, data, dutchNumber, EXAMPLE_IDS, readExample } from './toolbox-helpers';

const STATUS_COLORS = { feasible: '#1b6e35', conditional: '#b36b00', blocked: '#a4161a', 'needs-info': '#5b3f99', 'not-applicable': '#8a939e' } as const;
/** Category colours, none of them a status colour. */
const KIND_COLORS = { grid: '#0d47a1', roof: '#4a4a00', insurance: '#0097a7', organisation: '#c2185b', law: '#12324f', info: '#9c27b0' } as const;
const CHART_IDS = ['chart-per-euro', 'chart-grid', 'chart-blockers', 'chart-status'];
/** The grid figures per terrain, in the table's and the CSV's order, with their Dutch labels. */
const GRID_NL: [string, (g: TerrainIndicators['grid']) => GridSum][] = [
  ['Gecontracteerd afnamevermogen', (g) => g.contractedOfftakeKw],
  ['Piek vandaag', (g) => g.peakOfftakeKw],
  ['Toegevoegde afname', (g) => g.addedOfftakeKw],
  ['Gezamenlijke piek onder één groepscontract', (g) => g.collectivePeakKw],
  ['Vrij door één groepscontract', (g) => g.freedKw],
  ['Gecontracteerd terugleververmogen', (g) => g.contractedFeedInKw],
  ['Terugleverpotentieel zon', (g) => g.feedInPotentialKw],
];
const gridText = (s: GridSum) => `${s.complete ? '' : 'ten minste '}${dutchNumber(Math.round(s.kw))} kW`;
const CHART_VERSION = JSON.parse(readFileSync(new URL('../../node_modules/chart.js/package.json', import.meta.url), 'utf8')).version as string;

const terrains = EXAMPLE_IDS.map(readExample);
let expected: Map<string, TerrainIndicators>;
let co2PerKEur: (x: TerrainIndicators) => number | null;
test.beforeAll(async () => {
  const { assess } = await loadEngine();
  const ind = await loadIndicators();
  co2PerKEur = ind.co2PerKEur;
  expected = new Map(terrains.map((t) => [t.name, ind.indicatorsFor(t, assess(t))]));
});
const atLeast = (total: Total, text: string) => (total.complete ? text : `ten minste ${text}`);
// The view writes "€" and the amount with a no-break space, which tableText collapses to a space.
const euro = (v: number) => `€ ${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(Math.round(v))}`;
const tonnes = (kg: number) => `${dutchNumber(kg / 1000)} t CO₂/jaar`;

const congestionLabel = (factId: string, value: string | null) => {
  const option = data.facts.find((f) => f.id === factId)?.options?.find((o) => o.value === value);
  return option ? option.label.nl : 'onbekend';
};

/** Opens the compare view through the navigation. */
async function openCompare(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Energietoolbox Bedrijventerreinen' }).getByRole('link', { name: 'Vergelijken', exact: true }).click();
  await expect(page).toHaveURL('/vergelijk');
  await expect(page.getByRole('heading', { level: 1, name: 'Terreinen vergelijken', exact: true })).toBeVisible();
}

/** The rows of a table as text: [header row, ...body rows], each a list of cell texts. */
async function tableText(table: ReturnType<Page['locator']>): Promise<string[][]> {
  return table.evaluate((t) => [...(t as HTMLTableElement).rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

/** Pixel census of a canvas: how many pixels are painted, and how many have each given colour. */
async function canvasPixels(page: Page, id: string, colors: string[]) {
  return page.locator(`canvas#${id}`).evaluate((el, colors) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const rgb = colors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
    const perColor = colors.map(() => 0);
    let painted = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a === 0) continue;
      painted++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
      rgb.forEach(([cr, cg, cb], k) => {
        if (a === 255 && Math.abs(r - cr) <= 2 && Math.abs(g - cg) <= 2 && Math.abs(b - cb) <= 2) perColor[k]++;
      });
    }
    return { width: canvas.width, height: canvas.height, painted, coloured, perColor };
  }, colors);
}

test('three example terrains: indicator table, drawn charts with their tables, chart.js only on this view', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request: Request) => {
    if (request.resourceType() === 'script' || /\.m?js(\?|$)/.test(request.url())) scripts.push(request.url());
  });
  /** Whether a script holds chart.js (its listener hook and its version string). */
  const holdsChartJs = async (url: string) => {
    const body = await (await page.request.get(url)).text();
    return body.includes('_chartjs') && body.includes(CHART_VERSION);
  };

  // List, editor, assessment and report pages first.
  await addExamples(page);
  await page.getByRole('link', { name: terrains[0].name, exact: true }).click();
  await expect(terrainCard(page).getByLabel('Naam', { exact: true })).toHaveValue(terrains[0].name);
  await page.getByRole('link', { name: 'Naar de volledige beoordeling', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Beoordeling: ${terrains[0].name}`, exact: true })).toBeVisible();
  await page.goto(`/terrein/${terrains[1].id}/rapport`);
  await expect(page.getByRole('heading', { level: 1, name: `Do's en don'ts: ${terrains[1].name}`, exact: true })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: terrains[2].name, exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const before = scripts.length;

  await openCompare(page);

  // The three terrains are preselected.
  const pick = page.getByRole('group', { name: 'Terreinen om te vergelijken', exact: true });
  for (const t of terrains) await expect(pick.getByRole('checkbox', { name: t.name, exact: true })).toBeChecked();

  // Indicator table: a column per terrain, values as indicatorsFor(assess()) gives them.
  const table = page.getByRole('table', { name: 'Indicatoren per terrein', exact: true });
  await expect(table).toBeVisible();
  const rows = await tableText(table);
  const [header, ...body] = rows;
  expect(header[0]).toBe('Indicator');
  expect([...header.slice(1)].sort()).toEqual(terrains.map((t) => t.name).sort());
  const columns = header.slice(1).map((name) => expected.get(name)!);
  const expectedBody: [string, (x: TerrainIndicators) => string][] = [
    ['Zon-pv potentieel', (x) => `${dutchNumber(x.pvKwp)} kWp`],
    ['Opbrengst per jaar', (x) => `${dutchNumber(x.pvMwhPerYear)} MWh/jaar`],
    ['Zon-pv potentieel per gebouw', (x) => `${dutchNumber(x.pvKwp / x.buildings)} kWp`],
    ['Zon-pv potentieel per m² vloer', (x) => `${dutchNumber((x.floorArea.pvKwp * 1000) / x.floorArea.m2)} Wp`],
    ['CO₂-reductie per jaar indicatief', (x) => atLeast(x.co2KgPerYear!, tonnes(x.co2KgPerYear!.value))],
    ['CO₂-reductie per jaar per gebouw indicatief', (x) => atLeast(x.co2KgPerYear!, tonnes(x.co2KgPerYear!.value / x.buildings))],
    ['CO₂-reductie per jaar per m² vloer indicatief', (x) => `${dutchNumber(x.floorArea.co2Kg / x.floorArea.m2)} kg CO₂/jaar`],
    ['Vloeroppervlak bekend', (x) => `${dutchNumber(x.floorArea.m2)} m² van ${x.floorArea.buildings} van ${x.buildings} gebouwen`],
    ['Investering', (x) => atLeast(x.investmentEur, euro(x.investmentEur.value))],
    ['Besparing per jaar', (x) => atLeast(x.savingsEurPerYear, euro(x.savingsEurPerYear.value))],
    ['Terugverdientijd (investering gedeeld door besparing)', (x) => `${dutchNumber(x.paybackYears!)} jaar`],
    ['kg CO₂ per jaar per € 1.000 indicatief', (x) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(co2PerKEur(x)!)],
    ...Object.entries(STATUS_NL).map(([s, label]) => [label, (x: TerrainIndicators) => String(x.byStatus[s as keyof typeof STATUS_NL])] as [string, (x: TerrainIndicators) => string]),
    ['Wettelijke plichten', (x) => String(x.obligations)],
    ...Object.entries(KIND_NL).map(([k, label]) => [`Knelpunten: ${label}`, (x: TerrainIndicators) => String(x.blockers[k as keyof typeof KIND_NL])] as [string, (x: TerrainIndicators) => string]),
    ['Afname boven de netruimte', (x) => `${dutchNumber(Math.round(x.offtakeShortKw))} kW`],
    ['Invoeding boven het contract', (x) => `${dutchNumber(Math.round(x.feedInShortKw))} kW`],
    ['Congestie afname', (x) => congestionLabel('congestionOfftake', x.congestionOfftake)],
    ['Congestie invoeding', (x) => congestionLabel('congestionFeedIn', x.congestionFeedIn)],
    ...GRID_NL.map(([label, sum]) => [label, (x: TerrainIndicators) => gridText(sum(x.grid))] as [string, (x: TerrainIndicators) => string]),
  ];
  expect(body).toEqual(expectedBody.map(([label, value]) => [label, ...columns.map(value)]));
  // The examples differ, so the comparison is not trivially the same number thrice.
  expect(new Set(columns.map((c) => c.pvKwp)).size).toBe(3);

  // The four charts: canvases drawn with the dataset colours, each with its data table.
  const names = header.slice(1);
  const charts = [
    {
      id: 'chart-per-euro',
      title: 'Waar levert een euro het meest op? CO₂-reductie per € 1.000 investering',
      series: [{ label: 'kg CO₂ per jaar per € 1.000', color: '#0097a7', values: columns.map((c) => Math.round(co2PerKEur(c)!)) }],
    },
    {
      id: 'chart-grid',
      title: 'Waar blokkeert het net het meest? Tekort aan netcapaciteit',
      series: [
        { label: 'Afname boven de netruimte', color: '#0d47a1', values: columns.map((c) => Math.round(c.offtakeShortKw)), unit: ' kW' },
        { label: 'Invoeding boven het contract', color: '#c2185b', values: columns.map((c) => Math.round(c.feedInShortKw)), unit: ' kW' },
      ],
    },
    {
      id: 'chart-blockers',
      title: 'Knelpunten per soort',
      series: Object.entries(KIND_NL).map(([k, label]) => ({ label, color: KIND_COLORS[k as keyof typeof KIND_COLORS], values: columns.map((c) => c.blockers[k as keyof typeof KIND_NL]) })),
    },
    {
      id: 'chart-status',
      title: 'Maatregelen per status',
      series: Object.entries(STATUS_NL).map(([s, label]) => ({ label, color: STATUS_COLORS[s as keyof typeof STATUS_COLORS], values: columns.map((c) => c.byStatus[s as keyof typeof STATUS_NL]) })),
    },
  ];
  // Where a euro achieves most differs between the examples.
  expect(new Set(charts[0].series[0].values).size).toBe(3);
  await expect(page.locator('canvas')).toHaveCount(charts.length);
  for (const chart of charts) {
    const figure = page.getByRole('figure', { name: chart.title, exact: true });
    await expect(figure).toBeVisible();
    const canvas = figure.locator(`canvas#${chart.id}`);
    await expect(canvas).toHaveAttribute('role', 'img');
    await expect(canvas).toHaveAttribute('aria-label', `${chart.title}: de gegevens staan in de tabel eronder`);
    // chart.js sizes the canvas and paints it; an undrawn canvas is all transparent.
    await expect.poll(async () => (await canvasPixels(page, chart.id, [])).coloured, { message: `${chart.id} is drawn` }).toBeGreaterThan(500);
    const pixels = await canvasPixels(page, chart.id, chart.series.map((s) => s.color));
    expect(pixels.width).toBeGreaterThan(100);
    expect(pixels.height).toBeGreaterThan(100);
    expect(pixels.painted / (pixels.width * pixels.height), `${chart.id}: not blank, not a flood fill`).toBeLessThan(0.9);
    chart.series.forEach((s, k) => {
      // Every series with a value > 0 has its bars in its own colour.
      if (s.values.some((v) => v > 0)) expect(pixels.perColor[k], `${chart.id}: bars of "${s.label}" (${s.color})`).toBeGreaterThan(100);
    });

    // The accessible table beside the chart: a row per terrain, a column per series.
    const dataTable = figure.getByRole('table', { name: chart.title, exact: true });
    const [chead, ...cbody] = await tableText(dataTable);
    expect(chead).toEqual(['Terrein', ...chart.series.map((s) => s.label)]);
    expect(cbody).toEqual(names.map((name, i) => [name, ...chart.series.map((s) => `${dutchNumber(s.values[i])}${'unit' in s ? s.unit : ''}`)]));
  }
  expect(await axeViolations(page)).toEqual([]);

  // chart.js is in a chunk requested only now, on the compare view.
  const compareScripts = scripts.slice(before);
  const chartChunks: string[] = [];
  for (const url of compareScripts) if (await holdsChartJs(url)) chartChunks.push(new URL(url).pathname);
  expect(chartChunks.length, `chart.js chunk among ${compareScripts.join(', ')}`).toBe(1);
  const earlier = scripts.slice(0, before).map((url) => new URL(url).pathname);
  expect(earlier.length).toBeGreaterThan(0);
  expect(earlier).not.toContain(chartChunks[0]);
  // And the chunks loaded before (list, editor, assessment, report) do not hold chart.js either.
  for (const url of new Set(scripts.slice(0, before))) expect(await holdsChartJs(url), `${url} holds chart.js`).toBe(false);
});

test('choosing fewer than two terrains hides table and charts; choosing again redraws them', async ({ page }) => {
  await addExamples(page);
  await openCompare(page);
  const pick = page.getByRole('group', { name: 'Terreinen om te vergelijken', exact: true });
  const table = page.getByRole('table', { name: 'Indicatoren per terrein', exact: true });
  const pvRows = page.getByRole('figure', { name: 'Knelpunten per soort', exact: true }).locator('tbody tr');

  // Two terrains: the charts are redrawn for two.
  await pick.getByRole('checkbox', { name: terrains[0].name, exact: true }).uncheck();
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(pvRows).toHaveCount(2);
  // The list's order (last changed first); the set is what matters here.
  expect((await pvRows.locator('th').allTextContents()).sort()).toEqual([terrains[1].name, terrains[2].name].sort());
  for (const id of CHART_IDS) await expect.poll(async () => (await canvasPixels(page, id, [])).coloured, { message: `${id} redrawn` }).toBeGreaterThan(500);

  // One terrain: a message instead of table, charts and CSV.
  await pick.getByRole('checkbox', { name: terrains[1].name, exact: true }).uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'Kies minstens twee terreinen.' })).toBeVisible();
  await expect(page.locator('canvas')).toHaveCount(0);
  await expect(table).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'CSV downloaden (Excel)', exact: true })).toHaveCount(0);

  // Back to two: new canvases, drawn again.
  await pick.getByRole('checkbox', { name: terrains[1].name, exact: true }).check();
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(page.locator('canvas')).toHaveCount(4);
  for (const id of CHART_IDS) await expect.poll(async () => (await canvasPixels(page, id, [])).coloured, { message: `${id} drawn again` }).toBeGreaterThan(500);
});

test('at most ten terrains: the other boxes are disabled, and ten columns, chart rows and CSV rows', async ({ page }) => {
  test.setTimeout(60_000);
  await addExamples(page);
  // Three copies of each example (names stay unique: "… (kopie)", "… (kopie) (kopie)", …): 12 terrains.
  const list = page.getByRole('list', { name: 'Terreinen', exact: true });
  const names: string[] = terrains.map((t) => t.name);
  for (const t of terrains) {
    let name = t.name;
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: `Dupliceren: ${name}`, exact: true }).click();
      name = `${name} (kopie)`;
      await expect(list.getByRole('link', { name, exact: true })).toBeVisible();
      names.push(name);
    }
  }
  await expect(list.getByRole('listitem')).toHaveCount(12);

  await openCompare(page);
  const boxes = page.getByRole('group', { name: 'Terreinen om te vergelijken', exact: true }).getByRole('checkbox');
  await expect(boxes).toHaveCount(12);
  const checked = async () => (await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).filter(Boolean).length;
  expect(await checked()).toBe(3);
  for (let i = 0; i < 12 && (await checked()) < 10; i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
  expect(await checked()).toBe(10);
  const states = await boxes.evaluateAll((els) => els.map((e) => ({ checked: (e as HTMLInputElement).checked, disabled: (e as HTMLInputElement).disabled })));
  expect(states.filter((s) => !s.checked)).toEqual([
    { checked: false, disabled: true },
    { checked: false, disabled: true },
  ]);
  expect(states.filter((s) => s.checked).every((s) => !s.disabled)).toBe(true);

  await expect(page.getByRole('table', { name: 'Indicatoren per terrein', exact: true }).locator('thead th')).toHaveCount(11);
  await expect(page.getByRole('figure', { name: 'Knelpunten per soort', exact: true }).locator('tbody tr')).toHaveCount(10);
  for (const id of CHART_IDS) await expect.poll(async () => (await canvasPixels(page, id, [])).coloured, { message: `${id} drawn` }).toBeGreaterThan(500);
  const rows = parseCsv((await downloadCsv(page)).subarray(3).toString('utf8'));
  expect(rows).toHaveLength(11);

  // Unticking one enables the others again.
  const firstChecked = states.findIndex((s) => s.checked);
  await boxes.nth(firstChecked).uncheck();
  await expect.poll(checked).toBe(9);
  for (const box of await boxes.all()) await expect(box).toBeEnabled();
});

test('offline, the compare view still loads chart.js and draws its charts', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await addExamples(page);
  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await openCompare(page);
  await expect(page.locator('canvas')).toHaveCount(4);
  for (const id of CHART_IDS) await expect.poll(async () => (await canvasPixels(page, id, [])).coloured, { message: `${id} drawn offline` }).toBeGreaterThan(500);
  await context.setOffline(false);
});

/** Downloads a CSV (the per-terrain one unless the building button is named) and returns its bytes. */
async function downloadCsv(page: Page, perBuilding = false): Promise<Buffer> {
  const button = perBuilding ? 'CSV per gebouw downloaden (Excel)' : 'CSV downloaden (Excel)';
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(perBuilding ? /^vergelijking-gebouwen-\d{4}-\d{2}-\d{2}\.csv$/ : /^vergelijking-terreinen-\d{4}-\d{2}-\d{2}\.csv$/);
  return readFileSync(await download.path());
}


const CSV_HEADER = [
  'Terrein',
  'Gemeente',
  'Gebouwen',
  ...FIGURE_HEADER_NL,
  'Congestie afname',
  'Congestie invoeding',
  ...GRID_NL.map(([label]) => `${label} (kW)`),
  'Netgegevens volledig',
];
const decimal = (n: number) => String(n).replace('.', ',');

test('the CSV: UTF-8 with BOM, ";" separator, decimal comma, CRLF, one row per terrain', async ({ page }) => {
  await addExamples(page);
  await openCompare(page);
  const bytes = await downloadCsv(page);

  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.includes('\uFFFD')).toBe(false);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

  const rows = parseCsv(text);
  expect(rows[0]).toEqual(CSV_HEADER);
  expect(text.split('\r\n')[0]).toBe(CSV_HEADER.join(';'));
  const body = rows.slice(1);
  expect(body).toHaveLength(3);
  expect(body.map((r) => r[0]).sort()).toEqual(terrains.map((t) => t.name).sort());
  for (const row of body) {
    expect(row).toHaveLength(CSV_HEADER.length);
    const x = expected.get(row[0])!;
    expect(row).toEqual([
      x.name,
      x.municipality,
      String(x.buildings),
      decimal(x.pvKwp),
      decimal(x.pvMwhPerYear),
      decimal(Math.round(x.co2KgPerYear!.value / 100) / 10),
      String(Math.round(x.investmentEur.value)),
      String(Math.round(x.savingsEurPerYear.value)),
      decimal(Math.round(x.paybackYears! * 10) / 10),
      String(Math.round(co2PerKEur(x)!)),
      ...Object.keys(STATUS_NL).map((s) => String(x.byStatus[s as keyof typeof STATUS_NL])),
      String(x.obligations),
      ...Object.keys(KIND_NL).map((k) => String(x.blockers[k as keyof typeof KIND_NL])),
      String(Math.round(x.offtakeShortKw)),
      decimal(Math.round(x.feedInShortKw)),
      x.co2KgPerYear!.complete && x.investmentEur.complete && x.savingsEurPerYear.complete ? 'ja' : 'nee',
      x.pvUpperBound ? 'ja' : 'nee',
      congestionLabel('congestionOfftake', x.congestionOfftake),
      congestionLabel('congestionFeedIn', x.congestionFeedIn),
      ...GRID_NL.map(([, sum]) => String(Math.round(sum(x.grid).kw))),
      x.grid.incomplete ? 'nee' : 'ja',
    ]);
    // A decimal comma in the PV columns, never a decimal point or a thousands separator.
    expect(row[3]).toMatch(/^\d+(,\d)?$/);
    expect(row[4]).toMatch(/^\d+(,\d)?$/);
  }
  expect(body.some((r) => r[3].includes(',')), 'at least one PV value has decimals').toBe(true);
  // The apostrophe of "'t Heen" is part of the name, not a neutralising prefix.
  expect(body.map((r) => r[0])).toContain("'t Heen (fictief voorbeeld)");
});

test('formula-like terrain names and municipality are neutralised in the CSV', async ({ page }) => {
  const hostile: Record<string, { name: string; municipality?: string }> = {
    'example-roomburg': { name: "=cmd|' /C calc'!A0" },
    'example-grote-polder': { name: '+1', municipality: '-2+3' },
    'example-t-heen': { name: '@SUM(1)', municipality: '=HYPERLINK("http://x";"klik")' },
  };
  await addExamples(page);
  for (const [id, change] of Object.entries(hostile)) {
    await page.goto(`/terrein/${id}`);
    const card = terrainCard(page);
    await card.getByLabel('Naam', { exact: true }).fill(change.name);
    if (change.municipality) await card.getByLabel('Gemeente', { exact: true }).fill(change.municipality);
    await waitSaved(page);
    await expect(page.getByRole('heading', { level: 1, name: change.name, exact: true })).toBeVisible();
  }
  await page.goto('/');
  await openCompare(page);
  // The names show as plain text in the page.
  const table = page.getByRole('table', { name: 'Indicatoren per terrein', exact: true });
  for (const change of Object.values(hostile)) await expect(table.getByRole('columnheader', { name: change.name, exact: true })).toBeVisible();

  const text = (await downloadCsv(page)).subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  // Raw lines: the cell starts with an apostrophe, and quotes are doubled inside a quoted cell.
  expect(lines.some((l) => l.startsWith("'=cmd|' /C calc'!A0;"))).toBe(true);
  expect(lines.some((l) => l.startsWith("'+1;'-2+3;"))).toBe(true);
  expect(lines.some((l) => l.startsWith(`'@SUM(1);"'=HYPERLINK(""http://x"";""klik"")";`))).toBe(true);
  // Parsed: no cell of the file starts with a formula character, except the numbers.
  const rows = parseCsv(text);
  expect(rows).toHaveLength(4);
  for (const row of rows) {
    expect(row).toHaveLength(CSV_HEADER.length);
    for (const cell of row) if (!/^-?\d+(,\d+)?$/.test(cell)) expect(cell, 'formula cell').not.toMatch(/^[=+\-@\t\r]/);
  }
  const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
  expect([...byName.keys()].sort()).toEqual(["'+1", "'=cmd|' /C calc'!A0", "'@SUM(1)"]);
  expect(byName.get("'+1")![1]).toBe("'-2+3");
  expect(byName.get("'@SUM(1)")![1]).toBe(`'=HYPERLINK("http://x";"klik")`);
  // The numbers are still numbers.
  expect(byName.get("'=cmd|' /C calc'!A0")![3]).toBe(decimal(expected.get(terrains[0].name)!.pvKwp));
});

test('the per-building CSV: one row per building of the compared terrains, its terrain first', async ({ page }) => {
  await addExamples(page);
  await openCompare(page);
  const bytes = await downloadCsv(page, true);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(rows[0]).toEqual(['Terrein', 'Gebouw', 'Bedrijf', 'Vloeroppervlak (m²)', ...FIGURE_HEADER_NL]);
  const buildings = terrains.flatMap((t) => t.buildings.map((b) => [t.name, b.name]));
  expect(rows.slice(1).map((r) => [r[0], r[1]]).sort()).toEqual(buildings.sort());
  for (const row of rows.slice(1)) {
    expect(row).toHaveLength(rows[0].length);
    const b = expected.get(row[0])!.perBuilding.find((x) => x.name === row[1])!;
    expect(row[4]).toBe(decimal(Math.round(b.pvKwp * 10) / 10));
    expect(row[6]).toBe(decimal(Math.round(b.co2KgPerYear!.value / 100) / 10));
    expect(row[7]).toBe(String(Math.round(b.investmentEur.value)));
  }
});

test('with a province on the device the picker shows the chosen terrains and one page of the rest, and finds any by search', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const at = '2026-11-01T00:00:00.000Z';
  const park = (n: number) => ({
    id: `p-${n}`,
    name: `Park ${String(n).padStart(2, '0')}`,
    municipality: n % 2 ? 'Leiden' : 'Delft',
    facts: {},
    buildings: [{ id: 'b1', name: 'Hal', facts: { roofAreaM2: 1000 + n } }],
    createdAt: at,
    updatedAt: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00.000Z`,
    revision: 1,
  });
  await putRecords(page, Array.from({ length: 45 }, (_, i) => park(i + 1)));
  await page.goto('/vergelijk');
  const pick = page.getByRole('group', { name: 'Terreinen om te vergelijken' });
  const boxes = pick.getByRole('checkbox');
  // Three are chosen when the view opens (the most recently changed); beside them one page (20) of the rest, not all 45.
  await expect(pick.getByRole('status')).toHaveText('23 van 45 terreinen getoond: de gekozen en de eerste van de rest; zoek om andere te vinden.');
  await expect(boxes).toHaveCount(23);
  await expect(pick.getByRole('checkbox', { checked: true })).toHaveCount(3);

  await pick.getByLabel('Zoek op naam, plaats of postcode').fill('park 37');
  await expect(boxes).toHaveCount(4); // the three chosen, and the one hit
  await pick.getByRole('checkbox', { name: 'Park 37', exact: true }).check();
  await expect(page.getByRole('table', { name: 'Indicatoren per terrein' }).getByText('Park 37', { exact: true })).toBeVisible();
  // Cleared, the search shows the four chosen first (in list order, Park 37 changed longest ago) and a page of the rest again.
  await pick.getByLabel('Zoek op naam, plaats of postcode').fill('');
  await expect(boxes).toHaveCount(24);
  await expect(boxes.nth(3)).toHaveAccessibleName('Park 37');
  await expect(pick.getByRole('checkbox', { checked: true })).toHaveCount(4);
  expect(await axeViolations(page)).toEqual([]);
});
