/**
 * Assesses one measure for one subject (a building, or the terrain): applicability,
 * obligation, conditions, status, the steps it needs, its quantities and subsidy routes.
 * Every failed or unknown condition becomes a reason with fact, observed and expected
 * value, a sentence in both languages and its sources.
 */
import { businessCase } from './business';
import { calcAt } from './calcs';
import type { Ctx } from './context';
import { decidingLeaf, evaluate, exactSubjectValue, missingFacts, not3, or3, restsOnUnconfirmed, targetValue, type Node, type Tri } from './expr';
import { comparisonWords, dateSubject, fillTemplate, formatRequirement, formatValue, kindOf, listWords, requiredValue } from './format';
import { CONDITIONAL, EMPTY, FEASIBLE, NEEDS_INFO, STATUS_BY_RANK, type CompiledMeasure, type QuantityUse, type Rule, type SubsidyUse, type TextUse } from './program';
import { factIdOf, paramSlot } from './slots';
import { fillParams, paramText } from './texts';
import { exprWords } from './words';
import type { Run } from './context';
import type { Expected, Lang, MeasureResult, ParamValue, Quantity, Reason, SubsidyResult } from './types';

/** A data text in one language, its placeholders filled with the values this assessment uses (own values included), once per assessment. */
export function dataText(run: Run, use: TextUse, lang: Lang): string {
  if (use.slot < 0) return use[lang];
  const at = use.slot * 2 + (lang === 'en' ? 1 : 0);
  return (run.texts[at] ??= fillParams(use[lang], (id) => {
    const p = run.program.index.parameters.get(id);
    return p && paramText(p, run.params.values[paramSlot(id)], lang);
  }));
}

/** Kleene implication: the rule only matters when `when` holds. */
export function ruleResult(ctx: Ctx, r: Rule): Tri {
  if (!r.when) return evaluate(ctx, r.test);
  const w = evaluate(ctx, r.when);
  if (w === 0) return 1;
  return or3(not3(w), evaluate(ctx, r.test));
}

function unitOf(ctx: Ctx, leaf: Node): string | undefined {
  const c = leaf.leaf!;
  if (c.fact) return ctx.run.program.index.facts.get(c.fact)?.unit;
  if (c.calc) return ctx.run.program.index.calcs.get(c.calc)?.unit;
  return undefined;
}

