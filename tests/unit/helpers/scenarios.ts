/**
 * The scenario format (tests/scenarios/README.md), the loaded scenario files (top level only;
 * tests/scenarios/pending/ is deliberately not loaded) and the validation that checks every
 * id a scenario names against the toolbox and its terrain against input validation, so a
 * typo cannot make a scenario test vacuous.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledToolbox, indexToolbox, terrainIssues } from '../../../src/engine/index';
import type { EmlStatus, ParamValue, Reason, Status, SubsidyResult, Terrain } from '../../../src/engine/index';

// ------------------------------------------------------------------ format

export type Range = { min?: number; max?: number };

export interface ReasonExpectation {
  ruleId: string;
  outcome?: Reason['outcome'];
  factId?: string;
  calcId?: string;
  observed?: ParamValue | null;
  /** Each of these steps must be among the reason's resolvedBy. */
  resolvedBy?: string[];
  /** Each of these facts must be among the reason's factIds (the facts it rests on, also through calcs). */
  factIds?: string[];
}

export interface QuantityExpectation extends Range {
  id: string;
  /** Exact value (the engine rounds to 0.1); null = unknown. */
  value?: number | null;
}

export interface MeasureExpectation {
  measureId: string;
  /** Omitted for terrain-level measures. */
  buildingId?: string;
  status?: Status;
  statusNot?: Status[];
  obligation?: boolean | null;
  /** Each rule id must appear among the reasons. */
  reasonRuleIds?: string[];
  /** None of these rule ids may appear among the reasons. */
  reasonRuleIdsExclude?: string[];
  /** Each entry must match one reason with that rule id on every key given. */
  reasons?: ReasonExpectation[];
  steps?: string[];
  stepsExclude?: string[];
  missingFacts?: string[];
  missingFactsExclude?: string[];
  quantities?: QuantityExpectation[];
}

export interface SubsidyExpectation {
  measureId: string;
  buildingId?: string;
  scheme: string;
  status: SubsidyResult['status'];
}

export interface Expectations {
  measures?: MeasureExpectation[];
  /** Each pair [a, b]: both steps are in the plan, a comes before b, and b's precedence reasons lead back to a. */
  planOrder?: [string, string][];
  planIncludes?: string[];
  planExcludes?: string[];
  nextQuestionsFirst?: string;
  nextQuestionsInclude?: string[];
  nextQuestionsExclude?: string[];
  dosInclude?: string[];
  dosExclude?: string[];
  dontsInclude?: string[];
  dontsExclude?: string[];
  subsidies?: SubsidyExpectation[];
  /** Plan items on the calendar: each given key must equal the item's (waitsFor: the date the next round opens, null = none known). */
  planWeeks?: WeekExpectation[];
  /** The timeline's length in weeks (shortest lead times). */
  timelineWeeks?: number;
  /** A building's EML checklist: the duty, and the given items' status (and deciding fact). */
  eml?: EmlExpectation[];
}

export interface EmlExpectation {
  buildingId: string;
  duty?: boolean | null;
  items?: { code: string; status: EmlStatus; factId?: string; missingFacts?: string[] }[];
}

export interface WeekExpectation {
  stepId: string;
  startWeek?: number;
  endWeek?: number;
  critical?: boolean;
  waitsFor?: string | null;
}

export interface Scenario {
  name: string;
  notes: string;
  terrain: Terrain;
  /** Passed to assess(); only parameterOverrides is allowed (e.g. a quoted price). */
  options?: { parameterOverrides?: Record<string, ParamValue> };
  expect: Expectations;
  /** Only in tests/scenarios/pending/: why the scenario fails today (engine/data discrepancy). */
  pending?: string;
}

