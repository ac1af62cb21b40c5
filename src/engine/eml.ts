/**
 * The EML checklist per building: every recognised measure of the energy-saving duty
 * (toolbox-data/eml.json) gets a status from the building's facts — already done, applies
 * (to do), not applicable (naming the deciding fact) or unknown (naming the facts to ask) —
 * for each building where the duty holds or may hold; where it does not, the list is empty
 * and the energy-saving measure's duty reason says why. An item linked to a measure's rule
 * (GH1: R-LAW-04 of pv-roof) takes that rule's outcome, so the law is said once. Compiled with
 * the program's expression compiler: named conditions are the measures' own nodes, evaluated
 * once per building.
 */
import type { Ctx } from './context';
import { decidingLeaf, evaluate, exactSubjectValue, factsOf, missingFacts, type ExprCompiler, type Node, type Tri } from './expr';
import type { Rule } from './program';
import { factIdOf, factSlot } from './slots';
import type { EmlChecklist, EmlData, EmlItemResult, EmlStatus, MeasureResult, ParamValue } from './types';

export interface CompiledEmlItem {
  code: string;
  situation: Node | undefined;
  done: Node | undefined;
  /** The measure and its rule a linked item takes its status from. */
  link: { measureId: string; rule: Rule } | undefined;
  /** Every fact the item reads, catalogue order; with each of them first (a decided item names its fact first). */
  factIds: string[];
  factIdsFirst: ReadonlyMap<string, string[]>;
  /** The slots of `factIds`, and the item's one result while none of them is known (most buildings, most items). */
  slots: Int32Array;
  allUnknown: EmlItemResult;
}

export interface CompiledEml {
  validFrom: string;
  items: CompiledEmlItem[];
  /** The measure whose obligation is the duty (energy-saving, R-LAW-01). */
  dutyMeasureId: string;
  /** The measures whose verdicts the list reads: the duty's and each linked one. */
  reads: ReadonlySet<string>;
}

const DUTY_MEASURE = 'energy-saving';
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/** Compiles the list; `rules` finds a measure's compiled rule by measure and rule id. */
export function compileEml(
  data: EmlData | undefined,
  compiler: ExprCompiler,
  rules: (measureId: string, ruleId: string) => Rule | undefined,
  orderOf: (factId: string) => number,
): CompiledEml | undefined {
  if (!data) return undefined;
  const items = data.items.map((item): CompiledEmlItem => {
    const situation = item.situation ? compiler.node(item.situation) : undefined;
    const done = item.done ? compiler.node(item.done) : undefined;
    const rule = item.link ? rules(item.link.measure, item.link.rule) : undefined;
    if (item.link && !rule) throw new Error(`toolbox: EML ${item.code} links to an unknown rule ${item.link.measure} ${item.link.rule}`);
    const ids = rule ? rule.factIds.slice() : factsOf(situation, done).sort((a, b) => orderOf(a) - orderOf(b));
    const factIds = Object.freeze(ids) as string[];
    const factIdsFirst = new Map(factIds.map((id) => [id, Object.freeze([id, ...factIds.filter((f) => f !== id)]) as string[]]));
    const allUnknown = Object.freeze({ code: item.code, status: 'unknown', factIds, missingFacts: factIds }) as EmlItemResult;
    const slots = Int32Array.from(factIds, factSlot);
    return { code: item.code, situation, done, link: rule && item.link ? { measureId: item.link.measure, rule } : undefined, factIds, factIdsFirst, slots, allUnknown };
  });
  const reads = new Set([DUTY_MEASURE, ...items.flatMap((i) => (i.link ? [i.link.measureId] : []))]);
  return { validFrom: data.validFrom, items, dutyMeasureId: DUTY_MEASURE, reads };
}

/** The checklists of all buildings, in building order. */
export function emlChecklists(eml: CompiledEml | undefined, ctxs: Ctx[], buildingIds: string[], measures: (MeasureResult | undefined)[]): EmlChecklist[] {
  if (!eml) return [];
  // The verdicts the list reads, by building.
  const byBuilding = new Map<string, Map<string, MeasureResult>>();
  for (const m of measures) {
    if (!m || m.buildingId === undefined || !eml.reads.has(m.measureId)) continue;
    let map = byBuilding.get(m.buildingId);
    if (!map) byBuilding.set(m.buildingId, (map = new Map()));
    map.set(m.measureId, m);
  }
  return ctxs.map((ctx, i) => {
    const verdicts = byBuilding.get(buildingIds[i]);
    const duty = verdicts?.get(eml.dutyMeasureId)?.obligation ?? null;
    const inForce = ctx.run.date >= eml.validFrom;
    const items = duty === false || !inForce ? [] : eml.items.map((item) => (item.link ? linkedResult(ctx, item, verdicts?.get(item.link.measureId)) : itemResult(ctx, item)));
    const counts: Record<EmlStatus, number> = { applies: 0, done: 0, 'not-applicable': 0, unknown: 0 };
    for (const r of items) counts[r.status]++;
    return { buildingId: buildingIds[i], duty, items, counts };
  });
}

