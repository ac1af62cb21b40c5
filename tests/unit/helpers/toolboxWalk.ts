/**
 * Walking the toolbox for the data tests: every expression with where it sits, the
 * comparisons in it (through the named conditions it uses), the names it uses, every place
 * that cites sources and every step id a measure or edge refers to.
 */
import type { Comparison, Condition, Expr, Measure, Toolbox } from '../../../src/engine/types';

/** Every expression in the toolbox, with where it sits. */
export interface ExprSite {
  where: string;
  measure: Measure;
  expr: Expr;
}

export function conditionsOf(m: Measure): { list: 'applies' | 'conditions'; c: Condition }[] {
  return [...m.applies.map((c) => ({ list: 'applies' as const, c })), ...m.conditions.map((c) => ({ list: 'conditions' as const, c }))];
}

export function expressions(tb: Toolbox): ExprSite[] {
  const out: ExprSite[] = [];
  for (const m of tb.measures) {
    const add = (where: string, expr: Expr | undefined): void => {
      if (expr) out.push({ where: `${m.id} ${where}`, measure: m, expr });
    };
    for (const { list, c } of conditionsOf(m)) {
      add(`${list} ${c.id} test`, c.test);
      add(`${list} ${c.id} when`, c.when);
    }
    if (m.obligation) add(`obligation ${m.obligation.id}`, m.obligation.when);
    m.steps.forEach((s) => add(`step ${s.step} when`, s.when));
    [...m.dos, ...m.donts].forEach((a) => add(`advice ${a.id} when`, a.when));
    m.subsidies.forEach((s) => {
      add(`subsidy ${s.scheme} eligible`, s.eligible);
      add(`subsidy ${s.scheme} available`, s.available);
    });
  }
  // The EML checklist belongs to the energy-saving duty (its measure's scope: per building).
  const duty = tb.measures.find((m) => m.id === 'energy-saving');
  for (const item of tb.eml?.items ?? []) {
    if (!duty) break;
    if (item.situation) out.push({ where: `EML ${item.code} situation`, measure: duty, expr: item.situation });
    if (item.done) out.push({ where: `EML ${item.code} done`, measure: duty, expr: item.done });
  }
  return out;
}

/** The comparisons of an expression, through the named conditions it uses (an unknown name or a cycle is reported by namedConditionProblems). */
export function comparisons(tb: Toolbox, expr: Expr, names: string[] = []): Comparison[] {
  if ('all' in expr) return expr.all.flatMap((e) => comparisons(tb, e, names));
  if ('any' in expr) return expr.any.flatMap((e) => comparisons(tb, e, names));
  if ('not' in expr) return comparisons(tb, expr.not, names);
  if ('ref' in expr) {
    const named = tb.conditions.find((n) => n.id === expr.ref);
    return named && !names.includes(expr.ref) ? comparisons(tb, named.expr, [...names, expr.ref]) : [];
  }
  return [expr];
}

/** Every comparison with where it sits (a named condition's where each use sits). */
export function allComparisons(tb: Toolbox): (ExprSite & { c: Comparison })[] {
  return expressions(tb).flatMap((site) => comparisons(tb, site.expr).map((c) => ({ ...site, c })));
}

/** The names an expression uses directly. */
export function refsIn(expr: Expr): string[] {
  if ('all' in expr) return expr.all.flatMap(refsIn);
  if ('any' in expr) return expr.any.flatMap(refsIn);
  if ('not' in expr) return refsIn(expr.not);
  return 'ref' in expr ? [expr.ref] : [];
}

export type Ref = { param: string } | { fact: string } | { calc: string };
/** The operand as a reference, or undefined for a literal or a literal list. */
export function refOf(value: Comparison['value']): Ref | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Ref) : undefined;
}

/** Every place that cites sources. */
export interface Citation {
  where: string;
  sources: string[];
}

export function citations(tb: Toolbox): Citation[] {
  const out: Citation[] = [];
  for (const m of tb.measures) {
    out.push({ where: `measure ${m.id}`, sources: m.sources });
    for (const { list, c } of conditionsOf(m)) out.push({ where: `measure ${m.id} ${list} ${c.id}`, sources: c.sources });
    if (m.obligation) out.push({ where: `measure ${m.id} obligation ${m.obligation.id}`, sources: m.obligation.sources });
    for (const a of m.dos) out.push({ where: `measure ${m.id} do ${a.id}`, sources: a.sources });
    for (const a of m.donts) out.push({ where: `measure ${m.id} don't ${a.id}`, sources: a.sources });
    for (const s of m.subsidies) out.push({ where: `measure ${m.id} subsidy ${s.scheme}`, sources: s.sources });
  }
  for (const n of tb.conditions) out.push({ where: `named condition ${n.id}`, sources: n.sources });
  for (const s of tb.steps) {
    out.push({ where: `step ${s.id}`, sources: s.sources });
    out.push({ where: `step ${s.id} lead time`, sources: s.leadTimeWeeks?.sources });
  }
  for (const e of tb.precedence) out.push({ where: `edge ${e.before} → ${e.after}`, sources: e.sources });
  if (tb.eml) out.push({ where: 'EML list', sources: tb.eml.sources });
  for (const item of tb.eml?.items ?? []) out.push({ where: `EML ${item.code}`, sources: item.sources });
  for (const p of tb.parameters) {
    p.values.forEach((v, i) => out.push({ where: `parameter ${p.id} value #${i + 1}`, sources: v.sources }));
  }
  return out;
}

/** Every step id a measure refers to. */
export function stepRefs(tb: Toolbox): { where: string; step: string }[] {
  const out: { where: string; step: string }[] = [];
  for (const m of tb.measures) {
    for (const s of m.steps) out.push({ where: `measure ${m.id} steps`, step: s.step });
    for (const { list, c } of conditionsOf(m)) {
      for (const s of c.resolvedBy ?? []) out.push({ where: `measure ${m.id} ${list} ${c.id} resolvedBy`, step: s });
      for (const s of c.resolvedByWhenUnknown ?? []) out.push({ where: `measure ${m.id} ${list} ${c.id} resolvedByWhenUnknown`, step: s });
    }
  }
  for (const e of tb.precedence) {
    out.push({ where: `edge ${e.before} → ${e.after} (before)`, step: e.before });
    out.push({ where: `edge ${e.before} → ${e.after} (after)`, step: e.after });
  }
  return out;
}

export const duplicates = (ids: string[]): string[] => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
