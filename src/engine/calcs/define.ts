/**
 * How a calc is declared: once, with its inputs by name. `defineCalc` takes the facts,
 * parameters and other calcs a formula reads and the formula itself; the formula gets typed
 * records built from those lists only, so reading an input it does not declare is a type
 * error. Everything else (slots, missing facts, unknown and bound handling, "indicatief",
 * the parameter lists) is derived from the declaration by ../calcs.ts. Label and unit are
 * toolbox data (toolbox-data/calcs.json).
 */
import type { FactValue } from '../types';

/**
 * What a formula needs of a fact: `number` / `option` / `boolean` must be known (otherwise the
 * calc is unknown and the fact is listed as missing); `number?` / `option?` / `boolean?` may be
 * unknown (the formula gets null and decides).
 */
export type FactNeed = 'number' | 'option' | 'boolean' | 'number?' | 'option?' | 'boolean?';
/** The kind of value a need reads. */
export type FactKind = 'number' | 'option' | 'boolean';
type Known<N> = N extends 'number' | 'number?' ? number : N extends 'boolean' | 'boolean?' ? boolean : string;
type ValueOf<N extends FactNeed> = N extends `${string}?` ? Known<N> | null : Known<N>;
type OptionalFacts<F> = { [K in keyof F]: F[K] extends `${string}?` ? K : never }[keyof F];

/** A formula's answer "unknown, because these facts are": made by its `unknownBecause`. */
export interface Unknown {
  readonly missing: string[];
}

export type FactValues<F extends Record<string, FactNeed>> = { readonly [K in keyof F]: ValueOf<F[K]> };

export interface FormulaSpec<F extends Record<string, FactNeed>, P extends string, U extends string> {
  id: string;
  /** Facts the formula reads, with what it needs of each. */
  facts?: F;
  /** Optional facts whose being unknown makes the result only an upper bound (listed as missing); the formula gives that bound. */
  upperBoundWhenUnknown?: readonly OptionalFacts<F>[];
  /** The same for a lower bound (a fleet's charging demand while the trucks are unknown: at least the vans'). */
  lowerBoundWhenUnknown?: readonly OptionalFacts<F>[];
  /** Parameters the formula reads (numbers; each one read makes the result "indicatief" when it is UNCONFIRMED on the date). */
  params?: readonly P[];
  /**
   * Calcs it builds on, declared before it: when one is unknown this one is too, their missing
   * facts come first, and an upper (lower) bound among them makes this an upper (lower) bound (so
   * `compute` must not decrease when such an input grows); bounds of both kinds make it unknown.
   */
  uses?: readonly U[];
  /**
   * The formula: reads only what is declared. Returns the value, or `unknownBecause(...)` the
   * optional facts that it needed here and are unknown.
   */
  compute(f: FactValues<F>, p: Readonly<Record<P, number>>, c: Readonly<Record<U, number>>, unknownBecause: (...facts: OptionalFacts<F>[]) => Unknown): number | Unknown;
}

/** A count over the terrain's buildings of those whose fact matches; a lower bound while some building's fact is unknown. */
export interface CountSpec {
  id: string;
  fact: string;
  counts: (value: Exclude<FactValue, null>) => boolean;
}

/**
 * A figure of the terrain as one grid (../grid.ts), read by terrain-level rules: it exists only
 * once the buildings' verdicts are made, so the engine assesses a measure that reads one after
 * them. Its facts are the grid's own and, through `measures`, every fact those verdicts could
 * read (the program adds them); `params` are what the figure may rest on ("indicatief").
 */
export interface GridFigureSpec {
  id: string;
  facts: readonly string[];
  measures: readonly string[];
  params: readonly string[];
}

export type CalcSpec =
  | ({ kind: 'formula' } & FormulaSpec<Record<string, FactNeed>, string, string>)
  | ({ kind: 'count' } & CountSpec)
  | ({ kind: 'grid' } & GridFigureSpec);

/** Declares a formula (see FormulaSpec); the const type parameters make the declared lists the records' keys. */
export function defineCalc<const F extends Record<string, FactNeed> = Record<never, FactNeed>, const P extends string = never, const U extends string = never>(spec: FormulaSpec<F, P, U>): CalcSpec {
  return { kind: 'formula', ...(spec as unknown as FormulaSpec<Record<string, FactNeed>, string, string>) };
}

/** Declares a count over the buildings (see CountSpec). */
export function defineCount(spec: CountSpec): CalcSpec {
  return { kind: 'count', ...spec };
}

/** Declares a grid figure (see GridFigureSpec). */
export function defineGridFigure(spec: GridFigureSpec): CalcSpec {
  return { kind: 'grid', ...spec };
}

/** Watts per kilowatt: PV sizes are in kWp, prices per Wp. */
export const WP_PER_KWP = 1000;
