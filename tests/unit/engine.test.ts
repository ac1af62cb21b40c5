/**
 * The engine compiles a toolbox once and keeps a few things across assessments (parameters
 * per date, plan orderings per set of steps, results shared within one assessment). These
 * tests show that nothing leaks from one assessment into another: overrides, dates, lazy
 * reason sentences, custom toolboxes, and callers that try to change a result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, bundledToolbox, type Assessment, type Terrain, type Toolbox } from '../../src/engine/index';

const example = (name: string): Terrain => JSON.parse(readFileSync(new URL(`../../toolbox-data/examples/${name}.json`, import.meta.url), 'utf8'));

/** A deep copy of the bundled toolbox: a new object, so the engine compiles it afresh. */
const freshToolbox = (): Toolbox => structuredClone(bundledToolbox);

/** Everything a user sees, sentences included (they are formatted when read). */
const seen = (a: Assessment): unknown => JSON.parse(JSON.stringify(a));

const pvRoof = (a: Assessment, buildingId: string) => a.measures.find((m) => m.measureId === 'pv-roof' && m.buildingId === buildingId)!;

describe('engine: nothing carries over between assessments', () => {
  const terrain = example('roomburg');
  const buildingId = terrain.buildings[0].id;

  it('a parameter override changes that assessment only', () => {
    const before = seen(assess(terrain));
    // A quote, a tariff and a roof share: user input, so the potential no longer rests on unconfirmed values.
    const quoted = assess(terrain, { parameterOverrides: { pvCostEurPerWp: 0.31, pvCostEurPerWpSmall: 0.31, pvCostEurPerWpLarge: 0.31, electricityValueEurPerKwh: 0.21, pvUsableRoofShare: 0.6, pvWpPerM2UsableEastWest: 170 } });
    const after = seen(assess(terrain));
    const business = (a: Assessment) => pvRoof(a, buildingId).business!;
    const kwp = (a: Assessment) => pvRoof(a, buildingId).quantities.find((q) => q.id === 'pvKwp')!;
    const plain = assess(terrain);
    expect(business(quoted).investmentEur).not.toBe(business(plain).investmentEur);
    expect(kwp(plain).indicative).toBe(true);
    expect(kwp(quoted).indicative).toBe(false);
    expect(after).toStrictEqual(before);
    expect(after).toStrictEqual(seen(assess(terrain, { toolbox: freshToolbox() })));
  });

  it('assessments on different dates, interleaved, each give their own date’s result', () => {
    const dates = ['2024-12-31', '2025-01-01', '2026-03-31', '2026-04-01', '2027-01-01'];
    const on = (date: string, toolbox?: Toolbox) => seen(assess({ ...terrain, assessmentDate: date }, toolbox ? { toolbox } : {}));
    const first = new Map(dates.map((d) => [d, on(d)]));
    expect(new Set(dates.map((d) => JSON.stringify(first.get(d)))).size).toBe(dates.length);
    for (const d of [...dates].reverse()) expect(on(d)).toStrictEqual(first.get(d));
    const fresh = freshToolbox();
    for (const d of dates) expect(on(d, fresh)).toStrictEqual(first.get(d));
  });

  it('a reason read after later assessments still describes its own terrain', () => {
    // Every other fact left out, so that many reasons are "not yet known" sentences, which are worked out when read.
    const sparse = (t: Terrain, keep: 0 | 1): Terrain => {
      const copy = structuredClone(t);
      const thin = (facts: Record<string, unknown>) => Object.fromEntries(Object.entries(facts).filter((_, i) => i % 2 === keep));
      copy.facts = thin(copy.facts);
      for (const b of copy.buildings) b.facts = thin(b.facts);
      return copy;
    };
    const terrains = ['roomburg', 'grote-polder', 't-heen'].flatMap((name) => [sparse(example(name), 0), sparse(example(name), 1)]);
    const texts = (a: Assessment) => a.measures.flatMap((m) => m.reasons.map((r) => `${r.text} | ${r.textEn}`));
    const assessed = terrains.map((t) => assess(t));
    // Read each only after all of them (and others) were assessed.
    assess(example('grote-polder'));
    const readLate = assessed.map(texts);
    const readAlone = terrains.map((t) => texts(assess(t)));
    expect(readLate).toStrictEqual(readAlone);
    expect(readLate.flat().filter((x) => x.startsWith('Nog onbekend')).length).toBeGreaterThan(20);
  });

  it('a toolbox that shares measure objects with the bundled one gives the same verdicts for them', () => {
    const pvOnly: Toolbox = { ...bundledToolbox, measures: bundledToolbox.measures.filter((m) => m.id === 'pv-roof') };
    const only = assess(terrain, { toolbox: pvOnly });
    const all = assess(terrain);
    expect(only.measures.length).toBe(terrain.buildings.length);
    for (const m of only.measures) expect(JSON.parse(JSON.stringify(m))).toStrictEqual(JSON.parse(JSON.stringify(pvRoof(all, m.buildingId!))));
  });

  it('two terrains with the same steps get plans of their own', () => {
    const one = assess(terrain);
    const other = structuredClone(terrain);
    other.buildings = other.buildings.map((b, i) => ({ ...b, id: `x${i}` }));
    const two = assess(other);
    expect(two.plan.map((p) => p.stepId)).toStrictEqual(one.plan.map((p) => p.stepId));
    for (let i = 0; i < one.plan.length; i++) {
      expect(two.plan[i]).not.toBe(one.plan[i]);
      expect(two.plan[i].reasons).toStrictEqual(one.plan[i].reasons);
      if (one.plan[i].buildingIds.length) expect(two.plan[i].buildingIds).not.toStrictEqual(one.plan[i].buildingIds);
    }
  });

  it('lists a result shares with the toolbox or with other results cannot be changed', () => {
    const a = assess(terrain);
    const withSteps = a.measures.find((m) => m.reasons.some((r) => r.resolvedBy.length > 0))!;
    const reason = withSteps.reasons.find((r) => r.resolvedBy.length > 0)!;
    const subsidy = a.measures.flatMap((m) => m.subsidies)[0];
    const step = a.plan.find((p) => p.reasons.length > 0)!;
    for (const list of [reason.sourceIds, reason.resolvedBy, subsidy.sourceIds, step.reasons, step.reasons[0].sourceIds]) {
      expect(() => (list as unknown[]).push('x')).toThrow(TypeError);
    }
    expect(() => {
      (subsidy as { status: string }).status = 'eligible';
    }).toThrow(TypeError);
    // The toolbox itself is untouched, and a new assessment is as before.
    expect(seen(assess(terrain))).toStrictEqual(seen(assess(terrain, { toolbox: freshToolbox() })));
  });

  it('reads a building’s own facts only, not facts inherited through its prototype', () => {
    const inherited = Object.create({ roofAreaM2: 5000 }) as Record<string, unknown>;
    inherited.asbestos = false;
    const t: Terrain = { id: 't', name: 'T', assessmentDate: '2026-06-15', facts: {}, buildings: [{ id: 'b1', name: 'B', facts: inherited }] };
    const r = pvRoof(assess(t), 'b1');
    expect(r.missingFacts).toContain('roofAreaM2');
    expect(r.reasons.find((x) => x.ruleId === 'R-PV-01')).toBeUndefined();
  });
});

