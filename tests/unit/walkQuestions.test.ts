import { describe, expect, it } from 'vitest';
import { assess, type Terrain } from '../../src/engine/index';
import { relevantFacts, walkQuestions } from '../../src/engine/questions';
import { burden, exampleTerrains } from '../../scripts/bench-input';

const empty = (facts: Record<string, unknown> = {}): Terrain => ({ id: 't', name: 'T', facts: {}, buildings: [{ id: 'b', name: 'B', facts: facts as Terrain['buildings'][0]['facts'] }] }) as Terrain;

describe('walkQuestions', () => {
  it('lists open facts of the building and the terrain, each once, none that is known, and one for every open verdict', () => {
    const t = empty({ roofAreaM2: 800, heating: 'gas' });
    const plan = walkQuestions(t, 'b')!;
    const ids = plan.questions.map((q) => q.factId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('roofAreaM2');
    expect(ids).not.toContain('heating');
    const a = assess(t);
    const open = a.measures.filter((m) => m.status === 'needs-info');
    for (const m of open) expect(ids.some((f) => m.missingFacts.includes(f))).toBe(true);
    // The EML checklist's questions come after every question that decides a measure, flagged.
    const firstEml = plan.questions.findIndex((q) => q.eml);
    expect(firstEml).toBeGreaterThan(0);
    expect(plan.questions.slice(0, firstEml).every((q) => !q.eml && open.some((m) => m.missingFacts.includes(q.factId)))).toBe(true);
    const emlMissing = new Set(a.eml[0].items.flatMap((i) => i.missingFacts));
    expect(plan.questions.slice(firstEml).every((q) => q.eml && emlMissing.has(q.factId))).toBe(true);
    for (const f of emlMissing) expect(ids).toContain(f);
    expect(plan.answered).toEqual(expect.arrayContaining(['roofAreaM2', 'heating']));
  });

  it('does not ask what no answer can change: a tenant\'s asbestos, or an exemption before the office is large enough', () => {
    // A tenant's roof is conditional (owner's consent) whatever the asbestos or monument answer; whether panels fit (roof type) is still open.
    const t = { ...empty({ tenure: 'tenant', roofAreaM2: 200, existingPvKwp: 0, connection: 'small' }), assessmentDate: '2026-06-01' };
    const pv = assess(t).measures.find((m) => m.measureId === 'pv-roof')!;
    expect(pv.status).toBe('needs-info');
    expect(pv.missingFacts).toEqual(expect.arrayContaining(['asbestos', 'monument', 'roofType']));
    const ids = walkQuestions(t, 'b')!.questions.map((q) => q.factId);
    expect(ids).toContain('roofType');
    expect(ids).not.toContain('asbestos');
    expect(ids).not.toContain('monument');
    // Label C: its tests in the order the toolbox writes them (office share and area, monument, exemption).
    const office = (facts: Record<string, unknown>) => walkQuestions({ ...t, buildings: [{ ...t.buildings[0], facts: { ...t.buildings[0].facts, ...facts } }] } as Terrain, 'b')!.questions.map((q) => q.factId);
    expect(ids).toEqual(expect.arrayContaining(['officeAreaM2', 'floorAreaM2']));
    expect(ids).not.toContain('labelCExemption');
    expect(office({ officeAreaM2: 900, floorAreaM2: 1000 })).not.toContain('labelCExemption');
    expect(office({ officeAreaM2: 900, floorAreaM2: 1000, monument: 'none' })).toContain('labelCExemption');
  });

  // A heat pump needs a large connection's contract and peak only to compare its planned power with: that power comes first.
  const heatPump = (skipped: string[] = []) => {
    const t = { ...empty({ heating: 'gas', connection: 'large', vans: 0, trucks: 0, parkingSpaces: 0 }), facts: { groundwaterProtection: false } } as Terrain;
    return walkQuestions(t, 'b', new Set(skipped))!.questions.filter((q) => !q.eml && !skipped.includes(q.factId)).map((q) => q.factId);
  };

  it('asks the fact every way to a verdict needs before the ones it is compared with', () => {
    const ids = heatPump();
    expect(ids[0]).toBe('plannedHeatPumpKwTh');
    expect(ids).toEqual(expect.arrayContaining(['contractedOfftakeKw', 'peakOfftakeKw', 'congestionOfftake']));
  });

  it('after "onbekend" for the planned heat pump asks no grid figure for it', () => {
    // Red offtake: the heat pump must fit the contract; any other colour: it must fit the grid. Either way its power is needed.
    const ids = heatPump(['plannedHeatPumpKwTh']);
    expect(ids).not.toContain('contractedOfftakeKw');
    expect(ids).not.toContain('peakOfftakeKw');
    expect(ids).not.toContain('congestionOfftake');
    expect(ids).toContain('roofAreaM2');
  });

  it('asks nothing more for fleet charging once it cannot be decided: vans, trucks and electrification plans unknown', () => {
    const skipped = new Set(['vans', 'trucks', 'fleetElectrification']);
    const ids = walkQuestions(empty(), 'b', skipped)!.questions.filter((q) => !q.eml && !skipped.has(q.factId)).map((q) => q.factId);
    expect(ids).not.toContain('zeZoneDeliveries');
    // With the vans known, a zero-emission zone can still decide whether it applies.
    const withVans = walkQuestions(empty({ vans: 3 }), 'b', new Set(['fleetElectrification']))!.questions.map((q) => q.factId);
    expect(withVans).toContain('zeZoneDeliveries');
  });

  it('tries each fact around the limits its rules compare it with: heating and air conditioning alike for the inspection duty', () => {
    const plan = walkQuestions(empty({ heating: 'gas' }), 'b')!.questions;
    const decides = (f: string) => plan.find((q) => q.factId === f)!.decides;
    expect(decides('airconSystemKw')).toBe(decides('heatingSystemKw'));
  });

  it('after the gates, asks first what settles most verdicts by itself: the connection (battery, energy hub) before the monument', () => {
    const plan = walkQuestions(empty({ roofAreaM2: 16000 }), 'b')!;
    const open = plan.questions.filter((q) => !q.eml);
    const ids = open.map((q) => q.factId);
    expect(ids.indexOf('connection')).toBeLessThan(ids.indexOf('monument'));
    const connection = open.find((q) => q.factId === 'connection')!;
    expect(connection.decides).toBeGreaterThan(open.find((q) => q.factId === 'monument')!.decides);
    // Among the first questions, none that decides less comes before one that decides more, once past the first (the focus's gate or its best).
    const decides = open.slice(1, 4).map((q) => q.decides);
    expect(decides).toEqual([...decides].sort((a, b) => b - a));
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
