/**
 * Scenario tests as data: every tests/scenarios/*.json file is one scenario (format in
 * tests/scenarios/README.md). The runner assesses its terrain and checks only the
 * expectations the scenario gives. Scenarios in tests/scenarios/pending/ are NOT loaded:
 * they describe behaviour the research notes ask for that the engine or data does not
 * (yet) deliver.
 *
 * Before a scenario runs, every id it names (measures, buildings, steps, rules, facts,
 * advice, subsidy schemes, quantities, parameters) is checked against the toolbox, and
 * its terrain must pass input validation, so a typo cannot make a test vacuous.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assess, bundledToolbox, indexToolbox, terrainIssues } from '../../src/engine/index';
import type { Assessment, MeasureResult, ParamValue, Reason, Status, SubsidyResult, Terrain } from '../../src/engine/index';

// ------------------------------------------------------------------ format

type Range = { min?: number; max?: number };

interface ReasonExpectation {
  ruleId: string;
  outcome?: Reason['outcome'];
  factId?: string;
  calcId?: string;
  observed?: ParamValue | null;
  /** Each of these steps must be among the reason's resolvedBy. */
  resolvedBy?: string[];
}

interface QuantityExpectation extends Range {
  id: string;
  /** Exact value (the engine rounds to 0.1); null = unknown. */
  value?: number | null;
}

