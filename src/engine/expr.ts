/**
 * Three-valued (Kleene) evaluation of rule expressions: an unknown fact makes a
 * comparison unknown, never false. `explain` finds the leaf that decides a failed or
 * unknown expression and the facts still missing; it runs only for those, so the
 * passing path stays cheap.
 */
import { calc, calcById } from './calcs';
import { factValue, paramValue, type Ctx } from './context';
import type { Comparison, Expr, Operand, ParamValue } from './types';

/** 1 = true, 0 = false, -1 = unknown. */
export type Tri = 1 | 0 | -1;

export const and3 = (a: Tri, b: Tri): Tri => (a === 0 || b === 0 ? 0 : a === 1 && b === 1 ? 1 : -1);
export const or3 = (a: Tri, b: Tri): Tri => (a === 1 || b === 1 ? 1 : a === 0 && b === 0 ? 0 : -1);
export const not3 = (a: Tri): Tri => (a === -1 ? -1 : a === 1 ? 0 : 1);

/** Value of an operand; null when unknown. */
export function operandValue(ctx: Ctx, operand: Operand): ParamValue | null {
  if (typeof operand !== 'object' || operand === null) return operand;
  if ('param' in operand) return paramValue(ctx, operand.param);
  if ('fact' in operand) return factValue(ctx, operand.fact);
  const r = calc(ctx, operand.calc);
  return r.exact ? r.value : null;
}

/** The subject of a comparison: its value and whether it is exact (calcs may give a lower bound). */
export function subjectOf(ctx: Ctx, c: Comparison): { value: ParamValue | null; exact: boolean; upper?: boolean } {
  if (c.fact !== undefined) return { value: factValue(ctx, c.fact), exact: true };
  if (c.calc !== undefined) {
    const r = calc(ctx, c.calc);
    return { value: r.value, exact: r.exact, upper: r.upper };
  }
  if (c.param !== undefined) return { value: paramValue(ctx, c.param), exact: true };
  return { value: ctx.date, exact: true };
}

/** The expected value of a comparison, resolved (parameters looked up). */
export function expectedOf(ctx: Ctx, c: Comparison): ParamValue | ParamValue[] | null {
  return Array.isArray(c.value) ? c.value : operandValue(ctx, c.value);
}

function compare(subject: ParamValue, op: Comparison['op'], target: ParamValue | ParamValue[]): Tri {
  if (Array.isArray(target)) {
    const found = target.includes(subject);
    return op === 'in' ? (found ? 1 : 0) : op === 'nin' ? (found ? 0 : 1) : -1;
  }
  if (op === 'eq') return subject === target ? 1 : 0;
  if (op === 'ne') return subject !== target ? 1 : 0;
  if (typeof subject !== typeof target || typeof subject === 'boolean') return -1;
  switch (op) {
    case 'lt':
      return subject < target ? 1 : 0;
    case 'lte':
      return subject <= target ? 1 : 0;
    case 'gt':
      return subject > target ? 1 : 0;
    case 'gte':
      return subject >= target ? 1 : 0;
    default:
      return -1;
  }
}

function evalComparison(ctx: Ctx, c: Comparison): Tri {
  const { value, exact, upper } = subjectOf(ctx, c);
  if (value === null) return -1;
  const target = expectedOf(ctx, c);
  if (target === null) return -1;
  const result = compare(value, c.op, target);
  if (exact) return result;
  // A bound proves only one side: an upper bound can make "≤" true and "≥" false, a lower bound the reverse.
  const below = c.op === 'lte' || c.op === 'lt';
  const above = c.op === 'gte' || c.op === 'gt';
  if (upper) return below && result === 1 ? 1 : above && result === 0 ? 0 : -1;
  return above && result === 1 ? 1 : below && result === 0 ? 0 : -1;
}

/**
 * Every expression node is compiled once into a closure and given a numeric slot (both kept
 * in hidden, non-enumerable properties of the node); a subject's results live in a small typed
 * array indexed by slot, so each node is evaluated at most once per subject.
 */
type Evaluator = (ctx: Ctx) => Tri;
interface Compiled {
  slot: number;
  run: Evaluator;
}
let slotCount = 0;
const COMPILED = Symbol('compiled');
type Annotated = Expr & { [COMPILED]?: Compiled };

function compiled(expr: Annotated): Compiled {
  let c = expr[COMPILED];
  if (c === undefined) {
    c = { slot: slotCount++, run: compile(expr) };
    Object.defineProperty(expr, COMPILED, { value: c, enumerable: false });
  }
  return c;
}

