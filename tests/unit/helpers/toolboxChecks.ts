/**
 * The data checks (SPEC §3): plain functions over a Toolbox that return a list of problems,
 * so a test can prove on a broken copy that they are not vacuous. Ids, references, named
 * conditions, enum options, value types and scopes; the step graph (cycles, phases);
 * citations, parameters and what is never used.
 */
import { calcParams, calcs } from '../../../src/engine/calcs';
import { GRID_PARAMETERS } from '../../../src/engine/grid';
import { CO2_PARAMETERS } from '../../../src/features/compare/co2';
import type { Expr, Fact, Operand, Toolbox } from '../../../src/engine/types';
import { allComparisons, citations, conditionsOf, duplicates, expressions, refOf, refsIn, stepRefs } from './toolboxWalk';

/** Named conditions: every name used exists, none refers to itself through others, each is used, and no expression is written twice (a repeat must be a named condition). */
export function namedConditionProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const named = new Map(tb.conditions.map((n) => [n.id, n]));
  const sites = [...expressions(tb), ...tb.conditions.map((n) => ({ where: `named condition ${n.id}`, expr: n.expr }))];
  const used = new Set<string>();
  for (const { where, expr } of sites) {
    for (const id of refsIn(expr)) {
      used.add(id);
      if (!named.has(id)) problems.push(`${where}: named condition "${id}" not in conditions.json`);
    }
  }
  const cycleFrom = (id: string, path: string[]): string[] | null => {
    if (path.includes(id)) return [...path, id];
    for (const next of refsIn(named.get(id)?.expr ?? { all: [] })) {
      const cycle = cycleFrom(next, [...path, id]);
      if (cycle) return cycle;
    }
    return null;
  };
  for (const n of tb.conditions) {
    const cycle = cycleFrom(n.id, []);
    if (cycle) problems.push(`named condition ${n.id}: cycle ${cycle.join(' → ')}`);
    if (!used.has(n.id)) problems.push(`named condition ${n.id} is never used`);
  }
  const seen = new Map<string, string>();
  const walk = (where: string, expr: Expr): void => {
    if ('ref' in expr) return;
    const key = JSON.stringify(expr, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
    const first = seen.get(key);
    if (first) problems.push(`${where}: ${key} is also written at ${first}; name it in conditions.json`);
    else seen.set(key, where);
    for (const part of 'all' in expr ? expr.all : 'any' in expr ? expr.any : 'not' in expr ? [expr.not] : []) walk(where, part);
  };
  for (const { where, expr } of sites) walk(where, expr);
  return problems;
}

/** Duplicate ids; advice ids may repeat across measures only with identical text and sources (the engine merges them by id). */
export function idProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const lists: [string, string[]][] = [
    ['source', tb.sources.map((s) => s.id)],
    ['fact group', tb.factGroups.map((g) => g.id)],
    ['fact', tb.facts.map((f) => f.id)],
    ['parameter', tb.parameters.map((p) => p.id)],
    ['calc', tb.calcs.map((c) => c.id)],
    ['step', tb.steps.map((s) => s.id)],
    ['measure', tb.measures.map((m) => m.id)],
    ['precedence edge', tb.precedence.map((e) => `${e.before} → ${e.after}`)],
  ];
  for (const f of tb.facts) lists.push([`option of fact ${f.id}`, (f.options ?? []).map((o) => o.value)]);
  for (const m of tb.measures) {
    const ruleIds = [...conditionsOf(m).map(({ c }) => c.id), ...(m.obligation ? [m.obligation.id] : [])];
    lists.push([`rule in measure ${m.id}`, ruleIds]);
    lists.push([`advice in measure ${m.id}`, [...m.dos, ...m.donts].map((a) => a.id)]);
    lists.push([`subsidy scheme in measure ${m.id}`, m.subsidies.map((s) => s.scheme)]);
  }
  for (const [kind, ids] of lists) for (const id of duplicates(ids)) problems.push(`duplicate ${kind} id "${id}"`);

  const advice = new Map<string, { measure: string; key: string }>();
  for (const m of tb.measures) {
    for (const a of [...m.dos, ...m.donts]) {
      const key = JSON.stringify([a.text, [...a.sources].sort()]);
      const seen = advice.get(a.id);
      if (seen && seen.key !== key && seen.measure !== m.id) {
        problems.push(`advice id "${a.id}" in ${seen.measure} and ${m.id} with different text or sources`);
      }
      if (!seen) advice.set(a.id, { measure: m.id, key });
    }
  }
  return problems;
}

