import { describe, expect, it } from 'vitest';
import { assess, bundledToolbox } from '../../engine';
import type { Terrain } from '../../engine/types';
import { emlCodes, emlCounts, emlGroups } from './emlList';

const terrain: Terrain = {
  id: 't',
  name: 'T',
  assessmentDate: '2026-12-02',
  facts: {},
  buildings: [
    { id: 'hal', name: 'Hal', facts: { electricityKwh: 120000, gasM3: 30000, roofType: 'flat', roofInsulation: 'none', indoorTemperature: 'heated', glazing: 'hr', ventilation: 'none', lightingTl8: true, lightingHoursPerYear: 2500 } },
    { id: 'klein', name: 'Klein', facts: { electricityKwh: 1000, gasM3: 100 } },
  ],
};

describe('the EML checklist as the views show it', () => {
  const data = bundledToolbox.eml!;
  const [hal, klein] = assess(terrain).eml;

  it('groups the items by category in the list order and counts in visit order', () => {
    const groups = emlGroups(data, hal);
    expect(groups.map((g) => g.id)).toEqual(data.categories.map((c) => c.id));
    expect(groups.flatMap((g) => g.rows.map((r) => r.item.code))).toEqual(data.items.map((i) => i.code));
    const counts = emlCounts(hal);
    expect(counts.map((c) => c.status)).toEqual(['applies', 'unknown', 'done', 'not-applicable']);
    expect(counts.reduce((n, c) => n + c.n, 0)).toBe(data.items.length);
    expect(emlCodes(hal, 'applies')).toEqual(['GB2', 'GB4', 'GF2']);
    expect(emlCodes(hal, 'done')).toEqual(['GB5', 'GB6']);
  });

  it('a building outside the duty has no rows and no counts', () => {
    expect(klein.duty).toBe(false);
    expect(emlGroups(data, klein)).toEqual([]);
    expect(emlCounts(klein)).toEqual([]);
  });
});
