/**
 * The questions of one building's site visit, most decisive first. The engine's own
 * `nextQuestions` count how many verdicts a fact helps; here each open fact is answered in
 * advance with every value it can take (booleans, options, and numbers either side of the
 * limits the rules compare it with) on the terrain with only this building, and scored by
 * how many of its open (needs-info) verdicts that answer decides, on average. A fact that
 * decides nothing alone falls back on the verdicts it helps and the questions it makes moot.
 * Only facts on a verdict's cheapest way to a decision are asked (`decidingRules`): a fact whose
 * every answer leaves every status as it is (a tenant's asbestos) is not a question. Within the
 * verdict in focus, the facts it cannot be decided without come first (`verdictNeeds`: the
 * planned heat pump's power before the grid figures it is compared with), so that an "onbekend"
 * costs no answers; a verdict that can no longer be decided without a fact answered "onbekend"
 * asks nothing more (fleet charging once the vans, trucks and electrification plans are unknown).
 * Pure; `relevantFacts` says which facts can matter to the building at all (for the form).
 */
import { calcs, calcIndex } from './calcs';
import type { Run } from './context';
import { assess } from './index';
import { emlFacts } from './eml';
import type { Node } from './expr';
import { CONDITIONAL, NEEDS_INFO, programFor, type CompiledMeasure, type Program } from './program';
import { bundledToolbox } from './toolbox';
import type { AssessOptions, Assessment, Fact, FactValue, Reason, Scope, Terrain, Toolbox } from './types';
import { verdictNeeds, visitFacts, type Needs } from './verdictNeeds';

interface Reads {
  /** Per measure, every fact its data reads. */
  measures: Map<string, Set<string>>;
  /** Per measure, the facts of all its decisive rules. */
  decisiveByMeasure: Map<string, Set<string>>;
}
const readCache = new WeakMap<Toolbox, Reads>();

/** What the toolbox's data reads: in expressions, through named conditions and through calcs (and the calcs they use). */
function reads(toolbox: Toolbox): Reads {
  const cached = readCache.get(toolbox);
  if (cached) return cached;
  const named = new Map(toolbox.conditions.map((c) => [c.id, c.expr as unknown]));
  const calcFacts = (id: string, out: Set<string>, seen: Set<string>): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const c = calcs[calcIndex(id)];
    if (!c) return;
    for (const f of c.facts) out.add(f);
    for (const u of c.uses) calcFacts(u, out, seen);
  };
  const walk = (node: unknown, out: Set<string>, seen: Set<string>): void => {
    if (Array.isArray(node)) for (const n of node) walk(n, out, seen);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.fact === 'string') out.add(o.fact);
      if (typeof o.calc === 'string') calcFacts(o.calc, out, seen);
      if (typeof o.ref === 'string' && !seen.has(`ref:${o.ref}`)) {
        seen.add(`ref:${o.ref}`);
        walk(named.get(o.ref), out, seen);
      }
      for (const v of Object.values(o)) walk(v, out, seen);
    }
  };
  const factsOf = (node: unknown): Set<string> => {
    const out = new Set<string>();
    walk(node, out, new Set());
    return out;
  };
  const result: Reads = { measures: new Map(), decisiveByMeasure: new Map() };
  for (const m of toolbox.measures) {
    const out = factsOf(m);
    for (const q of m.quantities ?? []) calcFacts(q, out, new Set());
    result.measures.set(m.id, out);
    result.decisiveByMeasure.set(m.id, factsOf([...(m.applies ?? []), ...(m.conditions ?? []).filter((c) => c.onUnknown !== 'conditional')]));
  }
  readCache.set(toolbox, result);
  return result;
}

/** Per measure, every fact its data reads. */
export const factsReadBy = (toolbox: Toolbox): ReadonlyMap<string, ReadonlySet<string>> => reads(toolbox).measures;

export interface WalkQuestion {
  factId: string;
  scope: Scope;
  /** Open verdicts (of this building and the terrain) that list the fact as missing. */
  helps: number;
  /** Open verdicts an answer decides, averaged over the values the fact can take. */
  decides: number;
  /** Asked for the EML checklist only (after every question that decides a measure): `helps` counts its open items. */
  eml?: true;
}

export interface WalkPlan {
  /** The open questions, most decisive first (skipped facts last, in the same order). */
  questions: WalkQuestion[];
  /** This building's and the terrain's verdicts on the terrain with only this building. */
  assessment: Assessment;
  /** Facts of the decisive rules of the building's (possibly) applicable measures that are answered. */
  answered: string[];
}

