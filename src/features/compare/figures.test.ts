/**
 * The council's figures of the compare view, written out from their definitions and checked
 * against indicatorsFor on the example terrains: CO₂ reduction (the PV yield at the
 * electricity factor; a gas-heated building's heat pump: gas avoided at the gas factor minus
 * the heat pump's electricity), read from parameters.json on the assessment date and with the
 * terrain's own COP; investment, saving and payback from the verdicts' business cases with the
 * ground-source alternative not added twice; a terrain is the sum of its buildings; the
 * per-euro and per-m² bases; no factor, no CO₂ figure; what the grid lacks, also where it blocks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { co2PerKEur, indicatorsFor, paybackOf } from './indicators';
import { assess } from '../../engine/index';
import type { Assessment, MeasureResult, Parameter, Terrain } from '../../engine/index';
import parametersJson from '../../../toolbox-data/parameters.json';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../toolbox-data/examples/', import.meta.url));
const examples: Terrain[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')) as Terrain);
const parameters = parametersJson.parameters as Parameter[];
/** A parameter's only value (these have one window). */
const value = (id: string): number => {
  const p = parameters.find((x) => x.id === id)!;
  expect(p.values).toHaveLength(1);
  return p.values[0].value as number;
};
const ELECTRICITY = value('co2ElectricityKgPerKwh');
const GAS = value('co2GasKgPerM3');
const counts = (m: MeasureResult) => m.status === 'feasible' || m.status === 'conditional' || m.status === 'needs-info';

/** CO₂ of one building, from the definition. */
function expectedCo2(terrain: Terrain, a: Assessment, buildingId: string, cop = value('heatPumpCop')): { kg: number; complete: boolean } {
  const results = a.measures.filter((m) => m.buildingId === buildingId && counts(m));
  let kg = 0;
  let complete = true;
  for (const m of results.filter((r) => r.measureId === 'pv-roof' || r.measureId === 'pv-carport')) {
    if (m.potential?.kwhPerYear == null) complete = false;
    else kg += m.potential.kwhPerYear * ELECTRICITY;
  }
  if (results.some((m) => m.measureId === 'heat-pump' || m.measureId === 'ground-source')) {
    const facts = terrain.buildings.find((b) => b.id === buildingId)!.facts;
    if (facts.heating === 'gas' && typeof facts.gasM3 === 'number') {
      const heatKwh = facts.gasM3 * value('gasKwhPerM3') * value('boilerEfficiency');
      kg += facts.gasM3 * GAS - (heatKwh / cop) * ELECTRICITY;
    } else if (facts.heating === undefined || facts.heating === 'gas') complete = false;
  }
  return { kg, complete };
}

describe.each(examples.map((t) => [t.name, t] as const))('%s', (_name, terrain) => {
  const a = assess(terrain);
  const ind = indicatorsFor(terrain, a);

  it('CO₂ per building is the PV yield and the heat pump at the emission factors', () => {
    expect(ind.perBuilding.map((b) => b.buildingId)).toEqual(terrain.buildings.map((b) => b.id));
    for (const b of ind.perBuilding) {
      const e = expectedCo2(terrain, a, b.buildingId);
      expect(b.co2KgPerYear!.value, b.name).toBeCloseTo(e.kg, 3);
      expect(b.co2KgPerYear!.complete, b.name).toBe(e.complete);
    }
    expect(ind.co2KgPerYear!.value).toBeGreaterThan(0);
    // Both factors are UNCONFIRMED: the figure is indicative.
    expect(ind.co2Indicative).toBe(true);
  });

  it('the terrain is the sum of its buildings', () => {
    const sum = (f: (b: (typeof ind.perBuilding)[number]) => number) => ind.perBuilding.reduce((s, b) => s + f(b), 0);
    expect(ind.co2KgPerYear!.value).toBeCloseTo(sum((b) => b.co2KgPerYear!.value), 6);
    expect(ind.investmentEur.value).toBe(sum((b) => b.investmentEur.value));
    expect(ind.savingsEurPerYear.value).toBe(sum((b) => b.savingsEurPerYear.value));
    expect(ind.pvKwp).toBeCloseTo(Math.round(sum((b) => b.pvKwp) * 10) / 10, 6);
    expect(ind.offtakeShortKw).toBe(sum((b) => b.offtakeShortKw));
    expect(ind.feedInShortKw).toBe(sum((b) => b.feedInShortKw));
    expect(ind.floorArea.m2).toBe(terrain.buildings.reduce((s, b) => s + ((b.facts.floorAreaM2 as number) ?? 0), 0));
  });

  it('investment and saving: the business cases of the measures that count, one heat pump per building', () => {
    let investment = 0;
    let complete = true;
    let paidInv = 0;
    let paidSav = 0;
    for (const b of terrain.buildings) {
      const mine = a.measures.filter((m) => m.buildingId === b.id && counts(m) && m.business);
      const air = mine.find((m) => m.measureId === 'heat-pump');
      for (const m of mine) {
        if (m.measureId === 'ground-source' && air) continue;
        if (m.business!.investmentEur === null) complete = false;
        else investment += m.business!.investmentEur;
        if (m.business!.investmentEur !== null && m.business!.savingsEurPerYear !== null) {
          paidInv += m.business!.investmentEur;
          paidSav += m.business!.savingsEurPerYear;
        }
      }
    }
    expect(ind.investmentEur).toEqual({ value: investment, complete });
    expect(ind.paybackYears).toBeCloseTo(paidInv / paidSav, 6);
    expect(paybackOf(ind)).toBe(ind.paybackYears);
    expect(ind.paybackYears!).toBeGreaterThan(1);
  });

  it('CO₂ per € 1,000 is over the measures with both a CO₂ figure and a known investment', () => {
    expect(ind.perEuro.investmentEur).toBeGreaterThan(0);
    expect(ind.perEuro.investmentEur).toBeLessThanOrEqual(ind.investmentEur.value);
    expect(co2PerKEur(ind)).toBeCloseTo((ind.perEuro.co2Kg * 1000) / ind.perEuro.investmentEur, 6);
  });
});

