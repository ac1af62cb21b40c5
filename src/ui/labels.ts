/**
 * The names the views give to toolbox things (steps, measures, calcs, facts and their options,
 * buildings) and the order statuses are shown in (statusOrder.ts): said once here, read by every feature.
 */
import type { Terrain } from '../engine/types';
import { t, tx } from '../i18n';
import { toolboxIndex } from './common';

export { STATUS_ORDER } from './statusOrder';

const measuresById = new Map(toolboxIndex.toolbox.measures.map((m) => [m.id, m]));

export const stepLabel = (id: string): string => tx(toolboxIndex.steps.get(id)?.label) || id;
export const measureLabel = (id: string): string => tx(measuresById.get(id)?.label) || id;
/** A calculated quantity's name in the UI language (toolbox-data/calcs.json). */
export const calcLabel = (id: string): string => tx(toolboxIndex.calcs.get(id)?.label) || id;
export const factLabel = (id: string): string => tx(toolboxIndex.facts.get(id)?.label) || id;

/** The label of an option of an enum fact; undefined for a fact without options. */
export function optionLabel(factId: string | undefined): ((value: string) => string) | undefined {
  const options = factId ? toolboxIndex.facts.get(factId)?.options : undefined;
  return options ? (v: string) => tx(options.find((o) => o.value === v)?.label) || v : undefined;
}

/** A building's name on a terrain; the terrain itself for a terrain-level verdict (no id). */
export function buildingName(terrain: Pick<Terrain, 'buildings'>, id: string | undefined): string {
  return id ? (terrain.buildings.find((b) => b.id === id)?.name ?? id) : t('terrainLevel');
}

/** The measure record of a verdict. */
export const measureById = (id: string) => measuresById.get(id);
