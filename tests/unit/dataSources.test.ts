/**
 * Data tests for the toolbox (SPEC §3), sources and validity: everything that states a rule
 * or a number cites a source, every parameter has a unit, checked dates, non-overlapping
 * validity windows and adjustable values in range, and no parameter or source is unused.
 * The checks are shown to report a backward edge, an unknown option, an overlapping window,
 * a missing citation, an unused parameter and a clashing advice id.
 */
import { describe, expect, it } from 'vitest';
import { bundledToolbox } from '../../src/engine/toolbox';
import type { Toolbox } from '../../src/engine/types';
import { enumProblems, idProblems, parameterProblems, phaseProblems, typeProblems, uncitedProblems, unusedParameters, unusedSources } from './helpers/toolboxChecks';

const tb = bundledToolbox;

describe('toolbox data: integrity', () => {
  it('every condition, obligation, advice item, subsidy route, step, precedence edge and parameter value cites a source', () => {
    expect(uncitedProblems(tb)).toEqual([]);
  });

  it('every parameter has a unit, every value a checked date, validity windows do not overlap, and adjustable values lie in their range', () => {
    expect(parameterProblems(tb)).toEqual([]);
  });
});

describe('toolbox data: nothing unused', () => {
  it('every parameter is used by an expression or by a calc the toolbox uses', () => {
    expect(unusedParameters(tb), 'unused parameters').toEqual([]);
  });

  it('every source is cited at least once', () => {
    expect(unusedSources(tb), 'unused sources').toEqual([]);
  });
});

describe('toolbox data: the checks are not vacuous', () => {
  const copy = (): Toolbox => structuredClone(tb);

  it('a backward edge, an unknown option, an overlapping window, a missing citation and an unused parameter are reported', () => {
    const broken = copy();
    const late = broken.steps.find((s) => s.phase === 5)!;
    const early = broken.steps.find((s) => s.phase === 1)!;
    broken.precedence.push({ before: late.id, after: early.id, why: { nl: 'x', en: 'x' }, sources: [] });
    expect(phaseProblems(broken).join('\n')).toContain(late.id);
    expect(uncitedProblems(broken).join('\n')).toContain(`edge ${late.id} → ${early.id}`);

    broken.measures[0].dos.push({ id: 'do-test', text: { nl: 'x', en: 'x' }, sources: ['stb-2023-215'], when: { fact: 'connection', op: 'eq', value: 'huge' } });
    expect(enumProblems(broken).join('\n')).toContain('"huge"');
    broken.measures[0].donts.push({ id: 'dont-test', text: { nl: 'x', en: 'x' }, sources: ['stb-2023-215'], when: { fact: 'asbestos', op: 'eq', value: 'yes' } });
    expect(typeProblems(broken).join('\n')).toContain('compares a boolean with a string');

    const dated = broken.parameters.find((p) => p.values.length > 1)!;
    dated.values[0] = { ...dated.values[0], validFrom: undefined, validTo: undefined };
    expect(parameterProblems(broken).join('\n')).toContain(`parameter ${dated.id}`);
    const adjustable = broken.parameters.find((p) => p.adjustable)!;
    adjustable.adjustable = { ...adjustable.adjustable!, max: (adjustable.values[0].value as number) / 2 };
    expect(parameterProblems(broken).join('\n')).toContain(`parameter ${adjustable.id} value #1`);

    broken.parameters.push({ id: 'neverUsed', label: { nl: 'x', en: 'x' }, unit: '-', values: [{ value: 1, sources: ['stb-2023-215'], checked: '2026-01-01' }] });
    expect(unusedParameters(broken)).toEqual([...unusedParameters(tb), 'neverUsed']);

    broken.measures[1].dos.push({ ...broken.measures[0].dos[0], id: 'do-eml', text: { nl: 'anders', en: 'different' } });
    expect(idProblems(broken).join('\n')).toContain('do-eml');
  });
});
