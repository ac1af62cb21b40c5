/**
 * Data tests for the toolbox (SPEC §3), the step graph: the precedence edges form no cycle
 * and never run from a later phase back to an earlier one. The cycle check is shown to catch
 * an edge that closes a cycle and a longer cycle through three steps. Every step has a lead time
 * (min ≤ max weeks, sourced) and an application window names a switch parameter.
 */
import { describe, expect, it } from 'vitest';
import { bundledToolbox } from '../../src/engine/toolbox';
import type { Toolbox } from '../../src/engine/types';
import { findCycle, leadTimeProblems, phaseProblems, uncitedProblems } from './helpers/toolboxChecks';

const tb = bundledToolbox;

describe('toolbox data: integrity', () => {
  it('the step graph has no cycle', () => {
    expect(findCycle(tb)).toBeNull();
  });

  it('no precedence edge goes from a later phase to an earlier phase', () => {
    expect(phaseProblems(tb)).toEqual([]);
  });

  it('every step has a sourced lead time of 0 ≤ min ≤ max weeks, and its application window is a switch parameter', () => {
    expect(leadTimeProblems(tb)).toEqual([]);
    expect(tb.steps.some((s) => s.applicationWindow)).toBe(true);
  });
});

describe('toolbox data: the checks are not vacuous', () => {
  const copy = (): Toolbox => structuredClone(tb);

  it('an edge that closes a cycle is reported', () => {
    const broken = copy();
    const edge = broken.precedence[0];
    broken.precedence.push({ ...edge, before: edge.after, after: edge.before });
    const cycle = findCycle(broken);
    expect(cycle).not.toBeNull();
    expect(cycle).toContain(edge.before);
    expect(cycle).toContain(edge.after);
  });

  it('a longer cycle through three steps is reported', () => {
    const broken = copy();
    const [a, b] = [broken.precedence[0].before, broken.precedence[0].after];
    const onward = broken.precedence.find((e) => e.before === b);
    expect(onward).toBeDefined();
    broken.precedence.push({ ...broken.precedence[0], before: onward!.after, after: a });
    expect(findCycle(broken)).not.toBeNull();
  });

  it('a reversed lead time, a missing one, an unsourced one and a window on a number parameter are reported', () => {
    const broken = copy();
    const [a, b, c, d] = broken.steps;
    a.leadTimeWeeks = { ...a.leadTimeWeeks, min: 9, max: 3 };
    delete (b as Partial<typeof b>).leadTimeWeeks;
    c.leadTimeWeeks = { ...c.leadTimeWeeks, sources: [] };
    d.applicationWindow = broken.parameters.find((p) => typeof p.values[0].value === 'number')!.id;
    const problems = leadTimeProblems(broken).join('\n');
    expect(problems).toContain(`step ${a.id}: lead time [9, 3]`);
    expect(problems).toContain(`step ${b.id}: no lead time`);
    expect(problems).toContain(`step ${d.id}: application window`);
    expect(uncitedProblems(broken).join('\n')).toContain(`step ${c.id} lead time cites no source`);
  });
});