/** Every reference resolves: sources, fact groups, facts, parameters, calcs (and the calcs' own facts and parameters), steps. */
export function referenceProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const sources = new Set(tb.sources.map((s) => s.id));
  const facts = new Map(tb.facts.map((f) => [f.id, f]));
  const params = new Set(tb.parameters.map((p) => p.id));
  const calcIds = new Set(tb.calcs.map((c) => c.id));
  const steps = new Set(tb.steps.map((s) => s.id));
  const groups = new Map(tb.factGroups.map((g) => [g.id, g]));

  for (const { where, sources: cited } of citations(tb)) {
    for (const id of cited) if (!sources.has(id)) problems.push(`${where}: source "${id}" not in sources.json`);
  }
  for (const f of tb.facts) {
    const g = groups.get(f.group);
    if (!g) problems.push(`fact ${f.id}: group "${f.group}" not in facts.json groups`);
    else if (g.scope !== f.scope) problems.push(`fact ${f.id} (${f.scope}) is in group ${g.id} (${g.scope})`);
  }
  const checkRef = (where: string, ref: Partial<Record<'fact' | 'param' | 'calc', string>>): void => {
    if (ref.fact !== undefined && !facts.has(ref.fact)) problems.push(`${where}: fact "${ref.fact}" not in facts.json`);
    if (ref.param !== undefined && !params.has(ref.param)) problems.push(`${where}: parameter "${ref.param}" not in parameters.json`);
    if (ref.calc !== undefined && !calcIds.has(ref.calc)) problems.push(`${where}: calc "${ref.calc}" not in calcs.json`);
  };
  for (const { where, c } of allComparisons(tb)) {
    checkRef(where, c);
    const ref = refOf(c.value);
    if (ref) checkRef(`${where} (value)`, ref);
  }
  for (const m of tb.measures) for (const q of m.quantities) checkRef(`measure ${m.id} quantities`, { calc: q });
  for (const m of tb.measures) for (const q of businessCalcIds(m)) checkRef(`measure ${m.id} business`, { calc: q });
  // The engine's formulas read facts and parameters by id: those must exist in the data.
  for (const def of calcs) {
    for (const f of def.facts) checkRef(`calc ${def.id} facts`, { fact: f });
    for (const p of def.params) checkRef(`calc ${def.id} params`, { param: p });
    for (const u of def.uses) checkRef(`calc ${def.id} uses`, { calc: u });
  }
  // Every calc in the data has exactly one formula, and every formula a record in the data.
  const formulas = new Set(calcs.map((c) => c.id));
  for (const id of calcIds) if (!formulas.has(id)) problems.push(`calcs.json: calc "${id}" has no formula in src/engine/calcs/`);
  for (const id of formulas) if (!calcIds.has(id)) problems.push(`formula "${id}" has no record in calcs.json`);
  for (const { where, step } of stepRefs(tb)) if (!steps.has(step)) problems.push(`${where}: step "${step}" not in steps.json`);
  return problems;
}

/** Enum comparisons only use option values the fact defines. */
export function enumProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const facts = new Map(tb.facts.map((f) => [f.id, f]));
  for (const { where, c } of allComparisons(tb)) {
    const fact = c.fact !== undefined ? facts.get(c.fact) : undefined;
    if (!fact || fact.type !== 'enum' || refOf(c.value)) continue;
    const options = new Set((fact.options ?? []).map((o) => o.value));
    const values = Array.isArray(c.value) ? c.value : [c.value];
    for (const v of values) {
      if (typeof v !== 'string' || !options.has(v)) {
        problems.push(`${where}: ${JSON.stringify(v)} is not an option of ${fact.id} (${[...options].join(', ')})`);
      }
    }
  }
  return problems;
}

/** The value type of a comparison's subject or operand: number, boolean, date, enum (string) or string. */
type ValueType = 'number' | 'boolean' | 'date' | 'string';
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function typeOfFact(f: Fact): ValueType {
  return f.type === 'enum' ? 'string' : f.type === 'boolean' ? 'boolean' : 'number';
}

