/**
 * Calculated quantities the rules compare and the views show (PV potential, capacity
 * headroom, charging demand, payback, ...), compiled from their one declaration
 * (calcs/define.ts; the formulas by topic in calcs/*.ts). From the declared inputs this
 * module derives the slots, the missing facts, unknown and bound results, "indicatief"
 * and the parameter lists. A calc is null when an input it needs is unknown
 * (three-valued, like the rules). Labels and units are toolbox data (calcs.json).
 */
import { buildingCalcs } from './calcs/buildings';
import { businessCalcs } from './calcs/business';
import type { CalcSpec, FactKind, FactNeed, FormulaSpec, GridFigureSpec, Unknown } from './calcs/define';
import { gridCalcs } from './calcs/grid';
import { pvCalcs } from './calcs/pv';
import type { CalcResult, Ctx } from './context';
import { factSlot, paramSlot } from './slots';
import type { FactValue } from './types';

/** A calc ready to run: its declaration by name, and the records its formula reads. */
export interface CompiledCalc {
  id: string;
  kind: CalcSpec['kind'];
  /** Declared inputs: facts, parameters, the calcs it builds on. */
  facts: string[];
  params: string[];
  uses: string[];
  /** The declared facts it cannot do without: while one is unknown, so is the calc. */
  required: string[];
  /** A grid figure: the measures whose verdicts it sums (their rules' facts are its facts too). */
  measures?: string[];
  /** What the formula gets, one property per declared input, each read from the subject on use (so only a parameter really read can make the result "indicatief"). */
  f: object;
  p: object;
  c: object;
  run(ctx: Ctx): CalcResult;
}

/** A fact a calc reads: its slot, its kind, and the list "this one is missing" (made once). */
interface FactInput {
  id: string;
  slot: number;
  kind: FactKind;
  /** Must be known (`number`, `option`); else the formula decides (`number?`, `option?`). */
  required: boolean;
  alone: string[];
}

/** Calc results are internal: their lists are shared, never handed out (quantities copy them). */
const NONE: string[] = [];
/** "Unknown", with no optional fact to blame (the formula's own reason, e.g. a small connection has no kW tariff). */
const NOTHING_MISSING: Unknown = { missing: NONE };
const NO_CALC: CalcResult = { value: null, exact: true, missing: NONE, indicative: false };
const unknown = (missing: string[]): CalcResult => ({ value: null, exact: true, missing, indicative: false });
const both = (a: string[], b: string[]): string[] => (a.length === 0 ? b : b.length === 0 ? a : union(a, b));

/** The ids of the lists in order, each once, as a new list (they are a few ids long: no Set, no spreads). */
export function union(a: readonly string[], b: readonly string[], c: readonly string[] = NONE): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) if (!out.includes(a[i])) out.push(a[i]);
  for (let i = 0; i < b.length; i++) if (!out.includes(b[i])) out.push(b[i]);
  for (let i = 0; i < c.length; i++) if (!out.includes(c[i])) out.push(c[i]);
  return out;
}

/** A fact's value as a formula sees it: a number, an option or yes/no, null when unknown. */
const valueAs = (v: FactValue | undefined, kind: FactKind): number | string | boolean | null =>
  kind === 'number' ? (typeof v === 'number' ? v : null) : kind === 'boolean' ? (typeof v === 'boolean' ? v : null) : typeof v === 'string' && v !== '' ? v : null;

/** The subject whose calc is being computed: what the parameter getters and `unknownBecause` read. */
let current: Ctx;

/** A numeric parameter; NaN when absent, so that a broken toolbox shows up instead of passing silently. */
function num(slot: number): number {
  const run = current.run;
  if (run.params.unconfirmed[slot] === 1) run.calcUnconfirmed = true;
  const v = run.params.values[slot];
  return typeof v === 'number' ? v : Number.NaN;
}

/** A record with one getter per id (fixed shape): the formula reads an input only when it needs it. */
function record(ids: readonly string[], getter: (id: string) => () => unknown): object {
  const out = {};
  for (const id of ids) Object.defineProperty(out, id, { get: getter(id), enumerable: true });
  return out;
}

