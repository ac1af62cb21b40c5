/**
 * migrateOwnValues (src/storage/ownValues.ts): an own electricity value stored when it still
 * included the energy tax is converted when the terrain's buildings share one tax band, and
 * otherwise kept aside (flagged) so the engine never reads it in the new meaning; nothing is lost.
 */
import { describe, expect, it } from 'vitest';
import { assess, type Terrain } from '../../src/engine/index';
import { KEPT_ID, migrateOwnValues, OLD_MEANING_ID } from '../../src/storage/ownValues';

const terrain = (kwh: (number | undefined)[], own: Record<string, number> | undefined): Terrain =>
  ({
    id: 't', name: 'T', assessmentDate: '2026-06-01', updatedAt: '2026-11-20T10:00:00.000Z', facts: {},
    buildings: kwh.map((k, i) => ({ id: `b${i}`, name: `b${i}`, facts: k === undefined ? {} : { electricityKwh: k } })),
    ...(own ? { parameterOverrides: own } : {}),
  }) as Terrain;

describe('migrateOwnValues', () => {
  it('leaves a record without that own value as it is (the same object)', () => {
    const t = terrain([30000], { pvCostEurPerWp: 0.9 });
    expect(migrateOwnValues(t)).toEqual({ terrain: t, migration: { kind: 'none' } });
    expect(migrateOwnValues(t).terrain).toBe(t);
  });

  it('one band for every building with a known use: the tax of that band on the last save is taken off; other own values stay', () => {
    // 30,000 and 45,000 kWh both fall in band 2 (10,000–50,000 kWh).
    const t = terrain([30000, 45000, undefined], { [OLD_MEANING_ID]: 0.25, pvCostEurPerWp: 0.9 });
    const before = structuredClone(t);
    const { terrain: out, migration } = migrateOwnValues(t);
    expect(migration).toEqual({ kind: 'converted', from: 0.25, to: 0.1833, taxEurPerKwh: 0.06671, on: '2026-11-20' });
    expect(out.parameterOverrides).toEqual({ [OLD_MEANING_ID]: 0.1833, pvCostEurPerWp: 0.9 });
    expect(t).toEqual(before);
    // The engine takes it as the bare price.
    expect(assess(out).ownValues.find((o) => o.parameterId === OLD_MEANING_ID)?.value).toBe(0.1833);
  });

  it('a band 1 firm gets band 1 taken off', () => {
    expect(migrateOwnValues(terrain([8000], { [OLD_MEANING_ID]: 0.3 })).migration).toMatchObject({ kind: 'converted', to: 0.2084, taxEurPerKwh: 0.09161 });
  });

  it.each([
    ['bands-differ', [8000, 30000], 0.3],
    ['use-unknown', [undefined], 0.3],
    ['below-range', [8000], 0.05],
  ] as const)('%s: kept aside under its own id, unchanged, and no longer read in the new meaning (the toolbox value is used)', (why, kwh, value) => {
    const t = terrain([...kwh], { [OLD_MEANING_ID]: value, feedInCostEurPerKwh: 0.03 });
    const { terrain: out, migration } = migrateOwnValues(t);
    expect(migration).toEqual({ kind: 'flagged', value, why });
    expect(out.parameterOverrides).toEqual({ [KEPT_ID]: value, feedInCostEurPerKwh: 0.03 });
    const a = assess(out);
    expect(a.ownValues.map((o) => o.parameterId)).toEqual(['feedInCostEurPerKwh']);
    expect(out.parameterOverrides).not.toHaveProperty(OLD_MEANING_ID);
    // A second pass finds nothing to do: the ladder may meet the record again.
    expect(migrateOwnValues(out).migration).toEqual({ kind: 'none' });
  });

  it('no tax on the record’s date (saved before the 2026 tables): flagged, not guessed', () => {
    const t = { ...terrain([30000], { [OLD_MEANING_ID]: 0.25 }), updatedAt: '2025-03-01T00:00:00.000Z' };
    expect(migrateOwnValues(t).migration).toEqual({ kind: 'flagged', value: 0.25, why: 'no-tax-on-date' });
  });
});
