/**
 * The words a person reads (issue 14, points 2 and 5): the assessment, the report and the
 * handbook of every example terrain without "≥", "∈" or another symbol of the rules, without
 * "Geen actie" fixes; an upper-bound potential reads "max."; the handbook's table of contents
 * reaches each section by mouse and keyboard at 360 px, and its legend explains the source tags.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openAllDetails, seedTerrain } from './helpers';
import { addExamples, data, EXAMPLE_IDS, readExample } from './toolbox-helpers';

/** What no reader should meet: the rules' symbols, unfilled placeholders, the "nothing to do" fix. */
const NOTATION = /[≥≤∈∉≠]|\{(param:|observed|expected|limit)|Wat helpt: Geen actie|undefined|NaN/;

async function mainText(page: Page): Promise<string> {
  await openAllDetails(page);
  return page.locator('main').innerText();
}

test('assessment, report and handbook of every example terrain read in words: no symbol, no placeholder, no "Geen actie" fix', async ({ page }) => {
  test.setTimeout(90_000);
  await addExamples(page);
  for (const id of EXAMPLE_IDS) {
    const name = readExample(id).name;
    await page.goto(`/terrein/${id}/beoordeling`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const assessment = await mainText(page);
    expect(await page.locator('article.measure').count(), 'every card opened').toBeGreaterThan(10);
    expect(assessment, `assessment of ${name}`).not.toMatch(NOTATION);
    expect(assessment).toContain('Nog onbekend');
    await page.goto(`/terrein/${id}/rapport`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    expect(await mainText(page), `report of ${name}`).not.toMatch(NOTATION);
  }
  await page.goto('/handboek');
  // The handbook has no folds: its text is all there once its heading is.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const handbook = await page.locator('main').innerText();
  expect(handbook).not.toMatch(NOTATION);
  // The energy-saving duty in a sentence, its threshold from the parameter.
  expect(handbook).toContain('Elektriciteitsverbruik ten minste 50.000 kWh per jaar');
});

test('a PV potential that rests on unknown existing panels reads as a maximum, also beside an unknown observed value', async ({ page }) => {
  await seedTerrain(page, {
    id: 'max-pv',
    name: 'Bovengrens',
    assessmentDate: '2026-12-01',
    facts: {},
    buildings: [{ id: 'h', name: 'Hal', facts: { roofAreaM2: 2000, roofType: 'flat', connection: 'small' } }],
  });
  await page.goto('/terrein/max-pv/beoordeling');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await openAllDetails(page);
  const card = page.getByRole('article', { name: /Zonnepanelen op het dak/ });
  await expect(card.locator('.potential')).toContainText(/Potentieel: max\. [\d.,]+ kWp · max\. [\d.,]+ MWh\/jaar/);
  // R-PV-11 (small connection) compares the AC feed-in of that maximum: the observed value is the maximum, never a bare "onbekend".
  const observed = card.locator('.observed', { hasText: /Invoedvermogen van het potentieel \(AC\).*hoogstens/ });
  await expect(observed).toContainText(/waargenomen max\. [\d.,]+ kW, vereist hoogstens 55/);
});

test('the handbook at 360 px: a table of contents whose links reach their sections (mouse and keyboard), the source tags explained, axe clean', async ({ page }) => {
  test.setTimeout(120_000); // axe over the whole handbook takes a while on a shared machine
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/handboek');
  const toc = page.getByRole('navigation', { name: 'Inhoud', exact: true });
  await expect(toc).toBeVisible();
  const links = toc.getByRole('link');
  // Every measure and the six sections (the EML checklist's among them).
  await expect(links).toHaveCount(data.measures.length + 6);
  await expect(toc.getByRole('link', { name: 'Erkende maatregelen (EML)', exact: true })).toHaveAttribute('href', '#hb-eml');
  for (const m of data.measures) await expect(toc.getByRole('link', { name: m.label.nl, exact: true })).toHaveAttribute('href', `#hb-${m.id}`);
  expect(await toc.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  const n = await links.count();
  for (let i = 0; i < n; i++) {
    const link = links.nth(i);
    const id = (await link.getAttribute('href'))!.slice(1);
    const target = page.locator(`[id="${id}"]`);
    if (i % 2 === 0) await link.click();
    else {
      await link.focus();
      await page.keyboard.press('Enter');
    }
    await expect(target).toBeFocused();
    await expect(target).toBeInViewport();
    // At the top of the view, unless the page ends before it can get there.
    const { top, atEnd } = await target.evaluate((el) => ({ top: el.getBoundingClientRect().top, atEnd: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2 }));
    expect(Math.abs(top) < 5 || atEnd, `${id} at the top of the view (top ${top})`).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  // A link opens no history entry of its own: Back leaves the handbook in one step.
  expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/handboek');

  // The legend: every kind of source the toolbox cites, in words.
  const legend = page.getByRole('region', { name: 'Soorten bronnen', exact: true });
  const kinds = [...new Set(data.sources.map((s) => s.kind))];
  expect(kinds.length).toBeGreaterThanOrEqual(4);
  for (const k of kinds) await expect(legend.locator('dt', { hasText: new RegExp(`^${k}$`) })).toHaveCount(1);
  await expect(legend.locator('dd')).toHaveCount(kinds.length);
  await expect(legend).toContainText('WET');
  await expect(legend).toContainText('wet en regelgeving');
  await expect(legend).toContainText('goede praktijk');
  // Each tag in a source list says its meaning too.
  await expect(page.locator('abbr.kind-WET').first()).toHaveAttribute('title', /wet en regelgeving/);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)).toEqual([]);
});
