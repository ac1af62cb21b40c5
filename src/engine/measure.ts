/**
 * Assesses one measure for one subject (a building, or the terrain): applicability,
 * obligation, conditions, status, the steps it needs, its quantities and subsidy routes.
 * Every failed or unknown condition becomes a reason with fact, observed and expected
 * value, a sentence in both languages and its sources.
 */
import { calc, calcById } from './calcs';
import { factValue, type Ctx } from './context';
import { decidingLeaf, evaluate, expectedOf, exprParams, missingFacts, or3, not3, subjectOf, type Tri } from './expr';
import { fillTemplate, formatExpected, formatValue } from './format';
import type { Comparison, Condition, Expected, Expr, Lang, Measure, MeasureResult, ParamValue, Quantity, Reason, Status, SubsidyResult } from './types';

/** Kleene implication: the condition only matters when `when` holds. */
function conditionResult(ctx: Ctx, c: { when?: Expr; test: Expr }): Tri {
  if (!c.when) return evaluate(ctx, c.test);
  const w = evaluate(ctx, c.when);
  if (w === 0) return 1;
  return or3(not3(w), evaluate(ctx, c.test));
}

function isIndicative(ctx: Ctx, params: string[]): boolean {
  for (const p of params) if (ctx.params.get(p)?.unconfirmed) return true;
  return false;
}

function unitOf(ctx: Ctx, leaf: Comparison): string | undefined {
  if (leaf.fact) return ctx.index.facts.get(leaf.fact)?.unit;
  if (leaf.calc) return calcById.get(leaf.calc)?.unit;
  return undefined;
}

function subjectLabel(ctx: Ctx, leaf: Comparison, lang: Lang): string {
  if (leaf.fact) return ctx.index.facts.get(leaf.fact)?.label[lang] ?? leaf.fact;
  if (leaf.calc) return calcById.get(leaf.calc)?.label[lang] ?? leaf.calc;
  if (leaf.param) return ctx.index.parameters.get(leaf.param)?.label[lang] ?? leaf.param;
  return lang === 'nl' ? 'peildatum' : 'assessment date';
}

function optionLabel(ctx: Ctx, leaf: Comparison, lang: Lang): ((v: string) => string) | undefined {
  const options = leaf.fact ? ctx.index.facts.get(leaf.fact)?.options : undefined;
  if (!options) return undefined;
  return (v) => options.find((o) => o.value === v)?.label[lang] ?? v;
}

type RuleText = Pick<Condition, 'id' | 'when' | 'test' | 'text' | 'sources'> & Partial<Pick<Condition, 'fix'>>;

/**
 * A reason. Its own properties are the data; the two sentences are formatted only when
 * read (a large terrain has thousands of reasons, most never shown) and included by toJSON.
 */
class RuleReason implements Reason {
  ruleId: string;
  factId: string | undefined;
  calcId: string | undefined;
  observed: ParamValue | null;
  expected: Expected | undefined;
  outcome: Reason['outcome'];
  kind: Reason['kind'];
  fix: string | undefined;
  fixEn: string | undefined;
  resolvedBy: string[];
  sourceIds: string[];
  indicative: boolean;
  #ctx: Ctx;
  #rule: RuleText;
  #leaf: Comparison | undefined;
  #result: Tri;
  #rawObserved: ParamValue | null;

