/**
 * Assesses one measure for one subject (a building, or the terrain): applicability,
 * obligation, conditions, status, the steps it needs, its quantities and subsidy routes.
 * Every failed or unknown condition becomes a reason with fact, observed and expected
 * value, a sentence in both languages and its sources.
 */
import { calcAt, calcById } from './calcs';
import type { Ctx } from './context';
import { factIdOf } from './slots';
import { decidingLeaf, evaluate, missingFacts, not3, or3, restsOnUnconfirmed, subjectValue, targetValue, type Node, type Tri } from './expr';
import { fillTemplate, formatExpected, formatValue } from './format';
import { EMPTY, type CompiledMeasure, type QuantityUse, type Rule, type SubsidyUse } from './program';
import type { Expected, Lang, MeasureResult, ParamValue, Quantity, Reason, Status, SubsidyResult } from './types';

/** Kleene implication: the rule only matters when `when` holds. */
function ruleResult(ctx: Ctx, r: Rule): Tri {
  if (!r.when) return evaluate(ctx, r.test);
  const w = evaluate(ctx, r.when);
  if (w === 0) return 1;
  return or3(not3(w), evaluate(ctx, r.test));
}

function unitOf(ctx: Ctx, leaf: Node): string | undefined {
  const c = leaf.leaf!;
  if (c.fact) return ctx.run.program.index.facts.get(c.fact)?.unit;
  if (c.calc) return calcById.get(c.calc)?.unit;
  return undefined;
}

function subjectLabel(ctx: Ctx, leaf: Node, lang: Lang): string {
  const c = leaf.leaf!;
  const index = ctx.run.program.index;
  if (c.fact) return index.facts.get(c.fact)?.label[lang] ?? c.fact;
  if (c.calc) return calcById.get(c.calc)?.label[lang] ?? c.calc;
  if (c.param) return index.parameters.get(c.param)?.label[lang] ?? c.param;
  return lang === 'nl' ? 'peildatum' : 'assessment date';
}

function optionLabel(ctx: Ctx, leaf: Node, lang: Lang): ((v: string) => string) | undefined {
  const c = leaf.leaf!;
  const options = c.fact ? ctx.run.program.index.facts.get(c.fact)?.options : undefined;
  if (!options) return undefined;
  return (v) => options.find((o) => o.value === v)?.label[lang] ?? v;
}

function collectMissing(ctx: Ctx, r: Rule, out: { add(slot: number): unknown }): void {
  if (r.when) missingFacts(ctx, r.when, out);
  missingFacts(ctx, r.test, out);
}

/**
 * A reason. Its own properties are the data; the two sentences are formatted only when
 * read (a large terrain has thousands of reasons, most never shown) and included by toJSON.
 */
class RuleReason implements Reason {
  declare ruleId: string;
  declare factId: string | undefined;
  declare calcId: string | undefined;
  declare observed: ParamValue | null;
  declare expected: Expected | undefined;
  declare outcome: Reason['outcome'];
  declare kind: Reason['kind'];
  declare fix: string | undefined;
  declare fixEn: string | undefined;
  declare resolvedBy: string[];
  declare sourceIds: string[];
  declare indicative: boolean;
  #ctx: Ctx;
  #rule: Rule;
  #leaf: Node | undefined;
  #result: Tri;
  #rawObserved: ParamValue | null;

  constructor(ctx: Ctx, rule: Rule, result: Tri, kind: Reason['kind'], resolvedBy: string[], leaf: Node | undefined, observed: ParamValue | null, expected: Expected | undefined) {
    this.ruleId = rule.id;
    this.factId = leaf?.leaf!.fact;
    this.calcId = leaf?.leaf!.calc;
    this.observed = typeof observed === 'number' ? Math.round(observed * 10) / 10 : observed;
    this.expected = expected;
    this.outcome = result === 0 ? 'fail' : result === 1 ? 'pass' : 'unknown';
    this.kind = kind;
    this.fix = rule.fix?.nl;
    this.fixEn = rule.fix?.en;
    this.resolvedBy = resolvedBy;
    this.sourceIds = rule.sources;
    this.indicative = restsOnUnconfirmed(ctx, rule.paramSlots);
    this.#ctx = ctx;
    this.#rule = rule;
    this.#leaf = leaf;
    this.#result = result;
    this.#rawObserved = observed;
  }

  get text(): string {
    return this.#sentence('nl');
  }

  get textEn(): string {
    return this.#sentence('en');
  }

  toJSON(): Reason {
    return { ...this, text: this.text, textEn: this.textEn };
  }