/** Subject and value of every comparison have the same type; ordering ops only on numbers and dates. */
export function typeProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const facts = new Map(tb.facts.map((f) => [f.id, f]));
  const params = new Map(tb.parameters.map((p) => [p.id, p]));
  const paramType = (id: string): ValueType | undefined => {
    const p = params.get(id);
    if (!p) return undefined;
    if (p.unit === 'date') return 'date';
    const t = typeof p.values[0]?.value;
    return t === 'number' ? 'number' : t === 'boolean' ? 'boolean' : 'string';
  };
  const literalType = (v: unknown): ValueType =>
    typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' && DATE_RE.test(v) ? 'date' : 'string';
  const refType = (ref: Partial<Record<'fact' | 'param' | 'calc', string>>): ValueType | undefined => {
    if (ref.fact !== undefined) {
      const f = facts.get(ref.fact);
      return f ? typeOfFact(f) : undefined;
    }
    if (ref.param !== undefined) return paramType(ref.param);
    if (ref.calc !== undefined) return tb.calcs.some((x) => x.id === ref.calc) ? 'number' : undefined;
    return undefined;
  };
  for (const { where, c } of allComparisons(tb)) {
    const subject: ValueType | undefined = c.assessmentDate ? 'date' : refType(c);
    if (!subject) continue; // unresolved: reported by the reference check
    const ref = refOf(c.value);
    const valueTypes: (ValueType | undefined)[] = ref ? [refType(ref)] : (Array.isArray(c.value) ? c.value : [c.value as Operand]).map(literalType);
    for (const t of valueTypes) {
      if (t && t !== subject) problems.push(`${where}: compares a ${subject} with a ${t} (${JSON.stringify(c.value)})`);
    }
    if (['lt', 'lte', 'gt', 'gte'].includes(c.op) && subject !== 'number' && subject !== 'date') {
      problems.push(`${where}: "${c.op}" on a ${subject}`);
    }
  }
  for (const p of tb.parameters) {
    const types = new Set(p.values.map((v) => typeof v.value));
    if (types.size > 1) problems.push(`parameter ${p.id}: values of mixed types (${[...types].join(', ')})`);
  }
  return problems;
}

/** A terrain-level measure is evaluated without a building: a building fact in its rules would always be unknown. */
export function scopeProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const facts = new Map(tb.facts.map((f) => [f.id, f]));
  for (const { where, measure, c } of allComparisons(tb)) {
    if (measure.scope !== 'terrain') continue;
    const ref = refOf(c.value);
    for (const id of [c.fact, ref && 'fact' in ref ? ref.fact : undefined]) {
      if (id !== undefined && facts.get(id)?.scope === 'building') problems.push(`${where}: terrain measure reads building fact ${id}`);
    }
  }
  return problems;
}

/** A cycle in the precedence graph as a path (first step repeated at the end), or null. */
export function findCycle(tb: Toolbox): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of tb.precedence) next.set(e.before, [...(next.get(e.before) ?? []), e.after]);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const n of next.get(id) ?? []) {
      const cycle = visit(n);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  const nodes = [...new Set([...tb.steps.map((s) => s.id), ...tb.precedence.flatMap((e) => [e.before, e.after])])];
  for (const id of nodes) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return null;
}

/** Edges that go from a later phase back to an earlier one. */
export function phaseProblems(tb: Toolbox): string[] {
  const phase = new Map(tb.steps.map((s) => [s.id, s.phase]));
  return tb.precedence
    .filter((e) => (phase.get(e.before) ?? 0) > (phase.get(e.after) ?? 9))
    .map((e) => `edge ${e.before} (phase ${phase.get(e.before)}) → ${e.after} (phase ${phase.get(e.after)}) runs backwards`);
}

/** Places that should cite a source but cite none. */
export function uncitedProblems(tb: Toolbox): string[] {
  return citations(tb)
    .filter((c) => !Array.isArray(c.sources) || c.sources.length === 0)
    .map((c) => `${c.where} cites no source`);
}

