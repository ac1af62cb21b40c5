/**
 * Data tests for the toolbox (SPEC §3): every file validates against its JSON Schema,
 * ids are unique, every reference resolves, the step graph is acyclic and runs forward
 * through the phases, everything that states a rule or a number cites a source, and
 * the contract ids of SPEC §4-§6 exist. The checks are plain functions over a Toolbox
 * that return a list of problems, so the last block can prove they are not vacuous.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type AnySchema, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { calcParams, calcs } from '../../src/engine/calcs';
import { bundledToolbox } from '../../src/engine/toolbox';
import type { Comparison, Condition, Expr, Fact, Measure, Operand, Terrain, Toolbox } from '../../src/engine/types';
import { checkFactValue } from '../../src/engine/validate';
import { addAnnotationKeywords } from '../../scripts/gen-export-validator';

// ---------------------------------------------------------------- raw files

const DATA_DIR = fileURLToPath(new URL('../../toolbox-data/', import.meta.url));
const readJson = (rel: string): unknown => JSON.parse(readFileSync(join(DATA_DIR, rel), 'utf8'));

/** Each data file with the schema it must satisfy. */
const DATA_FILES: [file: string, schema: string][] = [
  ['toolbox.json', 'toolbox.schema.json'],
  ['sources.json', 'sources.schema.json'],
  ['facts.json', 'facts.schema.json'],
  ['parameters.json', 'parameters.schema.json'],
  ['conditions.json', 'conditions.schema.json'],
  ['calcs.json', 'calcs.schema.json'],
  ['steps.json', 'steps.schema.json'],
  ['measures.json', 'measures.schema.json'],
];
const EXAMPLES = readdirSync(join(DATA_DIR, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Ajv with every schema in toolbox-data/schema/ registered under its $id (the file name). */
function makeAjv(): Ajv {
  const ajv = addAnnotationKeywords(new Ajv({ allErrors: true, strict: true }));
  for (const file of readdirSync(join(DATA_DIR, 'schema')).filter((f) => f.endsWith('.schema.json'))) {
    ajv.addSchema(readJson(`schema/${file}`) as AnySchema);
  }
  return ajv;
}
const ajv = makeAjv();

/** Readable ajv errors: the path, the nearest record id on it, the message. if/then/else wrappers are left out. */
function describeErrors(data: unknown, errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      let node: unknown = data;
      let id: string | undefined;
      for (const part of e.instancePath.split('/').slice(1)) {
        if (node === null || typeof node !== 'object') break;
        node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
        const nodeId = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
        if (typeof nodeId === 'string') id = nodeId;
      }
      return `  ${e.instancePath || '/'}${id ? ` (${id})` : ''}: ${e.message} ${JSON.stringify(e.params)}`;
    })
    .join('\n');
}

function schemaErrors(schema: string, data: unknown): string {
  const validate = ajv.getSchema(schema);
  if (!validate) return `schema ${schema} not found`;
  return validate(data) ? '' : describeErrors(data, validate.errors);
}

// ---------------------------------------------------------------- walking the toolbox

/** Every expression in the toolbox, with where it sits. */
interface ExprSite {
  where: string;
  measure: Measure;
  expr: Expr;
}

function conditionsOf(m: Measure): { list: 'applies' | 'conditions'; c: Condition }[] {
  return [...m.applies.map((c) => ({ list: 'applies' as const, c })), ...m.conditions.map((c) => ({ list: 'conditions' as const, c }))];
}

function expressions(tb: Toolbox): ExprSite[] {
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
  return out;
}

