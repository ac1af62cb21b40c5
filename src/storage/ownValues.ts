/**
 * Own values stored in an older meaning. Until toolbox 2026-12 `electricityValueEurPerKwh` was
 * "what a self-used kWh saves: supply price plus energy tax"; since then it is the bare supply
 * price and the engine adds the energy tax of each building's band. `migrateOwnValues` lifts a
 * record stored before that change: when every building with a known electricity use falls in
 * one tax band, the tax of that band on the record's last save is taken off (converted);
 * otherwise the value is kept under `electricityValueInclTaxEurPerKwh`, an id the toolbox does not
 * know (the engine ignores it, the importer and the export keep it), so nothing is guessed and
 * nothing is lost (flagged; the editor shows it beside the field). Pure: the record in, a new record and what was done out. Run it once per
 * record, by a ladder step: the export ladder's 3 → 4 step (src/storage/envelope.ts; files of
 * format 3 and older were written before the meaning changed); a converted value would be
 * converted again. The database's 1 → 2 step (db.ts) only moves such a value aside: it runs
 * before the toolbox, with its tax bands, is loaded.
 */
import { band } from '../engine/calcs/business';
import { valueOn } from '../engine/params';
import { bundledToolbox } from '../engine/toolbox';
import type { Terrain, Toolbox } from '../engine/types';

import { KEPT_ID, OLD_MEANING_ID, setOldMeaningAside } from './ownValueIds';

export { KEPT_ID, OLD_MEANING_ID };

const BANDS = ['ebElectricityBand1', 'ebElectricityBand2', 'ebElectricityBand3', 'ebElectricityBand4'] as const;
const BAND_FROM = ['ebElectricityBand2FromKwh', 'ebElectricityBand3FromKwh', 'ebElectricityBand4FromKwh'] as const;

export type OwnValueMigration =
  | { kind: 'none' }
  | { kind: 'converted'; from: number; to: number; taxEurPerKwh: number; on: string }
  | { kind: 'flagged'; value: number; why: 'bands-differ' | 'use-unknown' | 'no-tax-on-date' | 'below-range' };

/** The record with its own values in today's meaning, and what was done (`none` leaves the record as it was). */
export function migrateOwnValues(terrain: Terrain, toolbox: Toolbox = bundledToolbox): { terrain: Terrain; migration: OwnValueMigration } {
  const own = terrain.parameterOverrides;
  const value = own?.[OLD_MEANING_ID];
  if (!own || typeof value !== 'number') return { terrain, migration: { kind: 'none' } };
  const flag = (why: Extract<OwnValueMigration, { kind: 'flagged' }>['why']) => ({ terrain: setOldMeaningAside(terrain), migration: { kind: 'flagged' as const, value, why } });

  const saved = typeof terrain.updatedAt === 'string' ? terrain.updatedAt : terrain.assessmentDate;
  const on = typeof saved === 'string' ? saved.slice(0, 10) : '';
  const params = new Map(toolbox.parameters.map((p) => [p.id, p]));
  const num = (id: string): number | null => {
    const p = params.get(id);
    const v = p && valueOn(p, on);
    return v && typeof v.value === 'number' ? v.value : null;
  };
  const rates = BANDS.map(num);
  const from = BAND_FROM.map(num);
  if (rates.some((r) => r === null) || from.some((f) => f === null)) return flag('no-tax-on-date');

  const taxes = new Set<number>();
  for (const b of terrain.buildings ?? []) {
    // An imported record is not yet validated: a building may be anything.
    const kwh = (b as Partial<typeof b> | null)?.facts?.electricityKwh;
    if (typeof kwh === 'number' && kwh >= 0) taxes.add(band(kwh, from as number[], rates as number[]));
  }
  if (taxes.size === 0) return flag('use-unknown');
  if (taxes.size > 1) return flag('bands-differ');
  const [tax] = taxes;
  const to = Math.round((value - tax) * 10000) / 10000;
  const min = params.get(OLD_MEANING_ID)?.adjustable?.min ?? 0;
  if (to < min) return flag('below-range');
  return { terrain: { ...terrain, parameterOverrides: { ...own, [OLD_MEANING_ID]: to } }, migration: { kind: 'converted', from: value, to, taxEurPerKwh: tax, on } };
}