describe('on Roomburg, where Hal A can have an air or a ground-source heat pump', () => {
  const terrain = examples.find((t) => t.id === 'example-roomburg')!;
  const a = assess(terrain);
  const hal = indicatorsFor(terrain, a).perBuilding.find((b) => b.buildingId === 'b1')!;
  const of = (id: string) => a.measures.find((m) => m.buildingId === 'b1' && m.measureId === id)!;

  it('adds the air heat pump and not the ground-source one', () => {
    expect(counts(of('heat-pump')) && counts(of('ground-source'))).toBe(true);
    const others = a.measures.filter((m) => m.buildingId === 'b1' && counts(m) && m.business && m.measureId !== 'ground-source');
    expect(hal.investmentEur.value).toBe(others.reduce((s, m) => s + (m.business!.investmentEur ?? 0), 0));
    expect(hal.investmentEur.value).toBeLessThan(others.reduce((s, m) => s + (m.business!.investmentEur ?? 0), 0) + of('ground-source').business!.investmentEur!);
  });

  it('with the heat pump blocked, the ground-source one is the building\'s heat pump', () => {
    const changed = { ...a, measures: a.measures.map((m) => (m === of('heat-pump') ? { ...m, status: 'blocked' as const } : m)) };
    const b = indicatorsFor(terrain, changed).perBuilding.find((x) => x.buildingId === 'b1')!;
    expect(b.investmentEur.value - hal.investmentEur.value).toBe(of('ground-source').business!.investmentEur! - of('heat-pump').business!.investmentEur!);
    expect(b.co2KgPerYear!.value).toBeCloseTo(hal.co2KgPerYear!.value, 6);
  });

  it('an own COP changes the heat pump\'s CO₂ as the formula says', () => {
    const own = { ...terrain, parameterOverrides: { heatPumpCop: 5 } };
    const oa = assess(own);
    const b = indicatorsFor(own, oa).perBuilding.find((x) => x.buildingId === 'b1')!;
    expect(b.co2KgPerYear!.value).toBeCloseTo(expectedCo2(own, oa, 'b1', 5).kg, 3);
    expect(b.co2KgPerYear!.value).toBeGreaterThan(hal.co2KgPerYear!.value);
  });

  it('without the emission factors there is no CO₂ figure, and nothing else changes', () => {
    const without = new Map(parameters.filter((p) => !p.id.startsWith('co2')).map((p) => [p.id, p]));
    const ind = indicatorsFor(terrain, a, without);
    expect(ind.co2KgPerYear).toBeNull();
    expect(ind.perBuilding.every((x) => x.co2KgPerYear === null)).toBe(true);
    expect(ind.investmentEur).toEqual(indicatorsFor(terrain, a).investmentEur);
  });
});

describe('what the grid lacks, on changed verdicts', () => {
  const terrain = examples.find((t) => t.id === 'example-grote-polder')!;
  const a = assess(terrain);
  const base = indicatorsFor(terrain, a);
  const roof = a.measures.find((m) => m.measureId === 'pv-roof' && counts(m) && (m.quantities.find((q) => q.id === 'feedInExcessKw')?.value ?? 0) > 0)!;
  const excess = roof.quantities.find((q) => q.id === 'feedInExcessKw')!.value!;
  const gridFail = { ...roof.reasons[0], kind: 'grid' as const, outcome: 'fail' as const };
  const roofFail = { ...roof.reasons[0], kind: 'roof' as const, outcome: 'fail' as const };
  const replace = (m: MeasureResult) => indicatorsFor(terrain, { ...a, measures: a.measures.map((x) => (x === roof ? m : x)) });

  it('counts the feed-in above the contract of a roof that counts', () => {
    expect(excess).toBeGreaterThan(0);
    const sum = a.measures.filter((m) => m.measureId === 'pv-roof' && counts(m)).reduce((s, m) => s + Math.max(0, m.quantities.find((q) => q.id === 'feedInExcessKw')?.value ?? 0), 0);
    expect(base.feedInShortKw).toBe(sum);
  });

  it('still counts it when the grid blocks the roof, not when only the roof itself does', () => {
    expect(replace({ ...roof, status: 'blocked', reasons: [...roof.reasons, gridFail] }).feedInShortKw).toBe(base.feedInShortKw);
    expect(replace({ ...roof, status: 'blocked', reasons: roof.reasons.filter((r) => r.kind !== 'grid').concat(roofFail) }).feedInShortKw).toBe(base.feedInShortKw - excess);
  });

  it('takes per building the largest new demand over the headroom, of verdicts that count or that the grid blocks', () => {
    const b = base.perBuilding.find((x) => x.offtakeShortKw > 0)!;
    // Verdicts that count, or that the grid (also) blocks.
    const mine = a.measures.filter((m) => m.buildingId === b.buildingId && (counts(m) || (m.status === 'blocked' && m.reasons.some((r) => r.kind === 'grid' && r.outcome === 'fail'))));
    expect(mine.some((m) => m.status === 'blocked')).toBe(true);
    const excesses = mine.flatMap((m) => m.quantities.filter((q) => q.id === 'heatPumpExcessKw' || q.id === 'fleetChargingExcessKw').map((q) => q.value ?? 0));
    expect(b.offtakeShortKw).toBe(Math.max(0, ...excesses));
  });
});
