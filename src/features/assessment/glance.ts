/**
 * The assessment at a glance, pure: the building × measure matrix (one cell per verdict), the
 * terrain's totals from the verdicts' potentials and business cases, and the card filters.
 * Used by the assessment and the report; derived from an assessment, never stored.
 */
import type { Assessment, MeasureResult, Status, Terrain } from '../../engine/types';

/** The DOM key of a verdict (its card, its matrix cell): measure and building, or "terrain". */
export const verdictKey = (m: Pick<MeasureResult, 'measureId' | 'buildingId'>): string => `${m.measureId}--${m.buildingId ?? 'terrain'}`;

export interface MatrixCell {
  key: string;
  measureId: string;
  buildingId?: string;
  status: Status;
  /** The verdict is a legal duty (true), may be one (null), or is not (false); never a duty when not applicable. */
  duty: boolean | null;
}

export interface MatrixRow {
  measureId: string;
  /** Building measures: one cell per column (null where the engine gave no verdict); terrain measures: one cell. */
  cells: (MatrixCell | null)[];
}

export interface Matrix {
  buildingIds: string[];
  buildingRows: MatrixRow[];
  terrainRows: MatrixRow[];
}

const cellOf = (m: MeasureResult): MatrixCell => ({
  key: verdictKey(m),
  measureId: m.measureId,
  ...(m.buildingId ? { buildingId: m.buildingId } : {}),
  status: m.status,
  duty: m.status === 'not-applicable' ? false : m.obligation,
});

/** Rows in the engine's (the catalogue's) measure order; columns the terrain's buildings, optionally only some of them. */
export function buildMatrix(terrain: Pick<Terrain, 'buildings'>, assessment: Pick<Assessment, 'measures'>, buildingIds = terrain.buildings.map((b) => b.id)): Matrix {
  const byKey = new Map(assessment.measures.map((m) => [verdictKey(m), m]));
  const order: string[] = [];
  const terrainLevel = new Set<string>();
  for (const m of assessment.measures) {
    if (!order.includes(m.measureId)) order.push(m.measureId);
    if (!m.buildingId) terrainLevel.add(m.measureId);
  }
  const row = (measureId: string, ids: (string | undefined)[]): MatrixRow => ({
    measureId,
    cells: ids.map((buildingId) => {
      const m = byKey.get(verdictKey({ measureId, buildingId }));
      return m ? cellOf(m) : null;
    }),
  });
  return {
    buildingIds,
    buildingRows: order.filter((id) => !terrainLevel.has(id)).map((id) => row(id, buildingIds)),
    terrainRows: order.filter((id) => terrainLevel.has(id)).map((id) => row(id, [undefined])),
  };
}

/** Splits the buildings into groups of at most `size` (a printed matrix keeps its columns legible). */
export function columnGroups(buildingIds: string[], size: number): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < buildingIds.length; i += size) groups.push(buildingIds.slice(i, i + size));
  return groups.length ? groups : [[]];
}

/** Heating alternatives of one building: only the first one in the plan counts in the totals. */
const ALTERNATIVES: readonly (readonly string[])[] = [['heat-pump', 'ground-source']];
const PV = ['pv-roof', 'pv-carport'];

export interface TerrainTotals {
  /** Roof and carport PV that is feasible or conditional. */
  pvKwp: number;
  pvMwhPerYear: number;
  /** Sums over the feasible and conditional verdicts with a business case (an alternative counted once per building). */
  investmentEur: number;
  savingsEurPerYear: number;
  /** Verdicts counted whose investment or saving is unknown: the sums leave them out. */
  unknownCosts: number;
  /** Some counted figure is an upper bound. */
  upperBound: boolean;
  /** Total investment over total saving, when nothing is unknown and there is a saving. */
  paybackYears: number | null;
  dutiesOpen: number;
  dutiesUnknown: number;
}

const inPlan = (m: MeasureResult) => m.status === 'feasible' || m.status === 'conditional';

export function terrainTotals(assessment: Pick<Assessment, 'measures'>): TerrainTotals {
  const t: TerrainTotals = { pvKwp: 0, pvMwhPerYear: 0, investmentEur: 0, savingsEurPerYear: 0, unknownCosts: 0, upperBound: false, paybackYears: null, dutiesOpen: 0, dutiesUnknown: 0 };
  const taken = new Set<string>();
  for (const m of assessment.measures) {
    if (m.obligation === true && m.status !== 'not-applicable') t.dutiesOpen++;
    if (m.obligation === null && m.status !== 'not-applicable') t.dutiesUnknown++;
    if (!inPlan(m)) continue;
    if (PV.includes(m.measureId)) {
      t.pvKwp += m.potential?.kwp ?? 0;
      t.pvMwhPerYear += (m.potential?.kwhPerYear ?? 0) / 1000;
    }
    const b = m.business;
    if (!b) continue;
    const group = ALTERNATIVES.find((g) => g.includes(m.measureId));
    if (group) {
      const slot = `${group[0]}|${m.buildingId ?? ''}`;
      if (taken.has(slot)) continue;
      taken.add(slot);
    }
    if (b.investmentEur === null || b.savingsEurPerYear === null) t.unknownCosts++;
    t.investmentEur += b.investmentEur ?? 0;
    t.savingsEurPerYear += b.savingsEurPerYear ?? 0;
    t.upperBound ||= b.upperBound;
  }
  t.pvKwp = Math.round(t.pvKwp * 10) / 10;
  t.pvMwhPerYear = Math.round(t.pvMwhPerYear * 10) / 10;
  t.paybackYears = t.unknownCosts === 0 && t.savingsEurPerYear > 0 ? Math.round((t.investmentEur / t.savingsEurPerYear) * 10) / 10 : null;
  return t;
}

/** The cards' filters: a building id ('terrain' for the terrain's own verdicts), a status, a measure id or 'duty'; '' is all. */
export interface CardFilter {
  building: string;
  status: '' | Status;
  kind: string;
}

export const NO_FILTER: CardFilter = { building: '', status: '', kind: '' };

export function matchesFilter(m: MeasureResult, f: CardFilter): boolean {
  if (f.building && (m.buildingId ?? 'terrain') !== f.building) return false;
  if (f.status && m.status !== f.status) return false;
  if (f.kind === 'duty') return m.obligation !== false && m.status !== 'not-applicable';
  return !f.kind || m.measureId === f.kind;
}
