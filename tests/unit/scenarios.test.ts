/**
 * Scenario tests as data: every tests/scenarios/*.json file is one scenario (format in
 * tests/scenarios/README.md). The runner assesses its terrain and checks only the
 * expectations the scenario gives. Scenarios in tests/scenarios/pending/ are NOT loaded:
 * they describe behaviour the research notes ask for that the engine or data does not
 * (yet) deliver.
 *
 * Before a scenario runs, every id it names (measures, buildings, steps, rules, facts,
 * advice, subsidy schemes, quantities, parameters) is checked against the toolbox, and
 * its terrain must pass input validation, so a typo cannot make a test vacuous. The format,
 * loading and validation are in helpers/scenarios.ts, the checking in helpers/scenarioCheck.ts.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/engine/index';
import { checkScenario } from './helpers/scenarioCheck';
import { scenarios, toolbox, validate } from './helpers/scenarios';

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