interface MeasureExpectation {
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

interface SubsidyExpectation {
  measureId: string;
  buildingId?: string;
  scheme: string;
  status: SubsidyResult['status'];
}

interface Expectations {
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
}

interface Scenario {
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
const REASON_KEYS = ['ruleId', 'outcome', 'factId', 'calcId', 'observed', 'resolvedBy'];
const QUANTITY_KEYS = ['id', 'value', 'min', 'max'];
const SUBSIDY_KEYS = ['measureId', 'buildingId', 'scheme', 'status'];
const STATUSES: Status[] = ['feasible', 'conditional', 'blocked', 'needs-info', 'not-applicable'];
const SUBSIDY_STATUSES: SubsidyResult['status'][] = ['eligible', 'not-eligible', 'unknown', 'closed'];
const OUTCOMES: Reason['outcome'][] = ['pass', 'fail', 'unknown'];

// ------------------------------------------------------------------ loading

const scenarioDir = fileURLToPath(new URL('../scenarios/', import.meta.url));
/** Only the top level: tests/scenarios/pending/ is deliberately not loaded. */
const files = readdirSync(scenarioDir, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.json'))
  .map((e) => e.name)
  .sort();
const scenarios: { file: string; scenario: Scenario }[] = files.map((file) => ({
  file,
  scenario: JSON.parse(readFileSync(join(scenarioDir, file), 'utf8')) as Scenario,
}));

// ------------------------------------------------------------------ toolbox ids

const toolbox = bundledToolbox;
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
  return { rules, steps, quantities: new Set(m.quantities), schemes: new Set(m.subsidies.map((s) => s.scheme)) };
}

// ------------------------------------------------------------------ validation

/** Problems with the scenario itself (not with the engine): unknown keys or ids, bad input. */
function validate(s: Scenario): string[] {
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
  if (e.nextQuestionsFirst !== undefined) ids([e.nextQuestionsFirst], factIds, 'fact', 'expect.nextQuestionsFirst');
  ids(e.nextQuestionsInclude, factIds, 'fact', 'expect.nextQuestionsInclude');
  ids(e.nextQuestionsExclude, factIds, 'fact', 'expect.nextQuestionsExclude');
  ids(e.dosInclude, doIds, 'do', 'expect.dosInclude');
  ids(e.dosExclude, doIds, 'do', 'expect.dosExclude');
  ids(e.dontsInclude, dontIds, "don't", 'expect.dontsInclude');
  ids(e.dontsExclude, dontIds, "don't", 'expect.dontsExclude');
  return p;
}

// ------------------------------------------------------------------ checking

const label = (measureId: string, buildingId?: string): string => `${measureId}${buildingId ? '@' + buildingId : ''}`;
const show = (v: unknown): string => JSON.stringify(v);

/** What the engine said about one measure, for failure messages. */
function describeMeasure(m: MeasureResult): string {
  const lines = [`    actual ${label(m.measureId, m.buildingId)}: status=${m.status} obligation=${show(m.obligation)}`];
  for (const r of m.reasons) {
    const subject = r.factId ?? (r.calcId ? `calc:${r.calcId}` : '-');
    const expected = r.expected ? ` expected ${r.expected.op} ${show(r.expected.value)}` : '';
    lines.push(`      ${r.ruleId} [${r.outcome}] ${subject} observed=${show(r.observed)}${expected} resolvedBy=${show(r.resolvedBy)} — ${r.text}`);
  }
  if (!m.reasons.length) lines.push('      (no reasons)');
  lines.push(`      missingFacts=${show(m.missingFacts)}`);
  lines.push(`      steps=${show(m.steps)}`);
  if (m.quantities.length) lines.push(`      quantities=${m.quantities.map((q) => `${q.id}=${q.value}`).join(', ')}`);
  if (m.subsidies.length) lines.push(`      subsidies=${m.subsidies.map((x) => `${x.scheme}:${x.status}`).join(', ')}`);
  return lines.join('\n');
}

function findMeasure(result: Assessment, measureId: string, buildingId?: string): MeasureResult | undefined {
  return result.measures.find((m) => m.measureId === measureId && (m.buildingId ?? undefined) === buildingId);
}

function inRange(value: number | null, q: QuantityExpectation): boolean {
  if (q.value !== undefined) return value === q.value;
  if (value === null) return false;
  return (q.min === undefined || value >= q.min) && (q.max === undefined || value <= q.max);
}

function checkMeasure(result: Assessment, e: MeasureExpectation): string[] {
  const m = findMeasure(result, e.measureId, e.buildingId);
  const name = label(e.measureId, e.buildingId);
  if (!m) return [`${name}: no verdict in the result`];
  const p: string[] = [];
  if (e.status !== undefined && m.status !== e.status) p.push(`${name}: status ${m.status}, expected ${e.status}`);
  if (e.statusNot?.includes(m.status)) p.push(`${name}: status ${m.status}, expected none of ${show(e.statusNot)}`);
  if (e.obligation !== undefined && m.obligation !== e.obligation) p.push(`${name}: obligation ${show(m.obligation)}, expected ${show(e.obligation)}`);
  const rules = m.reasons.map((r) => r.ruleId);
  for (const id of e.reasonRuleIds ?? []) if (!rules.includes(id)) p.push(`${name}: reason ${id} missing`);
  for (const id of e.reasonRuleIdsExclude ?? []) if (rules.includes(id)) p.push(`${name}: reason ${id} present, expected absent`);
  for (const want of e.reasons ?? []) {
    const candidates = m.reasons.filter((r) => r.ruleId === want.ruleId);
    const ok = candidates.some(
      (r) =>
        (want.outcome === undefined || r.outcome === want.outcome) &&
        (want.factId === undefined || r.factId === want.factId) &&
        (want.calcId === undefined || r.calcId === want.calcId) &&
        (want.observed === undefined || r.observed === want.observed) &&
        (want.resolvedBy ?? []).every((s) => r.resolvedBy.includes(s)),
    );
    if (!ok) p.push(`${name}: no reason matching ${show(want)}`);
  }
  for (const s of e.steps ?? []) if (!m.steps.includes(s)) p.push(`${name}: step ${s} missing`);
  for (const s of e.stepsExclude ?? []) if (m.steps.includes(s)) p.push(`${name}: step ${s} present, expected absent`);
  for (const f of e.missingFacts ?? []) if (!m.missingFacts.includes(f)) p.push(`${name}: missing fact ${f} not reported`);
  for (const f of e.missingFactsExclude ?? []) if (m.missingFacts.includes(f)) p.push(`${name}: fact ${f} reported missing, expected not`);
  for (const q of e.quantities ?? []) {
    const actual = m.quantities.find((x) => x.id === q.id);
    if (!actual) p.push(`${name}: quantity ${q.id} not in the result`);
    else if (!inRange(actual.value, q)) {
      const want = q.value !== undefined ? show(q.value) : `[${q.min ?? '-∞'}, ${q.max ?? '∞'}]`;
      p.push(`${name}: quantity ${q.id} = ${show(actual.value)}, expected ${want}`);
    }
  }
  if (p.length) p.push(describeMeasure(m));
  return p;
}

/** True when the plan's precedence reasons lead from `later` back to `earlier` (directly or through other plan steps). */
function justifiedBy(result: Assessment, later: string, earlier: string): boolean {
  const byId = new Map(result.plan.map((x) => [x.stepId, x]));
  const seen = new Set<string>([later]);
  const queue = [later];
  while (queue.length) {
    for (const r of byId.get(queue.shift()!)?.reasons ?? []) {
      if (r.after === earlier) return true;
      if (!seen.has(r.after)) {
        seen.add(r.after);
        queue.push(r.after);
      }
    }
  }
  return false;
}

function checkScenario(s: Scenario, result: Assessment): string[] {
  const e = s.expect;
  const p: string[] = [];
  for (const m of e.measures ?? []) p.push(...checkMeasure(result, m));

  for (const sub of e.subsidies ?? []) {
    const m = findMeasure(result, sub.measureId, sub.buildingId);
    const name = `${label(sub.measureId, sub.buildingId)} ${sub.scheme}`;
    const actual = m?.subsidies.find((x) => x.scheme === sub.scheme);
    if (!m || !actual) p.push(`${name}: no subsidy result`);
    else if (actual.status !== sub.status) p.push(`${name}: subsidy ${actual.status}, expected ${sub.status}\n${describeMeasure(m)}`);
  }

  const plan = result.plan.map((x) => x.stepId);
  const planText = `    actual plan: ${plan.join(' > ') || '(empty)'}`;
  const planProblems: string[] = [];
  for (const [a, b] of e.planOrder ?? []) {
    const ia = plan.indexOf(a);
    const ib = plan.indexOf(b);
    if (ia < 0 || ib < 0) planProblems.push(`plan order ${a} → ${b}: ${[ia < 0 ? a : '', ib < 0 ? b : ''].filter(Boolean).join(' and ')} not in the plan`);
    else if (ia > ib) planProblems.push(`plan order ${a} → ${b}: ${b} comes first`);
    else if (!justifiedBy(result, b, a)) {
      const reasons = result.plan[ib].reasons.map((r) => r.after).join(', ') || 'none';
      planProblems.push(`plan order ${a} → ${b}: order holds only by phase/priority; no precedence reason of ${b} leads back to ${a} (its reasons: ${reasons})`);
    }
  }
  for (const s2 of e.planIncludes ?? []) if (!plan.includes(s2)) planProblems.push(`plan: ${s2} missing`);
  for (const s2 of e.planExcludes ?? []) {
    if (plan.includes(s2)) {
      const item = result.plan.find((x) => x.stepId === s2)!;
      planProblems.push(`plan: ${s2} present (for ${item.measureIds.join(', ')} ${item.buildingIds.join(', ')}), expected absent`);
    }
  }
  if (planProblems.length) p.push(...planProblems, planText);

  const questions = result.nextQuestions.map((q) => q.factId);
  const questionsText = `    actual next questions: ${result.nextQuestions.map((q) => `${q.factId}(${q.count})`).join(', ') || '(none)'}`;
  const qProblems: string[] = [];
  if (e.nextQuestionsFirst !== undefined && questions[0] !== e.nextQuestionsFirst) qProblems.push(`next question: ${show(questions[0])} first, expected ${e.nextQuestionsFirst}`);
  for (const f of e.nextQuestionsInclude ?? []) if (!questions.includes(f)) qProblems.push(`next questions: ${f} missing`);
  for (const f of e.nextQuestionsExclude ?? []) if (questions.includes(f)) qProblems.push(`next questions: ${f} present, expected absent`);
  if (qProblems.length) p.push(...qProblems, questionsText);

  const advice = (kind: string, list: { id: string }[], include?: string[], exclude?: string[]): void => {
    const got = list.map((d) => d.id);
    const problems: string[] = [];
    for (const id of include ?? []) if (!got.includes(id)) problems.push(`${kind}: ${id} missing`);
    for (const id of exclude ?? []) if (got.includes(id)) problems.push(`${kind}: ${id} present, expected absent`);
    if (problems.length) p.push(...problems, `    actual ${kind}: ${got.join(', ') || '(none)'}`);
  };
  advice('dos', result.dos, e.dosInclude, e.dosExclude);
  advice("don'ts", result.donts, e.dontsInclude, e.dontsExclude);
  return p;
}

// ------------------------------------------------------------------ tests

describe('scenarios (tests/scenarios/*.json)', () => {
  it('there are scenario files', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it('scenario names are unique', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const { file, scenario } of scenarios) {
      if (seen.has(scenario.name)) dupes.push(`"${scenario.name}" in ${seen.get(scenario.name)} and ${file}`);
      else seen.set(scenario.name, file);
    }
    expect(dupes).toEqual([]);
  });

  for (const { file, scenario } of scenarios) {
    it(scenario.name ?? file, () => {
      const problems = validate(scenario);
      if (problems.length) throw new Error(`Scenario ${file} is malformed:\n  ${problems.join('\n  ')}`);
      const result = assess(scenario.terrain, { parameterOverrides: scenario.options?.parameterOverrides });
      const failures = checkScenario(scenario, result);
      if (failures.length) throw new Error(`Scenario ${file} (${scenario.terrain.assessmentDate}):\n  ${failures.join('\n  ')}\n  notes: ${scenario.notes}`);
    });
  }
});

describe('scenario coverage', () => {
  it('every measure has at least one scenario', () => {
    const covered = new Set<string>();
    for (const { scenario } of scenarios) {
      for (const m of scenario.expect?.measures ?? []) covered.add(m.measureId);
      for (const sub of scenario.expect?.subsidies ?? []) covered.add(sub.measureId);
    }
    expect(toolbox.measures.map((m) => m.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('every precedence edge in steps.json is asserted by a planOrder pair', () => {
    const covered = new Set<string>();
    for (const { scenario } of scenarios) for (const [a, b] of scenario.expect?.planOrder ?? []) covered.add(`${a} → ${b}`);
    expect(toolbox.precedence.map((e) => `${e.before} → ${e.after}`).filter((edge) => !covered.has(edge))).toEqual([]);
  });
});