const specs: CalcSpec[] = [...pvCalcs, ...gridCalcs, ...businessCalcs, ...buildingCalcs];
const slotOfCalc = new Map<string, number>();
specs.forEach((s, i) => {
  if (slotOfCalc.has(s.id)) throw new Error(`calc ${s.id} is declared twice`);
  slotOfCalc.set(s.id, i);
});

function compileFormula(spec: FormulaSpec<Record<string, FactNeed>, string, string>, slot: number): CompiledCalc {
  const needs = spec.facts ?? {};
  const inputs = new Map<string, FactInput>(
    Object.entries(needs).map(([id, need]) => [id, { id, slot: factSlot(id), kind: need.replace('?', '') as FactKind, required: !need.endsWith('?'), alone: [id] }]),
  );
  const bounds = (spec.upperBoundWhenUnknown ?? []).map((id) => inputs.get(id)!);
  const lowerBounds = (spec.lowerBoundWhenUnknown ?? []).map((id) => inputs.get(id)!);
  const params = [...(spec.params ?? [])];
  const uses = [...(spec.uses ?? [])];
  const useSlots = uses.map((id) => {
    const at = slotOfCalc.get(id);
    if (at === undefined || at >= slot) throw new Error(`calc ${spec.id} uses ${id}, which is not declared before it`);
    return at;
  });
  const unknownBecause = (...ids: string[]): Unknown => {
    let missing = NONE;
    for (const id of ids) {
      const input = inputs.get(id)!;
      if (valueAs(current.values[input.slot], input.kind) === null) (missing === NONE ? (missing = []) : missing).push(id);
    }
    return missing === NONE ? NOTHING_MISSING : { missing };
  };
  const required = [...inputs.values()].filter((input) => input.required);
  const calc: CompiledCalc = {
    id: spec.id,
    kind: 'formula',
    facts: [...inputs.keys()],
    params,
    uses,
    required: required.map((input) => input.id),
    f: record([...inputs.keys()], (id) => {
      const input = inputs.get(id)!;
      return () => valueAs(current.values[input.slot], input.kind);
    }),
    p: record(params, (id) => {
      const at = paramSlot(id);
      return () => num(at);
    }),
    c: record(uses, (id) => {
      const at = slotOfCalc.get(id)!;
      return () => current.calcs[at]!.value;
    }),
    run(ctx) {
      let missing = NONE;
      let unknownInput = false;
      let upper = false;
      let lower = false;
      for (let i = 0; i < useSlots.length; i++) {
        const r = calcAt(ctx, useSlots[i]);
        missing = both(missing, r.missing);
        if (r.value === null) unknownInput = true;
        else if (!r.exact && r.upper) upper = true;
        else if (!r.exact) lower = true;
      }
      // The required facts that are unknown, in declared order.
      const values = ctx.values;
      for (let i = 0; i < required.length; i++) {
        const input = required[i];
        if (valueAs(values[input.slot], input.kind) === null) {
          missing = both(missing, input.alone);
          unknownInput = true;
        }
      }
      if (unknownInput) return unknown(missing);
      for (let i = 0; i < bounds.length; i++) {
        if (valueAs(values[bounds[i].slot], bounds[i].kind) === null) {
          missing = both(missing, bounds[i].alone);
          upper = true;
        }
      }
      for (let i = 0; i < lowerBounds.length; i++) {
        if (valueAs(values[lowerBounds[i].slot], lowerBounds[i].kind) === null) {
          missing = both(missing, lowerBounds[i].alone);
          lower = true;
        }
      }
      // A bound from below and one from above together bound nothing.
      if (upper && lower) return unknown(missing);
      // The formula's records read this subject on use (formulas are synchronous and the calcs
      // they use are computed above, so `current` stays this subject while it runs).
      current = ctx;
      const value = spec.compute(calc.f as never, calc.p as never, calc.c as never, unknownBecause as never);
      if (typeof value !== 'number') return unknown(both(missing, value.missing));
      return upper ? { value, exact: false, upper: true, missing, indicative: false } : { value, exact: !lower, missing, indicative: false };
    },
  };
  return calc;
}

