/**
 * What an open verdict cannot be decided without, for the walk's ranking (questions.ts): the
 * facts every way to a decision needs, whatever the other open facts turn out to be, or null
 * when no way is left (each waits for a fact answered "onbekend"). Worked out in the engine's
 * three-valued logic on the facts known now, on the compiled rules as assessMeasure reads them:
 * a comparison needs its unknown facts (a calc the inputs it declares required, through the
 * calcs it uses); "all" true and "any" false need what every part needs, "all" false and
 * "any" true only what every part that could do it needs. Yes/no and option facts that several
 * rules of a measure compare are tried value by value, since one answer can open one way and
 * close another. Pure; reads no verdict and makes none.
 */
import { calcAt, calcs, calcIndex, newCalcCache } from './calcs';
import { factAt, paramAt, type Ctx, type Run } from './context';
import { evaluate, newMemo, type Node } from './expr';
import { ruleResult } from './measure';
import { BLOCKED, CONDITIONAL, FEASIBLE, NEEDS_INFO, type CompiledMeasure, type Program, type Rule } from './program';
import type { AssessOptions, FactValue, Terrain } from './types';
import { prepareRun } from './run';
import type { FactEntry } from './validate';

/** The facts a decision needs; null: none can come. */
export type Needs = ReadonlySet<string> | null;
const NOTHING: Needs = new Set<string>();
/** Both must happen. */
const together = (a: Needs, b: Needs): Needs => (!a || !b ? null : a.size === 0 ? b : b.size === 0 ? a : new Set([...a, ...b]));
/** Either will do. */
const eitherOf = (a: Needs, b: Needs): Needs => (!a ? b : !b ? a : new Set([...a].filter((f) => b.has(f))));

interface Visit {
  ctx: Ctx;
  /** Facts that stay unknown this visit ("onbekend", or the case being tried). */
  skipped: ReadonlySet<string>;
}

function needs(v: Visit, node: Node, want: 0 | 1): Needs {
  const now = evaluate(v.ctx, node);
  if (now !== -1) return now === want ? NOTHING : null;
  if (node.kind === 'not') return needs(v, node.children[0], want === 1 ? 0 : 1);
  if (node.kind === 'leaf') return comparisonNeeds(v, node);
  // "all" holds (and "any" fails) only when every part does; the other outcome when one part does.
  const everyPart = (node.kind === 'all') === (want === 1);
  let out: Needs = everyPart ? NOTHING : null;
  for (const child of node.children) out = everyPart ? together(out, needs(v, child, want)) : eitherOf(out, needs(v, child, want));
  return out;
}

function comparisonNeeds(v: Visit, node: Node): Needs {
  let out = NOTHING;
  for (const side of [node.subject!, node.target!]) {
    if (side.kind === 'fact' && factAt(v.ctx, side.slot) === null) out = together(out, v.skipped.has(side.id) ? null : new Set([side.id]));
    else if (side.kind === 'calc') out = together(out, calcNeeds(v, side.slot));
    else if (side.kind === 'param' && paramAt(v.ctx, side.slot) === null) return null;
  }
  return out;
}

function calcNeeds(v: Visit, slot: number): Needs {
  if (slot < 0) return null;
  const calc = calcs[slot];
  const r = calcAt(v.ctx, slot);
  // Known, or a bound that may do; a grid figure is made only after the verdicts.
  if (r.value !== null || calc.kind === 'grid') return NOTHING;
  // Unknown with nothing to ask, or only for facts that stay unknown (as the engine lists them).
  if (r.missing.every((f) => v.skipped.has(f))) return null;
  let out = NOTHING;
  for (const f of calc.required) if (factAt(v.ctx, factSlotOf(v, f)) === null) out = together(out, v.skipped.has(f) ? null : new Set([f]));
  for (const u of calc.uses) out = together(out, calcNeeds(v, calcIndex(u)));
  return out;
}

const factSlotOf = (v: Visit, factId: string): number => v.ctx.run.program.facts.get(factId)?.slot ?? -1;

/** A rule holds when its `when` fails or its test holds (Kleene implication). */
function ruleNeeds(v: Visit, r: Rule, want: 0 | 1): Needs {
  if (!r.when) return needs(v, r.test, want);
  return want === 1 ? eitherOf(needs(v, r.when, 0), needs(v, r.test, 1)) : together(needs(v, r.when, 1), needs(v, r.test, 0));
}

const decidedNeeds = (v: Visit, r: Rule): Needs => eitherOf(ruleNeeds(v, r, 1), ruleNeeds(v, r, 0));

/** The verdict as assessMeasure makes it: a failed test, or every test holding and the conditions decided. */
function caseNeeds(v: Visit, measure: CompiledMeasure): Needs {
  const results = measure.applies.map((a) => ruleResult(v.ctx, a));
  if (results.includes(0)) return NOTHING;
  const tests = measure.applies.filter((_, i) => results[i] === -1);
  let notApplicable: Needs = null;
  let applies = conditionsNeeds(v, measure);
  for (const a of tests) {
    notApplicable = eitherOf(notApplicable, ruleNeeds(v, a, 0));
    applies = together(applies, ruleNeeds(v, a, 1));
  }
  return eitherOf(notApplicable, applies);
}

