/**
 * A measure's business case in the result: investment, yearly saving and simple payback from
 * the calcs its data names (`business` in measures.json). Unknown stays null; an investment
 * that is only an upper bound says so; "indicatief" when any of the three rests on an
 * UNCONFIRMED value used for this subject; the parameters are those the three calcs cite.
 */
import { calcAt, calcIndex, calcParams } from './calcs';
import type { Ctx } from './context';

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

export function businessCase(ctx: Ctx, use: BusinessUse): BusinessCase {
  const [inv, sav, pay] = use.slots.map((slot) => calcAt(ctx, slot));
  const upperBound = !inv.exact && inv.upper === true && inv.value !== null;
  const known = (r: typeof inv) => (r.exact || (r.upper === true && upperBound)) && r.value !== null;
  const missing = new Set([...inv.missing, ...sav.missing, ...pay.missing]);
  const payback = known(pay) && Number.isFinite(pay.value) ? Math.round(pay.value! * 10) / 10 : null;
  return {
    investmentEur: known(inv) ? euro(inv.value) : null,
    savingsEurPerYear: known(sav) ? euro(sav.value) : null,
    paybackYears: payback,
    upperBound,
    missingFacts: [...missing],
    indicative: inv.indicative || sav.indicative || pay.indicative,
    parameterIds: use.params,
  };
}
