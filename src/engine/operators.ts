/**
 * The comparison operators of the rule expressions, each declared once: its three-valued
 * test, which side a bound can prove, and its words before a value ("ten minste 2.000 m²",
 * "vóór 1-4-2026"; no symbol: a person reads words). The engine (expr.ts) and the one
 * formatter (format.ts) read this table; an operator missing from it is a type error.
 */
import type { CompareOp, Lang, ParamValue } from './types';

/** 1 = true, 0 = false, -1 = unknown. */
export type Tri = 1 | 0 | -1;

export interface OperatorDef {
  /** The comparison of a known subject with a known target (a list for in / nin); -1 when they cannot be compared. */
  test(subject: ParamValue, target: ParamValue | readonly ParamValue[]): Tri;
  /**
   * What a bound can prove: `below` ("<", "≤") holds for every value under an upper bound that
   * meets it, `above` (">", "≥") for every value over a lower bound; `none`: a bound proves nothing.
   */
  direction: 'below' | 'above' | 'none';
  /** The words before the value (empty: the value alone), for numbers and options, and for dates. */
  words: Record<Lang, { value: string; date: string }>;
}

const w = (nlValue: string, nlDate: string, enValue: string, enDate: string): OperatorDef['words'] => ({ nl: { value: nlValue, date: nlDate }, en: { value: enValue, date: enDate } });

/** Ordering tests compare numbers with numbers and dates with dates (strings); anything else cannot be ordered. */
const unordered = (s: ParamValue, t: ParamValue | readonly ParamValue[]): boolean => Array.isArray(t) || typeof s !== typeof t || typeof s === 'boolean';

export const OPERATORS: Record<CompareOp, OperatorDef> = {
  eq: { test: (s, t) => (Array.isArray(t) ? -1 : s === t ? 1 : 0), direction: 'none', words: w('', 'op', '', 'on') },
  ne: { test: (s, t) => (Array.isArray(t) ? -1 : s !== t ? 1 : 0), direction: 'none', words: w('niet', 'niet op', 'not', 'not on') },
  lt: { test: (s, t) => (unordered(s, t) ? -1 : s < (t as ParamValue) ? 1 : 0), direction: 'below', words: w('minder dan', 'vóór', 'less than', 'before') },
  lte: { test: (s, t) => (unordered(s, t) ? -1 : s <= (t as ParamValue) ? 1 : 0), direction: 'below', words: w('hoogstens', 'uiterlijk op', 'at most', 'on or before') },
  gt: { test: (s, t) => (unordered(s, t) ? -1 : s > (t as ParamValue) ? 1 : 0), direction: 'above', words: w('meer dan', 'na', 'more than', 'after') },
  gte: { test: (s, t) => (unordered(s, t) ? -1 : s >= (t as ParamValue) ? 1 : 0), direction: 'above', words: w('ten minste', 'vanaf', 'at least', 'from') },
  in: { test: (s, t) => (Array.isArray(t) ? (t.includes(s) ? 1 : 0) : -1), direction: 'none', words: w('', 'op', '', 'on') },
  nin: { test: (s, t) => (Array.isArray(t) ? (t.includes(s) ? 0 : 1) : -1), direction: 'none', words: w('geen', 'niet op', 'not', 'not on') },
};
