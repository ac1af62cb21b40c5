/**
 * The compare indicators, checked against the engine's own verdicts for the three example
 * terrains of toolbox-data/examples: PV potential only from pv-roof / pv-carport verdicts
 * that are not blocked or not applicable, the status counts add up to the number of
 * verdicts, obligations, blockers by kind and the congestion colours. The expectations are
 * written from the definitions in the issue, not copied from the implementation, and some
 * are checked on a changed assessment so that the rule (not a number) is what is tested.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STATUS_ORDER } from '../../ui/statusOrder';
import { BLOCKER_KINDS, indicatorsFor } from './indicators';
import { assess } from '../../engine/index';
import type { Assessment, MeasureResult, Terrain } from '../../engine/index';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../toolbox-data/examples/', import.meta.url));
const examples: Terrain[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')) as Terrain);

const PV = new Set(['pv-roof', 'pv-carport']);
const countsForPv = (m: MeasureResult) => PV.has(m.measureId) && m.status !== 'blocked' && m.status !== 'not-applicable';
const round1 = (x: number) => Math.round(x * 10) / 10;

it('there are three example terrains', () => {
  expect(examples.map((t) => t.id)).toEqual(['example-grote-polder', 'example-roomburg', 'example-t-heen']);
});

describe.each(examples.map((t) => [t.name, t] as const))('%s', (_name, terrain) => {
  const assessment = assess(terrain);
  const ind = indicatorsFor(terrain, assessment);

  it('names the terrain, its municipality and its number of buildings', () => {
    expect(ind.terrainId).toBe(terrain.id);
    expect(ind.name).toBe(terrain.name);
    expect(ind.municipality).toBe(terrain.municipality);
    expect(ind.buildings).toBe(terrain.buildings.length);
  });

  it('PV kWp and MWh/year are the sums of the pv-roof and pv-carport potentials that are not blocked or not applicable', () => {
    const counted = assessment.measures.filter(countsForPv);
    expect(counted.length).toBeGreaterThan(0);
    const kwp = counted.reduce((s, m) => s + (m.potential?.kwp ?? 0), 0);
    const kwh = counted.reduce((s, m) => s + (m.potential?.kwhPerYear ?? 0), 0);
    expect(kwp).toBeGreaterThan(0);
    expect(ind.pvKwp).toBeCloseTo(round1(kwp), 6);
    expect(ind.pvMwhPerYear).toBeCloseTo(round1(kwh / 1000), 6);
  });

  it('the status counts add up to the number of verdicts, each status counted', () => {
    expect(Object.keys(ind.byStatus).sort()).toEqual([...STATUS_ORDER].sort());
    const total = Object.values(ind.byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBe(assessment.measures.length);
    for (const s of STATUS_ORDER) expect(ind.byStatus[s], s).toBe(assessment.measures.filter((m) => m.status === s).length);
  });

  it('open obligations are the established duties of measures that apply', () => {
    expect(ind.obligations).toBe(assessment.measures.filter((m) => m.obligation === true && m.status !== 'not-applicable').length);
    expect(ind.obligationsUnknown).toBe(assessment.measures.filter((m) => m.obligation === null).length);
  });

  it('blockers by kind count the failed or unknown reasons of measures that are not (yet) feasible', () => {
    expect(Object.keys(ind.blockers)).toEqual([...BLOCKER_KINDS]);
    const expected = Object.fromEntries(BLOCKER_KINDS.map((k) => [k, 0])) as Record<(typeof BLOCKER_KINDS)[number], number>;
    for (const m of assessment.measures) {
      if (m.status === 'feasible' || m.status === 'not-applicable') continue;
      for (const r of m.reasons) {
        if (r.outcome === 'pass' || r.kind === 'obligation' || r.kind === 'applicability') continue;
        // Anything unknown is missing information; a subsidy rule is law.
        const kind = r.outcome === 'unknown' ? 'info' : r.kind === 'subsidy' ? 'law' : r.kind;
        if (kind in expected) expected[kind as keyof typeof expected]++;
      }
    }
    expect(ind.blockers).toEqual(expected);
    // Every blocked or conditional verdict gives at least one blocker.
    const notFeasible = assessment.measures.filter((m) => m.status === 'blocked' || m.status === 'conditional').length;
    expect(Object.values(ind.blockers).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(notFeasible);
  });

  it('the congestion colours are the terrain facts', () => {
    expect(ind.congestionOfftake).toBe(terrain.facts?.congestionOfftake ?? null);
    expect(ind.congestionFeedIn).toBe(terrain.facts?.congestionFeedIn ?? null);
  });
});

describe('the PV rule, on changed assessments', () => {
  const terrain = examples.find((t) => t.id === 'example-roomburg')!;
  const base = assess(terrain);
  const baseKwp = indicatorsFor(terrain, base).pvKwp;
  const withStatus = (pick: (m: MeasureResult) => boolean, status: MeasureResult['status']): Assessment => ({
    ...base,
    measures: base.measures.map((m) => (pick(m) ? { ...m, status } : m)),
  });

  it.each(['blocked', 'not-applicable'] as const)('a pv-roof verdict that becomes %s no longer counts', (status) => {
    const roof = base.measures.find((m) => m.measureId === 'pv-roof' && countsForPv(m) && (m.potential?.kwp ?? 0) > 0)!;
    expect(roof).toBeDefined();
    const changed = indicatorsFor(terrain, withStatus((m) => m === roof, status));
    expect(changed.pvKwp).toBeCloseTo(round1(baseKwp - roof.potential!.kwp!), 6);
  });

  it.each(['feasible', 'conditional', 'needs-info'] as const)('a blocked pv-carport verdict that becomes %s counts', (status) => {
    const extra: MeasureResult = { ...base.measures.find((m) => m.measureId === 'pv-carport')!, status: 'blocked', potential: { kwp: 100, kwhPerYear: 85_000 } };
    const blocked = { ...base, measures: [...base.measures, extra] };
    expect(indicatorsFor(terrain, blocked).pvKwp).toBeCloseTo(baseKwp, 6);
    const open = { ...base, measures: [...base.measures, { ...extra, status }] };
    expect(indicatorsFor(terrain, open).pvKwp).toBeCloseTo(round1(baseKwp + 100), 6);
  });

  it('other measures with a potential do not count as PV', () => {
    const other: MeasureResult = { ...base.measures.find((m) => m.measureId !== 'pv-roof' && m.measureId !== 'pv-carport')!, status: 'feasible', potential: { kwp: 999, kwhPerYear: 999_000 } };
    const ind = indicatorsFor(terrain, { ...base, measures: [...base.measures, other] });
    expect(ind.pvKwp).toBeCloseTo(baseKwp, 6);
  });
});

describe('a terrain with nothing known', () => {
  const terrain: Terrain = { id: 'empty', name: 'Leeg', assessmentDate: '2026-11-28', facts: {}, buildings: [] };
  const ind = indicatorsFor(terrain, assess(terrain));

  it('has no PV potential, no congestion colours and an empty municipality', () => {
    expect(ind.pvKwp).toBe(0);
    expect(ind.pvMwhPerYear).toBe(0);
    expect(ind.congestionOfftake).toBeNull();
    expect(ind.congestionFeedIn).toBeNull();
    expect(ind.municipality).toBe('');
    expect(ind.buildings).toBe(0);
  });
});