/** Parameters: a unit, a checked date per value, sane and non-overlapping validity windows [validFrom, validTo). */
export function parameterProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  for (const p of tb.parameters) {
    if (typeof p.unit !== 'string' || p.unit.trim() === '') problems.push(`parameter ${p.id}: no unit`);
    if (p.values.length === 0) problems.push(`parameter ${p.id}: no values`);
    p.values.forEach((v, i) => {
      const at = `parameter ${p.id} value #${i + 1}`;
      if (typeof v.checked !== 'string' || !DATE_RE.test(v.checked)) problems.push(`${at}: no checked date`);
      if (v.validFrom && v.validTo && v.validFrom >= v.validTo) problems.push(`${at}: validFrom ${v.validFrom} is not before validTo ${v.validTo}`);
    });
    const windows = p.values
      .map((v, i) => ({ i: i + 1, from: v.validFrom ?? '0000-00-00', to: v.validTo ?? '9999-99-99' }))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (let k = 1; k < windows.length; k++) {
      const [a, b] = [windows[k - 1], windows[k]];
      if (b.from < a.to) problems.push(`parameter ${p.id}: values #${a.i} [${a.from}, ${a.to}) and #${b.i} [${b.from}, ${b.to}) overlap`);
    }
    // A user's own value stands in for the toolbox value: the toolbox value must be a number in the allowed range.
    const adj = p.adjustable;
    if (adj) {
      if (!(adj.min < adj.max)) problems.push(`parameter ${p.id}: adjustable range [${adj.min}, ${adj.max}] is empty`);
      p.values.forEach((v, i) => {
        if (typeof v.value !== 'number' || v.value < adj.min || v.value > adj.max) problems.push(`parameter ${p.id} value #${i + 1}: ${String(v.value)} is outside its adjustable range [${adj.min}, ${adj.max}]`);
      });
    }
  }
  return problems;
}

/** Parameters used by the rules: directly in expressions, or through a calc that an expression or a quantity uses. */
/** The calcs a measure's business case names. */
const businessCalcIds = (m: Toolbox['measures'][number]): string[] => (m.business ? [m.business.investment, m.business.savings, m.business.payback].filter((id): id is string => !!id) : []);

export function usedParameters(tb: Toolbox): Set<string> {
  const used = new Set<string>();
  const usedCalcs = new Set<string>();
  for (const { c } of allComparisons(tb)) {
    if (c.param !== undefined) used.add(c.param);
    if (c.calc !== undefined) usedCalcs.add(c.calc);
    const ref = refOf(c.value);
    if (ref && 'param' in ref) used.add(ref.param);
    if (ref && 'calc' in ref) usedCalcs.add(ref.calc);
  }
  for (const m of tb.measures) [...m.quantities, ...businessCalcIds(m)].forEach((q) => usedCalcs.add(q));
  for (const st of tb.steps) if (st.applicationWindow) used.add(st.applicationWindow);
  for (const id of usedCalcs) calcParams(id).forEach((p) => used.add(p));
  // The grid summary reads a few parameters itself (src/engine/grid.ts).
  for (const id of GRID_PARAMETERS) used.add(id);
  // The compare view's CO₂ figure reads its emission factors (src/features/compare/co2.ts).
  for (const id of CO2_PARAMETERS) used.add(id);
  return used;
}

export function unusedParameters(tb: Toolbox): string[] {
  const used = usedParameters(tb);
  return tb.parameters.map((p) => p.id).filter((id) => !used.has(id));
}

export function unusedSources(tb: Toolbox): string[] {
  const cited = new Set(citations(tb).flatMap((c) => c.sources));
  return tb.sources.map((s) => s.id).filter((id) => !cited.has(id));
}

/** Lead times: min ≤ max, a checked date; an application window names a switch parameter (true in a round, false between). */
export function leadTimeProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const params = new Map(tb.parameters.map((p) => [p.id, p]));
  for (const st of tb.steps) {
    const lt = st.leadTimeWeeks;
    if (!lt) { problems.push(`step ${st.id}: no lead time`); continue; }
    if (!(Number.isInteger(lt.min) && Number.isInteger(lt.max) && 0 <= lt.min && lt.min <= lt.max)) problems.push(`step ${st.id}: lead time [${lt.min}, ${lt.max}] is not 0 ≤ min ≤ max in whole weeks`);
    if (typeof lt.checked !== 'string' || !DATE_RE.test(lt.checked)) problems.push(`step ${st.id}: lead time has no checked date`);
    if (st.applicationWindow === undefined) continue;
    const p = params.get(st.applicationWindow);
    if (!p) problems.push(`step ${st.id}: application window "${st.applicationWindow}" not in parameters.json`);
    else if (p.values.some((v) => typeof v.value !== 'boolean')) problems.push(`step ${st.id}: application window ${p.id} is not a switch (true/false)`);
  }
  return problems;
}
