/**
 * The handbook (/handboek, no terrain needed), checked against toolbox-data itself: every
 * measure and every step, each precedence edge's "why" under the step it leads to, the
 * steps in an order that respects the precedence, parameters with their validity dates,
 * search (narrowing and "Niets gevonden"), and the A4 print with the toolbox version.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorkerControl } from './helpers';
import { collapse, data, dutchDate, dutchText, inline, dutchNumber, expectA4, pdfInfo, pdfPages, stepLabel, stubPrint } from './toolbox-helpers';

async function openHandbook(page: Page): Promise<void> {
  await page.goto('/handboek');
  await expect(page.getByRole('heading', { level: 1, name: 'Handboek: de gereedschapskist', exact: true })).toBeVisible();
}

const measuresRegion = (page: Page) => page.getByRole('region', { name: 'Maatregelen', exact: true });
const stepsRegion = (page: Page) => page.getByRole('region', { name: 'Stappen en volgorde', exact: true });
/** The measure headings shown, without the "(per gebouw)" / "(hele terrein)" suffix. */
const shownMeasureLabels = (page: Page) =>
  measuresRegion(page)
    .locator('article.handbook-measure h3')
    .evaluateAll((els) => els.map((el) => (el.firstChild?.textContent ?? '').trim()));

test('every measure and step of toolbox-data, the order between the steps with why, and the parameters with their dates', async ({ page }) => {
  await openHandbook(page);
  await expect(page.getByText(`gereedschapskist versie ${data.meta.version}`)).toBeVisible();

  // Every measure, once, with its Dutch label and scope.
  expect(data.measures.length).toBeGreaterThan(5);
  expect(await shownMeasureLabels(page)).toEqual(data.measures.map((m) => m.label.nl));
  for (const m of data.measures) {
    const heading = measuresRegion(page).getByRole('heading', { level: 3, name: `${m.label.nl} (${m.scope === 'building' ? 'per gebouw' : 'hele terrein'})`, exact: true });
    await expect(heading).toHaveCount(1);
  }

  // Every step, once, under its phase heading.
  const steps = await stepsRegion(page)
    .locator('li.step')
    .evaluateAll((els) =>
      els.map((el) => ({
        title: (el.querySelector('h4.step-title')?.textContent ?? '').trim(),
        phase: (el.closest('section')?.querySelector('h3')?.textContent ?? '').trim(),
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  expect(steps.map((s) => s.title).sort()).toEqual(data.steps.map((s) => s.label.nl).sort());
  for (const s of data.steps) {
    const shown = steps.find((x) => x.title === s.label.nl)!;
    expect(shown.phase, s.id).toMatch(new RegExp(`^Fase ${s.phase} · `));
    expect(shown.text, s.id).toContain(collapse(dutchText(s.description)));
  }

  // Each precedence edge: its "why" under the step that comes after, naming the step before.
  expect(data.precedence.length).toBeGreaterThan(10);
  const order = steps.map((s) => s.title);
  for (const e of data.precedence) {
    const after = steps.find((x) => x.title === stepLabel(e.after))!;
    expect(after.text, `${e.before} → ${e.after}`).toContain(collapse(`Komt na "${stepLabel(e.before)}": ${dutchText(e.why)}`));
    const before = steps.find((x) => x.title === stepLabel(e.before))!;
    expect(before.text, `the why of ${e.before} → ${e.after} is not under the earlier step`).not.toContain(collapse(dutchText(e.why)));
    // The handbook lists the steps in an order that respects the precedence.
    expect(order.indexOf(stepLabel(e.before)), `${e.before} is listed before ${e.after}`).toBeLessThan(order.indexOf(stepLabel(e.after)));
  }
  // A step that nothing has to precede says nothing about order.
  const first = data.steps.find((s) => !data.precedence.some((e) => e.after === s.id))!;
  expect(steps.find((x) => x.title === first.label.nl)!.text).not.toContain('Komt na');

  // Parameters with validity dates: each value with its window, in words.
  const table = page.locator('table').filter({ has: page.getByRole('columnheader', { name: 'Waarde', exact: true }) });
  const paramRows = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({ label: (r.querySelector('th')?.textContent ?? '').trim(), value: (r.querySelector('td')?.textContent ?? '').replace(/\s+/g, ' ').trim() })),
  );
  expect(paramRows.map((r) => r.label)).toEqual(data.parameters.map((p) => p.label.nl));
  const dated = data.parameters.filter((p) => p.values.some((v) => v.validFrom || v.validTo));
  expect(dated.length).toBeGreaterThan(0);
  for (const p of dated) {
    const row = paramRows.find((r) => r.label === p.label.nl)!;
    const segments = row.value.split('; ');
    expect(segments, p.id).toHaveLength(p.values.length);
    p.values.forEach((v, i) => {
      if (v.validFrom) expect(segments[i], `${p.id} #${i}`).toContain(`vanaf ${dutchDate(v.validFrom)}`);
      if (v.validTo) expect(segments[i], `${p.id} #${i}`).toContain(`tot ${dutchDate(v.validTo)}`);
    });
  }
  // eiaPvMaxKw: 55 kW until 1 januari 2026, 100 kW from 1 januari 2026.
  const eia = data.parameters.find((p) => p.id === 'eiaPvMaxKw')!;
  const eiaRow = paramRows.find((r) => r.label === eia.label.nl)!;
  const [old, current] = eiaRow.value.split('; ');
  const [oldValue, currentValue] = eia.values;
  expect(oldValue.value).toBe(55);
  expect(currentValue.value).toBe(100);
  expect(old).toMatch(new RegExp(`^${dutchNumber(55)} kW \\(.*tot 1 januari 2026\\)$`));
  expect(current).toBe(`${dutchNumber(100)} kW (vanaf 1 januari 2026)`);
  expect(oldValue.validTo).toBe('2026-01-01');
  expect(currentValue.validFrom).toBe('2026-01-01');
  // Values a user may replace per terrain say so, with their range; the others do not.
  const n3 = (n: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 }).format(n);
  for (const p of data.parameters) {
    const row = paramRows.find((r) => r.label === p.label.nl)!;
    if (p.adjustable) expect(row.value, p.id).toContain(`per terrein te vervangen door een eigen waarde (${n3(p.adjustable.min)}–${n3(p.adjustable.max)}${p.unit === '-' ? '' : ` ${p.unit}`})`);
    else expect(row.value, p.id).not.toContain('eigen waarde');
  }
  expect(data.parameters.filter((p) => p.adjustable).length).toBe(22); // the 20 own values of the verdicts and the business case (the south and east-west yields and layout density since 2026-12), and the grid's simultaneity and kW per kWp

  // The conditions in words give each dated threshold they use with all its values and dates ("ten minste 55 kW (vanaf …); 100 kW (vanaf …)").
  const articles = await measuresRegion(page)
    .locator('article.handbook-measure')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
  let datedUses = 0;
  data.measures.forEach((m, i) => {
    // The expressions the handbook puts in words: applicability, conditions, obligation, step conditions.
    const shownExprs = [m.applies, m.conditions, m.obligation ?? null, m.steps.map((s) => s.when ?? null)];
    const used = new Set([...JSON.stringify(inline(shownExprs)).matchAll(/"param":"([^"]+)"/g)].map((x) => x[1]));
    for (const p of dated.filter((d) => used.has(d.id))) {
      datedUses++;
      expect(articles[i], `${m.id} uses ${p.id}`).toContain(paramRows.find((r) => r.label === p.label.nl)!.value);
    }
  });
  expect(datedUses).toBeGreaterThan(0);
  expect(articles[data.measures.findIndex((m) => JSON.stringify(inline(m)).includes('"param":"eiaPvMaxKw"'))]).toContain(eiaRow.value);

  // Sources: every source of the toolbox with its URL and checked date.
  const sources = page.getByRole('region', { name: 'Bronnen', exact: true }).locator('ol.source-list > li');
  await expect(sources).toHaveCount(data.sources.length);
  const sourceTexts = await sources.evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
  for (const s of data.sources) expect(sourceTexts.some((t) => t.includes(s.title) && t.includes(s.url) && t.includes(`gecontroleerd ${dutchDate(s.checked)}`)), s.id).toBe(true);
});

test('search: "asbest" narrows the measures to those that mention asbestos; no match says "Niets gevonden"', async ({ page }) => {
  await openHandbook(page);
  const search = page.getByRole('searchbox', { name: 'Zoeken in het handboek', exact: true });

  await search.fill('asbest');
  // Measures whose Dutch texts, or whose rules (on the fact "Asbest in het dak"), mention asbestos.
  const dutchTexts = (m: (typeof data.measures)[number]) =>
    [m.label, m.summary, ...m.conditions.flatMap((c) => [c.fix, c.text]), ...m.dos.map((a) => a.text), ...m.donts.map((a) => a.text), ...m.subsidies.map((x) => x.text)].map((t) => (t ? dutchText(t) : ''));
  const mentions = data.measures.filter((m) => dutchTexts(m).some((t) => /asbest/i.test(t)) || /"fact":"asbestos"/.test(JSON.stringify(inline([m.applies, m.conditions]))));
  expect(mentions.length).toBeGreaterThan(0);
  const shown = await (async () => {
    await expect.poll(async () => (await shownMeasureLabels(page)).length).toBeLessThan(data.measures.length);
    return shownMeasureLabels(page);
  })();
  // Every measure that mentions asbestos is shown, in the toolbox's order ...
  expect(shown.filter((label) => mentions.some((m) => m.label.nl === label))).toEqual(mentions.map((m) => m.label.nl));
  // ... and every measure shown mentions it in its text.
  for (const text of await measuresRegion(page).locator('article.handbook-measure').allTextContents()) expect(text.toLowerCase()).toContain('asbest');
  // An unrelated measure is not.
  expect(data.measures.some((m) => m.label.nl === 'Laadpunten op het parkeerterrein')).toBe(true);
  expect(shown).not.toContain('Laadpunten op het parkeerterrein');
  await expect(page.getByRole('heading', { name: /^Laadpunten op het parkeerterrein/ })).toHaveCount(0);
  // The steps are narrowed too: only steps that mention asbestos.
  const shownSteps = await stepsRegion(page).locator('h4.step-title').allTextContents();
  expect(shownSteps.length).toBeGreaterThan(0);
  expect(shownSteps.length).toBeLessThan(data.steps.length);
  for (const title of shownSteps) {
    const step = data.steps.find((s) => s.label.nl === title.trim())!;
    expect(`${step.label.nl} ${step.description.nl} ${step.id}`.toLowerCase()).toContain('asbest');
  }

  await search.fill('xyzzy-onvindbaar');
  await expect(page.getByRole('status').filter({ hasText: 'Niets gevonden voor "xyzzy-onvindbaar".' })).toBeVisible();
  await expect(page.locator('article.handbook-measure')).toHaveCount(0);
  await expect(page.locator('li.step')).toHaveCount(0);

  await search.fill('');
  await expect(page.locator('article.handbook-measure')).toHaveCount(data.measures.length);
  await expect(page.getByRole('status').filter({ hasText: 'Niets gevonden' })).toHaveCount(0);
});

test('the handbook prints as one A4 document with the toolbox version, every measure and every step', async ({ page }, testInfo) => {
  await openHandbook(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Zoeken in het handboek', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken', exact: true })).toBeHidden();

  // A temp dir of its own: test-results/ is shared with other runs on this machine.
  const file = join(mkdtempSync(join(tmpdir(), 'handbook-pdf-')), 'handbook.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  const info = pdfInfo(file);
  expectA4(info);
  expect(info.pages).toBeGreaterThan(1);
  const pages = pdfPages(file);
  expect(pages).toHaveLength(info.pages);
  await testInfo.attach('handbook.txt', { body: pages.join('\n\f\n'), contentType: 'text/plain' });
  const text = collapse(pages.join('\n')).replace(/- /g, '-');
  const norm = (s: string) => collapse(s).replace(/- /g, '-');

  expect(text).toContain(`gereedschapskist versie ${data.meta.version}`);
  expect(collapse(pages[0])).toContain(`gereedschapskist versie ${data.meta.version}`);
  expect(text).not.toContain('Zoeken in het handboek');
  for (const m of data.measures) expect(text, m.id).toContain(norm(m.label.nl));
  for (const s of data.steps) expect(text, s.id).toContain(norm(s.label.nl));
  for (const e of data.precedence) expect(text, `${e.before} → ${e.after}`).toContain(norm(dutchText(e.why)));

  // In the steps section, no step heading stands alone at the bottom of a page: it is never a
  // page's last line, and its description follows it on the same page. (Elsewhere step names
  // are plain list items of a measure's "Stappen", which may end a page.)
  const lines = pages.flatMap((p, page) =>
    p
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((text, i, all) => ({ page, text: text.replace(/^\d+\.\s+/, ''), lastOnPage: i === all.length - 1 })),
  );
  const from = lines.findIndex((l) => l.text === 'Stappen en volgorde');
  const to = lines.findIndex((l) => l.text === 'Getallen en geldigheid');
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  const section = lines.slice(from, to);
  const titles = new Map(data.steps.map((s) => [s.label.nl, s]));
  const headings = section.filter((l) => titles.has(l.text));
  expect(headings.map((l) => l.text).sort()).toEqual([...titles.keys()].sort());
  for (const h of headings) {
    expect(h.lastOnPage, `page ${h.page + 1} ends with the step heading "${h.text}"`).toBe(false);
    const next = section[section.indexOf(h) + 1];
    expect(next.page, `${h.text}: its text is on the same page`).toBe(h.page);
    expect(norm(dutchText(titles.get(h.text)!.description)).startsWith(norm(next.text).replace(/-$/, '')), `${h.text}: followed by its description`).toBe(true);
  }
  const phases = section.filter((l) => /^Fase \d · /.test(l.text));
  expect(phases).toHaveLength(new Set(data.steps.map((s) => s.phase)).size);
  for (const ph of phases) expect(ph.lastOnPage, `page ${ph.page + 1} ends with the phase heading "${ph.text}"`).toBe(false);
});

test('"Afdrukken" calls window.print, and the handbook opens offline', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await openHandbook(page);
  const printCalls = await stubPrint(page);
  await page.getByRole('button', { name: 'Afdrukken', exact: true }).click();
  expect(await printCalls()).toBe(1);

  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Handboek: de gereedschapskist', exact: true })).toBeVisible();
  await expect(page.locator('article.handbook-measure')).toHaveCount(data.measures.length);
  await context.setOffline(false);
});
