/**
 * The summary record of a terrain: what the list needs (name, place, building count, dates, the status
 * counts of its last assessment) without reading the terrain itself. One per terrain, written in the
 * same transaction as the terrain, so it never disagrees with it.
 */
import type { StoredTerrain } from './db';
import { withoutLocation } from '../engine/points';

/** Status counts of one assessment, and which revision and toolbox version they were made for. */
export interface SummaryStatusCounts {
  revision: number;
  toolboxVersion: string;
  /** Measure status → number of (measure, building) verdicts with it. */
  counts: Record<string, number>;
}

export interface TerrainSummary {
  id: string;
  name: string;
  municipality?: string;
  postcode4?: string;
  buildingCount: number;
  /** Buildings without a stored location (the list says how many). */
  withoutLocation: number;
  createdAt: string;
  updatedAt: string;
  revision: number;
  /** Null until assessed; counts of an older revision are stale (the list says so) until assessed again. */
  statusCounts: SummaryStatusCounts | null;
}

/** The summary of a stored terrain, keeping the status counts it had (they name their revision). */
export function summarize(terrain: StoredTerrain, statusCounts: SummaryStatusCounts | null): TerrainSummary {
  const summary: TerrainSummary = {
    id: terrain.id,
    name: terrain.name,
    buildingCount: terrain.buildings.length,
    withoutLocation: withoutLocation(terrain),
    createdAt: terrain.createdAt,
    updatedAt: terrain.updatedAt,
    revision: terrain.revision,
    statusCounts,
  };
  if (terrain.municipality) summary.municipality = terrain.municipality;
  if (terrain.postcode4) summary.postcode4 = terrain.postcode4;
  return summary;
}