  #sentence(lang: Lang): string {
    const ctx = this.#ctx;
    const leaf = this.#leaf;
    const expected = this.expected;
    const unit = leaf ? unitOf(ctx, leaf) : undefined;
    const label = leaf ? optionLabel(ctx, leaf, lang) : undefined;
    if (this.#result === -1 && this.kind !== 'obligation') {
      // The rule's sentence describes a failure; for an unknown value say what is missing and what is required.
      const unknownFacts = new Set<number>();
      collectMissing(ctx, this.#rule, unknownFacts);
      const facts = ctx.run.program.index.facts;
      const names = [...unknownFacts].map((slot) => facts.get(factIdOf(slot))?.label[lang] ?? factIdOf(slot)).join(', ');
      const subject = leaf ? subjectLabel(ctx, leaf, lang) : '';
      const required = leaf ? `${subject} ${formatExpected(expected, lang, unit, label)}` : '';
      return lang === 'nl' ? `Nog onbekend: ${names || subject}.${required ? ` Vereist: ${required}.` : ''}` : `Not yet known: ${names || subject}.${required ? ` Required: ${required}.` : ''}`;
    }
    const value = expected?.value ?? null;
    const limit = Array.isArray(value) ? value.map((v) => formatValue(v, lang, undefined, label)).join(', ') : formatValue(value, lang, unit, label);
    return fillTemplate(this.#rule.text[lang], formatValue(this.#rawObserved, lang, unit, label), formatExpected(expected, lang, unit, label), limit);
  }
}

/** Builds the reason for a rule that failed (0), is unknown (-1), or (obligations) holds (1). */
function reasonFor(ctx: Ctx, rule: Rule, result: Tri, kind: Reason['kind'], resolvedBy: string[]): Reason {
  let leaf = decidingLeaf(ctx, rule.test, result);
  if (!leaf && rule.when) leaf = decidingLeaf(ctx, rule.when, -1);
  let observed: ParamValue | null = null;
  let expected: Expected | undefined;
  if (leaf) {
    const subject = subjectValue(ctx, leaf);
    observed = subject.exact ? subject.value : null;
    if (leaf.expected) expected = leaf.expected;
    else {
      const value = targetValue(ctx, leaf);
      expected = { op: leaf.leaf!.op, value: Array.isArray(value) ? value.slice() : value };
    }
  }
  return new RuleReason(ctx, rule, result, kind, resolvedBy, leaf, observed, expected);
}

const NO_QUANTITIES = EMPTY as unknown as Quantity[];
const NO_SUBSIDIES = EMPTY as unknown as SubsidyResult[];

const rank: Record<Status, number> = { feasible: 0, conditional: 1, 'needs-info': 2, blocked: 3, 'not-applicable': 4 };

function quantity(ctx: Ctx, q: QuantityUse): Quantity {
  const r = calcAt(ctx, q.calcSlot);
  return {
    id: q.id,
    // An upper bound is shown as the value "up to"; its missing facts say why it is not exact.
    value: (r.exact || r.upper) && r.value !== null ? Math.round(r.value * 10) / 10 : null,
    unit: q.unit,
    parameterIds: q.params,
    missingFacts: r.missing.length ? r.missing.slice() : EMPTY,
    indicative: restsOnUnconfirmed(ctx, q.paramSlots),
  };
}

function subsidy(ctx: Ctx, s: SubsidyUse): SubsidyResult {
  const open = s.available ? evaluate(ctx, s.available) : 1;
  const eligible = evaluate(ctx, s.eligible);
  const status: SubsidyResult['status'] =
    open === 0 ? 'closed' : eligible === 0 ? 'not-eligible' : eligible === 1 && open === 1 ? 'eligible' : 'unknown';
  return {
    scheme: s.route.scheme,
    status,
    text: s.route.text.nl,
    textEn: s.route.text.en,
    sourceIds: s.sources,
    indicative: restsOnUnconfirmed(ctx, s.paramSlots),
  };
}

/** Assesses one measure in one context. Result objects are built with one fixed shape (no spreads): it is the hot path. */
export function assessMeasure(ctx: Ctx, measure: CompiledMeasure, buildingId: string | undefined): MeasureResult {
  const reasons: Reason[] = [];
  const missing = ctx.run.missing;
  missing.clear();

  // 1. Applicability.
  let applicability: Tri = 1;
  for (const a of measure.applies) {
    const r = ruleResult(ctx, a);
    if (r === 1) continue;
    if (r === 0) {
      const result: MeasureResult = {
        measureId: measure.id,
        status: 'not-applicable',
        obligation: false,
        reasons: [reasonFor(ctx, a, 0, 'applicability', EMPTY)],
        missingFacts: EMPTY,
        steps: EMPTY,
        quantities: NO_QUANTITIES,
        subsidies: NO_SUBSIDIES,
        indicative: false,
      };
      if (buildingId) result.buildingId = buildingId;
      return result;
    }
    applicability = -1;
    reasons.push(reasonFor(ctx, a, -1, 'applicability', EMPTY));
    collectMissing(ctx, a, missing);
  }

  // 2. Obligation (unknown while it is unknown whether the measure applies at all).
  let obligation: boolean | null = false;
  const o = measure.obligation;
  if (o) {
    const r = evaluate(ctx, o.test);
    obligation = r === 1 ? (applicability === 1 ? true : null) : r === 0 ? false : null;
    if (r !== 0) {
      reasons.push(reasonFor(ctx, o, r, 'obligation', EMPTY));
      if (r === -1) missingFacts(ctx, o.test, missing);
    }
  }

  // 3. Conditions.
  let status: Status = applicability === -1 ? 'needs-info' : 'feasible';
  // Steps that resolve a failed or unknown condition, by slot (they join the plan if the measure goes ahead).
  let resolving: number[][] | undefined;
  if (applicability === 1) {
    for (const c of measure.conditions) {
      const r = ruleResult(ctx, c);
      if (r === 1) continue;
      let verdict: Status;
      let resolvedBy = EMPTY;
      let slots: number[] | undefined;
      if (r === 0) {
        verdict = c.onFail;
        if (c.onFail === 'conditional') {
          resolvedBy = c.resolvedBy;
          slots = c.resolvedBySlots;
        }
      } else {
        collectMissing(ctx, c, missing);
        verdict = c.onUnknown === 'conditional' ? 'conditional' : 'needs-info';
        if (verdict === 'conditional') {
          resolvedBy = c.resolvedByWhenUnknown;
          slots = c.resolvedByWhenUnknownSlots;
        }
      }
      if (slots && slots.length) (resolving ??= []).push(slots);
      reasons.push(reasonFor(ctx, c, r, c.kind, resolvedBy));
      if (rank[verdict] > rank[status]) status = verdict;
    }
  }

  // 4. Steps (only for measures that go ahead), each once, resolving steps first.
  let stepList = EMPTY;
  if (status === 'feasible' || status === 'conditional') {
    stepList = [];
    const { program, stepMark, collect } = ctx.run;
    const stamp = ++ctx.run.stamp;
    if (resolving) {
      for (const slots of resolving) {
        for (const slot of slots) {
          if (stepMark[slot] === stamp) continue;
          stepMark[slot] = stamp;
          stepList.push(program.stepIds[slot]);
          collect.step(slot);
        }
      }
    }
    for (const use of measure.steps) {
      if (stepMark[use.slot] === stamp || (use.when && evaluate(ctx, use.when) === 0)) continue;
      stepMark[use.slot] = stamp;
      stepList.push(program.stepIds[use.slot]);
      collect.step(use.slot);
    }
  }

  const quantities: Quantity[] = [];
  let kwp: Quantity | undefined;
  let kwh: Quantity | undefined;
  let indicative = false;
  for (const use of measure.quantities) {
    const q = quantity(ctx, use);
    quantities.push(q);
    if (!kwp && use.potential === 'kwp') kwp = q;
    if (!kwh && use.potential === 'kwh') kwh = q;
    if (q.indicative) indicative = true;
  }
  for (const r of reasons) if (r.indicative) indicative = true;
  const subsidies: SubsidyResult[] = [];
  for (const s of measure.subsidies) subsidies.push(subsidy(ctx, s));
  const result: MeasureResult = {
    measureId: measure.id,
    status,
    obligation,
    reasons,
    missingFacts: missingList(ctx),
    steps: stepList,
    quantities,
    subsidies,
    indicative,
  };
  if (buildingId) result.buildingId = buildingId;
  if (kwp) result.potential = { kwp: kwp.value, kwhPerYear: kwh ? kwh.value : null };
  return result;
}

/** The facts missing for this verdict, in catalogue order; each also counts as a next question. */
function missingList(ctx: Ctx): string[] {
  const { program, missing, collect } = ctx.run;
  const slots = missing.list;
  if (slots.length === 0) return EMPTY;
  const order = program.orderBySlot;
  const sorted = slots.length === 1 ? slots : slots.slice().sort((a, b) => order[a] - order[b]);
  const ids: string[] = [];
  for (const slot of sorted) {
    ids.push(factIdOf(slot));
    collect.question(slot, program.scopeBySlot[slot] === 'building');
  }
  return ids;
}

/** True when an advice item applies (its condition is not false). */
export function adviceApplies(ctx: Ctx, when: Node | undefined): boolean {
  return !when || evaluate(ctx, when) !== 0;
}
