/**
 * A measure's business case in the result: investment, yearly saving and simple payback from
 * the calcs its data names (`business` in measures.json). Unknown stays null; an investment
 * that is only an upper bound says so; "indicatief" when any of the three rests on an
 * UNCONFIRMED value used for this subject; the parameters are those the three calcs cite.
 */
import { calcAt, calcIndex, calcParams, union } from './calcs';
import type { CalcResult, Ctx } from './context';
import { EMPTY } from './program';

export interface BusinessCase {
  investmentEur: number | null;
  savingsEurPerYear: number | null;
  /** Years; null when unknown, and when it never pays back (no positive saving). */
  paybackYears: number | null;
  /** The investment (and the saving) are upper bounds: `missingFacts` say why. */
  upperBound: boolean;
  missingFacts: string[];
  indicative: boolean;
  parameterIds: string[];
}

/** The measure data's block: calc ids. */
export interface BusinessSpec {
  investment: string;
  savings?: string;
  payback?: string;
}

export interface BusinessUse {
  slots: [number, number, number];
  params: string[];
}

export function compileBusiness(spec: BusinessSpec | undefined): BusinessUse | undefined {
  if (!spec) return undefined;
  const ids = [spec.investment, spec.savings, spec.payback];
  const params = ids.flatMap((id) => (id ? calcParams(id) : []));
  return { slots: [calcIndex(spec.investment), spec.savings ? calcIndex(spec.savings) : -1, spec.payback ? calcIndex(spec.payback) : -1], params: Object.freeze([...new Set(params)]) as string[] };
}

const euro = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : Math.round(v));

/** Known as presented: exact, or an upper bound where the investment is one too (the figures then say "tot"). */
const presented = (r: CalcResult, upperBound: boolean): boolean => (r.exact || (r.upper === true && upperBound)) && r.value !== null;

/** The missing facts of three calcs, each once; the shared empty list when none is missing (the common case). */
function missingOf(a: readonly string[], b: readonly string[], c: readonly string[]): string[] {
  if (a.length === 0 && b.length === 0 && c.length === 0) return EMPTY;
  return union(a, b, c);
}

/** The business case of one measure for one subject (hot path: one result object, no other allocation when all is known). */
export function businessCase(ctx: Ctx, use: BusinessUse): BusinessCase {
  const inv = calcAt(ctx, use.slots[0]);
  const sav = calcAt(ctx, use.slots[1]);
  const pay = calcAt(ctx, use.slots[2]);
  const upperBound = !inv.exact && inv.upper === true && inv.value !== null;
  return {
    investmentEur: presented(inv, upperBound) ? euro(inv.value) : null,
    savingsEurPerYear: presented(sav, upperBound) ? euro(sav.value) : null,
    paybackYears: presented(pay, upperBound) && Number.isFinite(pay.value) ? Math.round(pay.value! * 10) / 10 : null,
    upperBound,
    missingFacts: missingOf(inv.missing, sav.missing, pay.missing),
    indicative: inv.indicative || sav.indicative || pay.indicative,
    parameterIds: use.params,
  };
}