/** An item's status from its own expressions: done wins, then a false situation, then a true one. */
export function itemResult(ctx: Ctx, item: CompiledEmlItem): EmlItemResult {
  // No fact known: every leaf is unknown, so both expressions are and every fact read is missing.
  if (noneKnown(ctx.values, item.slots)) return item.allUnknown;
  const d: Tri = item.done ? evaluate(ctx, item.done) : 0;
  if (d === 1) return decided(ctx, item, 'done', trueLeaf(ctx, item.done!));
  const s: Tri = item.situation ? evaluate(ctx, item.situation) : -1;
  if (s === 0) return decided(ctx, item, 'not-applicable', decidingLeaf(ctx, item.situation!, 0));
  if (s === 1 && d === 0) return { code: item.code, status: 'applies', factIds: item.factIds, missingFacts: EMPTY };
  // The assessment's scratch set of missing facts is free once the verdicts are made.
  const missing = ctx.run.missing;
  missing.clear();
  if (s === -1 && item.situation) missingFacts(ctx, item.situation, missing);
  if (d === -1) missingFacts(ctx, item.done!, missing);
  const order = ctx.run.program.orderBySlot;
  const slots = missing.slots.slice(0, missing.size).sort((a, b) => order[a] - order[b]);
  return { code: item.code, status: 'unknown', factIds: item.factIds, missingFacts: slots.map(factIdOf) };
}

function noneKnown(values: ArrayLike<unknown>, slots: Int32Array): boolean {
  for (let i = 0; i < slots.length; i++) {
    const v = values[slots[i]];
    if (v !== null && v !== undefined) return false;
  }
  return true;
}

/** A linked item: the rule's duty holds → applies; it does not → not applicable (the deciding fact); open → unknown. */
function linkedResult(ctx: Ctx, item: CompiledEmlItem, verdict: MeasureResult | undefined): EmlItemResult {
  const { rule } = item.link!;
  const holds = verdict ? verdict.obligation : null;
  if (holds === true) return { code: item.code, status: 'applies', factIds: item.factIds, missingFacts: EMPTY };
  if (holds === false) {
    // The measure does not apply at all (its applicability reason names the fact), or the duty's own test fails.
    const reason = verdict!.status === 'not-applicable' ? verdict!.reasons[0] : undefined;
    if (reason?.factId) return withFact(item, 'not-applicable', reason.factId, reason.observed);
    return decided(ctx, item, 'not-applicable', decidingLeaf(ctx, rule.test, 0));
  }
  const known = new Set(item.factIds);
  return { code: item.code, status: 'unknown', factIds: item.factIds, missingFacts: (verdict?.missingFacts ?? item.factIds).filter((f) => known.has(f)) };
}

/** A done or not-applicable item with the leaf that decides it (a fact, or a calculated quantity). */
function decided(ctx: Ctx, item: CompiledEmlItem, status: 'done' | 'not-applicable', leaf: Node | undefined): EmlItemResult {
  const subject = leaf?.subject;
  if (subject?.kind === 'fact') return withFact(item, status, subject.id, exactSubjectValue(ctx, leaf!));
  const result: EmlItemResult = { code: item.code, status, factIds: item.factIds, missingFacts: EMPTY };
  if (subject?.kind === 'calc') {
    result.calcId = subject.id;
    result.observed = exactSubjectValue(ctx, leaf!);
  }
  return result;
}

function withFact(item: CompiledEmlItem, status: 'done' | 'not-applicable', factId: string, observed: ParamValue | null): EmlItemResult {
  return { code: item.code, status, factId, observed, factIds: item.factIdsFirst.get(factId) ?? item.factIds, missingFacts: EMPTY };
}

/** The leaf that makes a true node true: the last part of an "all" (the most specific), the first true part of an "any". */
function trueLeaf(ctx: Ctx, node: Node): Node | undefined {
  if (node.kind === 'leaf') return node;
  if (node.kind === 'not') return decidingLeaf(ctx, node.children[0], 0);
  const parts = node.kind === 'all' ? [...node.children].reverse() : node.children;
  for (const child of parts) if (evaluate(ctx, child) === 1) return trueLeaf(ctx, child);
  return undefined;
}

/** Every fact the list reads (the walk asks them after the measures' questions). */
export function emlFacts(eml: CompiledEml | undefined): Set<string> {
  return new Set(eml?.items.flatMap((i) => i.factIds) ?? []);
}