function subjectLabel(ctx: Ctx, leaf: Node, lang: Lang): string {
  const c = leaf.leaf!;
  const index = ctx.run.program.index;
  if (c.fact) return index.facts.get(c.fact)?.label[lang] ?? c.fact;
  if (c.calc) return index.calcs.get(c.calc)?.label[lang] ?? c.calc;
  if (c.param) return index.parameters.get(c.param)?.label[lang] ?? c.param;
  return dateSubject(lang);
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
 * A reason. Its own properties are the data; the two sentences and the fix are formatted only when
 * read (a large terrain has thousands of reasons, most never shown) and included by toJSON.
 */
class RuleReason implements Reason {
  declare ruleId: string;
  declare factId: string | undefined;
  declare factIds: string[];
  declare calcId: string | undefined;
  declare observed: ParamValue | null;
  declare expected: Expected | undefined;
  declare outcome: Reason['outcome'];
  declare kind: Reason['kind'];
  declare resolvedBy: string[];
  declare sourceIds: string[];
  declare indicative: boolean;
  declare observedAtLeast?: true;
  #ctx: Ctx;
  #rule: Rule;
  #leaf: Node | undefined;
  #rawObserved: ParamValue | null;

  constructor(ctx: Ctx, rule: Rule, result: Tri, kind: Reason['kind'], resolvedBy: string[], leaf: Node | undefined, observed: ParamValue | null, expected: Expected | undefined, atLeast: boolean) {
    this.ruleId = rule.id;
    const factId = leaf?.leaf!.fact;
    this.factId = factId;
    this.factIds = factId === undefined || factId === rule.factIds[0] ? rule.factIds : (rule.factIdsFirst.get(factId) ?? rule.factIds);
    this.calcId = leaf?.leaf!.calc;
    this.observed = typeof observed === 'number' ? Math.round(observed * 10) / 10 : observed;
    this.expected = expected;
    this.outcome = result === 0 ? 'fail' : result === 1 ? 'pass' : 'unknown';
    this.kind = kind;
    this.resolvedBy = resolvedBy;
    this.sourceIds = rule.sources;
    this.indicative = restsOnUnconfirmed(ctx, rule.dependencies);
    if (atLeast) this.observedAtLeast = true;
    this.#ctx = ctx;
    this.#rule = rule;
    this.#leaf = leaf;
    this.#rawObserved = observed;
  }

  get text(): string {
    return this.#sentence('nl');
  }

  get textEn(): string {
    return this.#sentence('en');
  }

  get fix(): string | undefined {
    return this.#rule.fix && dataText(this.#ctx.run, this.#rule.fix, 'nl');
  }

  get fixEn(): string | undefined {
    return this.#rule.fix && dataText(this.#ctx.run, this.#rule.fix, 'en');
  }

  toJSON(): Reason {
    return { ...this, text: this.text, textEn: this.textEn, fix: this.fix, fixEn: this.fixEn };
  }

  #sentence(lang: Lang): string {
    const ctx = this.#ctx;
    const leaf = this.#leaf;
    const expected = this.expected;
    const unit = leaf ? unitOf(ctx, leaf) : undefined;
    const label = leaf ? optionLabel(ctx, leaf, lang) : undefined;
    if (this.outcome === 'unknown') {
      const unknownFacts = new Set<number>();
      collectMissing(ctx, this.#rule, unknownFacts);
      const facts = ctx.run.program.index.facts;
      const names = [...unknownFacts].map((slot) => facts.get(factIdOf(slot))?.label[lang] ?? factIdOf(slot)).join(', ');
      if (this.kind === 'obligation') {
        // An obligation's sentence states the duty; while it is unknown whether it holds here, it says so first.
        const duty = dataText(ctx.run, this.#rule.text, lang);
        return lang === 'nl' ? `Nog onbekend of deze plicht hier geldt${names ? ` (ontbreekt: ${names})` : ''}. ${duty}` : `Not yet known whether this duty applies here${names ? ` (missing: ${names})` : ''}. ${duty}`;
      }
      // The rule's sentence describes a failure; for an unknown value say what is missing and what is required.
      const subject = leaf ? subjectLabel(ctx, leaf, lang) : '';
      // A test of more than one comparison is required as a whole ("A en B, of C"), never as the one comparison that is open.
      const required =
        this.#rule.test.kind !== 'leaf'
          ? exprWords(this.#rule.expr, lang, ctx.run.program.index, (p, l) => paramText(p, ctx.run.params.values[paramSlot(p.id)], l))
          : leaf && expected
            ? comparisonWords(subject, expected.op, requiredValue(expected, lang, unit, label), lang, kindOf(expected.value))
            : '';
      return lang === 'nl' ? `Nog onbekend: ${names || subject}.${required ? ` Vereist: ${required}.` : ''}` : `Not yet known: ${names || subject}.${required ? ` Required: ${required}.` : ''}`;
    }
    const limit = expected ? requiredValue(expected, lang, unit, label) : formatValue(null, lang);
    const observed = formatValue(this.#rawObserved, lang, unit, label);
    const observedWords = this.observedAtLeast ? `${lang === 'nl' ? 'ten minste' : 'at least'} ${observed}` : observed;
    return fillTemplate(dataText(ctx.run, this.#rule.text, lang), observedWords, formatRequirement(expected, lang, unit, label), Array.isArray(limit) ? listWords(limit, lang) : limit);
  }
}

/** Builds the reason for a rule that failed (0), is unknown (-1), or (obligations) holds (1). */
function reasonFor(ctx: Ctx, rule: Rule, result: Tri, kind: Reason['kind'], resolvedBy: string[]): Reason {
  let leaf = decidingLeaf(ctx, rule.test, result);
  if (!leaf && rule.when) leaf = decidingLeaf(ctx, rule.when, -1);
  let observed: ParamValue | null = null;
  let atLeast = false;
  let expected: Expected | undefined;
  if (leaf) {
    observed = exactSubjectValue(ctx, leaf);
    // A lower bound that decided the rule is what was observed, as a minimum.
    const subject = leaf.subject!;
    if (observed === null && result !== -1 && subject.kind === 'calc') {
      const r = calcAt(ctx, subject.slot);
      if (r.value !== null && !r.exact && !r.upper) [observed, atLeast] = [r.value, true];
    }
    expected = leaf.expected;
    if (!expected) {
      const op = leaf.leaf!.op;
      if (leaf.target!.kind === 'param') {
        // The same for every subject on this date: made once.
        const cache = ctx.run.expected;
        expected = cache[leaf.slot] ??= Object.freeze({ op, value: targetValue(ctx, leaf) as ParamValue | null });
      } else {
        const value = targetValue(ctx, leaf);
        expected = { op, value: Array.isArray(value) ? value.slice() : value };
      }
    }
  }
  return new RuleReason(ctx, rule, result, kind, resolvedBy, leaf, observed, expected, atLeast);
}

const NO_QUANTITIES = EMPTY as unknown as Quantity[];
const NO_REASONS = EMPTY as unknown as Reason[];
const NO_SUBSIDIES = EMPTY as unknown as SubsidyResult[];


function quantity(ctx: Ctx, q: QuantityUse): Quantity {
  const r = calcAt(ctx, q.calcSlot);
  const result: Quantity = {
    id: q.id,
    value: (r.exact || r.upper) && r.value !== null ? Math.round(r.value * 10) / 10 : null,
    unit: q.unit,
    parameterIds: q.params,
    missingFacts: r.missing.length ? r.missing.slice() : EMPTY,
    indicative: r.indicative,
  };
  // An upper bound is shown as "max."; its missing facts say why it is not exact.
  if (!r.exact && r.upper && r.value !== null) result.upperBound = true;
  return result;
}

const SUBSIDY_STATUSES: SubsidyResult['status'][] = ['eligible', 'not-eligible', 'unknown', 'closed'];

/** A subsidy route's verdict: it has eight possible values per date (four statuses, indicative or not), so each is made once per assessment and frozen. */
function subsidy(ctx: Ctx, s: SubsidyUse): SubsidyResult {
  const open = s.available ? evaluate(ctx, s.available) : 1;
  const eligible = evaluate(ctx, s.eligible);
  const status = open === 0 ? 3 : eligible === 0 ? 1 : eligible === 1 && open === 1 ? 0 : 2;
  const indicative = restsOnUnconfirmed(ctx, s.dependencies);
  const cache = ctx.run.subsidies;
  const at = (s.slot * 4 + status) * 2 + (indicative ? 1 : 0);
  return (cache[at] ??= Object.freeze({
    scheme: s.route.scheme,
    status: SUBSIDY_STATUSES[status],
    text: dataText(ctx.run, s.text, 'nl'),
    textEn: dataText(ctx.run, s.text, 'en'),
    sourceIds: s.sources,
    indicative,
  }));
}

/** Assesses one measure in one context. Result objects are built with one fixed shape (no spreads): it is the hot path. */
export function assessMeasure(ctx: Ctx, measure: CompiledMeasure, buildingId: string | undefined): MeasureResult {
  let reasons: Reason[] | undefined;
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
    (reasons ??= []).push(reasonFor(ctx, a, -1, 'applicability', EMPTY));
    collectMissing(ctx, a, missing);
  }

  // 2. Obligation (unknown while it is unknown whether the measure applies at all).
  let obligation: boolean | null = false;
  const o = measure.obligation;
  if (o) {
    const r = evaluate(ctx, o.test);
    obligation = r === 1 ? (applicability === 1 ? true : null) : r === 0 ? false : null;
    if (r !== 0) {
      const reason = reasonFor(ctx, o, r, 'obligation', EMPTY);
      // A duty that holds on a measure not yet known to apply is not known to hold: its reason says so.
      if (obligation === null) reason.outcome = 'unknown';
      (reasons ??= []).push(reason);
      if (r === -1) missingFacts(ctx, o.test, missing);
    }
  }

  // 3. Conditions.
  let rank = applicability === -1 ? NEEDS_INFO : FEASIBLE;
  // Steps that resolve a failed or unknown condition, by slot (they join the plan if the measure goes ahead).
  let resolving: number[][] | undefined;
  if (applicability === 1) {
    // The rank the failed conditions reach, and the highest an open (unknown) condition could still reach.
    let failed = FEASIBLE;
    let open = FEASIBLE;
    for (const c of measure.conditions) {
      const r = ruleResult(ctx, c);
      if (r === 1) continue;
      let verdict: number;
      let slots: number[];
      if (r === 0) {
        verdict = c.onFailRank;
        slots = c.onFailSlots;
        if (verdict > failed) failed = verdict;
        (reasons ??= []).push(reasonFor(ctx, c, 0, c.kind, c.onFailSteps));
      } else {
        collectMissing(ctx, c, missing);
        verdict = c.onUnknownRank;
        slots = c.onUnknownSlots;
        if (c.onFailRank > open) open = c.onFailRank;
        (reasons ??= []).push(reasonFor(ctx, c, -1, c.kind, c.onUnknownSteps));
      }
      if (slots.length) (resolving ??= []).push(slots);
      if (verdict > rank) rank = verdict;
    }
    // Decided when no answer can change it: a failed condition already reaches every rank an open one could (e.g. a tenant's roof is conditional, whatever the asbestos answer).
    if (rank === NEEDS_INFO && failed >= open) rank = failed;
  }
  const status = STATUS_BY_RANK[rank];

  // 4. Steps (only for measures that go ahead), each once, resolving steps first.
  let stepList = EMPTY;
  if (rank <= CONDITIONAL) {
    const { program, steps, collect } = ctx.run;
    steps.clear();
    if (resolving) for (const slots of resolving) for (const slot of slots) steps.add(slot);
    for (const use of measure.steps) if (!use.when || evaluate(ctx, use.when) !== 0) steps.add(use.slot);
    stepList = new Array<string>(steps.size);
    for (let i = 0; i < steps.size; i++) {
      stepList[i] = program.stepIds[steps.slots[i]];
      collect.step(steps.slots[i]);
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
  if (reasons) for (const r of reasons) if (r.indicative) indicative = true;
  const subsidies: SubsidyResult[] = [];
  for (const s of measure.subsidies) subsidies.push(subsidy(ctx, s));
  const result: MeasureResult = {
    measureId: measure.id,
    status,
    obligation,
    reasons: reasons ?? NO_REASONS,
    missingFacts: missingList(ctx),
    steps: stepList,
    quantities,
    subsidies,
    indicative,
  };
  if (buildingId) result.buildingId = buildingId;
  if (kwp) {
    result.potential = { kwp: kwp.value, kwhPerYear: kwh ? kwh.value : null };
    if (kwp.upperBound || kwh?.upperBound) result.potential.upperBound = true;
  }
  if (measure.business) {
    const business = businessCase(ctx, measure.business);
    result.business = business;
    if (business.indicative) result.indicative = true;
  }
  return result;
}

/** The facts missing for this verdict, in catalogue order; each also counts as a next question. */
function missingList(ctx: Ctx): string[] {
  const { program, missing, collect } = ctx.run;
  const n = missing.size;
  if (n === 0) return EMPTY;
  // Insertion sort by catalogue order: the lists are short, and it is stable like the order they were met in.
  const order = program.orderBySlot;
  const sorted = missing.slots.slice(0, n);
  for (let i = 1; i < n; i++) {
    const slot = sorted[i];
    let j = i - 1;
    while (j >= 0 && order[sorted[j]] > order[slot]) {
      sorted[j + 1] = sorted[j];
      j--;
    }
    sorted[j + 1] = slot;
  }
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    ids[i] = factIdOf(sorted[i]);
    collect.question(sorted[i], program.scopeBySlot[sorted[i]] === 'building');
  }
  return ids;
}

/** True when an advice item applies (its condition is not false). */
export function adviceApplies(ctx: Ctx, when: Node | undefined): boolean {
  return !when || evaluate(ctx, when) !== 0;
}
