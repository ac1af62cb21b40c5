/**
 * Three-valued (Kleene) evaluation of rule expressions: an unknown fact makes a
 * comparison unknown, never false. Each expression is compiled once per toolbox into a
 * node: a closure that reads facts and parameters by slot, and a memo slot so that a node
 * is evaluated at most once per subject. `decidingLeaf` and `missingFacts` explain a failed
 * or unknown node; they run only for those, so the passing path stays cheap.
 */
import { calcAt, calcFacts, calcIndex, calcParams, calcs } from './calcs';
import { factAt, paramAt, type Ctx } from './context';
import { OPERATORS, type OperatorDef, type Tri } from './operators';
import { factSlot, paramSlot } from './slots';
import type { Comparison, Expected, Expr, ParamValue } from './types';

export type { Tri } from './operators';

export const or3 = (a: Tri, b: Tri): Tri => (a === 1 || b === 1 ? 1 : a === 0 && b === 0 ? 0 : -1);
export const not3 = (a: Tri): Tri => (a === -1 ? -1 : a === 1 ? 0 : 1);

/** What a comparison compares: a fact, a calculated quantity, a parameter or the assessment date. */
type Subject = { kind: 'fact'; slot: number; id: string } | { kind: 'calc'; slot: number; id: string } | { kind: 'param'; slot: number } | { kind: 'date' };
/** What it compares with: a list, a literal, or a parameter, fact or calc resolved per subject. */
type Target =
  | { kind: 'list'; list: Array<string | number | boolean> }
  | { kind: 'literal'; value: ParamValue }
  | { kind: 'param'; slot: number }
  | { kind: 'fact'; slot: number; id: string }
  | { kind: 'calc'; slot: number; id: string };

/** A compiled expression. */
export interface Node {
  /** Memo slot, unique within one toolbox's program. */
  slot: number;
  /** all / any: the parts; not: the one negated part; a comparison: none. */
  children: Node[];
  kind: 'all' | 'any' | 'not' | 'leaf';
  /** The comparison (leaves only). */
  leaf: Comparison | undefined;
  subject: Subject | undefined;
  target: Target | undefined;
  /** Parameters the expression compares with directly, and the calcs it reads (whose own parameters count per subject, see calcAt). */
  paramSlots: number[];
  calcSlots: number[];
  /** Computes the value (not memoised; use `evaluate`). */
  run: (ctx: Ctx) => Tri;
  /** Worth remembering: false for a plain fact comparison, which is as cheap to redo as to look up. */
  memo: boolean;
  /** The expected value of a reason resting on this leaf, when it does not depend on the subject (a literal or a list). */
  expected: Expected | undefined;
  /** The leaf's operator (leaves only), picked from the table once. */
  operator: OperatorDef | undefined;
}

const NOT_EVALUATED = 2;

/** Evaluates a node, memoised per subject. */
export function evaluate(ctx: Ctx, node: Node): Tri {
  if (!node.memo) return node.run(ctx);
  const i = ctx.base + node.slot;
  const hit = ctx.memo[i];
  if (hit !== NOT_EVALUATED) return hit as Tri;
  const result = node.run(ctx);
  ctx.memo[i] = result;
  return result;
}

/** A fresh memo for `subjects` subjects of a program with `nodes` nodes. */
export function newMemo(nodes: number, subjects: number): Int8Array {
  return new Int8Array(Math.max(1, nodes * subjects)).fill(NOT_EVALUATED);
}

/** The subject's value here when it is exact; null when unknown or only a bound. */
export function exactSubjectValue(ctx: Ctx, node: Node): ParamValue | null {
  const s = node.subject!;
  switch (s.kind) {
    case 'fact':
      return factAt(ctx, s.slot);
    case 'calc': {
      const r = calcAt(ctx, s.slot);
      return r.exact ? r.value : null;
    }
    case 'param':
      return paramAt(ctx, s.slot);
    case 'date':
      return ctx.run.date;
  }
}

