/**
 * Status counts for the list, a batch of terrains at a time: read the stored terrains in one
 * transaction, assess each, count its verdicts by status and store the counts in the summaries in
 * one more (each only while its summary is still at that revision). Runs in the status-count
 * worker, or on the main thread where there is none.
 */
import { assess } from '../engine';
import type { SummaryStatusCounts } from '../storage/summary';
import { getTerrains, putStatusCountsMany } from '../storage/terrainRepository';

/** Terrains per batch: two transactions per batch instead of two per terrain. */
export const BATCH = 25;

/** Status → number of (measure, building) verdicts with it. */
export function countStatuses(measures: readonly { status: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of measures) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return counts;
}

/** Assesses the stored terrains and stores their counts; a terrain that is gone is left out. */
export async function assessStored(ids: readonly string[], between: () => Promise<void> = async () => undefined): Promise<{ id: string; statusCounts: SummaryStatusCounts }[]> {
  const results: { id: string; statusCounts: SummaryStatusCounts }[] = [];
  for (const terrain of await getTerrains(ids)) {
    // The counts are of the measures' statuses: the EML checklist is not needed for them.
    const assessment = assess(terrain, { eml: false });
    results.push({ id: terrain.id, statusCounts: { revision: terrain.revision, toolboxVersion: assessment.toolboxVersion, counts: countStatuses(assessment.measures) } });
    await between();
  }
  await putStatusCountsMany(results);
  return results;
}