const SCENARIO_KEYS = ['name', 'notes', 'terrain', 'options', 'expect'];
const EXPECT_KEYS = [
  'eml',
  'measures',
  'planOrder',
  'planIncludes',
  'planExcludes',
  'nextQuestionsFirst',
  'nextQuestionsInclude',
  'nextQuestionsExclude',
  'dosInclude',
  'dosExclude',
  'dontsInclude',
  'dontsExclude',
  'subsidies',
  'planWeeks',
  'timelineWeeks',
];
const MEASURE_KEYS = [
  'measureId',
  'buildingId',
  'status',
  'statusNot',
  'obligation',
  'reasonRuleIds',
  'reasonRuleIdsExclude',
  'reasons',
  'steps',
  'stepsExclude',
  'missingFacts',
  'missingFactsExclude',
  'quantities',
];
const REASON_KEYS = ['ruleId', 'outcome', 'factId', 'calcId', 'observed', 'resolvedBy', 'factIds'];
const QUANTITY_KEYS = ['id', 'value', 'min', 'max'];
const SUBSIDY_KEYS = ['measureId', 'buildingId', 'scheme', 'status'];
const STATUSES: Status[] = ['feasible', 'conditional', 'blocked', 'needs-info', 'not-applicable'];
const SUBSIDY_STATUSES: SubsidyResult['status'][] = ['eligible', 'not-eligible', 'unknown', 'closed'];
const OUTCOMES: Reason['outcome'][] = ['pass', 'fail', 'unknown'];

// ------------------------------------------------------------------ loading

const scenarioDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
/** Only the top level: tests/scenarios/pending/ is deliberately not loaded. */
const files = readdirSync(scenarioDir, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.json'))
  .map((e) => e.name)
  .sort();
export const scenarios: { file: string; scenario: Scenario }[] = files.map((file) => ({
  file,
  scenario: JSON.parse(readFileSync(join(scenarioDir, file), 'utf8')) as Scenario,
}));

// ------------------------------------------------------------------ toolbox ids

export const toolbox = bundledToolbox;
const index = indexToolbox(toolbox);
const measureById = new Map(toolbox.measures.map((m) => [m.id, m]));
const stepIds = new Set(toolbox.steps.map((s) => s.id));
const factIds = new Set(toolbox.facts.map((f) => f.id));
const parameterIds = new Set(toolbox.parameters.map((p) => p.id));
const ruleIds = new Set<string>();
const doIds = new Set<string>();
const dontIds = new Set<string>();
for (const m of toolbox.measures) {
  m.applies.forEach((a) => ruleIds.add(a.id));
  m.conditions.forEach((c) => ruleIds.add(c.id));
  if (m.obligation) ruleIds.add(m.obligation.id);
  m.dos.forEach((d) => doIds.add(d.id));
  m.donts.forEach((d) => dontIds.add(d.id));
}

/** Rule ids, steps and quantities a measure can produce. */
function measureVocabulary(measureId: string): { rules: Set<string>; steps: Set<string>; quantities: Set<string>; schemes: Set<string> } {
  const m = measureById.get(measureId)!;
  const rules = new Set<string>([...m.applies.map((a) => a.id), ...m.conditions.map((c) => c.id), ...(m.obligation ? [m.obligation.id] : [])]);
  const steps = new Set<string>(m.steps.map((s) => s.step));
  for (const c of m.conditions) [...(c.resolvedBy ?? []), ...(c.resolvedByWhenUnknown ?? [])].forEach((s) => steps.add(s));
  // The business case's calcs count as quantities too (checked against `business` in the result).
  const business = m.business ? [m.business.investment, m.business.savings, m.business.payback].filter((id): id is string => !!id) : [];
  return { rules, steps, quantities: new Set([...m.quantities, ...business]), schemes: new Set(m.subsidies.map((s) => s.scheme)) };
}

// ------------------------------------------------------------------ validation

/** Problems with the scenario itself (not with the engine): unknown keys or ids, bad input. */
export function validate(s: Scenario): string[] {
  const p: string[] = [];
  const keys = (obj: object, allowed: string[], where: string): void => {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) p.push(`${where}: unknown key "${k}"`);
  };
  const ids = (list: string[] | undefined, known: Set<string>, what: string, where: string): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) p.push(`${where}: ${what} list must be an array`);
    else for (const id of list) if (!known.has(id)) p.push(`${where}: unknown ${what} "${id}"`);
  };

  if ('pending' in s) p.push('scenario: has a "pending" note (only for tests/scenarios/pending/); remove it when the scenario becomes active');
  keys(s, [...SCENARIO_KEYS, 'pending'], 'scenario');
  if (typeof s.name !== 'string' || !s.name) p.push('scenario: "name" is required');
  if (typeof s.notes !== 'string' || !s.notes) p.push('scenario: "notes" (research-notes section) is required');
  if (!s.terrain || typeof s.terrain !== 'object') return [...p, 'scenario: "terrain" is required'];
  if (!s.expect || typeof s.expect !== 'object') return [...p, 'scenario: "expect" is required'];
  if (typeof s.terrain.assessmentDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s.terrain.assessmentDate)) {
    p.push('terrain: assessmentDate (YYYY-MM-DD) must be set explicitly');
  }

  // Terrain facts: known ids, the right scope and valid values (else they would silently count as unknown).
  const buildingIds = new Set<string>();
  for (const [k] of Object.entries(s.terrain.facts ?? {})) {
    if (index.factScope.get(k) !== 'terrain') p.push(`terrain.facts: "${k}" is not a terrain fact`);
  }
  for (const b of s.terrain.buildings ?? []) {
    if (buildingIds.has(b.id)) p.push(`terrain.buildings: duplicate id "${b.id}"`);
    buildingIds.add(b.id);
    for (const [k] of Object.entries(b.facts ?? {})) {
      if (index.factScope.get(k) !== 'building') p.push(`building ${b.id}: "${k}" is not a building fact`);
    }
  }
  for (const issue of terrainIssues(s.terrain, index.facts)) {
    p.push(`input issue${issue.buildingId ? ` in ${issue.buildingId}` : ''}: ${issue.factId} = ${JSON.stringify(issue.value)} (${issue.messageEn})`);
  }

  if (s.options) {
    keys(s.options, ['parameterOverrides'], 'options');
    ids(Object.keys(s.options.parameterOverrides ?? {}), parameterIds, 'parameter', 'options.parameterOverrides');
  }

  const e = s.expect;
  keys(e, EXPECT_KEYS, 'expect');
  if (!Object.values(e).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined))) p.push('expect: asserts nothing');
  const subject = (measureId: string, buildingId: string | undefined, where: string): boolean => {
    const m = measureById.get(measureId);
    if (!m) {
      p.push(`${where}: unknown measure "${measureId}"`);
      return false;
    }
    if (m.scope === 'terrain' && buildingId !== undefined) p.push(`${where}: ${measureId} is a terrain measure, drop buildingId`);
    if (m.scope === 'building' && buildingId === undefined) p.push(`${where}: ${measureId} is a building measure, give buildingId`);
    if (buildingId !== undefined && !buildingIds.has(buildingId)) p.push(`${where}: building "${buildingId}" is not in the terrain`);
    return true;
  };

  for (const [i, m] of (e.measures ?? []).entries()) {
    const where = `expect.measures[${i}] (${m.measureId}${m.buildingId ? '@' + m.buildingId : ''})`;
    keys(m, MEASURE_KEYS, where);
    if (!subject(m.measureId, m.buildingId, where)) continue;
    if (Object.keys(m).every((k) => k === 'measureId' || k === 'buildingId')) p.push(`${where}: asserts nothing`);
    const vocab = measureVocabulary(m.measureId);
    if (m.status !== undefined && !STATUSES.includes(m.status)) p.push(`${where}: unknown status "${m.status}"`);
    for (const st of m.statusNot ?? []) if (!STATUSES.includes(st)) p.push(`${where}: unknown status "${st}" in statusNot`);
    if (m.obligation !== undefined && m.obligation !== null && typeof m.obligation !== 'boolean') p.push(`${where}: obligation must be true, false or null`);
    ids(m.reasonRuleIds, vocab.rules, `rule of ${m.measureId}`, where);
    ids(m.reasonRuleIdsExclude, vocab.rules, `rule of ${m.measureId}`, where);
    ids(m.steps, vocab.steps, `step of ${m.measureId}`, where);
    ids(m.stepsExclude, vocab.steps, `step of ${m.measureId}`, where);
    ids(m.missingFacts, factIds, 'fact', where);
    ids(m.missingFactsExclude, factIds, 'fact', where);
    for (const r of m.reasons ?? []) {
      keys(r, REASON_KEYS, `${where} reason ${r.ruleId}`);
      if (!vocab.rules.has(r.ruleId)) p.push(`${where}: unknown rule of ${m.measureId} "${r.ruleId}"`);
      if (r.outcome !== undefined && !OUTCOMES.includes(r.outcome)) p.push(`${where}: unknown outcome "${r.outcome}"`);
      if (r.factId !== undefined && !factIds.has(r.factId)) p.push(`${where}: unknown fact "${r.factId}"`);
      ids(r.resolvedBy, stepIds, 'step', `${where} reason ${r.ruleId}`);
      ids(r.factIds, factIds, 'fact', `${where} reason ${r.ruleId}`);
    }
    for (const q of m.quantities ?? []) {
      keys(q, QUANTITY_KEYS, `${where} quantity ${q.id}`);
      if (!vocab.quantities.has(q.id)) p.push(`${where}: ${m.measureId} has no quantity "${q.id}"`);
      if (q.value === undefined && q.min === undefined && q.max === undefined) p.push(`${where}: quantity ${q.id} needs value, min or max`);
    }
  }
  for (const [i, sub] of (e.subsidies ?? []).entries()) {
    const where = `expect.subsidies[${i}] (${sub.measureId}${sub.buildingId ? '@' + sub.buildingId : ''} ${sub.scheme})`;
    keys(sub, SUBSIDY_KEYS, where);
    if (!subject(sub.measureId, sub.buildingId, where)) continue;
    if (!measureVocabulary(sub.measureId).schemes.has(sub.scheme)) p.push(`${where}: ${sub.measureId} has no scheme "${sub.scheme}"`);
    if (!SUBSIDY_STATUSES.includes(sub.status)) p.push(`${where}: unknown subsidy status "${sub.status}"`);
  }
  for (const [i, pair] of (e.planOrder ?? []).entries()) {
    if (!Array.isArray(pair) || pair.length !== 2) p.push(`expect.planOrder[${i}]: must be a pair [before, after]`);
    else ids(pair, stepIds, 'step', `expect.planOrder[${i}]`);
  }
  ids(e.planIncludes, stepIds, 'step', 'expect.planIncludes');
  ids(e.planExcludes, stepIds, 'step', 'expect.planExcludes');
  ids(e.planWeeks?.map((w) => w.stepId), stepIds, 'step', 'expect.planWeeks');
  if (e.nextQuestionsFirst !== undefined) ids([e.nextQuestionsFirst], factIds, 'fact', 'expect.nextQuestionsFirst');
  ids(e.nextQuestionsInclude, factIds, 'fact', 'expect.nextQuestionsInclude');
  ids(e.nextQuestionsExclude, factIds, 'fact', 'expect.nextQuestionsExclude');
  ids(e.dosInclude, doIds, 'do', 'expect.dosInclude');
  ids(e.dosExclude, doIds, 'do', 'expect.dosExclude');
  ids(e.dontsInclude, dontIds, "don't", 'expect.dontsInclude');
  ids(e.dontsExclude, dontIds, "don't", 'expect.dontsExclude');
  const codes = new Set((toolbox.eml?.items ?? []).map((i) => i.code));
  for (const [i, x] of (e.eml ?? []).entries()) {
    const where = `expect.eml[${i}] (${x.buildingId})`;
    keys(x, ['buildingId', 'duty', 'items'], where);
    if (!buildingIds.has(x.buildingId)) p.push(`${where}: building "${x.buildingId}" is not in the terrain`);
    for (const item of x.items ?? []) {
      keys(item, ['code', 'status', 'factId', 'missingFacts'], `${where} ${item.code}`);
      if (!codes.has(item.code)) p.push(`${where}: unknown EML code "${item.code}"`);
      if (!EML_STATUSES.includes(item.status)) p.push(`${where}: unknown EML status "${item.status}"`);
      ids(item.factId === undefined ? undefined : [item.factId], factIds, 'fact', `${where} ${item.code}`);
      ids(item.missingFacts, factIds, 'fact', `${where} ${item.code}`);
    }
  }
  return p;
}

const EML_STATUSES: EmlStatus[] = ['applies', 'done', 'not-applicable', 'unknown'];