/** The value compared with, resolved here (null when unknown; calcs only when exact). */
export function targetValue(ctx: Ctx, node: Node): ParamValue | ParamValue[] | null {
  const t = node.target!;
  switch (t.kind) {
    case 'list':
      return t.list;
    case 'literal':
      return t.value;
    case 'param':
      return paramAt(ctx, t.slot);
    case 'fact':
      return factAt(ctx, t.slot);
    case 'calc': {
      const r = calcAt(ctx, t.slot);
      return r.exact ? r.value : null;
    }
  }
}

/** A comparison in general: any subject, any target, bounds honoured (no allocation: it runs for every calc leaf). */
function compareNode(ctx: Ctx, node: Node): Tri {
  const s = node.subject!;
  let value: ParamValue | null;
  let exact = true;
  let upper = false;
  switch (s.kind) {
    case 'fact':
      value = factAt(ctx, s.slot);
      break;
    case 'calc': {
      const r = calcAt(ctx, s.slot);
      value = r.value;
      exact = r.exact;
      upper = r.upper === true;
      break;
    }
    case 'param':
      value = paramAt(ctx, s.slot);
      break;
    default:
      value = ctx.run.date;
  }
  if (value === null) return -1;
  const target = targetValue(ctx, node);
  if (target === null) return -1;
  const operator = node.operator!;
  const result = operator.test(value, target);
  if (exact) return result;
  // A bound proves only one side: an upper bound can make "≤" true and "≥" false, a lower bound the reverse.
  const below = operator.direction === 'below';
  const above = operator.direction === 'above';
  if (upper) return below && result === 1 ? 1 : above && result === 0 ? 0 : -1;
  return above && result === 1 ? 1 : below && result === 0 ? 0 : -1;
}

/**
 * Compiles the expressions of one toolbox; `count` is the number of memo slots handed out.
 * A named condition ({ ref }) compiles to its expression's one node, so wherever it is used
 * it is evaluated once per subject; an unknown name or a cycle of names is an error in the data.
 */
export class ExprCompiler {
  count = 0;
  readonly #nodes = new Map<Expr, Node>();
  readonly #named: ReadonlyMap<string, { expr: Expr }>;
  readonly #resolving = new Set<string>();

  constructor(named: ReadonlyMap<string, { expr: Expr }>) {
    this.#named = named;
  }

  node(expr: Expr): Node {
    if ('ref' in expr) return this.#ref(expr.ref);
    let node = this.#nodes.get(expr);
    if (!node) {
      node = this.#compile(expr);
      this.#nodes.set(expr, node);
    }
    return node;
  }

  #ref(id: string): Node {
    const named = this.#named.get(id);
    if (!named) throw new Error(`toolbox: unknown named condition "${id}"`);
    if (this.#resolving.has(id)) throw new Error(`toolbox: named condition "${id}" refers to itself`);
    this.#resolving.add(id);
    try {
      return this.node(named.expr);
    } finally {
      this.#resolving.delete(id);
    }
  }