describe('engine: a terrain’s own parameter values (a quote, a tariff)', () => {
  const terrain = example('roomburg');
  const buildingId = terrain.buildings[0].id;
  const quantity = (a: Assessment, id: string) => pvRoof(a, buildingId).quantities.find((q) => q.id === id)!;
  const investment = (a: Assessment) => pvRoof(a, buildingId).business!.investmentEur!;
  const bands = (price: number) => ({ pvCostEurPerWpSmall: price, pvCostEurPerWp: price, pvCostEurPerWpLarge: price });
  const defaults = assess(terrain);

  it('an own value replaces the toolbox value, is listed with the value it replaces, and is no longer indicative', () => {
    const own = assess({ ...terrain, parameterOverrides: bands(0.5) });
    expect(investment(own)).toBeCloseTo(quantity(own, 'pvKwp').value! * 500, -2);
    expect(investment(own)).not.toBe(investment(defaults));
    expect(own.ownValues).toContainEqual({ parameterId: 'pvCostEurPerWp', value: 0.5, unit: '€/Wp', toolboxValue: 0.8, toolboxUnconfirmed: true });
    expect(defaults.ownValues).toEqual([]);
    expect(own.inputIssues).toEqual([]);
  });

  it('an invalid own value, or one for a value that may not be changed, is reported and not used', () => {
    const raw = { pvCostEurPerWp: -1, sdeMinKwp: 10, heatPumpCop: 'drie', notAParameter: 3, electricityValueEurPerKwh: null };
    const bad = assess({ ...terrain, parameterOverrides: raw });
    expect(bad.inputIssues.map((i) => [i.factId, i.parameter, i.message])).toEqual([
      ['pvCostEurPerWp', true, 'Mag niet kleiner zijn dan 0,2 €/Wp.'],
      ['sdeMinKwp', true, 'Deze waarde uit de toolbox kan niet worden aangepast.'],
      ['heatPumpCop', true, 'Vul een getal in.'],
    ]);
    expect(bad.ownValues).toEqual([]);
    expect(seen({ ...bad, inputIssues: [] })).toStrictEqual(seen(defaults));
  });

  it('what-if overrides of a caller come on top of the terrain’s own values', () => {
    const both = assess({ ...terrain, parameterOverrides: bands(0.5) }, { parameterOverrides: bands(2) });
    expect(investment(both)).toBeCloseTo(quantity(both, 'pvKwp').value! * 2000, -2);
  });
});

