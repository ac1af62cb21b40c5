/**
 * A toolbox compiled for the engine, once per toolbox object: every expression as a node
 * (closure + memo slot), every measure with its rules, steps, advice, subsidy routes and
 * quantities resolved to nodes and slots, the fact catalogue by slot, and the parameters
 * resolved per assessment date. The toolbox data stays as it is; arrays the results
 * share with the program are frozen copies, so no caller can change the toolbox through them.
 */
import { compileBusiness, type BusinessUse } from './business';
import { compileEml, type CompiledEml } from './eml';
import { calcIndex, calcParams, calcs } from './calcs';
import { dependenciesOf, ExprCompiler, factsOf, type Dependencies, type Node } from './expr';
import { resolveParameters, type ResolvedParams } from './params';
import { factSlot, factSlotCount } from './slots';
import { indexToolbox, type ToolboxIndex } from './toolbox';
import { hasPlaceholder } from './texts';
import type { FactEntry } from './validate';
import type { Advice, Condition, ConditionKind, Expr, FactValue, Measure, ParamValue, Scope, Status, SubsidyRoute, Text, Toolbox } from './types';

/** Verdicts by rank: the higher rank wins (blocked > needs-info > conditional > feasible). */
export const STATUS_BY_RANK: Status[] = ['feasible', 'conditional', 'needs-info', 'blocked'];
export const FEASIBLE = 0;
export const CONDITIONAL = 1;
export const NEEDS_INFO = 2;
export const BLOCKED = 3;

const freeze = <T>(list: readonly T[] | undefined): T[] => Object.freeze((list ?? []).slice()) as T[];
export const EMPTY: string[] = freeze<string>([]);

/** A data text, compiled: both languages, and where it has {param:<id>} placeholders its slot among the texts an assessment fills (-1: used as it is). */
export interface TextUse {
  nl: string;
  en: string;
  slot: number;
}

/** A condition, applicability test or obligation, compiled. */
export interface Rule {
  id: string;
  test: Node;
  /** The test as written, for its words when it is more than one comparison. */
  expr: Expr;
  when: Node | undefined;
  kind: ConditionKind;
  /** What a definite failure and an unknown value lead to: a status rank (see STATUS_BY_RANK), the steps that resolve it, and their slots. */
  onFailRank: number;
  onFailSteps: string[];
  onFailSlots: number[];
  onUnknownRank: number;
  onUnknownSteps: string[];
  onUnknownSlots: number[];
  text: TextUse;
  fix: TextUse | undefined;
  sources: string[];
  /** What test and when rest on (for "indicatief"). */
  dependencies: Dependencies;
  /**
   * Every fact test and when could read, directly or through calcs (static: whatever the
   * values), in catalogue order; `factIdsFirst` has, for each of them but the first, the same list
   * with that fact moved to the front, so a reason names its deciding fact first.
   * Frozen and made once: every reason of the rule shares them.
   */
  factIds: string[];
  factIdsFirst: ReadonlyMap<string, string[]>;
}

export interface AdviceUse {
  /** Index into the program's do or don't list (items are merged by id across measures). */
  slot: number;
  item: Advice;
  text: TextUse;
  when: Node | undefined;
}

export interface SubsidyUse {
  /** Index among the program's subsidy routes (for results shared within an assessment). */
  slot: number;
  route: SubsidyRoute;
  text: TextUse;
  available: Node | undefined;
  eligible: Node;
  sources: string[];
  dependencies: Dependencies;
}

export interface QuantityUse {
  id: string;
  calcSlot: number;
  unit: string;
  params: string[];
  /** Part of the measure's `potential`. */
  potential: 'kwp' | 'kwh' | undefined;
}

export interface CompiledMeasure {
  id: string;
  scope: Scope;
  applies: Rule[];
  obligation: Rule | undefined;
  conditions: Rule[];
  steps: { slot: number; when: Node | undefined }[];
  dos: AdviceUse[];
  donts: AdviceUse[];
  subsidies: SubsidyUse[];
  quantities: QuantityUse[];
  business: BusinessUse | undefined;
  /** It reads a figure of the terrain's grid (a terrain-level measure), so it is assessed after the buildings' verdicts. */
  readsGrid: boolean;
}