/** The comparisons of an expression, through the named conditions it uses (an unknown name or a cycle is reported by namedConditionProblems). */
function comparisons(tb: Toolbox, expr: Expr, names: string[] = []): Comparison[] {
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
function allComparisons(tb: Toolbox): (ExprSite & { c: Comparison })[] {
  return expressions(tb).flatMap((site) => comparisons(tb, site.expr).map((c) => ({ ...site, c })));
}

/** The names an expression uses directly. */
function refsIn(expr: Expr): string[] {
  if ('all' in expr) return expr.all.flatMap(refsIn);
  if ('any' in expr) return expr.any.flatMap(refsIn);
  if ('not' in expr) return refsIn(expr.not);
  return 'ref' in expr ? [expr.ref] : [];
}

/** Named conditions: every name used exists, none refers to itself through others, each is used, and no expression is written twice (a repeat must be a named condition). */
function namedConditionProblems(tb: Toolbox): string[] {
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

type Ref = { param: string } | { fact: string } | { calc: string };
/** The operand as a reference, or undefined for a literal or a literal list. */
function refOf(value: Comparison['value']): Ref | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Ref) : undefined;
}

/** Every place that cites sources. */
interface Citation {
  where: string;
  sources: string[];
}

function citations(tb: Toolbox): Citation[] {
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
  for (const s of tb.steps) out.push({ where: `step ${s.id}`, sources: s.sources });
  for (const e of tb.precedence) out.push({ where: `edge ${e.before} → ${e.after}`, sources: e.sources });
  for (const p of tb.parameters) {
    p.values.forEach((v, i) => out.push({ where: `parameter ${p.id} value #${i + 1}`, sources: v.sources }));
  }
  return out;
}

/** Every step id a measure refers to. */
function stepRefs(tb: Toolbox): { where: string; step: string }[] {
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

const duplicates = (ids: string[]): string[] => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];

// ---------------------------------------------------------------- the checks

