/**
 * The engine: `assess(terrain)` checks a terrain against the toolbox and returns every
 * measure's verdict with reasons, the plan in required order, do's and don'ts and the
 * next questions. Pure and synchronous; no DOM; the same input gives a deep-equal result.
 */
import { newCalcCache } from './calcs';
import type { Ctx, Run } from './context';
import { newMemo } from './expr';
import { Collector, SlotSet } from './collect';
import { emlChecklists } from './eml';
import { gridSummary } from './grid';
import { assessMeasure } from './measure';
import { orderSteps } from './plan';
import { EMPTY, programFor, type Program } from './program';
import { factIdOf } from './slots';
import { bundledToolbox } from './toolbox';
import type { Assessment, AssessOptions, FactValue, InputIssue, MeasureResult, OwnValue, Terrain, Toolbox } from './types';
import { cleanFacts, cleanOwnValues } from './validate';
import { valueOn, type ResolvedParams } from './params';

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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date (YYYY-MM-DD, UTC) unless given. */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Assesses a terrain. Never throws on bad input: invalid values count as unknown and are reported. */
export function assess(terrain: Terrain, options: AssessOptions = {}): Assessment {
  const toolbox = options.toolbox ?? bundledToolbox;
  const program = programFor(toolbox);
  const index = program.index;
  const input: Partial<Terrain> = terrain && typeof terrain === 'object' ? terrain : {};
  const date = typeof input.assessmentDate === 'string' && DATE.test(input.assessmentDate) ? input.assessmentDate : (options.today ?? todayIso());

  const inputIssues: InputIssue[] = [];
  const terrainValues = program.blank.slice();
  cleanFacts(input.facts, program.facts, 'terrain', inputIssues, undefined, terrainValues);
  const rawBuildings = Array.isArray(input.buildings) ? input.buildings.filter((b) => b && typeof b === 'object') : [];
  const seenIds = new Set<string>();
  const buildingIds: string[] = [];
  const buildingValues: FactValue[][] = [];
  for (let i = 0; i < rawBuildings.length; i++) {
    const b = rawBuildings[i];
    // A missing or repeated id gets a positional one, so every result names its own building.
    let id = typeof b.id === 'string' && b.id ? b.id : `#${i + 1}`;
    if (seenIds.has(id)) {
      inputIssues.push({ factId: 'id', buildingId: id, value: b.id, message: 'Dit gebouw-id komt twee keer voor.', messageEn: 'This building id occurs twice.' });
      id = `#${i + 1}`;
    }
    seenIds.add(id);
    buildingIds.push(id);
    // A building sees the terrain's facts and its own (fact ids are unique across scopes).
    const values = terrainValues.slice();
    cleanFacts(b.facts, program.facts, 'building', inputIssues, id, values);
    buildingValues.push(values);
  }

  const own = cleanOwnValues(input.parameterOverrides, index.parameters, inputIssues);
  const overrides = options.parameterOverrides ? { ...own, ...options.parameterOverrides } : own;
  const params = program.paramsOn(date, overrides);
  const shared = sharedParts(program, params);
  const collect = new Collector({ steps: program.stepIds.length, dos: program.dos.length, donts: program.donts.length, facts: program.blank.length }, buildingIds.length);
  const run: Run = {
    program,
    date,
    params,
    buildings: buildingValues,
    steps: new SlotSet(program.stepIds.length),
    calcUnconfirmed: false,
    missing: new SlotSet(program.blank.length),
    collect,
    ...shared,
  };
  const memo = newMemo(program.nodeCount, buildingValues.length + 1);
  const terrainCtx: Ctx = { run, values: terrainValues, memo, base: 0, calcs: newCalcCache() };
  const buildingCtx: Ctx[] = buildingValues.map((values, i) => ({ run, values, memo, base: (i + 1) * program.nodeCount, calcs: newCalcCache() }));

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

type SharedParts = Pick<Run, 'expected' | 'subsidies' | 'texts'>;
const sharedByParams = new WeakMap<ResolvedParams, SharedParts>();

/**
 * The result parts that depend only on the parameter values (see Run.expected), kept with the
 * resolved parameters: those of a date are memoised (program.paramsOn), so the assessments
 * of one date (the editor re-assesses on every change) make them once; with own values each
 * assessment has fresh parameters and so fresh parts.
 */
function sharedParts(program: Program, params: ResolvedParams): SharedParts {
  let parts = sharedByParams.get(params);
  if (!parts) {
    parts = { expected: new Array(program.nodeCount), subsidies: new Array(program.subsidyCount * 8), texts: new Array(program.textCount * 2) };
    sharedByParams.set(params, parts);
  }
  return parts;
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
