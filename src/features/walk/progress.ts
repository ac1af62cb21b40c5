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

/** A visit's "onbekend" answers (not stored: the fact stays unknown), by building; a terrain's fact is skipped once for the whole walk. */
export type Skipped = ReadonlyMap<string, ReadonlySet<string>>;

/** Where the terrain's own skipped facts are kept (no building has an empty id). */
const TERRAIN = '';

/** The facts answered "onbekend" that a building's walk does not ask again: its own and the terrain's. */
export function skippedFor(skipped: Skipped, buildingId: string): ReadonlySet<string> {
  return new Set([...(skipped.get(TERRAIN) ?? []), ...(skipped.get(buildingId) ?? [])]);
}

/** `skipped` with one more "onbekend": `buildingId` null for a terrain's fact. */
export function withSkipped(skipped: Skipped, buildingId: string | null, factId: string): Skipped {
  const key = buildingId ?? TERRAIN;
  return new Map(skipped).set(key, new Set(skipped.get(key)).add(factId));
}
