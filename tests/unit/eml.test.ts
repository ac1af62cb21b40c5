/**
 * The EML checklist (issue 11 point 4): the data (every item has RVO's code, a title in both
 * languages, when it is due, sources that exist and a dated check; GH1 follows R-LAW-04), the
 * status logic on hand-made buildings (done wins, a false starting situation names its fact,
 * an unknown fact never decides, the duty and the list's start date gate the list), and
 * fast-check properties over the catalogue: the status is unknown exactly when facts are
 * missing, those facts are unknown here and read by the item, and knowing every fact an item
 * reads always decides it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, bundledToolbox, type EmlItemResult, type Terrain } from '../../src/engine/index';
import { OPTIONS, validTerrainArb, validValue } from './helpers/terrainArbitraries';

const tb = bundledToolbox;
const eml = tb.eml!;
const sources = new Set(tb.sources.map((s) => s.id));
const FACT_ORDER = new Map(tb.facts.map((f, i) => [f.id, i]));

function one(facts: Record<string, unknown>, date = '2026-12-02'): Map<string, EmlItemResult> & { duty: boolean | null } {
  const terrain = { id: 't', name: 'T', assessmentDate: date, facts: {}, buildings: [{ id: 'b', name: 'B', facts }] } as Terrain;
  const list = assess(terrain).eml[0];
  return Object.assign(new Map(list.items.map((i) => [i.code, i])), { duty: list.duty });
}
const IN_DUTY = { electricityKwh: 80000, gasM3: 30000 };

describe('EML data', () => {
  it('every item has a code as RVO numbers it, a title, a moment, sources and a dated check', () => {
    const codes = eml.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    const categories = new Set(eml.categories.map((c) => c.id));
    for (const i of eml.items) {
      expect(i.code, i.code).toMatch(/^G[A-H]\d{1,2}$/);
      expect(i.title.nl.length && i.title.en.length, i.code).toBeGreaterThan(0);
      expect(['independent', 'natural', 'both'], i.code).toContain(i.moment);
      expect(categories.has(i.category), `${i.code} category`).toBe(true);
      expect(i.sources.length, i.code).toBeGreaterThan(0);
      for (const s of i.sources) expect(sources.has(s), `${i.code} cites ${s}`).toBe(true);
      expect(i.checked, i.code).toBe('2026-12-02');
      // The list's own workbook or appendix is cited by every item.
      expect(i.sources.some((s) => s === eml.listSource || s === 'omgevingsregeling-bijlage-xiv'), i.code).toBe(true);
    }
    for (const s of eml.sources) expect(sources.has(s), s).toBe(true);
    expect(eml.sources, 'the list\'s own source is one of the checklist\'s sources').toContain(eml.listSource);
  });

  it('covers the building sections of the brief, and GH1 is the solar duty rule, not a second copy', () => {
    expect(new Set(eml.items.map((i) => i.category))).toEqual(new Set(['energy-management', 'envelope', 'space-heating', 'ventilation', 'hot-water', 'lighting', 'outdoor-lighting', 'solar']));
    const gh1 = eml.items.find((i) => i.code === 'GH1')!;
    expect(gh1.link).toEqual({ measure: 'pv-roof', rule: 'R-LAW-04' });
    expect(gh1.situation).toBeUndefined();
    expect(tb.measures.find((m) => m.id === 'pv-roof')?.obligation?.id).toBe('R-LAW-04');
  });
});

describe('EML status logic', () => {
  it('done wins over the starting situation; a false situation names the fact that decides it', () => {
    const r = one({ ...IN_DUTY, glazing: 'hr', indoorTemperature: 'unheated' });
    expect(r.get('GB5')).toMatchObject({ status: 'done', factId: 'glazing', observed: 'hr' });
    const single = one({ ...IN_DUTY, glazing: 'single', indoorTemperature: 'unheated' });
    expect(single.get('GB5')).toMatchObject({ status: 'not-applicable', factId: 'indoorTemperature', observed: 'unheated' });
    expect(single.get('GB5')!.factIds[0]).toBe('indoorTemperature');
    expect(one({ ...IN_DUTY, glazing: 'single', indoorTemperature: 'moderate' }).get('GB5')!.status).toBe('applies');
  });

  it('an unknown fact never decides: it is named as the fact to ask', () => {
    const r = one({ ...IN_DUTY, glazing: 'single' });
    expect(r.get('GB5')).toMatchObject({ status: 'unknown', missingFacts: ['indoorTemperature'] });
    // The same unknown fact with a known one that fails: not applicable, decided by the known one.
    expect(one({ ...IN_DUTY, glazing: 'double', indoorTemperature: 'moderate' }).get('GB6')).toMatchObject({ status: 'not-applicable', factId: 'indoorTemperature' });
  });

  it('the limits of the list are dated parameters: gas above the limit makes GB2 not applicable, the lamp hours decide GF2 and GF4', () => {
    const roof = { ...IN_DUTY, roofType: 'flat', roofInsulation: 'none', indoorTemperature: 'heated' };
    expect(one({ ...roof, gasM3: 170000 }).get('GB2')!.status).toBe('applies');
    expect(one({ ...roof, gasM3: 170001 }).get('GB2')).toMatchObject({ status: 'not-applicable', factId: 'gasM3' });
    expect(one({ ...IN_DUTY, lightingTl8: true, lightingHoursPerYear: 1600 }).get('GF2')).toMatchObject({ status: 'not-applicable', factId: 'lightingHoursPerYear' });
    expect(one({ ...IN_DUTY, lightingTl8: true, lightingHoursPerYear: 1601 }).get('GF2')!.status).toBe('applies');
    expect(one({ ...IN_DUTY, lightingHalogenCfl: true, lightingHoursPerYear: 601 }).get('GF4')!.status).toBe('applies');
  });

  it('outside the duty the list is empty; while the duty is unknown it is shown; before 1 July 2023 it is not in force', () => {
    const out = one({ electricityKwh: 49999, gasM3: 24999, glazing: 'single', indoorTemperature: 'heated' });
    expect(out.duty).toBe(false);
    expect(out.size).toBe(0);
    const open = one({ glazing: 'single', indoorTemperature: 'heated' });
    expect(open.duty).toBeNull();
    expect(open.get('GB5')!.status).toBe('applies');
    const early = one({ ...IN_DUTY, glazing: 'single', indoorTemperature: 'heated' }, '2023-06-30');
    expect(early.duty).toBe(true);
    expect(early.size).toBe(0);
    expect(one({ ...IN_DUTY, glazing: 'single', indoorTemperature: 'heated' }, '2023-07-01').get('GB5')!.status).toBe('applies');
  });
});

describe('EML second pass: the remaining Gebouwen items', () => {
  const lamps = (facts: Record<string, unknown>, hours: number) => one({ ...IN_DUTY, ...facts, lightingHoursPerYear: hours });
  it('all 47 Gebouwen measures of EML 2023 v1.3 are listed once, in RVO order', () => {
    const codes = eml.items.map((i) => i.code);
    const expected = ['GA1', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `GB${n}`), ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `GC${n}`), ...[1, 2, 3, 4, 5, 6, 7].map((n) => `GD${n}`), 'GE1', 'GE2', 'GE3', ...Array.from({ length: 15 }, (_, i) => `GF${i + 1}`), 'GG1', 'GG2', 'GG3', 'GG4', 'GH1'];
    expect(codes).toEqual(expected);
    expect(eml.items.filter((i) => i.code.startsWith('GG')).every((i) => i.category === 'outdoor-lighting')).toBe(true);
  });

  it('each lamp item has its own hour limit from the list: at the limit not applicable (the hours decide), one hour above it applies', () => {
    const cases: [string, Record<string, unknown>, number][] = [
      ['GF3', { lightingTl5: true }, 6100],
      ['GF5', { lightingGasDischarge: true }, 1000],
      ['GF6', { lightingTl8: true, tl8Fittings: 'beams' }, 3100],
      ['GF7', { spotLamps: 'cfl' }, 3300],
      ['GF8', { wallFittingLamps: 'cfl' }, 3600],
      ['GF9', { wallFittingLamps: 'halogen' }, 1100],
      ['GF10', { spotLamps: 'halogen' }, 2400],
      ['GF11', { railSpotLamps: 'halogen' }, 3200],
      ['GF12', { railSpotLamps: 'gas-discharge' }, 2000],
    ];
    for (const [code, facts, limit] of cases) {
      expect(lamps(facts, limit).get(code), code).toMatchObject({ status: 'not-applicable', factId: 'lightingHoursPerYear', observed: limit });
      expect(lamps(facts, limit + 1).get(code)!.status, code).toBe('applies');
    }
    // The fitting decides between GF6 and GF14; "both" makes both apply; other lamps make neither.
    expect(lamps({ lightingTl8: true, tl8Fittings: 'recessed' }, 5000).get('GF6')).toMatchObject({ status: 'not-applicable', factId: 'tl8Fittings' });
    expect(lamps({ lightingTl8: true, tl8Fittings: 'both' }, 5000).get('GF14')!.status).toBe('applies');
    expect(lamps({ spotLamps: 'halogen' }, 5000).get('GF7')).toMatchObject({ status: 'not-applicable', factId: 'spotLamps', observed: 'halogen' });
  });

  it('outdoor lighting, exit signs and the fans: the lamp or motor class decides; the fan hours are the list\'s, per moment', () => {
    expect(one({ ...IN_DUTY, outdoorLamps: 'gas-discharge' }).get('GG4')!.status).toBe('applies');
    expect(one({ ...IN_DUTY, outdoorLamps: 'gas-discharge' }).get('GG1')).toMatchObject({ status: 'not-applicable', factId: 'outdoorLamps' });
    expect(one({ ...IN_DUTY, exitSigns: 'fluorescent' }).get('GF15')!.status).toBe('applies');
    const fan = (facts: Record<string, unknown>) => one({ ...IN_DUTY, ...facts });
    expect(fan({ fanMotorClass: 'ie1', fanHoursPerYear: 3701 }).get('GD3')!.status).toBe('applies');
    expect(fan({ fanMotorClass: 'ie1', fanHoursPerYear: 3700 }).get('GD3')).toMatchObject({ status: 'not-applicable', factId: 'fanHoursPerYear' });
    expect(fan({ fanMotorClass: 'ie1', fanBeltDriven: true, fanHoursPerYear: 3000 }).get('GD4')!.status).toBe('applies');
    expect(fan({ fanMotorClass: 'ie2', fanBeltDriven: true, fanHoursPerYear: 3000 }).get('GD5')).toMatchObject({ status: 'not-applicable', factId: 'fanHoursPerYear' });
    expect(fan({ fanMotorClass: 'ie3', fanBeltDriven: false, fanHoursPerYear: 5000 }).get('GD6')).toMatchObject({ status: 'not-applicable', factId: 'fanBeltDriven' });
    expect(fan({ fanMotorClass: 'ie3', fanHoursPerYear: 1001 }).get('GD7')!.status).toBe('applies');
    expect(fan({ fanMotorClass: 'ie4' }).get('GD7')).toMatchObject({ status: 'done', factId: 'fanMotorClass' });
    expect(eml.items.find((i) => i.code === 'GD7')!.moment).toBe('natural');
  });

  it('envelope, heating and hot water: the starting situation and the gas limit where the list sets one', () => {
    const heated = { ...IN_DUTY, indoorTemperature: 'heated' };
    expect(one({ ...heated, cavityWall: 'uninsulated' }).get('GB1')!.status).toBe('applies');
    expect(one({ ...heated, cavityWall: 'uninsulated', gasM3: 170001 }).get('GB1')).toMatchObject({ status: 'not-applicable', factId: 'gasM3' });
    expect(one({ ...heated, truckDocks: 'without-cushions', heating: 'gas', dockHoursPerWeek: 10 }).get('GB7')!.status).toBe('applies');
    expect(one({ ...heated, truckDocks: 'without-cushions', heating: 'gas', dockHoursPerWeek: 9 }).get('GB7')).toMatchObject({ status: 'not-applicable', factId: 'dockHoursPerWeek' });
    expect(one({ ...heated, overheadDoors: 'automatic', overheadDoorWalkIn: false }).get('GB8')!.status).toBe('applies');
    expect(one({ ...heated, overheadDoorWalkIn: true }).get('GB8')).toMatchObject({ status: 'done', factId: 'overheadDoorWalkIn' });
    const hybrid = { ...heated, heating: 'gas', heatingSystemKw: 70, heatEmitters: 'radiators', buildingCode1992: true };
    expect(one(hybrid).get('GC2')!.status).toBe('applies');
    expect(one({ ...hybrid, heatingSystemKw: 69 }).get('GC2')).toMatchObject({ status: 'not-applicable', factId: 'heatingSystemKw' });
    expect(one({ ...hybrid, roomTemperatureControl: false }).get('GC6')!.status).toBe('applies');
    expect(one({ ...hybrid, heatEmitters: 'floor', roomTemperatureControl: false }).get('GC6')).toMatchObject({ status: 'not-applicable', factId: 'heatEmitters' });
    expect(one({ ...hybrid, heatingPumpsVariable: false }).get('GC7')!.status).toBe('applies');
    expect(one({ ...IN_DUTY, ventilation: 'balanced', ventilationDucts: 'uninsulated' }).get('GC5')!.status).toBe('applies');
    expect(one({ ...IN_DUTY, showerHeads: 'standard', showersPerWeek: 7 }).get('GE2')!.status).toBe('applies');
    expect(one({ ...IN_DUTY, showerHeads: 'standard', showersPerWeek: 6 }).get('GE2')).toMatchObject({ status: 'not-applicable', factId: 'showersPerWeek' });
    expect(one({ ...IN_DUTY, showerHeads: 'saving', hotWaterHeater: 'storage-conventional' }).get('GE3')!.status).toBe('applies');
  });
});

describe('EML properties (fast-check)', () => {
  it('unknown exactly when facts are missing; missing facts are unknown here, read by the item and in catalogue order; factIds are catalogue facts', () => {
    fc.assert(
      fc.property(validTerrainArb, (terrain) => {
        const a = assess(terrain, OPTIONS);
        expect(a.eml.length).toBe(a.measures.filter((m) => m.measureId === 'energy-saving').length);
        a.eml.forEach((list, i) => {
          const facts = { ...terrain.facts, ...terrain.buildings[i].facts } as Record<string, unknown>;
          for (const r of list.items) {
            expect(r.status === 'unknown', r.code).toBe(r.missingFacts.length > 0);
            for (const f of r.factIds) expect(FACT_ORDER.has(f), `${r.code} ${f}`).toBe(true);
            for (const f of r.missingFacts) {
              expect(facts[f] === undefined || facts[f] === null, `${r.code} misses ${f} but it is known`).toBe(true);
              expect(r.factIds, r.code).toContain(f);
            }
            expect(r.missingFacts).toEqual([...r.missingFacts].sort((x, y) => FACT_ORDER.get(x)! - FACT_ORDER.get(y)!));
            if (r.factId !== undefined) expect(r.factIds[0]).toBe(r.factId);
          }
          expect(Object.values(list.counts).reduce((n, c) => n + c, 0)).toBe(list.items.length);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('knowing every fact an item reads decides it (never unknown); GH1 follows the pv-roof duty', () => {
    // The facts the items read (through named conditions too): the engine's static lists.
    const facts = [...new Set([...one(IN_DUTY).values()].filter((r) => r.code !== 'GH1').flatMap((r) => r.factIds))].filter((f) => f !== 'electricityKwh');
    const catalogue = tb.facts.filter((f) => facts.includes(f.id));
    expect(catalogue.length).toBe(facts.length);
    fc.assert(
      fc.property(fc.tuple(...catalogue.map(validValue)), (values) => {
        const building = Object.fromEntries(catalogue.map((f, i) => [f.id, values[i]]));
        const a = assess({ id: 't', name: 'T', assessmentDate: '2026-12-02', facts: {}, buildings: [{ id: 'b', name: 'B', facts: { ...building, electricityKwh: 90000 } }] } as Terrain);
        const list = a.eml[0];
        for (const r of list.items) if (r.code !== 'GH1') expect(r.status, r.code).not.toBe('unknown');
        const pv = a.measures.find((m) => m.measureId === 'pv-roof')!;
        const gh1 = list.items.find((r) => r.code === 'GH1')!.status;
        expect(gh1).toBe(pv.obligation === true ? 'applies' : pv.obligation === false ? 'not-applicable' : 'unknown');
      }),
      { numRuns: 200 },
    );
  });
});
