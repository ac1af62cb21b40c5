/**
 * Indicators per terrain for the compare view, the report summary and the CSV:
 * PV potential, verdicts by status, open obligations, blockers by kind, congestion, the grid.
 * Pure: derived from an assessment, never stored.
 */
import type { Assessment, GridSummary, Status, Terrain } from '../../engine/types';
import { STATUS_ORDER } from '../../ui/statusOrder';

/** Blocker kinds as the compare view groups them. */
export const BLOCKER_KINDS = ['grid', 'roof', 'insurance', 'organisation', 'law', 'info'] as const;
export type BlockerKind = (typeof BLOCKER_KINDS)[number];

export interface TerrainIndicators {
  terrainId: string;
  name: string;
  municipality: string;
  pvKwp: number;
  pvMwhPerYear: number;
  byStatus: Record<Status, number>;
  obligations: number;
  obligationsUnknown: number;
  blockers: Record<BlockerKind, number>;
  congestionOfftake: string | null;
  congestionFeedIn: string | null;
  buildings: number;
  grid: GridSummary;
}

/** Which blocker kind a failed or unknown reason counts as. */
function blockerKind(kind: string, outcome: string): BlockerKind | null {
  if (outcome === 'unknown') return 'info';
  switch (kind) {
    case 'grid':
    case 'roof':
    case 'insurance':
    case 'organisation':
    case 'law':
      return kind;
    case 'subsidy':
      return 'law';
    default:
      return null;
  }
}

/** Roof PV potential counts once per building (the cooperative roof is the same roof). */
const PV_MEASURES = ['pv-roof', 'pv-carport'];

export function indicatorsFor(terrain: Terrain, assessment: Assessment): TerrainIndicators {
  const byStatus = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
  const blockers = Object.fromEntries(BLOCKER_KINDS.map((k) => [k, 0])) as Record<BlockerKind, number>;
  let pvKwp = 0;
  let pvKwh = 0;
  let obligations = 0;
  let obligationsUnknown = 0;
  for (const m of assessment.measures) {
    byStatus[m.status]++;
    if (m.obligation === true && m.status !== 'not-applicable') obligations++;
    if (m.obligation === null) obligationsUnknown++;
    if (PV_MEASURES.includes(m.measureId) && m.status !== 'blocked' && m.status !== 'not-applicable') {
      pvKwp += m.potential?.kwp ?? 0;
      pvKwh += m.potential?.kwhPerYear ?? 0;
    }
    if (m.status === 'blocked' || m.status === 'conditional' || m.status === 'needs-info') {
      for (const r of m.reasons) {
        if (r.outcome === 'pass' || r.kind === 'obligation' || r.kind === 'applicability') continue;
        const kind = blockerKind(r.kind, r.outcome);
        if (kind) blockers[kind]++;
      }
    }
  }
  const fact = (id: string) => {
    const v = terrain.facts?.[id];
    return typeof v === 'string' ? v : null;
  };
  return {
    terrainId: terrain.id,
    name: terrain.name,
    municipality: terrain.municipality ?? '',
    pvKwp: Math.round(pvKwp * 10) / 10,
    pvMwhPerYear: Math.round(pvKwh / 100) / 10,
    byStatus,
    obligations,
    obligationsUnknown,
    blockers,
    congestionOfftake: fact('congestionOfftake'),
    congestionFeedIn: fact('congestionFeedIn'),
    buildings: terrain.buildings.length,
    grid: assessment.grid,
  };
}