  #compile(expr: Exclude<Expr, { ref: string }>): Node {
    const slot = this.count++;
    if ('all' in expr || 'any' in expr || 'not' in expr) {
      const kind = 'all' in expr ? 'all' : 'any' in expr ? 'any' : 'not';
      const children = ('all' in expr ? expr.all : 'any' in expr ? expr.any : [expr.not]).map((e) => this.node(e));
      const paramSlots = [...new Set(children.flatMap((c) => c.paramSlots))];
      const calcSlots = [...new Set(children.flatMap((c) => c.calcSlots))];
      return { slot, children, kind, leaf: undefined, subject: undefined, target: undefined, paramSlots, calcSlots, run: compound(kind, children), memo: true, expected: undefined, operator: undefined };
    }
    const c = expr;
    const subject: Subject =
      c.fact !== undefined
        ? { kind: 'fact', slot: factSlot(c.fact), id: c.fact }
        : c.calc !== undefined
          ? { kind: 'calc', slot: calcIndex(c.calc), id: c.calc }
          : c.param !== undefined
            ? { kind: 'param', slot: paramSlot(c.param) }
            : { kind: 'date' };
    const v = c.value;
    const target: Target = Array.isArray(v)
      ? { kind: 'list', list: v }
      : typeof v !== 'object' || v === null
        ? { kind: 'literal', value: v }
        : 'param' in v
          ? { kind: 'param', slot: paramSlot(v.param) }
          : 'fact' in v
            ? { kind: 'fact', slot: factSlot(v.fact), id: v.fact }
            : { kind: 'calc', slot: calcIndex(v.calc), id: v.calc };
    const paramSlots = [subject, target].flatMap((x) => (x.kind === 'param' ? [x.slot] : []));
    const calcSlots = [subject, target].flatMap((x) => (x.kind === 'calc' && x.slot >= 0 ? [x.slot] : []));
    const expected: Expected | undefined =
      target.kind === 'list' ? Object.freeze({ op: c.op, value: Object.freeze(target.list.slice()) as ParamValue[] }) : target.kind === 'literal' ? Object.freeze({ op: c.op, value: target.value }) : undefined;
    const node: Node = { slot, children: [], kind: 'leaf', leaf: c, subject, target, paramSlots, calcSlots, run: () => -1, memo: true, expected, operator: OPERATORS[c.op] };
    node.run = leafRun(node);
    node.memo = subject.kind !== 'fact' || target.kind === 'calc' || target.kind === 'fact';
    return node;
  }
}

