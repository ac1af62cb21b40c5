/**
 * Engine properties for any input (SPEC §4–7, fast-check): assess never throws and always
 * returns its arrays, for valid and hostile terrains; it is deterministic and leaves its input
 * alone; an invalid fact value is reported and counts as unknown. The arbitraries are in
 * helpers/terrainArbitraries.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, type Terrain } from '../../src/engine/index';
import { anyTerrainArb, invalidCaseArb, OPTIONS, withFact } from './helpers/terrainArbitraries';

/**
 * A canonical deep copy that keeps what structuredClone and toStrictEqual disagree on:
 * NaN, -0, undefined-valued keys, key order and (optionally) null prototypes.
 */
function canon(v: unknown, keepProto: boolean): unknown {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : `<${Object.is(v, -0) ? '-0' : String(v)}>`;
  if (v === undefined) return '<undefined>';
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return { array: v.map((x) => canon(x, keepProto)) };
  const proto = Object.getPrototypeOf(v) === null ? 'null' : 'object';
  return { proto: keepProto ? proto : 'object', entries: Object.keys(v).map((k) => [k, canon((v as Record<string, unknown>)[k], keepProto)]) };
}

/** Deep equality through `canon` (fast); on a difference, toStrictEqual shows where. */
function expectSame(actual: unknown, expected: unknown, keepProto = true): void {
  if (JSON.stringify(canon(actual, keepProto)) !== JSON.stringify(canon(expected, keepProto))) {
    expect(canon(actual, keepProto)).toStrictEqual(canon(expected, keepProto));
  }
}

// Run counts keep the engine properties (this file and propertiesVerdicts.test.ts) near 10 s of CPU on a
// 2-core machine; the generous timeout only guards against a busy machine (the run counts,
// not the clock, bound the work).
describe('engine properties (fast-check)', { timeout: 60_000 }, () => {
  it('1. assess never throws and always returns the arrays, for valid and hostile input', () => {
    fc.assert(
      fc.property(anyTerrainArb, (t) => {
        const r = assess(t as Terrain, OPTIONS);
        for (const key of ['measures', 'plan', 'dos', 'donts', 'nextQuestions', 'inputIssues'] as const) {
          expect(Array.isArray(r[key]), key).toBe(true);
        }
        expect(typeof r.toolboxVersion).toBe('string');
        expect(typeof r.assessmentDate).toBe('string');
        expect(typeof r.terrainId).toBe('string');
        for (const issue of r.inputIssues) {
          expect(typeof issue.factId).toBe('string');
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 700 },
    );
  });

  it('4. assess is deterministic and does not mutate its input', () => {
    fc.assert(
      fc.property(anyTerrainArb, (t) => {
        const copy = structuredClone(canon(t, true));
        const first = assess(t as Terrain, OPTIONS);
        expectSame(canon(t, true), copy);
        const second = assess(t as Terrain, OPTIONS);
        const cloned = assess(structuredClone(t) as Terrain, OPTIONS);
        expectSame(second, first);
        // A structured clone loses null prototypes of the input (which inputIssues[].value may carry).
        expectSame(cloned, first, false);
        expectSame(canon(t, true), copy);
      }),
      { numRuns: 200 },
    );
  });

  it('5. an invalid value is reported and counts as unknown', () => {
    fc.assert(
      fc.property(invalidCaseArb, ({ t, pos, bad }) => {
        const withBad = assess(withFact(t, pos, bad));
        const withNull = assess(withFact(t, pos, null));
        const buildingId = pos.building < 0 ? undefined : t.buildings[pos.building].id;
        expect(withNull.inputIssues).toEqual([]);
        expect(withBad.inputIssues).toHaveLength(1);
        const [issue] = withBad.inputIssues;
        expect(issue.factId).toBe(pos.factId);
        expect(issue.buildingId).toBe(buildingId);
        expect(Object.is(issue.value, bad)).toBe(true);
        expect(issue.message.trim().length).toBeGreaterThan(0);
        expectSame(withBad.measures, withNull.measures);
        expectSame(withBad.plan, withNull.plan);
        expectSame(withBad.dos, withNull.dos);
        expectSame(withBad.donts, withNull.donts);
        expectSame(withBad.nextQuestions, withNull.nextQuestions);
      }),
      { numRuns: 250 },
    );
  });
});
