/**
 * A calc's declaration is its whole truth: every formula runs over many generated subjects
 * (fixed seed) with its inputs watched, and the test fails when a formula reads a fact,
 * parameter or calc it does not declare, or declares one it never reads. The type of the
 * formula's records already refuses an undeclared name; this catches what a cast or an
 * untyped edit would let through (vitest does not type-check). A last block shows that
 * the watch is not vacuous.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom as seeded } from '../../scripts/bench-util';
import { calcAt, calcs, newCalcCache, type CompiledCalc } from '../../src/engine/calcs';
import { SlotSet } from '../../src/engine/collect';
import type { Ctx, Run } from '../../src/engine/context';
import { programFor } from '../../src/engine/program';
import { factSlot } from '../../src/engine/slots';
import { assess } from '../../src/engine/index';
import { bundledToolbox } from '../../src/engine/toolbox';
import type { Fact, FactValue } from '../../src/engine/types';

const SEED = 20_261_202;
const SUBJECTS = 3000;
const DATES = ['2023-06-30', '2026-04-01', '2027-01-01', '2030-06-01'];
const program = programFor(bundledToolbox);

function randomValue(f: Fact, rnd: () => number): FactValue {
  if (rnd() < 0.3) return null;
  switch (f.type) {
    case 'boolean':
      return rnd() < 0.5;
    case 'enum': {
      const options = f.options ?? [];
      return options[Math.floor(rnd() * options.length)].value;
    }
    default: {
      const min = f.min ?? 0;
      const max = Math.min(f.max ?? 10_000, min + 10_000);
      // Zero is common in practice (no panels yet, no vans, a building without floor area).
      const n = rnd() < 0.1 ? min : min + rnd() * (max - min);
      return f.type === 'integer' ? Math.round(n) : n;
    }
  }
}

/** The facts of one building on its terrain, by slot, the way `assess` lays them out. */
function randomValues(rnd: () => number): FactValue[] {
  const values = program.blank.slice();
  for (const f of bundledToolbox.facts) values[factSlot(f.id)] = randomValue(f, rnd);
  return values;
}

function contextFor(date: string, buildings: FactValue[][]): Run {
  return {
    program,
    date,
    params: program.paramsOn(date, undefined),
    buildings,
    steps: new SlotSet(program.stepIds.length),
    calcUnconfirmed: false,
    missing: new SlotSet(program.blank.length),
  } as unknown as Run;
}

type Part = 'f' | 'p' | 'c';
const DECLARED: Record<Part, (c: CompiledCalc) => string[]> = { f: (c) => c.facts, p: (c) => c.params, c: (c) => c.uses };

/**
 * Runs every calc over the generated subjects with its formula's records watched; returns
 * the reads of undeclared inputs and the declared inputs never read.
 */
function readProblems(seed = SEED): string[] {
  const reads = new Map<CompiledCalc, Set<string>>();
  const undeclared = new Set<string>();
  const originals = calcs.map((c) => ({ f: c.f, p: c.p, c: c.c }));
  for (const calc of calcs) {
    const seen = new Set<string>();
    reads.set(calc, seen);
    for (const part of ['f', 'p', 'c'] as Part[]) {
      calc[part] = new Proxy(calc[part], {
        get(target, key, receiver) {
          if (typeof key === 'string') {
            if (key in target) seen.add(`${part}.${key}`);
            else undeclared.add(`calc ${calc.id} reads ${part === 'f' ? 'fact' : part === 'p' ? 'parameter' : 'calc'} "${key}" that it does not declare`);
          }
          return Reflect.get(target, key, receiver);
        },
      });
    }
  }
  try {
    const rnd = seeded(seed);
    for (let i = 0; i < SUBJECTS; i++) {
      const buildings = [randomValues(rnd), randomValues(rnd), randomValues(rnd)];
      const ctx: Ctx = { run: contextFor(DATES[i % DATES.length], buildings), values: buildings[0], memo: new Int8Array(1), base: 0, calcs: newCalcCache() };
      for (let slot = 0; slot < calcs.length; slot++) calcAt(ctx, slot);
    }
  } finally {
    calcs.forEach((c, i) => Object.assign(c, originals[i]));
  }
  const problems = [...undeclared].sort();
  for (const calc of calcs) {
    if (calc.kind !== 'formula') continue; // a count reads its one fact itself, over the buildings; a grid figure is made by the grid summary
    const seen = reads.get(calc)!;
    for (const part of ['f', 'p', 'c'] as Part[]) {
      for (const id of DECLARED[part](calc)) if (!seen.has(`${part}.${id}`)) problems.push(`calc ${calc.id} declares "${id}" but never reads it`);
    }
  }
  return problems;
}

