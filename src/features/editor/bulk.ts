/**
 * What the editor's two bulk edits would change, counted for their confirm questions:
 * "copy from another building" (the facts only, not the name or the survey) and "this
 * answer for all buildings". Pure; the terrains model makes the edit.
 */
import type { Building, FactValue } from '../../engine/types';

/** How many facts of `target` a copy of `source`'s facts replaces, sets or clears. */
export function copyCount(source: Building, target: Building): number {
  let n = 0;
  for (const id of new Set([...Object.keys(source.facts), ...Object.keys(target.facts)])) {
    if ((source.facts[id] ?? null) !== (target.facts[id] ?? null)) n++;
  }
  return n;
}

/** How many buildings get `value` for `factId` (those that already have it do not change). */
export function forAllCount(buildings: readonly Building[], factId: string, value: FactValue): number {
  return buildings.filter((b) => (b.facts[factId] ?? null) !== value).length;
}
