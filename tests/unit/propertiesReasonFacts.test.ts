/**
 * reasons[].factIds (SPEC §7, 2026-12), fast-check: every fact a reason names is a fact of the
 * catalogue, each once, the deciding fact first and the rest in catalogue order; every fact a
 * verdict misses is named by one of its reasons; and the list is complete: changing a fact a
 * reason does not name never changes that reason. The five rules of issue 11 that rest on
 * calcs are checked in their scenarios (tests/scenarios/*.json, `factIds`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, bundledToolbox, ruleFactIds, type Assessment, type MeasureResult, type Reason, type Terrain } from '../../src/engine/index';
import { anyTerrainArb, OPTIONS, validTerrainArb, validValue, withFact } from './helpers/terrainArbitraries';

const FACTS = bundledToolbox.facts;
const ORDER = new Map(FACTS.map((f, i) => [f.id, i]));
const key = (m: MeasureResult): string => `${m.measureId} @ ${m.buildingId ?? 'terrain'}`;

function expectWellFormed(a: Assessment): void {
  for (const m of a.measures) {
    for (const r of m.reasons) {
      const where = `${key(m)} ${r.ruleId}`;
      for (const f of r.factIds) if (!ORDER.has(f)) expect.fail(`${where}: "${f}" is not a fact of the catalogue`);
      expect(new Set(r.factIds).size, where).toBe(r.factIds.length);
      if (r.factId !== undefined) expect(r.factIds[0], where).toBe(r.factId);
      const rest = r.factId !== undefined ? r.factIds.slice(1) : r.factIds;
      expect(rest, where).toEqual([...rest].sort((x, y) => ORDER.get(x)! - ORDER.get(y)!));
      expect(Object.isFrozen(r.factIds), where).toBe(true);
    }
    const named = new Set(m.reasons.flatMap((r) => r.factIds));
    for (const f of m.missingFacts) if (!named.has(f)) expect.fail(`${key(m)}: missing fact ${f} is named by none of its reasons`);
  }
}

/** The parts of a reason that follow from its facts (and the date and parameters). */
const gist = (r: Reason) => ({ outcome: r.outcome, factId: r.factId, calcId: r.calcId, observed: r.observed, expected: r.expected, factIds: r.factIds, indicative: r.indicative, text: r.text });

/** Every reason in `from` that does not name `factId` is the same in `to`, unless `to` never got to its rule. */
function expectUntouched(from: Assessment, to: Assessment, factId: string, what: string): void {
  const verdicts = new Map(to.measures.map((m) => [key(m), m]));
  for (const m of from.measures) {
    const other = verdicts.get(key(m))!;
    for (const r of m.reasons) {
      if (r.factIds.includes(factId)) continue;
      const same = other.reasons.find((x) => x.ruleId === r.ruleId);
      if (same) {
        expect(gist(same), `${key(m)} ${r.ruleId} after ${what}`).toEqual(gist(r));
        continue;
      }
      // Absent only where the rule was not evaluated: the measure does not apply, or (a condition) it is not yet known whether it applies.
      const notReached = other.status === 'not-applicable' || (r.kind !== 'applicability' && r.kind !== 'obligation' && other.reasons.some((x) => x.kind === 'applicability'));
      if (!notReached) expect.fail(`${key(m)} ${r.ruleId} (${r.outcome}, facts ${r.factIds.join(', ')}) disappeared after ${what}`);
    }
  }
}

describe('reasons name their facts (fast-check)', { timeout: 60_000 }, () => {
  it('factIds are catalogue facts, each once, deciding fact first, then catalogue order; every missing fact is named', () => {
    fc.assert(
      fc.property(validTerrainArb, (t) => expectWellFormed(assess(t))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(anyTerrainArb, (t) => expectWellFormed(assess(t as Terrain, OPTIONS))),
      { numRuns: 100 },
    );
  });

  it('changing a fact a reason does not name leaves that reason as it was', () => {
    const changeArb = fc.constantFrom(...FACTS).chain((fact) => fc.option(validValue(fact), { nil: null }).map((value) => ({ fact, value })));
    fc.assert(
      fc.property(validTerrainArb, changeArb, fc.nat(), (t, { fact, value }, n) => {
        if (fact.scope === 'building' && t.buildings.length === 0) return;
        const pos = { building: fact.scope === 'terrain' ? -1 : n % t.buildings.length, factId: fact.id };
        const before = assess(t);
        const after = assess(withFact(t, pos, value));
        const what = `${fact.id} := ${JSON.stringify(value)} (building ${pos.building})`;
        expectUntouched(before, after, fact.id, what);
        expectUntouched(after, before, fact.id, `undoing ${what}`);
      }),
      { numRuns: 400 },
    );
  });

  it('the handbook gets the same list as the engine: a reason without a deciding fact carries ruleFactIds exactly', () => {
    const t: Terrain = {
      id: 't',
      name: 'Invoeding oranje',
      assessmentDate: '2026-12-01',
      facts: { congestionFeedIn: 'orange' },
      buildings: [{ id: 'b1', name: 'Hal', facts: { connection: 'large', contractedFeedInKw: 10, roofAreaM2: 2000, roofType: 'flat', existingPvKwp: 0 } }],
    };
    const reason = assess(t).measures.find((m) => m.measureId === 'pv-roof')!.reasons.find((r) => r.ruleId === 'R-PV-10')!;
    expect(reason.outcome).toBe('fail');
    expect(reason.factId).toBeUndefined();
    expect(reason.factIds).toBe(ruleFactIds('R-PV-10'));
    expect(reason.factIds).toEqual(['congestionFeedIn', 'connection', 'contractedFeedInKw', 'roofAreaM2', 'roofType', 'existingPvKwp']);
    expect(ruleFactIds('no-such-rule')).toEqual([]);
  });
});