describe('calcs: the declaration is what the formula reads', () => {
  it(`over ${SUBJECTS} generated subjects (seed ${SEED}), every formula reads exactly the facts, parameters and calcs it declares`, () => {
    expect(readProblems()).toEqual([]);
  });
});

describe('calcs: the read check is not vacuous', () => {
  const restore: (() => void)[] = [];
  afterEach(() => restore.splice(0).forEach((undo) => undo()));

  /** Takes a declared parameter away from a calc, as an edit of its declaration would (the formula still reads it). */
  function undeclare(calcId: string, paramId: string): void {
    const calc = calcs.find((c) => c.id === calcId)!;
    const { p, params } = calc;
    const reduced = {};
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(p))) if (key !== paramId) Object.defineProperty(reduced, key, descriptor);
    calc.p = reduced;
    calc.params = params.filter((id) => id !== paramId);
    restore.push(() => Object.assign(calc, { p, params }));
  }

  it('a formula reading a parameter it does not declare is reported (pvCostEurPerWp taken from pvCostEur)', () => {
    undeclare('pvCostEur', 'pvCostEurPerWp');
    expect(readProblems()).toContain('calc pvCostEur reads parameter "pvCostEurPerWp" that it does not declare');
  });

  it('a declared input the formula never reads is reported', () => {
    const calc = calcs.find((c) => c.id === 'officeShare')!;
    const { p, params } = calc;
    calc.p = Object.defineProperty({ ...p }, 'heatPumpCop', { get: () => 1, enumerable: true });
    calc.params = [...params, 'heatPumpCop'];
    restore.push(() => Object.assign(calc, { p, params }));
    expect(readProblems()).toEqual(['calc officeShare declares "heatPumpCop" but never reads it']);
  });
});

describe('calcs: a lower bound', () => {
  const terrain = (facts: Record<string, FactValue>) =>
    ({ id: 't', name: 'T', assessmentDate: '2026-06-01', facts: { congestionOfftake: 'red' }, buildings: [{ id: 'b', name: 'B', facts: { connection: 'large', contractedOfftakeKw: 200, peakOfftakeKw: 150, fleetElectrification: true, ...facts } }] }) as const;
  const fleet = (facts: Record<string, FactValue>) => assess(terrain(facts) as never).measures.find((m) => m.measureId === 'fleet-charging')!;

  it('decides what it proves, reads "ten minste" in the sentence and "min." as observed, and is no quantity', () => {
    const m = fleet({ vans: 8 });
    expect(m.status).toBe('blocked');
    const r = m.reasons.find((x) => x.ruleId === 'R-FL-02')!;
    expect([r.outcome, r.observed, r.observedAtLeast]).toEqual(['fail', 38, true]);
    expect(r.text).toContain('ten minste 38 kW');
    expect(r.textEn).toContain('at least 38 kW');
    const demand = m.quantities.find((q) => q.id === 'fleetChargingDemandKw')!;
    expect([demand.value, demand.missingFacts]).toEqual([null, ['trucks']]);
    // Known trucks: exact again; a bound that proves nothing leaves the verdict open.
    const exact = fleet({ vans: 8, trucks: 0 }).reasons.find((x) => x.ruleId === 'R-FL-02')!;
    expect([exact.observed, exact.observedAtLeast, exact.text.includes('ten minste')]).toEqual([38, undefined, false]);
    expect(fleet({ vans: 2 }).status).toBe('needs-info');
    expect(fleet({}).status).toBe('needs-info');
  });
});