const NUMBER_PROBES = [0, 10, 100, 1000, 10000, 100000];

/** The numbers a measure's rules compare a fact with (every one, not only the deciding one a reason names: either heating or air conditioning above 70 kW brings the inspection duty). */
function addLimits(measure: CompiledMeasure, run: Run, limits: Map<string, number[]>): void {
  const walk = (n: Node | undefined): void => {
    if (!n) return;
    n.children.forEach(walk);
    if (n.subject?.kind !== 'fact') return;
    const t = n.target!;
    const v = t.kind === 'literal' ? t.value : t.kind === 'param' ? run.params.values[t.slot] : null;
    if (typeof v === 'number') (limits.get(n.subject.id) ?? limits.set(n.subject.id, []).get(n.subject.id)!).push(v);
  };
  for (const r of [...measure.applies, ...measure.conditions]) {
    walk(r.test);
    walk(r.when);
  }
}

/** The values a fact is tried with: every option, or numbers around the limits its rules compare with. */
function probes(fact: Fact, limits: number[]): FactValue[] {
  if (fact.type === 'boolean') return [true, false];
  if (fact.type === 'enum') return (fact.options ?? []).map((o) => o.value);
  const around = limits.flatMap((l) => [l * 0.5, l, l * 1.5 + 1]);
  const values = [...new Set([...NUMBER_PROBES, ...around])].map((v) => (fact.type === 'integer' ? Math.round(v) : v));
  return values.filter((v) => (fact.min === undefined || v >= fact.min) && (fact.max === undefined || v <= fact.max));
}

function withFact(terrain: Terrain, scope: Scope, factId: string, value: FactValue): Terrain {
  if (scope === 'terrain') return { ...terrain, facts: { ...terrain.facts, [factId]: value } };
  const b = terrain.buildings[0];
  return { ...terrain, buildings: [{ ...b, facts: { ...b.facts, [factId]: value } }] };
}

/** The terrain as one building's visit sees it: the terrain's facts and that building alone. */
function oneBuilding(terrain: Terrain, buildingId: string): Terrain | null {
  const b = terrain.buildings.find((x) => x.id === buildingId);
  return b ? { ...terrain, buildings: [b] } : null;
}

/** The facts an applicable (or possibly applicable) measure of this building or the terrain reads. */
export function relevantFacts(terrain: Terrain, buildingId: string, options: AssessOptions = {}): Set<string> {
  const toolbox = options.toolbox ?? bundledToolbox;
  const one = oneBuilding(terrain, buildingId);
  if (!one) return new Set();
  return relevantFactsOf(assess(one, { ...options, eml: false }), factsReadBy(toolbox));
}

/**
 * The cheapest way an open (needs-info) verdict can still be decided, as the unknown rules to
 * answer: (a) its applicability tests, or (b) every rule whose unknown means needs-info, or (c)
 * only the conditions whose failure would reach a higher rank than the failed ones already do (a
 * tenant's roof is conditional, so whether it holds asbestos, a fault that makes it conditional
 * too, cannot change it; what can is whether it has room for panels at all). A way that waits
 * only for facts answered "onbekend" is stuck; of the others the one with the fewest missing facts.
 * When (b) is stuck and nothing failed, (d): the blocking conditions and those of the conditions
 * that may fail that need the fewest answers.
 */
