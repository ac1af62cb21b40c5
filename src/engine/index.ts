/**
 * The engine: `assess(terrain)` checks a terrain against the toolbox and returns every
 * measure's verdict with reasons, the plan in required order, do's and don'ts and the
 * next questions. Pure and synchronous; no DOM; the same input gives a deep-equal result.
 */
import { emlChecklists } from './eml';
import { gridSummary } from './grid';
import { assessMeasure } from './measure';
import { orderSteps } from './plan';
import { EMPTY, programFor } from './program';
import { factIdOf } from './slots';
import { bundledToolbox } from './toolbox';
import { prepareRun } from './run';
import type { Assessment, AssessOptions, MeasureResult, OwnValue, Terrain, Toolbox } from './types';
import { valueOn } from './params';

export * from './types';
export { bundledToolbox, indexToolbox } from './toolbox';
export { crossWarnings, CROSS_CHECKS, type CrossWarning } from './crossChecks';
export { checkFactValue, checkNumberInput, isShare, parameterAsFact, parseNumberInput, terrainIssues } from './validate';
export { valueOn } from './params';
export { comparisonWords, formatRequirement, formatValue, listWords, requirementWords, unitIn } from './format';
export { exprWords } from './words';
export { fillParams, fillParamsOn, paramText, placeholderIds } from './texts';
export { GRID_PARAMETERS } from './grid';

/** The facts a rule could read (see Reason.factIds), in catalogue order, without assessing (the handbook shows them). */
export function ruleFactIds(ruleId: string, toolbox: Toolbox = bundledToolbox): string[] {
  return programFor(toolbox).ruleFacts.get(ruleId) ?? EMPTY;
}

/** Assesses a terrain. Never throws on bad input: invalid values count as unknown and are reported. */
export function assess(terrain: Terrain, options: AssessOptions = {}): Assessment {
  const { toolbox, program, input, date, own, run, terrainCtx, buildingCtx, buildingIds, inputIssues } = prepareRun(terrain, options);
  const index = program.index;
  const collect = run.collect;

  const measures: (MeasureResult | undefined)[] = [];
  // A terrain-level measure that reads the grid waits for the buildings' verdicts; its place is kept.
  let late: number[] | undefined;
  for (let m = 0; m < program.measures.length; m++) {
    const measure = program.measures[m];
    if (measure.readsGrid) {
      (late ??= []).push(m, measures.length);
      measures.push(undefined);
      continue;
    }
    const terrainLevel = measure.scope === 'terrain';
    const count = terrainLevel ? 1 : buildingCtx.length;
    for (let i = 0; i < count; i++) {
      const ctx = terrainLevel ? terrainCtx : buildingCtx[i];
      const buildingId = terrainLevel ? undefined : buildingIds[i];
      collect.subject(m, measure.id, terrainLevel ? -1 : i, buildingId);
      const result = assessMeasure(ctx, measure, buildingId);
      measures.push(result);
      if (result.status !== 'not-applicable') collect.advice(ctx, measure.dos, measure.donts);
    }
  }
  const grid = gridSummary(run, buildingIds, measures);
  if (late) {
    collect.late(program.measureOrder);
    for (let k = 0; k < late.length; k += 2) {
      const measure = program.measures[late[k]];
      collect.subject(late[k], measure.id, -1, undefined);
      const result = assessMeasure(terrainCtx, measure, undefined);
      measures[late[k + 1]] = result;
      if (result.status !== 'not-applicable') collect.advice(terrainCtx, measure.dos, measure.donts);
    }
  }

  return {
    toolboxVersion: toolbox.meta.version,
    assessmentDate: date,
    terrainId: typeof input.id === 'string' ? input.id : '',
    ownValues: ownValueList(toolbox, own, date),
    measures: measures as MeasureResult[],
    ...orderSteps(index, program.stepIds, collect.steps(), date),
    dos: collect.dos(run),
    donts: collect.donts(run),
    nextQuestions: collect.nextQuestions(factIdOf, (slot) => program.scopeBySlot[slot], (slot) => program.orderBySlot[slot]),
    inputIssues,
    grid,
    eml: options.eml === false ? [] : emlChecklists(program.eml, buildingCtx, buildingIds, measures as MeasureResult[]),
  };
}

/** The own values used, in toolbox order, each with the toolbox value it replaces. */
function ownValueList(toolbox: Toolbox, own: Record<string, number>, date: string): OwnValue[] {
  const out: OwnValue[] = [];
  for (const p of toolbox.parameters) {
    if (!Object.prototype.hasOwnProperty.call(own, p.id)) continue;
    const v = valueOn(p, date);
    out.push({ parameterId: p.id, value: own[p.id], unit: p.unit, toolboxValue: v ? v.value : null, toolboxUnconfirmed: v?.unconfirmed === true });
  }
  return out;
}
