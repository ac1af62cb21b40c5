import { describe, expect, it } from 'vitest';
import { assess, type Terrain } from '../../src/engine/index';
import { relevantFacts, walkQuestions } from '../../src/engine/questions';
import { burden, exampleTerrains } from '../../scripts/bench-input';

const empty = (facts: Record<string, unknown> = {}): Terrain => ({ id: 't', name: 'T', facts: {}, buildings: [{ id: 'b', name: 'B', facts: facts as Terrain['buildings'][0]['facts'] }] }) as Terrain;

describe('walkQuestions', () => {
  it('lists every open fact of the building and the terrain, each once, and none that is known', () => {
    const t = empty({ roofAreaM2: 800, heating: 'gas' });
    const plan = walkQuestions(t, 'b')!;
    const ids = plan.questions.map((q) => q.factId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('roofAreaM2');
    expect(ids).not.toContain('heating');
    const a = assess(t);
    const missing = new Set(a.measures.filter((m) => m.status === 'needs-info').flatMap((m) => m.missingFacts));
    // The EML checklist's questions come after every question that decides a measure, flagged.
    const firstEml = plan.questions.findIndex((q) => q.eml);
    expect(firstEml).toBeGreaterThan(0);
    expect(plan.questions.slice(0, firstEml).every((q) => missing.has(q.factId))).toBe(true);
    expect(plan.questions.slice(firstEml).every((q) => q.eml && !missing.has(q.factId))).toBe(true);
    const emlMissing = new Set(a.eml[0].items.flatMap((i) => i.missingFacts));
    expect(new Set(ids)).toEqual(new Set([...missing, ...emlMissing]));
    expect(plan.answered).toEqual(expect.arrayContaining(['roofAreaM2', 'heating']));
  });

  it('puts skipped questions last and returns null for an unknown building', () => {
    const t = empty();
    const first = walkQuestions(t, 'b')!.questions[0].factId;
    const again = walkQuestions(t, 'b', new Set([first]))!.questions;
    expect(again.at(-1)!.factId).toBe(first);
    expect(walkQuestions(t, 'nope')).toBeNull();
  });

  it('decides PV on the example buildings with fewer answers than the engine order, and all measures too', () => {
    for (const ex of exampleTerrains())
      for (const b of ex.buildings) {
        const before = burden(ex, b.id, 'engine');
        const after = burden(ex, b.id, 'walk');
        if (before.pv !== null) expect(after.pv!).toBeLessThan(before.pv);
        expect(after.all).toBeLessThanOrEqual(before.all);
      }
  }, 60_000);
});

describe('relevantFacts', () => {
  it('leaves out the facts only a measure that does not apply reads', () => {
    const all = relevantFacts(empty(), 'b');
    expect(all.has('fleetElectrification')).toBe(true);
    // No vans and no trucks: fleet charging does not apply, so its questions cannot matter.
    const noFleet = relevantFacts(empty({ vans: 0, trucks: 0 }), 'b');
    expect(noFleet.has('fleetElectrification')).toBe(false);
    expect(noFleet.has('zeZoneDeliveries')).toBe(false);
    expect(noFleet.has('roofAreaM2')).toBe(true);
    expect(relevantFacts(empty(), 'nope').size).toBe(0);
  });
});