/** Duplicate ids; advice ids may repeat across measures only with identical text and sources (the engine merges them by id). */
function idProblems(tb: Toolbox): string[] {
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
function referenceProblems(tb: Toolbox): string[] {
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
function enumProblems(tb: Toolbox): string[] {
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

function typeOfFact(f: Fact): ValueType {
  return f.type === 'enum' ? 'string' : f.type === 'boolean' ? 'boolean' : 'number';
}

/** Subject and value of every comparison have the same type; ordering ops only on numbers and dates. */
function typeProblems(tb: Toolbox): string[] {
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
function scopeProblems(tb: Toolbox): string[] {
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
function findCycle(tb: Toolbox): string[] | null {
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
function phaseProblems(tb: Toolbox): string[] {
  const phase = new Map(tb.steps.map((s) => [s.id, s.phase]));
  return tb.precedence
    .filter((e) => (phase.get(e.before) ?? 0) > (phase.get(e.after) ?? 9))
    .map((e) => `edge ${e.before} (phase ${phase.get(e.before)}) → ${e.after} (phase ${phase.get(e.after)}) runs backwards`);
}

/** Places that should cite a source but cite none. */
function uncitedProblems(tb: Toolbox): string[] {
  return citations(tb)
    .filter((c) => !Array.isArray(c.sources) || c.sources.length === 0)
    .map((c) => `${c.where} cites no source`);
}

/** Parameters: a unit, a checked date per value, sane and non-overlapping validity windows [validFrom, validTo). */
function parameterProblems(tb: Toolbox): string[] {
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
function usedParameters(tb: Toolbox): Set<string> {
  const used = new Set<string>();
  const usedCalcs = new Set<string>();
  for (const { c } of allComparisons(tb)) {
    if (c.param !== undefined) used.add(c.param);
    if (c.calc !== undefined) usedCalcs.add(c.calc);
    const ref = refOf(c.value);
    if (ref && 'param' in ref) used.add(ref.param);
    if (ref && 'calc' in ref) usedCalcs.add(ref.calc);
  }
  for (const m of tb.measures) m.quantities.forEach((q) => usedCalcs.add(q));
  for (const id of usedCalcs) calcParams(id).forEach((p) => used.add(p));
  return used;
}

function unusedParameters(tb: Toolbox): string[] {
  const used = usedParameters(tb);
  return tb.parameters.map((p) => p.id).filter((id) => !used.has(id));
}

function unusedSources(tb: Toolbox): string[] {
  const cited = new Set(citations(tb).flatMap((c) => c.sources));
  return tb.sources.map((s) => s.id).filter((id) => !cited.has(id));
}

// ---------------------------------------------------------------- contract ids (SPEC §4-§6)

const CONTRACT_STEPS = [
  'measure-consumption', 'energy-saving-measures', 'grid-operator-consultation', 'transport-indication', 'roof-inspection',
  'asbestos-removal', 'roof-renewal', 'structural-calculation', 'insurer-notification', 'owner-consent', 'permit-check',
  'form-collective', 'group-contract', 'found-cooperative', 'subsidy-application', 'isde-application', 'pv-installation',
  'heat-pump-installation', 'charging-installation', 'battery-installation', 'generator-registration', 'scope12-inspection',
  'eia-notification',
];

const CONTRACT_MEASURES = [
  'energy-saving', 'office-label-c', 'pv-roof', 'pv-carport', 'sce-cooperative-roof', 'battery', 'energy-hub', 'heat-network',
  'residual-heat', 'heat-pump', 'ground-source', 'ev-charging', 'fleet-charging',
];

/** SPEC §4: fact id → scope and kind; enums with their options exactly as the spec lists them. */
type ContractFact = { scope: 'terrain' | 'building'; kind: 'number' | 'boolean' | string[] };
const num = (scope: ContractFact['scope']): ContractFact => ({ scope, kind: 'number' });
const bool = (scope: ContractFact['scope']): ContractFact => ({ scope, kind: 'boolean' });
const oneOf = (scope: ContractFact['scope'], options: string[]): ContractFact => ({ scope, kind: options });
const CONGESTION = ['none', 'yellow', 'orange', 'red'];
const CONTRACT_FACTS: Record<string, ContractFact> = {
  organisation: oneOf('terrain', ['none', 'association', 'parkmanagement', 'biz', 'cooperative']),
  congestionOfftake: oneOf('terrain', CONGESTION),
  congestionFeedIn: oneOf('terrain', CONGESTION),
  heatNetwork: oneOf('terrain', ['present', 'planned', 'none']),
  heatNetworkDistanceM: num('terrain'),
  residualHeatSupply: bool('terrain'),
  groundwaterProtection: bool('terrain'),
  coastalStrip: bool('terrain'),
  energyCooperative: oneOf('terrain', ['active', 'none']),
  gridStationSpace: bool('terrain'),
  use: oneOf('building', ['office', 'industry', 'logistics', 'retail', 'other']),
  floorAreaM2: num('building'),
  officeAreaM2: num('building'),
  energyLabel: oneOf('building', ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'none']),
  monument: oneOf('building', ['none', 'monument', 'protected-cityscape']),
  tenure: oneOf('building', ['owner', 'tenant']),
  connection: oneOf('building', ['small', 'large']),
  contractedOfftakeKw: num('building'),
  contractedFeedInKw: num('building'),
  peakOfftakeKw: num('building'),
  electricityKwh: num('building'),
  gasM3: num('building'),
  roofAreaM2: num('building'),
  roofType: oneOf('building', ['flat', 'pitched']),
  roofOrientation: oneOf('building', ['south', 'east-west', 'north', 'other']),
  roofInsulation: oneOf('building', ['mineral-wool', 'eps', 'pur-pir', 'none']),
  sandwichPanels: bool('building'),
  roofCovering: oneOf('building', ['bitumen', 'epdm', 'pvc-tpo', 'metal', 'other']),
  asbestos: bool('building'),
  roofRemainingLifeYears: num('building'),
  roofLoadReserveKgM2: num('building'),
  shading: oneOf('building', ['none', 'partial', 'heavy']),
  existingPvKwp: num('building'),
  parkingSpaces: num('building'),
  parkingAreaM2: num('building'),
  vans: num('building'),
  trucks: num('building'),
  fleetElectrification: bool('building'),
  heating: oneOf('building', ['gas', 'heat-pump', 'district-heat', 'electric', 'other']),
  plannedHeatPumpKwTh: num('building'),
  insurerInformed: bool('building'),
  newBuildOrMajorRenovation: bool('building'),
  residualHeatAvailable: bool('building'),
};

function contractFactProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const facts = new Map(tb.facts.map((f) => [f.id, f]));
  for (const [id, want] of Object.entries(CONTRACT_FACTS)) {
    const f = facts.get(id);
    if (!f) {
      problems.push(`fact ${id} missing`);
      continue;
    }
    if (f.scope !== want.scope) problems.push(`fact ${id}: scope ${f.scope}, SPEC §4 says ${want.scope}`);
    if (want.kind === 'number' && f.type !== 'number' && f.type !== 'integer') problems.push(`fact ${id}: type ${f.type}, expected a number`);
    if (want.kind === 'boolean' && f.type !== 'boolean') problems.push(`fact ${id}: type ${f.type}, expected boolean`);
    if (Array.isArray(want.kind)) {
      const options = (f.options ?? []).map((o) => o.value);
      if (f.type !== 'enum') problems.push(`fact ${id}: type ${f.type}, expected enum`);
      else if (JSON.stringify([...options].sort()) !== JSON.stringify([...want.kind].sort())) {
        problems.push(`fact ${id}: options [${options.join(', ')}], SPEC §4 says [${want.kind.join(', ')}]`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------- tests

const tb = bundledToolbox;

describe('toolbox data: schemas', () => {
  it.each(DATA_FILES)('%s validates against schema/%s', (file, schema) => {
    const errors = schemaErrors(schema, readJson(file));
    expect(errors, `${file} does not match ${schema}:\n${errors}`).toBe('');
  });

  it.each(EXAMPLES)('examples/%s validates against schema/terrain.schema.json', (file) => {
    const errors = schemaErrors('terrain.schema.json', readJson(`examples/${file}`));
    expect(errors, `examples/${file} does not match terrain.schema.json:\n${errors}`).toBe('');
  });

  it('example terrains use catalogue facts in the right scope with valid values and unique building ids', () => {
    expect(EXAMPLES.length).toBeGreaterThan(0);
    const facts = new Map(tb.facts.map((f) => [f.id, f]));
    const problems: string[] = [];
    for (const file of EXAMPLES) {
      const terrain = readJson(`examples/${file}`) as Terrain;
      const check = (where: string, scope: Fact['scope'], values: Record<string, unknown>): void => {
        for (const [id, value] of Object.entries(values)) {
          const f = facts.get(id);
          if (!f) problems.push(`${file} ${where}: unknown fact ${id}`);
          else if (f.scope !== scope) problems.push(`${file} ${where}: ${id} is a ${f.scope} fact`);
          else {
            const r = checkFactValue(f, value);
            if (!r.ok) problems.push(`${file} ${where}: ${id} = ${JSON.stringify(value)}: ${r.message.en}`);
          }
        }
      };
      check('terrain', 'terrain', terrain.facts);
      for (const b of terrain.buildings) check(`building ${b.id}`, 'building', b.facts);
      for (const id of duplicates(terrain.buildings.map((b) => b.id))) problems.push(`${file}: duplicate building id ${id}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('toolbox data: integrity', () => {
  it('ids are unique within each file (sources, facts, parameters, steps, measures, rules per measure); advice ids repeat only with identical text', () => {
    expect(idProblems(tb)).toEqual([]);
  });

  it('every reference resolves (sources, fact groups, facts, parameters, calcs, steps); every calc has exactly one formula and vice versa', () => {
    expect(referenceProblems(tb)).toEqual([]);
  });

  it('named conditions resolve, have no cycle, are all used, and no expression is written twice', () => {
    expect(namedConditionProblems(tb)).toEqual([]);
  });

  it('enum comparisons only use option values the fact defines', () => {
    expect(enumProblems(tb)).toEqual([]);
  });

  it('comparisons compare like with like (number, boolean, date, option) and order only numbers and dates', () => {
    expect(typeProblems(tb)).toEqual([]);
  });

  it('terrain-level measures read no building facts directly', () => {
    expect(scopeProblems(tb)).toEqual([]);
  });

  it('the step graph has no cycle', () => {
    expect(findCycle(tb)).toBeNull();
  });

  it('no precedence edge goes from a later phase to an earlier phase', () => {
    expect(phaseProblems(tb)).toEqual([]);
  });

  it('every condition, obligation, advice item, subsidy route, step, precedence edge and parameter value cites a source', () => {
    expect(uncitedProblems(tb)).toEqual([]);
  });

  it('every parameter has a unit, every value a checked date, validity windows do not overlap, and adjustable values lie in their range', () => {
    expect(parameterProblems(tb)).toEqual([]);
  });
});

describe('toolbox data: SPEC contract ids', () => {
  it('the SPEC §6 step ids exist', () => {
    const ids = new Set(tb.steps.map((s) => s.id));
    expect(CONTRACT_STEPS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('the SPEC §5 measure ids exist', () => {
    const ids = new Set(tb.measures.map((m) => m.id));
    expect(CONTRACT_MEASURES.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('the SPEC §4 fact ids exist with their scope, type and options', () => {
    expect(contractFactProblems(tb)).toEqual([]);
  });
});

describe('toolbox data: nothing unused', () => {
  it('every parameter is used by an expression or by a calc the toolbox uses', () => {
    expect(unusedParameters(tb), 'unused parameters').toEqual([]);
  });

  it('every source is cited at least once', () => {
    expect(unusedSources(tb), 'unused sources').toEqual([]);
  });
});

describe('toolbox data: the checks are not vacuous', () => {
  const copy = (): Toolbox => structuredClone(tb);

  it('a citation of a missing source, fact, parameter, calc or step is reported', () => {
    const broken = copy();
    broken.measures[0].sources.push('no-such-source');
    broken.precedence[0].sources.push('another-missing-source');
    const condition = broken.measures.flatMap((m) => m.conditions)[0];
    condition.test = { all: [{ fact: 'noSuchFact', op: 'eq', value: { param: 'noSuchParam' } }, { calc: 'noSuchCalc', op: 'gt', value: 0 }] };
    condition.resolvedBy = ['no-such-step'];
    const problems = referenceProblems(broken).join('\n');
    for (const id of ['no-such-source', 'another-missing-source', 'noSuchFact', 'noSuchParam', 'noSuchCalc', 'no-such-step']) {
      expect(problems).toContain(`"${id}"`);
    }
    // A calc record without a formula, and a formula whose record is gone.
    broken.calcs.push({ id: 'noFormula', label: { nl: 'x', en: 'x' }, unit: 'kW' });
    broken.calcs = broken.calcs.filter((c) => c.id !== 'officeShare');
    const calcProblems = referenceProblems(broken).join('\n');
    expect(calcProblems).toContain('calc "noFormula" has no formula');
    expect(calcProblems).toContain('formula "officeShare" has no record in calcs.json');
    expect(unusedSources(broken)).toEqual(unusedSources(tb)); // a phantom citation does not count as using a real source
  });

  it('an unknown name, a cycle of names, an unused name and a repeated expression are reported', () => {
    const broken = copy();
    const named = (id: string) => broken.conditions.find((n) => n.id === id)!;
    named('gridCongested').expr = { all: [named('gridCongested').expr, { ref: 'noSuchCondition' }] };
    // pvSdeRoute uses pvSdeSize; now pvSdeSize uses pvSdeRoute too.
    named('pvSdeSize').expr = { all: [named('pvSdeSize').expr, { ref: 'pvSdeRoute' }] };
    broken.conditions.push({ id: 'neverUsed', label: { nl: 'x', en: 'x' }, expr: { fact: 'trucks', op: 'gt', value: 7 }, sources: ['stb-2023-215'] });
    broken.measures[0].dos[0].when = { fact: 'trucks', op: 'gt', value: 7 };
    const problems = namedConditionProblems(broken).join('\n');
    expect(problems).toContain('"noSuchCondition"');
    expect(problems).toContain('cycle pvSdeSize → pvSdeRoute → pvSdeSize');
    expect(problems).toContain('named condition neverUsed is never used');
    expect(problems).toContain('{"fact":"trucks","op":"gt","value":7} is also written at');
  });

  it('an edge that closes a cycle is reported', () => {
    const broken = copy();
    const edge = broken.precedence[0];
    broken.precedence.push({ ...edge, before: edge.after, after: edge.before });
    const cycle = findCycle(broken);
    expect(cycle).not.toBeNull();
    expect(cycle).toContain(edge.before);
    expect(cycle).toContain(edge.after);
  });

  it('a longer cycle through three steps is reported', () => {
    const broken = copy();
    const [a, b] = [broken.precedence[0].before, broken.precedence[0].after];
    const onward = broken.precedence.find((e) => e.before === b);
    expect(onward).toBeDefined();
    broken.precedence.push({ ...broken.precedence[0], before: onward!.after, after: a });
    expect(findCycle(broken)).not.toBeNull();
  });

  it('a backward edge, an unknown option, an overlapping window, a missing citation and an unused parameter are reported', () => {
    const broken = copy();
    const late = broken.steps.find((s) => s.phase === 5)!;
    const early = broken.steps.find((s) => s.phase === 1)!;
    broken.precedence.push({ before: late.id, after: early.id, why: { nl: 'x', en: 'x' }, sources: [] });
    expect(phaseProblems(broken).join('\n')).toContain(late.id);
    expect(uncitedProblems(broken).join('\n')).toContain(`edge ${late.id} → ${early.id}`);

    broken.measures[0].dos.push({ id: 'do-test', text: { nl: 'x', en: 'x' }, sources: ['stb-2023-215'], when: { fact: 'connection', op: 'eq', value: 'huge' } });
    expect(enumProblems(broken).join('\n')).toContain('"huge"');
    broken.measures[0].donts.push({ id: 'dont-test', text: { nl: 'x', en: 'x' }, sources: ['stb-2023-215'], when: { fact: 'asbestos', op: 'eq', value: 'yes' } });
    expect(typeProblems(broken).join('\n')).toContain('compares a boolean with a string');

    const dated = broken.parameters.find((p) => p.values.length > 1)!;
    dated.values[0] = { ...dated.values[0], validFrom: undefined, validTo: undefined };
    expect(parameterProblems(broken).join('\n')).toContain(`parameter ${dated.id}`);
    const adjustable = broken.parameters.find((p) => p.adjustable)!;
    adjustable.adjustable = { ...adjustable.adjustable!, max: (adjustable.values[0].value as number) / 2 };
    expect(parameterProblems(broken).join('\n')).toContain(`parameter ${adjustable.id} value #1`);

    broken.parameters.push({ id: 'neverUsed', label: { nl: 'x', en: 'x' }, unit: '-', values: [{ value: 1, sources: ['stb-2023-215'], checked: '2026-01-01' }] });
    expect(unusedParameters(broken)).toEqual([...unusedParameters(tb), 'neverUsed']);

    broken.measures[1].dos.push({ ...broken.measures[0].dos[0], id: 'do-eml', text: { nl: 'anders', en: 'different' } });
    expect(idProblems(broken).join('\n')).toContain('do-eml');
  });

  it('the schemas reject a misspelt key, a comparison with two subjects and a list with "eq"', () => {
    const raw = readJson('measures.json') as { measures: Record<string, unknown>[] };
    const typo = structuredClone(raw);
    typo.measures[0].sumary = typo.measures[0].summary;
    expect(schemaErrors('measures.schema.json', typo)).toContain('additional properties');

    const twoSubjects = structuredClone(bundledToolbox.measures);
    const test = twoSubjects[1].applies[0].test as Comparison;
    test.fact = 'officeAreaM2';
    test.calc = 'officeShare';
    expect(schemaErrors('measures.schema.json', { measures: twoSubjects })).toContain('oneOf');

    const eqList = structuredClone(bundledToolbox.measures);
    eqList[0].obligation!.when = { fact: 'connection', op: 'eq', value: ['small', 'large'] };
    expect(schemaErrors('measures.schema.json', { measures: eqList })).not.toBe('');
  });
});
