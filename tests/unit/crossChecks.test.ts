/**
 * Cross-field checks: a warning at the field, in Dutch and English, that never rejects the
 * value and never changes a verdict.
 */
import { describe, expect, it } from 'vitest';
import { assess, crossWarnings } from '../../src/engine';
import type { Terrain } from '../../src/engine/types';

describe('cross checks', () => {
  it('office area larger than floor area warns at the office area, with both values', () => {
    expect(crossWarnings({ floorAreaM2: 800, officeAreaM2: 1200 })).toEqual([
      {
        checkId: 'office-within-floor',
        factId: 'officeAreaM2',
        message: {
          nl: 'Het kantooroppervlak (1.200 m²) is groter dan het vloeroppervlak (800 m²). Wel opgeslagen; controleer beide waarden.',
          en: 'The office area (1,200 m²) is larger than the floor area (800 m²). Saved anyway; check both values.',
        },
      },
    ]);
    expect(crossWarnings({ floorAreaM2: 800, officeAreaM2: 800 })).toEqual([]);
    expect(crossWarnings({ officeAreaM2: 1200 })).toEqual([]); // floor unknown: nothing to compare
    expect(crossWarnings({ floorAreaM2: 'x', officeAreaM2: 1200 })).toEqual([]); // an invalid value is not compared
  });

  it('peak above the contracted offtake warns only on a large connection', () => {
    const facts = { connection: 'large', contractedOfftakeKw: 250, peakOfftakeKw: 300 };
    const [w] = crossWarnings(facts);
    expect(w.factId).toBe('peakOfftakeKw');
    expect(w.message.nl).toBe('De piekafname (300 kW) is hoger dan het gecontracteerde afnamevermogen (250 kW) van deze grootverbruikaansluiting. Wel opgeslagen; controleer beide waarden.');
    expect(crossWarnings({ ...facts, connection: 'small' })).toEqual([]);
    expect(crossWarnings({ ...facts, connection: undefined })).toEqual([]);
    expect(crossWarnings({ ...facts, peakOfftakeKw: 250 })).toEqual([]);
  });

  it('existing PV above the roof potential is not a cross check', () => {
    expect(crossWarnings({ roofAreaM2: 100, existingPvKwp: 5000 })).toEqual([]);
  });

  it('a warning changes no verdict and adds no input issue: the values are used as stored', () => {
    const facts = { floorAreaM2: 800, officeAreaM2: 1200, connection: 'large', contractedOfftakeKw: 250, peakOfftakeKw: 300 };
    const terrain: Terrain = { id: 't', name: 'T', assessmentDate: '2026-12-02', facts: {}, buildings: [{ id: 'b', name: 'B', facts }] };
    expect(crossWarnings(facts)).toHaveLength(2);
    const result = assess(terrain);
    expect(result.inputIssues).toEqual([]);
    // The values are used, not set aside as unknown: the grid sums the peak of 300 kW as it is.
    expect(JSON.stringify(result.grid)).toContain('300');
  });
});
