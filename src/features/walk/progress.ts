/** Pure helpers of the walk mode: how far a terrain's survey is. */
import type { Assessment } from '../../engine/types';

/** Buildings none of whose verdicts still needs information. */
export function buildingsDecided(a: Assessment): number {
  const open = new Set<string>();
  const all = new Set<string>();
  for (const m of a.measures) {
    if (!m.buildingId) continue;
    all.add(m.buildingId);
    if (m.status === 'needs-info') open.add(m.buildingId);
  }
  return all.size - open.size;
}
