/**
 * Data tests for the toolbox (SPEC §3), references and rules: ids are unique, every reference
 * resolves (sources, facts, parameters, calcs, steps), named conditions resolve without a
 * cycle and are used, enum values are options, comparisons compare like with like, and
 * terrain measures read no building facts. The checks (helpers/toolboxChecks.ts) are shown
 * not to be vacuous on broken copies.
 */
import { describe, expect, it } from 'vitest';
import { bundledToolbox } from '../../src/engine/toolbox';
import type { Toolbox } from '../../src/engine/types';
import { enumProblems, idProblems, namedConditionProblems, referenceProblems, scopeProblems, typeProblems, unusedSources } from './helpers/toolboxChecks';

const tb = bundledToolbox;

describe('toolbox data: integrity', () => {
  it('ids are unique within each file (sources, facts, parameters, steps, measures, rules per measure); advice ids repeat only with identical text', () => {
    expect(idProblems(tb)).toEqual([]);
  });

  it('every reference resolves (sources, fact groups, facts, parameters, calcs, steps); every calc has exactly one formula and vice versa', () => {
    expect(referenceProblems(tb)).toEqual([]);
  });

  it('named conditions resolve, have no cycle, are all used, and no expression is written twice', () => {
    expect(namedConditionProblems(tb)).toEqual([]);
  });

  it('enum comparisons only use option values the fact defines', () => {
    expect(enumProblems(tb)).toEqual([]);
  });

  it('comparisons compare like with like (number, boolean, date, option) and order only numbers and dates', () => {
    expect(typeProblems(tb)).toEqual([]);
  });

  it('terrain-level measures read no building facts directly', () => {
    expect(scopeProblems(tb)).toEqual([]);
  });
});

describe('toolbox data: the checks are not vacuous', () => {
  const copy = (): Toolbox => structuredClone(tb);

  it('a citation of a missing source, fact, parameter, calc or step is reported', () => {
    const broken = copy();
    broken.measures[0].sources.push('no-such-source');
    broken.precedence[0].sources.push('another-missing-source');
    const condition = broken.measures.flatMap((m) => m.conditions)[0];
    condition.test = { all: [{ fact: 'noSuchFact', op: 'eq', value: { param: 'noSuchParam' } }, { calc: 'noSuchCalc', op: 'gt', value: 0 }] };
    condition.resolvedBy = ['no-such-step'];
    const problems = referenceProblems(broken).join('\n');
    for (const id of ['no-such-source', 'another-missing-source', 'noSuchFact', 'noSuchParam', 'noSuchCalc', 'no-such-step']) {
      expect(problems).toContain(`"${id}"`);
    }
    // A calc record without a formula, and a formula whose record is gone.
    broken.calcs.push({ id: 'noFormula', label: { nl: 'x', en: 'x' }, unit: 'kW' });
    broken.calcs = broken.calcs.filter((c) => c.id !== 'officeShare');
    const calcProblems = referenceProblems(broken).join('\n');
    expect(calcProblems).toContain('calc "noFormula" has no formula');
    expect(calcProblems).toContain('formula "officeShare" has no record in calcs.json');
    expect(unusedSources(broken)).toEqual(unusedSources(tb)); // a phantom citation does not count as using a real source
  });

  it('an unknown name, a cycle of names, an unused name and a repeated expression are reported', () => {
    const broken = copy();
    const named = (id: string) => broken.conditions.find((n) => n.id === id)!;
    named('gridCongested').expr = { all: [named('gridCongested').expr, { ref: 'noSuchCondition' }] };
    // pvSdeRoute uses pvSdeSize (through pvSdeEligible); now pvSdeSize uses pvSdeRoute too.
    named('pvSdeSize').expr = { all: [named('pvSdeSize').expr, { ref: 'pvSdeRoute' }] };
    broken.conditions.push({ id: 'neverUsed', label: { nl: 'x', en: 'x' }, expr: { fact: 'trucks', op: 'gt', value: 7 }, sources: ['stb-2023-215'] });
    broken.measures[0].dos[0].when = { fact: 'trucks', op: 'gt', value: 7 };
    const problems = namedConditionProblems(broken).join('\n');
    expect(problems).toContain('"noSuchCondition"');
    expect(problems).toContain('cycle pvSdeSize → pvSdeRoute → pvSdeEligible → pvSdeSize');
    expect(problems).toContain('named condition neverUsed is never used');
    expect(problems).toContain('{"fact":"trucks","op":"gt","value":7} is also written at');
  });
});