function decidingRules(program: Program, m: Assessment['measures'][number], unknownHere: (f: string) => boolean, skipped: ReadonlySet<string>): Reason[] | null {
  const ranks = failRanks(program);
  const unknown = m.reasons.filter((r) => r.outcome === 'unknown' && r.kind !== 'obligation');
  // Any failing test decides (not applicable): the first that is not stuck, in the order the toolbox writes them.
  const tests = unknown.filter((r) => r.kind === 'applicability');
  if (tests.length) {
    for (const r of tests) if (usable([r])) return [r];
    return null;
  }
  let failed = 0;
  for (const r of m.reasons) if (r.outcome === 'fail' && r.kind !== 'applicability' && r.kind !== 'obligation') failed = Math.max(failed, ranks.get(r.ruleId)?.fail ?? 0);
  const ways = [unknown.filter((r) => ranks.get(r.ruleId)?.unknownNeedsInfo), ...(failed > 0 ? [unknown.filter((r) => (ranks.get(r.ruleId)?.fail ?? 0) > failed)] : [])];
  let best: Reason[] | null = null;
  let cost = Infinity;
  for (const way of ways) {
    const rules = usable(way);
    const n = rules ? new Set(rules.flatMap((r) => r.factIds.filter(unknownHere))).size : Infinity;
    if (n < cost) [best, cost] = [rules, n];
  }
  // Nothing failed yet and every rule whose unknown means needs-info answered is out of reach: a condition that fails can still decide it (with the blocking ones answered).
  if (!best && failed === 0) {
    const blocking = usable(unknown.filter((r) => (ranks.get(r.ruleId)?.fail ?? 0) > CONDITIONAL));
    const others = unknown.filter((r) => (ranks.get(r.ruleId)?.fail ?? 0) <= CONDITIONAL && usable([r]));
    // Those the fewest answers can fail first (asbestos before the roof insulation, sandwich panels and insurer together).
    const answers = (r: Reason) => r.factIds.filter((f) => unknownHere(f) && !skipped.has(f)).length;
    const fewest = Math.min(...others.map(answers));
    if (blocking && others.length) best = [...blocking, ...others.filter((r) => answers(r) === fewest)];
  }
  return best;

  function usable(rules: Reason[]): Reason[] | null {
    const stuck = rules.some((r) => {
      const missing = r.factIds.filter(unknownHere);
      return missing.length > 0 && missing.every((f) => skipped.has(f));
    });
    return stuck ? null : rules;
  }
}

const rankCache = new WeakMap<Program, Map<string, { fail: number; unknownNeedsInfo: boolean }>>();
/** Per condition (by rule id): the rank its failure leads to, and whether its unknown means needs-info. */
function failRanks(program: Program): Map<string, { fail: number; unknownNeedsInfo: boolean }> {
  let ranks = rankCache.get(program);
  if (!ranks) {
    ranks = new Map(program.measures.flatMap((m) => m.conditions.map((c) => [c.id, { fail: c.onFailRank, unknownNeedsInfo: c.onUnknownRank === NEEDS_INFO }] as const)));
    rankCache.set(program, ranks);
  }
  return ranks;
}

