/**
 * The comparison operators of the rule expressions, each declared once: its three-valued
 * test, which side a bound can prove, its symbol (in figures: "≥ 2.000 m²") and its words (in sentences: "is ten minste 2.000 m²"). The engine (expr.ts), the
 * reason formatter (format.ts) and the handbook (views/exprWords.ts) read this table; an
 * operator missing from it is a type error.
 */
import type { CompareOp, ParamValue, Text } from './types';

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
  symbol: string;
  words: Text;
}

/** Ordering tests compare numbers with numbers and dates with dates (strings); anything else cannot be ordered. */
const unordered = (s: ParamValue, t: ParamValue | readonly ParamValue[]): boolean => Array.isArray(t) || typeof s !== typeof t || typeof s === 'boolean';

export const OPERATORS: Record<CompareOp, OperatorDef> = {
  eq: { test: (s, t) => (Array.isArray(t) ? -1 : s === t ? 1 : 0), direction: 'none', symbol: '=', words: { nl: 'is', en: 'is' } },
  ne: { test: (s, t) => (Array.isArray(t) ? -1 : s !== t ? 1 : 0), direction: 'none', symbol: '≠', words: { nl: 'is niet', en: 'is not' } },
  lt: { test: (s, t) => (unordered(s, t) ? -1 : s < (t as ParamValue) ? 1 : 0), direction: 'below', symbol: '<', words: { nl: 'is kleiner dan', en: 'is less than' } },
  lte: { test: (s, t) => (unordered(s, t) ? -1 : s <= (t as ParamValue) ? 1 : 0), direction: 'below', symbol: '≤', words: { nl: 'is hoogstens', en: 'is at most' } },
  gt: { test: (s, t) => (unordered(s, t) ? -1 : s > (t as ParamValue) ? 1 : 0), direction: 'above', symbol: '>', words: { nl: 'is groter dan', en: 'is more than' } },
  gte: { test: (s, t) => (unordered(s, t) ? -1 : s >= (t as ParamValue) ? 1 : 0), direction: 'above', symbol: '≥', words: { nl: 'is ten minste', en: 'is at least' } },
  in: { test: (s, t) => (Array.isArray(t) ? (t.includes(s) ? 1 : 0) : -1), direction: 'none', symbol: '∈', words: { nl: 'is een van:', en: 'is one of:' } },
  nin: { test: (s, t) => (Array.isArray(t) ? (t.includes(s) ? 0 : 1) : -1), direction: 'none', symbol: '∉', words: { nl: 'is geen van:', en: 'is none of:' } },
};
