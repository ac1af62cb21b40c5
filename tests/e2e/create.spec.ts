/**
 * Create a terrain with two buildings through the UI and check that the assessment page
 * shows exactly what the engine gives for the same terrain: every measure's status, the
 * asbestos condition on the roof, and the plan steps in the engine's order.
 */
import { expect, test } from '@playwright/test';
import { loadEngine } from './engine';
import { EXAMPLE, createExampleTerrain, openAllDetails, exampleTerrain, readStoredTerrain, STATUS_NL } from './helpers';

test('a terrain entered in the UI is assessed exactly as the engine assesses it', async ({ page }) => {
  const id = await createExampleTerrain(page);

  // What the UI stored is the terrain we meant to enter.
  const stored = await readStoredTerrain(page, id);
  expect(stored).toBeDefined();
  expect(stored!.name).toBe(EXAMPLE.name);
  expect(stored!.assessmentDate).toBe(EXAMPLE.assessmentDate);
  expect(stored!.facts).toEqual(EXAMPLE.facts);
  expect(stored!.buildings.map((b: { name: string; facts: unknown }) => ({ name: b.name, facts: b.facts }))).toEqual(EXAMPLE.buildings);

  // The same terrain, built independently of the UI, through the engine in Node.
  const { assess, bundledToolbox } = await loadEngine();
  const terrain = exampleTerrain('expected');
  const expected = assess(terrain);
  const nameOf = (buildingId?: string) => (buildingId ? terrain.buildings.find((b) => b.id === buildingId)!.name : 'Terrein');
  const measureLabel = (measureId: string) => bundledToolbox.measures.find((m) => m.id === measureId)!.label.nl;

  await page.getByRole('link', { name: 'Naar de volledige beoordeling', exact: true }).click();
  await expect(page).toHaveURL(`/terrein/${id}/beoordeling`);
  await expect(page.getByRole('heading', { level: 1, name: `Beoordeling: ${EXAMPLE.name}`, exact: true })).toBeVisible();

  // Open the folded status groups and cards, so every card and its reasons are visible.
  await openAllDetails(page);

  // Every measure verdict: one card per measure (and building), grouped by status in the
  // page's order (feasible … not applicable), in the engine's order within a group.
  const ORDER = Object.keys(STATUS_NL) as (keyof typeof STATUS_NL)[];
  const expectedCards = ORDER.flatMap((status) =>
    expected.measures.filter((m) => m.status === status).map((m) => `${measureLabel(m.measureId)} — ${nameOf(m.buildingId)}: ${STATUS_NL[m.status]}`),
  );
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(expected.measures.length);
  const shownCards = await cards.evaluateAll((els) =>
    els.map((el) => {
      const heading = document.getElementById(el.getAttribute('aria-labelledby') ?? '');
      const badge = el.querySelector('.badges .badge');
      return `${(heading?.textContent ?? '').replace(/\s+/g, ' ').trim()}: ${badge?.textContent?.trim()}`;
    }),
  );
  expect(shownCards).toEqual(expectedCards);
  // The status group headings count what the engine counts.
  const shownGroups = ORDER.filter((status) => expected.measures.some((m) => m.status === status));
  await expect(page.locator('.status-group')).toHaveCount(shownGroups.length);
  for (const status of shownGroups) {
    const n = expected.measures.filter((m) => m.status === status).length;
    await expect(page.getByRole('heading', { level: 3, name: `${STATUS_NL[status]} ${n === 1 ? '1 maatregel' : `${n} maatregelen`}`, exact: true })).toBeVisible();
  }

  // The roof with asbestos: "Haalbaar na voorwaarden", and the asbestos rule is why.
  const pvHal = page.getByRole('article', { name: 'Zonnepanelen op het dak — Hal A', exact: true });
  await expect(pvHal.locator('.badges .badge').first()).toHaveText('Haalbaar na voorwaarden');
  const pvHalExpected = expected.measures.find((m) => m.measureId === 'pv-roof' && m.buildingId === 'b1')!;
  expect(pvHalExpected.status).toBe('conditional');
  const asbestos = pvHalExpected.reasons.find((r) => r.ruleId === 'R-PV-01')!;
  expect(asbestos.outcome).toBe('fail');
  await expect(pvHal.getByText(asbestos.text, { exact: true })).toBeVisible();
  await expect(pvHal.getByText(/^Stap:.*Asbest/)).toBeVisible();
  // The other roof has no asbestos: no asbestos reason on its card.
  const pvKantoor = page.getByRole('article', { name: 'Zonnepanelen op het dak — Kantoor B', exact: true });
  await expect(pvKantoor.getByText(/^Asbest in het dak/)).toHaveCount(0);

  // The plan: the steps on the page in the engine's order.
  expect(expected.plan.length).toBeGreaterThan(0);
  expect(expected.plan.map((p) => p.stepId)).toContain('asbestos-removal');
  const steps = page.locator('li.step[data-step]');
  await expect(steps).toHaveCount(expected.plan.length);
  expect(await steps.evaluateAll((els) => els.map((el) => el.getAttribute('data-step')))).toEqual(expected.plan.map((p) => p.stepId));
});