function compound(kind: 'all' | 'any' | 'not', parts: Node[]): (ctx: Ctx) => Tri {
  if (kind === 'not') {
    const inner = parts[0];
    return (ctx) => not3(evaluate(ctx, inner));
  }
  if (kind === 'all') {
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

/** The closure of a comparison; the common cases (a fact against a literal, a parameter or a list) without any allocation. */
function leafRun(node: Node): (ctx: Ctx) => Tri {
  const subject = node.subject!;
  const target = node.target!;
  const op = node.leaf!.op;
  if (subject.kind === 'fact') {
    const slot = subject.slot;
    if (target.kind === 'literal' && (op === 'eq' || op === 'ne')) {
      const literal = target.value;
      const hit: Tri = op === 'eq' ? 1 : 0;
      const miss: Tri = op === 'eq' ? 0 : 1;
      return (ctx) => {
        const v = ctx.values[slot];
        return v === null || v === undefined ? -1 : v === literal ? hit : miss;
      };
    }
    if (target.kind === 'literal' && typeof target.value === 'number') {
      const n = target.value;
      // One closure per operator, so that each comparison is inlined (the same tests as OPERATORS, specialised for speed).
      switch (op) {
        case 'lt':
          return (ctx) => {
            const v = ctx.values[slot];
            return typeof v !== 'number' ? -1 : v < n ? 1 : 0;
          };
        case 'lte':
          return (ctx) => {
            const v = ctx.values[slot];
            return typeof v !== 'number' ? -1 : v <= n ? 1 : 0;
          };
        case 'gt':
          return (ctx) => {
            const v = ctx.values[slot];
            return typeof v !== 'number' ? -1 : v > n ? 1 : 0;
          };
        case 'gte':
          return (ctx) => {
            const v = ctx.values[slot];
            return typeof v !== 'number' ? -1 : v >= n ? 1 : 0;
          };
      }
    }
    if (target.kind === 'param' && op !== 'in' && op !== 'nin') {
      const p = target.slot;
      const test = OPERATORS[op].test;
      return (ctx) => {
        const v = ctx.values[slot];
        if (v === null || v === undefined) return -1;
        const t = paramAt(ctx, p);
        return t === null ? -1 : test(v, t);
      };
    }
    if (target.kind === 'list' && (op === 'in' || op === 'nin')) {
      const list = target.list;
      const wantIn = op === 'in';
      return (ctx) => {
        const v = ctx.values[slot];
        return v === null || v === undefined ? -1 : list.includes(v) === wantIn ? 1 : 0;
      };
    }
  }
  return (ctx) => compareNode(ctx, node);
}

/** The leaf that decides a node with result `want` (0 or -1). */
export function decidingLeaf(ctx: Ctx, node: Node, want: Tri): Node | undefined {
  if (node.kind === 'leaf') return node;
  if (node.kind === 'not') return decidingLeaf(ctx, node.children[0], not3(want));
  for (const child of node.children) if (evaluate(ctx, child) === want) return decidingLeaf(ctx, child, want);
  return undefined;
}

/** Facts (by slot) whose being unknown makes (parts of) the node unknown. */
export function missingFacts(ctx: Ctx, node: Node, out: { add(slot: number): unknown }): void {
  if (node.kind === 'leaf') {
    const s = node.subject!;
    const t = node.target!;
    if (s.kind === 'fact' && factAt(ctx, s.slot) === null) out.add(s.slot);
    if (s.kind === 'calc') for (const f of calcAt(ctx, s.slot).missing) out.add(factSlot(f));
    if (t.kind === 'fact' && factAt(ctx, t.slot) === null) out.add(t.slot);
    if (t.kind === 'calc') for (const f of calcAt(ctx, t.slot).missing) out.add(factSlot(f));
    return;
  }
  if (node.kind === 'not') {
    missingFacts(ctx, node.children[0], out);
    return;
  }
  for (const child of node.children) if (evaluate(ctx, child) === -1) missingFacts(ctx, child, out);
}

/** What a rule or route may rest on: the parameters it compares with, the calcs it reads, and every parameter those might read. */
export interface Dependencies {
  paramSlots: number[];
  calcSlots: number[];
  mayRead: number[];
}

/** The dependencies of some nodes together. */
export function dependenciesOf(...nodes: (Node | undefined)[]): Dependencies {
  const paramSlots = [...new Set(nodes.flatMap((n) => n?.paramSlots ?? []))];
  const calcSlots = [...new Set(nodes.flatMap((n) => n?.calcSlots ?? []))];
  return { paramSlots, calcSlots, mayRead: [...new Set([...paramSlots, ...calcSlots.flatMap((c) => calcParamSlots[c])])] };
}

/**
 * Every fact some nodes could read, whatever the values: the facts their comparisons name
 * (subject or target) and every fact the calcs they compare may read, through the calcs
 * those build on (each once, in the order met). Static, so it is worked out at compile time.
 */
export function factsOf(...nodes: (Node | undefined)[]): string[] {
  const out = new Set<string>();
  const walk = (node: Node): void => {
    for (const child of node.children) walk(child);
    for (const side of [node.subject, node.target]) {
      if (side?.kind === 'fact') out.add(side.id);
      else if (side?.kind === 'calc') for (const f of calcFacts(side.id)) out.add(f);
    }
  };
  for (const node of nodes) if (node) walk(node);
  return [...out];
}

/**
 * True when something here rests on a value marked UNCONFIRMED on this date: one of the
 * parameters compared with directly, or a calc whose formula used one for this subject.
 */
export function restsOnUnconfirmed(ctx: Ctx, d: Dependencies): boolean {
  const flags = ctx.run.params.unconfirmed;
  // Most rules could not rest on an unconfirmed value on this date at all.
  let possible = false;
  for (let i = 0; i < d.mayRead.length; i++) if (flags[d.mayRead[i]] === 1) possible = true;
  if (!possible) return false;
  for (let i = 0; i < d.paramSlots.length; i++) if (flags[d.paramSlots[i]] === 1) return true;
  for (let i = 0; i < d.calcSlots.length; i++) {
    const mayRead = calcParamSlots[d.calcSlots[i]];
    let maybe = false;
    for (let k = 0; k < mayRead.length; k++) if (flags[mayRead[k]] === 1) maybe = true;
    if (maybe && calcAt(ctx, d.calcSlots[i]).indicative) return true;
  }
  return false;
}

/** Per calc slot: every parameter its formula might read (through the calcs it builds on). */
const calcParamSlots: number[][] = calcs.map((c) => calcParams(c.id).map(paramSlot));
