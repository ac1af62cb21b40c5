/**
 * The engine: `assess(terrain)` checks a terrain against the toolbox and returns every
 * measure's verdict with reasons, the plan in required order, do's and don'ts and the
 * next questions. Pure and synchronous; no DOM; the same input gives a deep-equal result.
 */
import type { Ctx } from './context';
import { newEvalCache } from './expr';
import { adviceApplies, assessMeasure } from './measure';
import { resolveParameters } from './params';
import { orderSteps, type StepNeed } from './plan';
import { bundledToolbox, indexToolbox } from './toolbox';
import type { AdviceResult, Assessment, AssessOptions, FactValue, InputIssue, MeasureResult, NextQuestion, Terrain } from './types';
import { cleanFacts } from './validate';

export * from './types';
export { bundledToolbox, indexToolbox } from './toolbox';
export { checkFactValue, parseNumberInput, terrainIssues } from './validate';
export { valueOn } from './params';
export { formatValue, formatExpected, unitIn } from './format';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A building's view of the facts: the terrain's plus its own. */
function mergeFacts(terrain: Map<string, FactValue>, building: Map<string, FactValue>): Map<string, FactValue> {
  const merged = new Map(terrain);
  for (const [k, v] of building) merged.set(k, v);
  return merged;
}

/** Today's date (YYYY-MM-DD, UTC) unless given. */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

interface AdviceAcc {
  item: { id: string; text: { nl: string; en: string }; sources: string[] };
  measureIds: Set<string>;
  buildingIds: Set<string>;
}

function addAdvice(target: Map<string, AdviceAcc>, item: AdviceAcc['item'], measureId: string, buildingId?: string): void {
  let entry = target.get(item.id);
  if (!entry) {
    entry = { item, measureIds: new Set(), buildingIds: new Set() };
    target.set(item.id, entry);
  }
  entry.measureIds.add(measureId);
  if (buildingId) entry.buildingIds.add(buildingId);
}

function adviceList(acc: Map<string, AdviceAcc>): AdviceResult[] {
  return [...acc.values()].map(({ item, measureIds, buildingIds }) => ({
    id: item.id,
    text: item.text.nl,
    textEn: item.text.en,
    measureIds: [...measureIds],
    buildingIds: [...buildingIds],
    sourceIds: item.sources.slice(),
  }));
}

/** Assesses a terrain. Never throws on bad input: invalid values count as unknown and are reported. */
export function assess(terrain: Terrain, options: AssessOptions = {}): Assessment {
  const toolbox = options.toolbox ?? bundledToolbox;
  const index = indexToolbox(toolbox);
  const input: Partial<Terrain> = terrain && typeof terrain === 'object' ? terrain : {};
  const date = typeof input.assessmentDate === 'string' && DATE.test(input.assessmentDate) ? input.assessmentDate : (options.today ?? todayIso());
  const params = resolveParameters(toolbox.parameters, date, options.parameterOverrides);

  const inputIssues: InputIssue[] = [];
  const terrainFacts = cleanFacts(input.facts, index.facts, 'terrain', inputIssues);
  const rawBuildings = Array.isArray(input.buildings) ? input.buildings.filter((b) => b && typeof b === 'object') : [];
  const seenIds = new Set<string>();
  const buildings = rawBuildings.map((b, i) => {
    // A missing or repeated id gets a positional one, so every result names its own building.
    let id = typeof b.id === 'string' && b.id ? b.id : `#${i + 1}`;
    if (seenIds.has(id)) {
      inputIssues.push({ factId: 'id', buildingId: id, value: b.id, message: 'Dit gebouw-id komt twee keer voor.', messageEn: 'This building id occurs twice.' });
      id = `#${i + 1}`;
    }
    seenIds.add(id);
    return { id, facts: cleanFacts(b.facts, index.facts, 'building', inputIssues, id) };
  });
  const allBuildingFacts = buildings.map((b) => b.facts);
  const contextFor = (facts: Map<string, FactValue> | null): Ctx => ({
    index,
    date,
    params,
    terrain: terrainFacts,
    building: facts,
    buildings: allBuildingFacts,
    facts: facts ? mergeFacts(terrainFacts, facts) : terrainFacts,
    calcCache: new Map(),
    evalCache: newEvalCache(),
  });
  const terrainCtx = contextFor(null);
  const buildingCtx = buildings.map((b) => contextFor(b.facts));

  const measures: MeasureResult[] = [];
  const needs = new Map<string, StepNeed>();
  const dos = new Map<string, AdviceAcc>();
  const donts = new Map<string, AdviceAcc>();

  const run = (building: { id: string; facts: Map<string, FactValue> } | null, ctx: Ctx, measure: (typeof toolbox.measures)[number]): void => {
    const result = assessMeasure(ctx, measure, building?.id);
    measures.push(result);
    if (result.status === 'not-applicable') return;
    for (const stepId of result.steps) {
      let need = needs.get(stepId);
      if (!need) {
        need = { measureIds: new Set(), buildingIds: new Set() };
        needs.set(stepId, need);
      }
      need.measureIds.add(measure.id);
      if (building) need.buildingIds.add(building.id);
    }
    for (const d of measure.dos) if (adviceApplies(ctx, d.when)) addAdvice(dos, d, measure.id, building?.id);
    for (const d of measure.donts) if (adviceApplies(ctx, d.when)) addAdvice(donts, d, measure.id, building?.id);
  };

  for (const measure of toolbox.measures) {
    if (measure.scope === 'terrain') run(null, terrainCtx, measure);
    else for (let i = 0; i < buildings.length; i++) run(buildings[i], buildingCtx[i], measure);
  }

  return {
    toolboxVersion: toolbox.meta.version,
    assessmentDate: date,
    terrainId: typeof input.id === 'string' ? input.id : '',
    measures,
    plan: orderSteps(index, needs),
    dos: adviceList(dos),
    donts: adviceList(donts),
    nextQuestions: nextQuestions(measures, index.factScope, index.factOrder),
    inputIssues,
  };
}

/** The unknown facts that would decide the most verdicts, most decisive first. */
function nextQuestions(measures: MeasureResult[], scope: Map<string, 'terrain' | 'building'>, order: Map<string, number>): NextQuestion[] {
  const byFact = new Map<string, { scope: 'terrain' | 'building'; buildingIds: Set<string>; measureIds: Set<string>; count: number }>();
  for (const m of measures) {
    for (const factId of m.missingFacts) {
      let q = byFact.get(factId);
      if (!q) {
        q = { scope: scope.get(factId) ?? 'terrain', buildingIds: new Set(), measureIds: new Set(), count: 0 };
        byFact.set(factId, q);
      }
      q.count++;
      q.measureIds.add(m.measureId);
      if (q.scope === 'building' && m.buildingId) q.buildingIds.add(m.buildingId);
    }
  }
  return [...byFact]
    .map(([factId, q]): NextQuestion => ({ factId, scope: q.scope, buildingIds: [...q.buildingIds], measureIds: [...q.measureIds], count: q.count }))
    .sort((a, b) => b.count - a.count || (order.get(a.factId) ?? 0) - (order.get(b.factId) ?? 0));
}