describe('engine: "indicatief" follows the values really used', () => {
  const terrain = example('roomburg');
  const b1 = terrain.buildings[0];
  // A quote's price, tariff, roof share, layout density and yields (PVGIS): all user input.
  const own = { pvCostEurPerWp: 0.9, electricityValueEurPerKwh: 0.2, pvUsableRoofShare: 0.65, pvWpPerM2UsableEastWest: 170, pvYieldEastWest: 850, pvYieldSouth: 940 };
  const onRoof = (roof: Record<string, unknown>, parameterOverrides?: Record<string, number>) => {
    const t = structuredClone(terrain);
    t.buildings[0].facts = { ...t.buildings[0].facts, existingPvKwp: 0, ...roof };
    return pvRoof(assess({ ...t, parameterOverrides }), b1.id);
  };
  const flag = (m: ReturnType<typeof onRoof>, id: string) => m.quantities.find((q) => q.id === id)!.indicative;

  it('a flat roof never reads the north-roof yield: with own roof share its potential and yield are not indicative', () => {
    const flat = onRoof({ roofType: 'flat' }, own);
    for (const id of ['pvKwp', 'pvKwhPerYear']) expect(flag(flat, id), id).toBe(false);
    // Without own values the same quantities rest on unconfirmed toolbox values.
    const plain = onRoof({ roofType: 'flat' });
    for (const id of ['pvKwp', 'pvKwhPerYear']) expect(flag(plain, id), id).toBe(true);
  });

  it('a pitched roof facing north does read it, so its yield stays indicative', () => {
    const north = onRoof({ roofType: 'pitched', roofOrientation: 'north' }, own);
    expect(flag(north, 'pvKwp')).toBe(false);
    expect(flag(north, 'pvKwhPerYear')).toBe(true);
    expect(north.indicative).toBe(true);
    const south = onRoof({ roofType: 'pitched', roofOrientation: 'south' }, own);
    expect(flag(south, 'pvKwhPerYear')).toBe(false);
  });
});
