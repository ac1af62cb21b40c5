/** The fictional example terrains of toolbox-data/examples, added on request (loaded on demand). */
import type { Terrain } from '../engine/types';
import { putTerrains } from '../storage/terrainRepository';
import type { TerrainsModel } from './terrains';

/** Adds the example terrains that are not on this device yet; returns how many were added. */
export async function addExampleTerrains(terrains: TerrainsModel): Promise<number> {
  const modules = import.meta.glob<{ default: Terrain & { note?: string } }>('../../toolbox-data/examples/*.json');
  const examples = await Promise.all(Object.values(modules).map((load) => load().then((m) => m.default)));
  const now = new Date().toISOString();
  const missing = examples
    .filter((e) => !terrains.summaries.value.has(e.id))
    .map(({ note: _note, ...terrain }) => ({ ...structuredClone(terrain), createdAt: now, updatedAt: now, revision: 1 }));
  if (missing.length) {
    await putTerrains(missing);
    await terrains.load();
  }
  return missing.length;
}
