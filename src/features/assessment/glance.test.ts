/**
 * The glance helpers against the engine's verdicts of the example terrains: every verdict is
 * exactly one matrix cell with its status (and none is invented), duties marked as the engine
 * says, the totals summed by hand from the verdicts (a heating alternative once per building,
 * an unknown cost left out and counted), and the card filters.
 */
import { describe, expect, it } from 'vitest';
import { exampleTerrains } from '../../../tests/unit/helpers/toolboxData';
import { assess } from '../../engine/index';
import type { Assessment, MeasureResult } from '../../engine/index';
import { buildMatrix, columnGroups, matchesFilter, NO_FILTER, terrainTotals, verdictKey } from './glance';

const examples = exampleTerrains();

describe.each(examples.map((t) => [t.name, t] as const))('the matrix of %s', (_name, terrain) => {
  const assessment = assess(terrain);
  const matrix = buildMatrix(terrain, assessment);
  const cells = [...matrix.buildingRows, ...matrix.terrainRows].flatMap((r) => r.cells).filter((c) => c !== null);

  it('has every verdict once, with its status and duty, and nothing else', () => {
    expect(cells.map((c) => c.key).sort()).toEqual(assessment.measures.map(verdictKey).sort());
    for (const m of assessment.measures) {
      const cell = cells.find((c) => c.key === verdictKey(m))!;
      expect(cell.status).toBe(m.status);
      expect(cell.duty).toBe(m.status === 'not-applicable' ? false : m.obligation);
    }
  });

  it('has a column per building and a row per measure, the terrain measures apart', () => {
    expect(matrix.buildingIds).toEqual(terrain.buildings.map((b) => b.id));
    for (const row of matrix.buildingRows) {
      expect(row.cells).toHaveLength(terrain.buildings.length);
      row.cells.forEach((c, i) => c && expect(c.buildingId).toBe(terrain.buildings[i].id));
    }
    for (const row of matrix.terrainRows) expect(row.cells.map((c) => c?.buildingId)).toEqual([undefined]);
    expect(matrix.terrainRows.map((r) => r.measureId).sort()).toEqual(assessment.measures.filter((m) => !m.buildingId).map((m) => m.measureId).sort());
  });

  it('shows only the asked buildings when given some', () => {
    const one = buildMatrix(terrain, assessment, [terrain.buildings[1].id]);
    expect(one.buildingRows.flatMap((r) => r.cells).every((c) => c === null || c.buildingId === terrain.buildings[1].id)).toBe(true);
  });
});

describe('the totals', () => {
  const verdict = (measureId: string, buildingId: string, status: MeasureResult['status'], investmentEur: number | null, savingsEurPerYear: number | null, extra: Partial<MeasureResult> = {}): MeasureResult => ({
    measureId,
    buildingId,
    status,
    obligation: false,
    reasons: [],
    missingFacts: [],
    steps: [],
    quantities: [],
    subsidies: [],
    indicative: false,
    business: { investmentEur, savingsEurPerYear, paybackYears: null, upperBound: false, missingFacts: [], indicative: false, parameterIds: [] },
    ...extra,
  });
  const of = (measures: MeasureResult[]) => terrainTotals({ measures } as Pick<Assessment, 'measures'>);

  it('sums feasible and conditional verdicts, a heating alternative once per building', () => {
    const t = of([
      verdict('pv-roof', 'a', 'feasible', 10_000, 1_000, { potential: { kwp: 50, kwhPerYear: 45_000 } }),
      verdict('pv-carport', 'a', 'conditional', 5_000, 500, { potential: { kwp: 20.04, kwhPerYear: 18_000 } }),
      verdict('heat-pump', 'a', 'conditional', 20_000, 1_500),
      verdict('ground-source', 'a', 'feasible', 40_000, 2_000),
      verdict('ground-source', 'b', 'feasible', 30_000, 1_000),
      verdict('battery', 'b', 'blocked', 99_000, 9_000),
      verdict('pv-roof', 'b', 'needs-info', 1, 1, { potential: { kwp: 500, kwhPerYear: 1 } }),
    ]);
    expect(t.pvKwp).toBe(70);
    expect(t.pvMwhPerYear).toBe(63);
    expect(t.investmentEur).toBe(10_000 + 5_000 + 20_000 + 30_000);
    expect(t.savingsEurPerYear).toBe(1_000 + 500 + 1_500 + 1_000);
    expect(t.paybackYears).toBe(16.3);
    expect(t.unknownCosts).toBe(0);
  });

  it('leaves an unknown cost out, counts it, and then gives no payback', () => {
    const t = of([verdict('pv-roof', 'a', 'feasible', 10_000, 1_000), verdict('battery', 'a', 'feasible', null, 300)]);
    expect(t.investmentEur).toBe(10_000);
    expect(t.savingsEurPerYear).toBe(1_300);
    expect(t.unknownCosts).toBe(1);
    expect(t.paybackYears).toBeNull();
    expect(of([verdict('ev-charging', 'a', 'feasible', 2_000, 0)]).paybackYears).toBeNull();
  });

  it('counts open and possible duties, never a not-applicable one', () => {
    const t = of([
      verdict('energy-saving', 'a', 'needs-info', null, null, { obligation: true, business: undefined }),
      verdict('ev-charging', 'a', 'not-applicable', null, null, { obligation: true }),
      verdict('fleet-charging', 'b', 'conditional', null, null, { obligation: null }),
    ]);
    expect([t.dutiesOpen, t.dutiesUnknown]).toEqual([1, 1]);
  });

  it('of an example equals the sums over its verdicts', () => {
    const a = assess(examples[0]);
    const planned = a.measures.filter((m) => m.status === 'feasible' || m.status === 'conditional');
    const t = terrainTotals(a);
    const pv = planned.filter((m) => m.measureId === 'pv-roof' || m.measureId === 'pv-carport');
    expect(t.pvKwp).toBeCloseTo(pv.reduce((s, m) => s + (m.potential?.kwp ?? 0), 0), 1);
    expect(t.dutiesOpen).toBe(a.measures.filter((m) => m.obligation === true && m.status !== 'not-applicable').length);
  });
});

describe('the card filter', () => {
  const a = assess(examples[0]);
  it('keeps all without a filter, and each filter keeps only its verdicts', () => {
    expect(a.measures.filter((m) => matchesFilter(m, NO_FILTER))).toHaveLength(a.measures.length);
    const b = examples[0].buildings[0].id;
    expect(a.measures.filter((m) => matchesFilter(m, { ...NO_FILTER, building: b })).every((m) => m.buildingId === b)).toBe(true);
    expect(a.measures.filter((m) => matchesFilter(m, { ...NO_FILTER, building: 'terrain' })).every((m) => !m.buildingId)).toBe(true);
    const blocked = a.measures.filter((m) => matchesFilter(m, { ...NO_FILTER, status: 'blocked' }));
    expect(blocked.length).toBe(a.measures.filter((m) => m.status === 'blocked').length);
    const duty = a.measures.filter((m) => matchesFilter(m, { ...NO_FILTER, kind: 'duty' }));
    expect(duty.length).toBeGreaterThan(0);
    expect(duty.every((m) => m.obligation !== false && m.status !== 'not-applicable')).toBe(true);
    expect(a.measures.filter((m) => matchesFilter(m, { ...NO_FILTER, kind: 'pv-roof' })).map((m) => m.measureId)).toEqual(examples[0].buildings.map(() => 'pv-roof'));
  });
});

it('splits columns into groups', () => {
  expect(columnGroups(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
  expect(columnGroups([], 2)).toEqual([[]]);
});