export interface Program {
  index: ToolboxIndex;
  measures: CompiledMeasure[];
  /** Memo slots per subject. */
  nodeCount: number;
  /** Subsidy routes over all measures. */
  subsidyCount: number;
  /** Data texts with placeholders (see TextUse). */
  textCount: number;
  /** The catalogue by id, with slots. */
  facts: Map<string, FactEntry>;
  /** A values array with every fact unknown (copied per subject). */
  blank: FactValue[];
  /** Per fact slot: its scope and place in the catalogue (facts outside the catalogue: terrain, 0). */
  scopeBySlot: Scope[];
  orderBySlot: Int32Array;
  /** Step ids by slot: the toolbox's steps, then any other step a measure names. */
  stepIds: string[];
  /** The fact list of every rule by rule id (see Rule.factIds), for the views that show rules without assessing. */
  ruleFacts: ReadonlyMap<string, string[]>;
  /** Each measure's place in the toolbox, by id. */
  measureOrder: ReadonlyMap<string, number>;
  /** Advice items, merged by id, in the order of their first appearance in the toolbox. */
  dos: Advice[];
  donts: Advice[];
  /** The EML checklist's items, compiled (see eml.ts). */
  eml: CompiledEml | undefined;
  paramsOn(date: string, overrides: Record<string, ParamValue> | undefined): ResolvedParams;
}

const cache = new WeakMap<Toolbox, Program>();

/** The compiled program of a toolbox (memoised per toolbox object). */
export function programFor(toolbox: Toolbox): Program {
  let program = cache.get(toolbox);
  if (!program) {
    program = compileToolbox(toolbox);
    cache.set(toolbox, program);
  }
  return program;
}

