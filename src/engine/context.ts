/**
 * The evaluation context of one subject (the terrain, or one building on it):
 * clean facts, parameters on the assessment date and a cache of calculated quantities.
 */
import type { ResolvedParam } from './params';
import type { ToolboxIndex } from './toolbox';
import type { FactValue } from './types';

/**
 * A calculated quantity: null when an input is unknown. `exact` false means `value` is only
 * a bound: a lower bound (a count while some buildings are unknown), or with `upper` an
 * upper bound (PV potential while the existing panels are unknown).
 */
export interface CalcResult {
  value: number | null;
  exact: boolean;
  upper?: boolean;
  missing: string[];
}

export interface Ctx {
  index: ToolboxIndex;
  date: string;
  params: Map<string, ResolvedParam>;
  terrain: Map<string, FactValue>;
  /** null for terrain-level measures. */
  building: Map<string, FactValue> | null;
  buildings: Map<string, FactValue>[];
  /** The facts visible here: the terrain's, plus the building's for a building (fact ids are unique across scopes). */
  facts: Map<string, FactValue>;
  calcCache: Map<string, CalcResult>;
  /** Results of expressions already evaluated for this subject (the same expression recurs across rules). */
  evalCache: Int8Array;
}

/** A fact's clean value in this context (building facts from the building, terrain facts from the terrain). */
export function factValue(ctx: Ctx, id: string): FactValue {
  return ctx.facts.get(id) ?? null;
}

/** A parameter's value on the assessment date (null when none is in force). */
export function paramValue(ctx: Ctx, id: string): number | string | boolean | null {
  return ctx.params.get(id)?.value ?? null;
}

/** A numeric parameter; NaN when absent, so that a broken toolbox shows up instead of passing silently. */
export function num(ctx: Ctx, id: string): number {
  const v = paramValue(ctx, id);
  return typeof v === 'number' ? v : Number.NaN;
}