/** A count of the buildings whose fact matches; a lower bound while some building's fact is unknown. */
function compileCount(id: string, fact: string, counts: (v: Exclude<FactValue, null>) => boolean): CompiledCalc {
  const slot = factSlot(fact);
  const alone = [fact];
  return {
    id,
    kind: 'count',
    facts: alone,
    params: [],
    uses: [],
    required: [],
    f: {},
    p: {},
    c: {},
    run(ctx) {
      let count = 0;
      let unknownCount = 0;
      for (const b of ctx.run.buildings) {
        const v = b[slot];
        if (v === undefined || v === null) unknownCount++;
        else if (counts(v)) count++;
      }
      return { value: count, exact: unknownCount === 0, missing: unknownCount ? alone : NONE, indicative: false };
    },
  };
}

/** A figure of the terrain's grid: made by grid.ts once the buildings' verdicts are in (run.gridFigures); unknown before. */
function compileGridFigure(spec: GridFigureSpec): CompiledCalc {
  return {
    id: spec.id,
    kind: 'grid',
    facts: [...spec.facts],
    params: [...spec.params],
    uses: [],
    required: [],
    measures: [...spec.measures],
    f: {},
    p: {},
    c: {},
    run(ctx) {
      const r = ctx.run.gridFigures?.[spec.id];
      if (!r) return unknown(NONE);
      if (r.indicative) ctx.run.calcUnconfirmed = true;
      return r.upper ? { value: r.value, exact: r.exact, upper: true, missing: r.missing, indicative: false } : { value: r.value, exact: r.exact, missing: r.missing, indicative: false };
    },
  };
}

/** Every calc, in slot order. */
export const calcs: CompiledCalc[] = specs.map((s, i) =>
  s.kind === 'formula' ? compileFormula(s, i) : s.kind === 'count' ? compileCount(s.id, s.fact, s.counts) : compileGridFigure(s),
);

/** The slot of a calc id (its place in `calcs`); -1 for an id the engine does not know. */
export function calcIndex(id: string): number {
  return slotOfCalc.get(id) ?? -1;
}

/** Room for every calc of one subject. */
export function newCalcCache(): (CalcResult | undefined)[] {
  return new Array<CalcResult | undefined>(calcs.length);
}

/**
 * Computes (and caches per subject) the calc in a slot. Whether it is indicative follows the
 * parameters the formula really read for this subject (a flat roof never reads the north-roof
 * yield), also through the calcs it builds on: the run's flag is saved, set by `num`, and
 * passed on to an enclosing calc.
 */
export function calcAt(ctx: Ctx, slot: number): CalcResult {
  if (slot < 0) return NO_CALC;
  const run = ctx.run;
  const cached = ctx.calcs[slot];
  if (cached !== undefined) {
    if (cached.indicative) run.calcUnconfirmed = true;
    return cached;
  }
  const outer = run.calcUnconfirmed;
  run.calcUnconfirmed = false;
  const result = calcs[slot].run(ctx);
  result.indicative = run.calcUnconfirmed;
  run.calcUnconfirmed = outer || result.indicative;
  ctx.calcs[slot] = result;
  return result;
}

/** All parameters a calc rests on, through the calcs it uses (each once, in order of first use). */
export function calcParams(id: string): string[] {
  return [...new Set(calcInputs(id, (c) => c.params, new Set()))];
}

/** All facts a calc's formula may read, through the calcs it uses (each once, in order of first use). */
export function calcFacts(id: string): string[] {
  return [...new Set(calcInputs(id, (c) => c.facts, new Set()))];
}

function calcInputs(id: string, pick: (c: CompiledCalc) => string[], seen: Set<string>): string[] {
  if (seen.has(id)) return [];
  seen.add(id);
  const def = calcs[calcIndex(id)];
  if (!def) return [];
  return [...pick(def), ...def.uses.flatMap((u) => calcInputs(u, pick, seen))];
}