/**
 * Open conditions decide the verdict when (a) every one whose unknown means needs-info is
 * answered, or (b) one fails that reaches blocked, or (c) one fails conditional (or one did) and
 * every open one that could block is answered.
 */
function conditionsNeeds(v: Visit, measure: CompiledMeasure): Needs {
  let failed = FEASIBLE;
  const open: Rule[] = [];
  for (const c of measure.conditions) {
    const r = ruleResult(v.ctx, c);
    if (r === 0) failed = Math.max(failed, c.onFailRank);
    else if (r === -1) open.push(c);
  }
  if (failed === BLOCKED) return NOTHING;
  let answered = NOTHING;
  let blocks: Needs = null;
  let conditional: Needs = failed >= CONDITIONAL ? NOTHING : null;
  for (const c of open) {
    if (c.onUnknownRank === NEEDS_INFO) answered = together(answered, decidedNeeds(v, c));
    if (c.onFailRank === BLOCKED) blocks = eitherOf(blocks, ruleNeeds(v, c, 0));
    else if (failed < CONDITIONAL) conditional = eitherOf(conditional, ruleNeeds(v, c, 0));
  }
  for (const c of open) if (c.onFailRank === BLOCKED) conditional = together(conditional, decidedNeeds(v, c));
  return eitherOf(answered, eitherOf(blocks, conditional));
}

/** The visit's facts by slot as assess cleans them (a building sees the terrain's too), and what expressions and calcs read of a run. */
export interface VisitFacts {
  terrain: FactValue[];
  building: FactValue[];
  run: Run;
}

export function visitFacts(one: Terrain, options: AssessOptions): VisitFacts {
  const { run, terrainCtx, buildingCtx } = prepareRun(one, options);
  return { terrain: terrainCtx.values, building: buildingCtx[0]?.values ?? terrainCtx.values.slice(), run };
}

/** A fresh context for one measure, with some facts answered (a case being tried). */
function visitWith(facts: VisitFacts, measure: CompiledMeasure, answers: [FactEntry, FactValue][], skipped: ReadonlySet<string>): Visit {
  const building = facts.building.slice();
  const terrain = facts.terrain.slice();
  for (const [entry, value] of answers) {
    building[entry.slot] = value;
    if (entry.fact.scope === 'terrain') terrain[entry.slot] = value;
  }
  const run = { ...facts.run, buildings: [building] };
  return { ctx: { run, values: measure.scope === 'terrain' ? terrain : building, memo: newMemo(facts.run.program.nodeCount, 1), base: 0, calcs: newCalcCache() }, skipped };
}

const splitCache = new WeakMap<CompiledMeasure, FactEntry[]>();
/**
 * The yes/no and option facts two or more of a measure's rules compare: tried value by value,
 * since one answer can open one way and close another (red offtake: the heat pump must fit the
 * contract; any other colour: it must fit the grid), which the rules one by one do not show.
 */
function splitFacts(program: Program, measure: CompiledMeasure): FactEntry[] {
  let out = splitCache.get(measure);
  if (!out) {
    const rulesComparing = new Map<string, number>();
    for (const r of [...measure.applies, ...measure.conditions]) {
      const compared = new Set<string>();
      const walk = (n: Node | undefined): void => {
        if (!n) return;
        if (n.subject?.kind === 'fact') compared.add(n.subject.id);
        n.children.forEach(walk);
      };
      walk(r.test);
      walk(r.when);
      for (const f of compared) rulesComparing.set(f, (rulesComparing.get(f) ?? 0) + 1);
    }
    out = [...rulesComparing]
      .filter(([, n]) => n > 1)
      .map(([f]) => program.facts.get(f))
      .filter((e): e is FactEntry => !!e && (e.fact.type === 'boolean' || e.fact.type === 'enum'));
    splitCache.set(measure, out);
  }
  return out;
}

const MAX_SPLITS = 2;

/**
 * What an open verdict needs: over every case of its split facts still open (each answered, or
 * left unknown), what every case needs, and a split fact where leaving it unknown decides nothing.
 */
export function verdictNeeds(facts: VisitFacts, measure: CompiledMeasure, skipped: ReadonlySet<string>): Needs {
  const program = facts.run.program;
  const splits = splitFacts(program, measure)
    .filter((e) => facts.building[e.slot] === null && !skipped.has(e.fact.id))
    .slice(0, MAX_SPLITS);
  let cases: [FactEntry, FactValue][][] = [[]];
  for (const e of splits) {
    const values: FactValue[] = e.fact.type === 'boolean' ? [true, false] : (e.fact.options ?? []).map((o) => o.value);
    cases = cases.flatMap((c) => [c, ...values.map((value): [FactEntry, FactValue][] => [...c, [e, value]])]);
  }
  let out: Needs = null;
  for (const answers of cases) {
    const left = splits.filter((e) => !answers.some(([a]) => a === e)).map((e) => e.fact.id);
    const n = caseNeeds(visitWith(facts, measure, answers, left.length ? new Set([...skipped, ...left]) : skipped), measure);
    out = eitherOf(out, together(n, new Set(answers.map(([e]) => e.fact.id))));
  }
  return out;
}