function compileToolbox(toolbox: Toolbox): Program {
  const index = indexToolbox(toolbox);
  const compiler = new ExprCompiler(index.conditions);
  let textCount = 0;
  const text = (t: Text): TextUse => ({ nl: t.nl, en: t.en, slot: hasPlaceholder(t.nl) || hasPlaceholder(t.en) ? textCount++ : -1 });
  const node = (e: Expr | undefined): Node | undefined => (e ? compiler.node(e) : undefined);

  const stepSlots = new Map<string, number>();
  const stepIds: string[] = [];
  const stepSlot = (id: string): number => {
    let slot = stepSlots.get(id);
    if (slot === undefined) {
      slot = stepIds.length;
      stepIds.push(id);
      stepSlots.set(id, slot);
    }
    return slot;
  };
  for (const step of toolbox.steps) stepSlot(step.id);

  // Catalogue order; a fact outside the catalogue (another toolbox's data) goes last.
  const catalogueOrder = new Map(toolbox.facts.map((f, i) => [f.id, i]));
  const orderOf = (id: string) => catalogueOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  const ruleFacts = new Map<string, string[]>();
  // A grid figure sums verdicts (and waits for their missing facts): the facts its measures' rules could read are its facts too.
  const verdictFacts = new Map<string, string[]>();
  for (const m of toolbox.measures) {
    const nodes = [...m.applies, ...m.conditions].flatMap((r) => [compiler.node(r.test), node(r.when)]);
    if (m.obligation) nodes.push(compiler.node(m.obligation.when));
    verdictFacts.set(m.id, factsOf(...nodes));
  }
  const gridFacts = (test: Node, when: Node | undefined): string[] =>
    dependenciesOf(test, when).calcSlots.flatMap((slot) => (calcs[slot].measures ?? []).flatMap((id) => verdictFacts.get(id) ?? []));
  const factLists = (ids: string[]): Pick<Rule, 'factIds' | 'factIdsFirst'> => {
    const factIds = freeze(ids.sort((a, b) => orderOf(a) - orderOf(b)));
    const factIdsFirst = new Map<string, string[]>();
    for (const id of factIds) if (id !== factIds[0]) factIdsFirst.set(id, freeze([id, ...factIds.filter((f) => f !== id)]));
    return { factIds, factIdsFirst };
  };

  const rule = (r: Pick<Condition, 'id' | 'test' | 'text' | 'sources'> & Partial<Condition>): Rule => {
    const test = compiler.node(r.test);
    const when = node(r.when);
    const facts = factLists([...new Set([...factsOf(test, when), ...gridFacts(test, when)])]);
    ruleFacts.set(r.id, facts.factIds);
    const onFail = r.onFail ?? 'blocked';
    const resolvedBy = freeze(r.resolvedBy);
    const resolvedByWhenUnknown = freeze(r.resolvedByWhenUnknown ?? r.resolvedBy);
    return {
      id: r.id,
      test,
      expr: r.test,
      when,
      kind: r.kind ?? 'info',
      onFailRank: onFail === 'conditional' ? CONDITIONAL : BLOCKED,
      onFailSteps: onFail === 'conditional' ? resolvedBy : EMPTY,
      onFailSlots: onFail === 'conditional' ? resolvedBy.map(stepSlot) : [],
      onUnknownRank: r.onUnknown === 'conditional' ? CONDITIONAL : NEEDS_INFO,
      onUnknownSteps: r.onUnknown === 'conditional' ? resolvedByWhenUnknown : EMPTY,
      onUnknownSlots: r.onUnknown === 'conditional' ? resolvedByWhenUnknown.map(stepSlot) : [],
      text: text(r.text),
      fix: r.fix ? text(r.fix) : undefined,
      sources: freeze(r.sources),
      dependencies: dependenciesOf(test, when),
      ...facts,
    };
  };

  // Whether a duty holds here also rests on whether its measure applies: its reason names those facts too.
  const obligationRule = (r: Rule, applies: Rule[]): Rule => {
    const facts = factLists([...new Set([...r.factIds, ...applies.flatMap((a) => a.factIds)])]);
    ruleFacts.set(r.id, facts.factIds);
    return { ...r, ...facts };
  };

  const adviceSlots = (list: Advice[], all: Advice[], slots: Map<string, number>): AdviceUse[] =>
    list.map((item) => {
      let slot = slots.get(item.id);
      if (slot === undefined) {
        slot = all.length;
        all.push(item);
        slots.set(item.id, slot);
      }
      return { slot, item, text: text(item.text), when: node(item.when) };
    });
  const dos: Advice[] = [];
  const donts: Advice[] = [];
  const doSlots = new Map<string, number>();
  const dontSlots = new Map<string, number>();

  let subsidyCount = 0;
  const isGrid = (slot: number) => slot >= 0 && calcs[slot].kind === 'grid';
  const readsGrid = (n: Node | undefined) => !!n && dependenciesOf(n).calcSlots.some(isGrid);
  const measures = toolbox.measures.map((m: Measure): CompiledMeasure => {
    const o = m.obligation;
    const applies = m.applies.map(rule);
    const compiled: CompiledMeasure = {
      id: m.id,
      scope: m.scope,
      applies,
      obligation: o ? obligationRule(rule({ id: o.id, test: o.when, text: o.text, sources: o.sources, kind: 'info' }), applies) : undefined,
      conditions: m.conditions.map(rule),
      steps: m.steps.map((s) => ({ slot: stepSlot(s.step), when: node(s.when) })),
      dos: adviceSlots(m.dos, dos, doSlots),
      donts: adviceSlots(m.donts, donts, dontSlots),
      subsidies: m.subsidies.map((route) => {
        const available = node(route.available);
        const eligible = compiler.node(route.eligible);
        return { slot: subsidyCount++, route, text: text(route.text), available, eligible, sources: freeze(route.sources), dependencies: dependenciesOf(eligible, available) };
      }),
      quantities: m.quantities.map((id) => {
        const info = index.calcs.get(id);
        return { id, calcSlot: calcIndex(id), unit: info?.unit ?? '', params: freeze(calcParams(id)), potential: info?.potential };
      }),
      business: compileBusiness(m.business),
      readsGrid: false,
    };
    const rules = [...compiled.applies, ...compiled.conditions, ...(compiled.obligation ? [compiled.obligation] : [])];
    compiled.readsGrid =
      rules.some((r) => readsGrid(r.test) || readsGrid(r.when)) ||
      compiled.quantities.some((q) => isGrid(q.calcSlot)) ||
      [...compiled.steps, ...compiled.dos, ...compiled.donts].some((u) => readsGrid(u.when)) ||
      compiled.subsidies.some((u) => readsGrid(u.eligible) || readsGrid(u.available));
    if (compiled.readsGrid && m.scope !== 'terrain') throw new Error(`measure ${m.id} reads a grid figure but is assessed per building`);
    return compiled;
  });

  const ruleOf = (measureId: string, ruleId: string): Rule | undefined => {
    const m = measures.find((x) => x.id === measureId);
    return m && [...m.applies, ...m.conditions, ...(m.obligation ? [m.obligation] : [])].find((r) => r.id === ruleId);
  };
  const eml = compileEml(toolbox.eml, compiler, ruleOf, orderOf);

  const facts = new Map<string, FactEntry>();
  for (const fact of toolbox.facts) facts.set(fact.id, { fact, slot: factSlot(fact.id), options: fact.options ? new Set(fact.options.map((o) => o.value)) : undefined });
  const blank = new Array<FactValue>(factSlotCount()).fill(null);
  const scopeBySlot = new Array<Scope>(blank.length).fill('terrain');
  const orderBySlot = new Int32Array(blank.length);
  toolbox.facts.forEach((fact, i) => {
    const slot = factSlot(fact.id);
    scopeBySlot[slot] = fact.scope;
    orderBySlot[slot] = i;
  });

  const byDate = new Map<string, ResolvedParams>();
  return {
    index,
    measures,
    nodeCount: compiler.count,
    subsidyCount,
    textCount,
    facts,
    blank,
    scopeBySlot,
    orderBySlot,
    stepIds,
    ruleFacts,
    measureOrder: new Map(toolbox.measures.map((m, i) => [m.id, i])),
    dos,
    donts,
    eml,
    paramsOn(date, overrides) {
      if (overrides && Object.keys(overrides).length > 0) return resolveParameters(toolbox.parameters, date, overrides);
      let resolved = byDate.get(date);
      if (!resolved) {
        if (byDate.size >= 100) byDate.clear();
        resolved = resolveParameters(toolbox.parameters, date);
        byDate.set(date, resolved);
      }
      return resolved;
    },
  };
}
