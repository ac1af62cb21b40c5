/**
 * What the report prints, against the engine's verdicts of the examples: a sheet per building
 * and one for the terrain's own measures, every applicable verdict on exactly one sheet in the
 * right group, each sheet's steps are the plan's steps for it in plan order; the advice once
 * (or one company's); the sources numbered in order of first citation, exactly those cited.
 */
import { describe, expect, it } from 'vitest';
import { exampleTerrains } from '../../../tests/unit/helpers/toolboxData';
import { assess } from '../../engine/index';
import { citeText, EML_SOURCES, reportContent, sheetVerdicts } from './content';

const examples = exampleTerrains();

describe.each(examples.map((t) => [t.name, t] as const))('the report of %s', (_name, terrain) => {
  const a = assess(terrain);
  const c = reportContent(terrain, a, undefined, ['lead-source']);

  it('has a sheet per building, then the terrain, each applicable verdict once in its group', () => {
    expect(c.sheets.map((s) => s.buildingId)).toEqual([...terrain.buildings.map((b) => b.id), undefined]);
    const printed = c.sheets.flatMap(sheetVerdicts);
    expect(printed.length).toBe(a.measures.filter((m) => m.status !== 'not-applicable').length);
    for (const s of c.sheets) {
      expect(sheetVerdicts(s).every((m) => m.buildingId === s.buildingId)).toBe(true);
      expect(s.duties.every((m) => m.obligation !== false)).toBe(true);
      expect(s.possible.every((m) => m.obligation === false && (m.status === 'feasible' || m.status === 'conditional'))).toBe(true);
      expect(s.notYet.every((m) => m.obligation === false && (m.status === 'blocked' || m.status === 'needs-info'))).toBe(true);
      const planOrder = a.plan.filter((p) => (s.buildingId ? p.buildingIds.includes(s.buildingId) : p.buildingIds.length === 0));
      expect(s.steps.map((p) => p.stepId)).toEqual(planOrder.map((p) => p.stepId));
    }
  });

  it('numbers exactly the cited sources, the leading ones first, in order of first citation', () => {
    const cited: string[] = ['lead-source'];
    const add = (ids: string[]) => ids.forEach((id) => cited.includes(id) || cited.push(id));
    for (const s of c.sheets) {
      for (const m of sheetVerdicts(s)) m.reasons.filter((r) => r.outcome !== 'unknown').forEach((r) => add(r.sourceIds));
      // A company sheet prints its EML checklist when an item applies, citing the list.
      const list = a.eml.find((x) => x.buildingId === s.buildingId);
      const told = !!list && list.duty !== false && list.counts.applies > 0;
      expect(s.eml).toBe(told ? list : undefined);
      if (told) add([...EML_SOURCES]);
    }
    [...a.dos, ...a.donts].forEach((x) => add(x.sourceIds));
    expect(EML_SOURCES.length).toBeGreaterThan(0);
    expect(c.sources).toEqual(cited);
    expect(c.sources.map((id) => c.numbers.get(id))).toEqual(cited.map((_, i) => i + 1));
    expect(c.advice.dos).toEqual(a.dos);
    expect(c.advice.donts).toEqual(a.donts);
  });

  it("of one company: its sheet, the advice that applies to it, its sources only", () => {
    const b = terrain.buildings[0].id;
    const one = reportContent(terrain, a, b, ['lead-source']);
    expect(one.sheets.map((s) => s.buildingId)).toEqual([b]);
    expect([...one.advice.dos, ...one.advice.donts].every((x) => x.buildingIds.includes(b))).toBe(true);
    expect(one.advice.dos).toEqual(a.dos.filter((x) => x.buildingIds.includes(b)));
    expect(one.sources).not.toContain('lead-source');
    expect(one.sources.length).toBeLessThanOrEqual(c.sources.length);
  });
});

it('writes citations as sorted, distinct numbers', () => {
  const numbers = new Map([['a', 3], ['b', 1]]);
  expect(citeText(numbers, ['a', 'b', 'a', 'unknown'])).toBe('[1, 3]');
  expect(citeText(numbers, ['unknown'])).toBe('');
});