  constructor(ctx: Ctx, rule: RuleText, result: Tri, kind: Reason['kind'], resolvedBy: string[], leaf: Comparison | undefined, observed: ParamValue | null, expected: Expected | undefined) {
    this.ruleId = rule.id;
    this.factId = leaf?.fact;
    this.calcId = leaf?.calc;
    this.observed = typeof observed === 'number' ? Math.round(observed * 10) / 10 : observed;
    this.expected = expected;
    this.outcome = result === 0 ? 'fail' : result === 1 ? 'pass' : 'unknown';
    this.kind = kind;
    this.fix = rule.fix?.nl;
    this.fixEn = rule.fix?.en;
    this.resolvedBy = resolvedBy;
    this.sourceIds = rule.sources.slice();
    this.indicative = isIndicative(ctx, exprParams(rule.test)) || isIndicative(ctx, exprParams(rule.when));
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
      const unknownFacts = new Set<string>();
      collectMissing(ctx, this.#rule, unknownFacts);
      const names = [...unknownFacts].map((f) => ctx.index.facts.get(f)?.label[lang] ?? f).join(', ');
      const subject = leaf ? subjectLabel(ctx, leaf, lang) : '';
      const required = leaf ? `${subject} ${formatExpected(expected, lang, unit, label)}` : '';
      return lang === 'nl' ? `Nog onbekend: ${names || subject}.${required ? ` Vereist: ${required}.` : ''}` : `Not yet known: ${names || subject}.${required ? ` Required: ${required}.` : ''}`;
    }
    const value = expected?.value ?? null;
    const limit = Array.isArray(value) ? value.map((v) => formatValue(v, lang, undefined, label)).join(', ') : formatValue(value, lang, unit, label);
    return fillTemplate(this.#rule.text[lang], formatValue(this.#rawObserved, lang, unit, label), formatExpected(expected, lang, unit, label), limit);
  }
}

/** Builds the reason for a condition that failed (0), is unknown (-1), or (obligations) holds (1). */
export function reasonFor(ctx: Ctx, rule: RuleText, result: Tri, kind: Reason['kind'], resolvedBy: string[]): Reason {
  let leaf = decidingLeaf(ctx, rule.test, result);
  if (!leaf && rule.when) leaf = decidingLeaf(ctx, rule.when, -1);
  let observed: ParamValue | null = null;
  let expected: Expected | undefined;
  if (leaf) {
    const subject = subjectOf(ctx, leaf);
    observed = subject.exact ? subject.value : null;
    const value = expectedOf(ctx, leaf);
    expected = { op: leaf.op, value: Array.isArray(value) ? value.slice() : value };
  }
  return new RuleReason(ctx, rule, result, kind, resolvedBy, leaf, observed, expected);
}

function collectMissing(ctx: Ctx, c: { when?: Expr; test: Expr }, out: Set<string>): void {
  if (c.when) missingFacts(ctx, c.when, out);
  missingFacts(ctx, c.test, out);
}

const rank: Record<Status, number> = { feasible: 0, conditional: 1, 'needs-info': 2, blocked: 3, 'not-applicable': 4 };

/** The parameters a calc rests on never change: computed once per calc id. */
const calcParamCache = new Map<string, string[]>();
function paramsOfCalc(id: string): string[] {
  let params = calcParamCache.get(id);
  if (!params) {
    params = exprParams({ calc: id, op: 'gte', value: 0 });
    calcParamCache.set(id, params);
  }
  return params;
}

function quantity(ctx: Ctx, id: string): Quantity {
  const r = calc(ctx, id);
  const params = paramsOfCalc(id);
  return {
    id,
    // An upper bound is shown as the value "up to"; its missing facts say why it is not exact.
    value: (r.exact || r.upper) && r.value !== null ? Math.round(r.value * 10) / 10 : null,
    unit: calcById.get(id)?.unit ?? '',
    parameterIds: params.slice(),
    missingFacts: r.missing.slice(),
    indicative: isIndicative(ctx, params),
  };
}

function subsidy(ctx: Ctx, route: Measure['subsidies'][number]): SubsidyResult {
  const open = route.available ? evaluate(ctx, route.available) : 1;
  const eligible = evaluate(ctx, route.eligible);
  const status: SubsidyResult['status'] =
    open === 0 ? 'closed' : eligible === 0 ? 'not-eligible' : eligible === 1 && open === 1 ? 'eligible' : 'unknown';
  return {
    scheme: route.scheme,
    status,
    text: route.text.nl,
    textEn: route.text.en,
    sourceIds: route.sources.slice(),
    indicative: isIndicative(ctx, exprParams(route.eligible)) || isIndicative(ctx, exprParams(route.available)),
  };
}

/** Quantities that make up a generation measure's `potential`. */
const POTENTIAL_KWP = ['pvKwp', 'carportKwp', 'sceKwp'];
const POTENTIAL_KWH = ['pvKwhPerYear', 'carportKwhPerYear'];

/** Assesses one measure in one context. Result objects are built with one fixed shape (no spreads): it is the hot path. */
export function assessMeasure(ctx: Ctx, measure: Measure, buildingId: string | undefined): MeasureResult {
  const reasons: Reason[] = [];
  const missing = new Set<string>();

  // 1. Applicability.
  let applicability: Tri = 1;
  for (const a of measure.applies) {
    const r = conditionResult(ctx, a);
    if (r === 1) continue;
    if (r === 0) {
      const result: MeasureResult = {
        measureId: measure.id,
        status: 'not-applicable',
        obligation: false,
        reasons: [reasonFor(ctx, a, 0, 'applicability', [])],
        missingFacts: [],
        steps: [],
        quantities: [],
        subsidies: [],
        indicative: false,
      };
      if (buildingId) result.buildingId = buildingId;
      return result;
    }
    applicability = -1;
    reasons.push(reasonFor(ctx, a, -1, 'applicability', []));
    collectMissing(ctx, a, missing);
  }

  // 2. Obligation (unknown while it is unknown whether the measure applies at all).
  let obligation: boolean | null = false;
  if (measure.obligation) {
    const o = measure.obligation;
    const r = evaluate(ctx, o.when);
    obligation = r === 1 ? (applicability === 1 ? true : null) : r === 0 ? false : null;
    if (r !== 0) {
      reasons.push(reasonFor(ctx, { id: o.id, test: o.when, text: o.text, sources: o.sources }, r, 'obligation', []));
      if (r === -1) missingFacts(ctx, o.when, missing);
    }
  }

  // 3. Conditions.
  let status: Status = applicability === -1 ? 'needs-info' : 'feasible';
  const steps = new Set<string>();
  if (applicability === 1) {
    for (const c of measure.conditions) {
      const r = conditionResult(ctx, c);
      if (r === 1) continue;
      let verdict: Status;
      let resolvedBy: string[] = [];
      if (r === 0) {
        verdict = c.onFail;
        if (c.onFail === 'conditional') resolvedBy = c.resolvedBy ?? [];
      } else {
        collectMissing(ctx, c, missing);
        verdict = c.onUnknown === 'conditional' ? 'conditional' : 'needs-info';
        if (verdict === 'conditional') resolvedBy = c.resolvedByWhenUnknown ?? c.resolvedBy ?? [];
      }
      for (const s of resolvedBy) steps.add(s);
      reasons.push(reasonFor(ctx, c, r, c.kind, resolvedBy.slice()));
      if (rank[verdict] > rank[status]) status = verdict;
    }
  }

  // 4. Steps (only for measures that go ahead).
  if (status === 'feasible' || status === 'conditional') {
    for (const use of measure.steps) if (!use.when || evaluate(ctx, use.when) !== 0) steps.add(use.step);
  } else {
    steps.clear();
  }

  const quantities: Quantity[] = [];
  let kwp: Quantity | undefined;
  let kwh: Quantity | undefined;
  let indicative = false;
  for (const id of measure.quantities) {
    const q = quantity(ctx, id);
    quantities.push(q);
    if (!kwp && POTENTIAL_KWP.includes(id)) kwp = q;
    if (!kwh && POTENTIAL_KWH.includes(id)) kwh = q;
    if (q.indicative) indicative = true;
  }
  for (const r of reasons) if (r.indicative) indicative = true;
  const subsidies: SubsidyResult[] = [];
  for (const s of measure.subsidies) subsidies.push(subsidy(ctx, s));
  const order = ctx.index.factOrder;
  const result: MeasureResult = {
    measureId: measure.id,
    status,
    obligation,
    reasons,
    missingFacts: missing.size > 1 ? [...missing].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) : [...missing],
    steps: [...steps],
    quantities,
    subsidies,
    indicative,
  };
  if (buildingId) result.buildingId = buildingId;
  if (kwp) result.potential = { kwp: kwp.value, kwhPerYear: kwh ? kwh.value : null };
  return result;
}

/** True when an advice item applies (its condition is not false). */
export function adviceApplies(ctx: Ctx, when: Expr | undefined): boolean {
  return !when || evaluate(ctx, when) !== 0;
}

export { factValue };