function compile(expr: Expr): Evaluator {
  if ('all' in expr) {
    const parts = expr.all;
    return (ctx) => {
      let r: Tri = 1;
      for (let i = 0; i < parts.length; i++) {
        const v = evaluate(ctx, parts[i]);
        if (v === 0) return 0;
        if (v === -1) r = -1;
      }
      return r;
    };
  }
  if ('any' in expr) {
    const parts = expr.any;
    return (ctx) => {
      let r: Tri = 0;
      for (let i = 0; i < parts.length; i++) {
        const v = evaluate(ctx, parts[i]);
        if (v === 1) return 1;
        if (v === -1) r = -1;
      }
      return r;
    };
  }
  if ('not' in expr) {
    const inner = expr.not;
    return (ctx) => not3(evaluate(ctx, inner));
  }
  const c = expr;
  // The common case, a fact against a literal or parameter, without any allocation.
  if (c.fact !== undefined && !Array.isArray(c.value) && (typeof c.value !== 'object' || 'param' in c.value)) {
    const factId = c.fact;
    const op = c.op;
    const literal = typeof c.value !== 'object' ? c.value : null;
    const paramId = typeof c.value === 'object' && c.value !== null && 'param' in c.value ? c.value.param : null;
    return (ctx) => {
      const v = factValue(ctx, factId);
      if (v === null) return -1;
      const target = paramId === null ? literal : paramValue(ctx, paramId);
      if (target === null) return -1;
      return compare(v, op, target);
    };
  }
  if (c.fact !== undefined && Array.isArray(c.value)) {
    const factId = c.fact;
    const list = c.value;
    const wantIn = c.op === 'in';
    return (ctx) => {
      const v = factValue(ctx, factId);
      if (v === null) return -1;
      return list.includes(v) === wantIn ? 1 : 0;
    };
  }
  return (ctx) => evalComparison(ctx, c);
}

/** A fresh result store for one subject. */
export function newEvalCache(): Int8Array {
  return new Int8Array(Math.max(256, slotCount * 2)).fill(NOT_EVALUATED);
}
const NOT_EVALUATED = 2;

/** Evaluates an expression (memoised per subject). */
export function evaluate(ctx: Ctx, expr: Expr): Tri {
  const c = compiled(expr as Annotated);
  let cache = ctx.evalCache;
  if (c.slot >= cache.length) {
    const bigger = new Int8Array(c.slot * 2 + 16).fill(NOT_EVALUATED);
    bigger.set(cache);
    cache = ctx.evalCache = bigger;
  }
  const hit = cache[c.slot];
  if (hit !== NOT_EVALUATED) return hit as Tri;
  const result = c.run(ctx);
  cache[c.slot] = result;
  return result;
}

/** The leaf comparison that decides an expression with result `want` (0 or -1). */
export function decidingLeaf(ctx: Ctx, expr: Expr, want: Tri): Comparison | undefined {
  if ('all' in expr || 'any' in expr) {
    const list = 'all' in expr ? expr.all : expr.any;
    for (const e of list) if (evaluate(ctx, e) === want) return decidingLeaf(ctx, e, want);
    return undefined;
  }
  if ('not' in expr) return decidingLeaf(ctx, expr.not, not3(want));
  return expr;
}

/** Facts whose being unknown makes (parts of) the expression unknown. */
export function missingFacts(ctx: Ctx, expr: Expr, out: Set<string>): void {
  if ('all' in expr || 'any' in expr) {
    for (const e of 'all' in expr ? expr.all : expr.any) if (evaluate(ctx, e) === -1) missingFacts(ctx, e, out);
    return;
  }
  if ('not' in expr) {
    missingFacts(ctx, expr.not, out);
    return;
  }
  if (expr.fact !== undefined && factValue(ctx, expr.fact) === null) out.add(expr.fact);
  if (expr.calc !== undefined) for (const f of calc(ctx, expr.calc).missing) out.add(f);
  const v = expr.value;
  if (!Array.isArray(v) && typeof v === 'object' && v !== null) {
    if ('fact' in v && factValue(ctx, v.fact) === null) out.add(v.fact);
    if ('calc' in v) for (const f of calc(ctx, v.calc).missing) out.add(f);
  }
}

/** Parameters an expression rests on (directly and through calcs); static, so cached. */
const paramCache = new WeakMap<object, string[]>();
export function exprParams(expr: Expr | undefined): string[] {
  if (!expr) return [];
  const hit = paramCache.get(expr);
  if (hit) return hit;
  const out = new Set<string>();
  const walk = (e: Expr): void => {
    if ('all' in e) e.all.forEach(walk);
    else if ('any' in e) e.any.forEach(walk);
    else if ('not' in e) walk(e.not);
    else {
      if (e.calc) calcParamsInto(e.calc, out);
      if (e.param) out.add(e.param);
      const v = e.value;
      if (!Array.isArray(v) && typeof v === 'object' && v !== null) {
        if ('param' in v) out.add(v.param);
        if ('calc' in v) calcParamsInto(v.calc, out);
      }
    }
  };
  walk(expr);
  const list = [...out];
  paramCache.set(expr, list);
  return list;
}

function calcParamsInto(id: string, out: Set<string>, seen = new Set<string>()): void {
  if (seen.has(id)) return;
  seen.add(id);
  const def = calcById.get(id);
  if (!def) return;
  def.params.forEach((p) => out.add(p));
  (def.uses ?? []).forEach((u) => calcParamsInto(u, out, seen));
}
