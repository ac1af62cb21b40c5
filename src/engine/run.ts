/**
 * A terrain made ready to assess: its facts cleaned into slot arrays (a building sees the
 * terrain's facts and its own), the parameters resolved on the assessment date with the own
 * values, and the run and contexts the rules are evaluated in. `assess` builds on it; the
 * walk's verdict needs (verdictNeeds.ts) try answers on the same run.
 */
import { newCalcCache } from './calcs';
import { Collector, SlotSet } from './collect';
import type { Ctx, Run } from './context';
import { newMemo } from './expr';
import type { ResolvedParams } from './params';
import { programFor, type Program } from './program';
import { bundledToolbox } from './toolbox';
import type { AssessOptions, FactValue, InputIssue, Terrain, Toolbox } from './types';
import { cleanFacts, cleanOwnValues } from './validate';

export interface Prepared {
  toolbox: Toolbox;
  program: Program;
  input: Partial<Terrain>;
  date: string;
  /** The own values that passed their checks. */
  own: Record<string, number>;
  run: Run;
  terrainCtx: Ctx;
  buildingCtx: Ctx[];
  buildingIds: string[];
  inputIssues: InputIssue[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date (YYYY-MM-DD, UTC) unless given. */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Prepares a terrain. Never throws on bad input: invalid values count as unknown and are listed in `inputIssues`. */
export function prepareRun(terrain: Terrain, options: AssessOptions = {}): Prepared {
  const toolbox = options.toolbox ?? bundledToolbox;
  const program = programFor(toolbox);
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
    const values = terrainValues.slice();
    cleanFacts(b.facts, program.facts, 'building', inputIssues, id, values);
    buildingValues.push(values);
  }

  const own = cleanOwnValues(input.parameterOverrides, program.index.parameters, inputIssues);
  const overrides = options.parameterOverrides ? { ...own, ...options.parameterOverrides } : own;
  const params = program.paramsOn(date, overrides);
  const run: Run = {
    program,
    date,
    params,
    buildings: buildingValues,
    steps: new SlotSet(program.stepIds.length),
    calcUnconfirmed: false,
    missing: new SlotSet(program.blank.length),
    collect: new Collector({ steps: program.stepIds.length, dos: program.dos.length, donts: program.donts.length, facts: program.blank.length }, buildingIds.length),
    ...sharedParts(program, params),
  };
  const memo = newMemo(program.nodeCount, buildingValues.length + 1);
  const terrainCtx: Ctx = { run, values: terrainValues, memo, base: 0, calcs: newCalcCache() };
  const buildingCtx: Ctx[] = buildingValues.map((values, i) => ({ run, values, memo, base: (i + 1) * program.nodeCount, calcs: newCalcCache() }));
  return { toolbox, program, input, date, own, run, terrainCtx, buildingCtx, buildingIds, inputIssues };
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
