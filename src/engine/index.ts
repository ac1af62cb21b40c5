/**
 * The engine: `assess(terrain)` checks a terrain against the toolbox and returns every
 * measure's verdict with reasons, the plan in required order, do's and don'ts and the
 * next questions. Pure and synchronous; no DOM; the same input gives a deep-equal result.
 */
import type { Ctx } from './context';
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

/** Today's date (YYYY-MM-DD, UTC) unless given. */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function addAdvice(target: Map<string, AdviceResult>, item: { id: string; text: { nl: string; en: string }; sources: string[] }, measureId: string, buildingId?: string): void {
  let entry = target.get(item.id);
  if (!entry) {
    entry = { id: item.id, text: item.text.nl, textEn: item.text.en, measureIds: [], buildingIds: [], sourceIds: item.sources };
    target.set(item.id, entry);
  }
  if (!entry.measureIds.includes(measureId)) entry.measureIds.push(measureId);
  if (buildingId && !entry.buildingIds.includes(buildingId)) entry.buildingIds.push(buildingId);
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
  const buildings = rawBuildings.map((b, i) => ({
    id: typeof b.id === 'string' && b.id ? b.id : `#${i + 1}`,
    facts: cleanFacts(b.facts, index.facts, 'building', inputIssues, typeof b.id === 'string' ? b.id : `#${i + 1}`),
  }));
  const allBuildingFacts = buildings.map((b) => b.facts);

  const measures: MeasureResult[] = [];
  const needs = new Map<string, StepNeed>();
  const dos = new Map<string, AdviceResult>();
  const donts = new Map<string, AdviceResult>();

  const run = (building: { id: string; facts: Map<string, FactValue> } | null, measure: (typeof toolbox.measures)[number]): void => {
    const ctx: Ctx = { index, date, params, terrain: terrainFacts, building: building?.facts ?? null, buildings: allBuildingFacts, calcCache: new Map() };
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
    if (measure.scope === 'terrain') run(null, measure);
    else for (const building of buildings) run(building, measure);
  }

  return {
    toolboxVersion: toolbox.meta.version,
    assessmentDate: date,
    terrainId: typeof input.id === 'string' ? input.id : '',
    measures,
    plan: orderSteps(index, needs),
    dos: [...dos.values()],
    donts: [...donts.values()],
    nextQuestions: nextQuestions(measures, index.factScope, index.factOrder),
    inputIssues,
  };
}

/** The unknown facts that would decide the most verdicts, most decisive first. */
function nextQuestions(measures: MeasureResult[], scope: Map<string, 'terrain' | 'building'>, order: Map<string, number>): NextQuestion[] {
  const byFact = new Map<string, NextQuestion>();
  for (const m of measures) {
    for (const factId of m.missingFacts) {
      const factScope = scope.get(factId) ?? 'terrain';
      let q = byFact.get(factId);
      if (!q) {
        q = { factId, scope: factScope, buildingIds: [], measureIds: [], count: 0 };
        byFact.set(factId, q);
      }
      q.count++;
      if (!q.measureIds.includes(m.measureId)) q.measureIds.push(m.measureId);
      if (factScope === 'building' && m.buildingId && !q.buildingIds.includes(m.buildingId)) q.buildingIds.push(m.buildingId);
    }
  }
  return [...byFact.values()].sort((a, b) => b.count - a.count || (order.get(a.factId) ?? 0) - (order.get(b.factId) ?? 0));
}