/** Ranks the open questions of one building's visit; `skipped` (answered "onbekend") go last. */
export function walkQuestions(terrain: Terrain, buildingId: string, skipped: ReadonlySet<string> = new Set(), options: AssessOptions = {}): WalkPlan | null {
  const toolbox = options.toolbox ?? bundledToolbox;
  const program = programFor(toolbox);
  const index = program.index;
  const one = oneBuilding(terrain, buildingId);
  if (!one) return null;
  const base = assess(one, options);
  // The probes compare verdicts only: no EML checklist.
  const probeOptions: AssessOptions = { ...options, eml: false };
  const { decisiveByMeasure } = reads(toolbox);
  const facts = visitFacts(one, { ...options, today: base.assessmentDate });
  const verdicts: { needed: Set<string>; known: number; direct: Set<string>; gates: Needs }[] = [];
  const helps = new Map<string, number>();
  const critical = new Map<string, number>();
  const limits = new Map<string, number[]>();
  const add = (map: Map<string, number>, k: string, n: number) => map.set(k, (map.get(k) ?? 0) + n);
  const unknownHere = (f: string) => !known(one, f);
  const live = new Map<string, number>();
  for (const m of base.measures) {
    if (m.status !== 'needs-info') continue;
    const needed = new Set<string>();
    const direct = new Set<string>();
    const measure = program.measures[program.measureOrder.get(m.measureId)!];
    addLimits(measure, facts.run, limits);
    // Its gates: the facts every way to a decision needs (null: each way waits for a fact answered "onbekend").
    // Stuck this visit then, or when every way decidingRules knows does: its facts are asked only if they decide something alone.
    const gates = verdictNeeds(facts, measure, skipped);
    const way = gates && decidingRules(program, m, unknownHere, skipped);
    const stuck = !way;
    const rules = way ?? decidingRules(program, m, unknownHere, new Set());
    for (const r of rules ?? []) {
      for (const f of r.factIds) if (m.missingFacts.includes(f)) needed.add(f);
      if (r.factId) direct.add(r.factId);
    }
    for (const f of needed) {
      add(helps, f, 1);
      if (!stuck) add(live, f, 1);
    }
    let knownHere = 0;
    for (const f of decisiveByMeasure.get(m.measureId) ?? []) if (known(one, f)) knownHere++;
    verdicts.push({ needed, known: knownHere, direct, gates });
    for (const f of needed) add(critical, f, 1);
  }
  // The verdict in focus: the open one whose decisive facts count most (known ones included, so a started verdict keeps the focus).
  let target: Set<string> | undefined;
  let targetDirect: Set<string> | undefined;
  let targetGates: Needs = null;
  let best = -1;
  for (const v of verdicts) {
    let sum = v.known;
    for (const f of v.needed) if (!skipped.has(f)) sum += critical.get(f) ?? 0;
    if (v.needed.size && sum > best) [best, target, targetDirect, targetGates] = [sum, v.needed, v.direct, v.gates];
  }
  const questions: (WalkQuestion & { focus: number; gate: number; direct: number; ways: number; order: number })[] = [];
  for (const [factId, count] of helps) {
    const fact = index.facts.get(factId);
    if (!fact) continue;
    const values = probes(fact, limits.get(factId) ?? []);
    let decided = 0;
    for (const v of values) {
      const after = assess(withFact(one, fact.scope, factId, v), probeOptions).measures;
      for (let i = 0; i < after.length; i++) if (base.measures[i].status === 'needs-info' && after[i].status !== 'needs-info') decided++;
    }
    const decides = decided / Math.max(values.length, 1);
    // Pointless this visit: every open verdict it helps is stuck on an "onbekend", and alone it decides none.
    if (!skipped.has(factId) && !live.get(factId) && decides === 0) continue;
    questions.push({
      factId,
      scope: fact.scope,
      helps: count,
      decides,
      focus: Number(target?.has(factId) ?? false),
      gate: Number(targetGates?.has(factId) ?? false),
      direct: Number(targetDirect?.has(factId) ?? false),
      ways: critical.get(factId) ?? 0,
      order: toolbox.facts.indexOf(fact),
    });
  }
  // The verdict in focus first, its gates first; then what an answer settles by itself on average (the connection,
  // which decides the battery and the energy hub, before a fact that decides one verdict or none alone); then the
  // focus's directly compared facts before the inputs of its calcs; then the facts on most open verdicts' ways.
  questions.sort(
    (a, b) =>
      Number(skipped.has(a.factId)) - Number(skipped.has(b.factId)) ||
      b.focus - a.focus ||
      b.gate - a.gate ||
      b.decides - a.decides ||
      b.direct - a.direct ||
      b.ways - a.ways ||
      b.helps - a.helps ||
      Number(a.scope === 'terrain') - Number(b.scope === 'terrain') ||
      a.order - b.order,
  );
  const ranked = questions.map(({ factId, scope, helps, decides }): WalkQuestion => ({ factId, scope, helps, decides }));
  // The EML checklist's facts come after the measures' questions (skipped ones last, as there).
  const asked = new Set(ranked.map((q) => q.factId));
  const emlHelps = new Map<string, number>();
  for (const item of base.eml[0]?.items ?? []) for (const f of item.missingFacts) if (!asked.has(f)) add(emlHelps, f, 1);
  const emlQuestions = [...emlHelps].map(([factId, helps]): WalkQuestion => ({ factId, scope: index.facts.get(factId)?.scope ?? 'building', helps, decides: 0, eml: true }));
  const later = (q: WalkQuestion) => skipped.has(q.factId);
  const ordered = [...ranked.filter((q) => !later(q)), ...emlQuestions.filter((q) => !later(q)), ...ranked.filter(later), ...emlQuestions.filter(later)];
  const emlRead = base.eml[0]?.items.length ? emlFactsOf(toolbox) : new Set<string>();
  const answered = [...new Set([...relevantFactsOf(base, decisiveByMeasure), ...emlRead])].filter((f) => known(one, f));
  return { questions: ordered, assessment: base, answered };
}

/** Every fact the EML checklist reads. */
function emlFactsOf(toolbox: Toolbox): Set<string> {
  return emlFacts(programFor(toolbox).eml);
}

function relevantFactsOf(a: Assessment, read: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const out = new Set<string>();
  for (const m of a.measures) if (m.status !== 'not-applicable') for (const f of read.get(m.measureId) ?? []) out.add(f);
  return out;
}

function known(terrain: Terrain, factId: string): boolean {
  const v = terrain.buildings[0].facts[factId] ?? terrain.facts[factId];
  return v !== undefined && v !== null;
}
