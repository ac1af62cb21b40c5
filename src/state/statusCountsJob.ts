/**
 * One terrain's status counts for the list: read the stored terrain, assess it, count its
 * verdicts by status and store the counts in its summary (only while the summary is still at
 * that revision). Runs in the status-count worker, or on the main thread where there is none.
 */
import { assess } from '../engine';
import type { SummaryStatusCounts } from '../storage/summary';
import { getTerrain, putStatusCounts } from '../storage/terrainRepository';

/** Status → number of (measure, building) verdicts with it. */
export function countStatuses(measures: readonly { status: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of measures) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return counts;
}

/** Assesses the stored terrain and stores its counts; null when it is gone. */
export async function assessStored(id: string): Promise<SummaryStatusCounts | null> {
  const terrain = await getTerrain(id);
  if (!terrain) return null;
  const assessment = assess(terrain);
  const counts: SummaryStatusCounts = { revision: terrain.revision, toolboxVersion: assessment.toolboxVersion, counts: countStatuses(assessment.measures) };
  await putStatusCounts(id, counts);
  return counts;
}
