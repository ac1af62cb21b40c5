/**
 * Terrains in IndexedDB: list, get, save (with a revision check so two tabs never
 * silently overwrite each other), delete. The model hands it only valid fact values.
 * Every write of a terrain writes its summary in the same transaction; a delete also
 * removes the terrain's photos.
 */
import { openDatabase, type StoredTerrain } from './db';
import { summarize, type SummaryStatusCounts, type TerrainSummary } from './summary';
import type { Terrain } from '../engine/types';

/** Another tab saved this terrain since we loaded it. */
export class ConflictError extends Error {
  constructor(public readonly stored: StoredTerrain) {
    super('conflict');
  }
}

/** A save of a terrain that was stored before (expected revision ≥ 1) and is gone: deleted elsewhere. */
export class DeletedError extends Error {
  constructor(public readonly id: string) {
    super('deleted');
  }
}

/** All terrains, most recently changed first. */
export async function listTerrains(): Promise<StoredTerrain[]> {
  const db = await openDatabase();
  const all = await db.getAllFromIndex('terrains', 'by-updated');
  return all.reverse();
}

export async function getTerrain(id: string): Promise<StoredTerrain | undefined> {
  const db = await openDatabase();
  return db.get('terrains', id);
}

/**
 * Saves a terrain. With `expectedRevision`, refuses when the stored revision differs
 * (ConflictError: someone else saved in between) or when a terrain stored before is gone
 * (DeletedError: someone deleted it in between). Read and write are one transaction.
 */
export async function saveTerrain(terrain: Terrain, expectedRevision?: number): Promise<StoredTerrain> {
  const db = await openDatabase();
  const tx = db.transaction(['terrains', 'summaries'], 'readwrite');
  const terrainsStore = tx.objectStore('terrains');
  const summaries = tx.objectStore('summaries');
  const [existing, summary] = await Promise.all([terrainsStore.get(terrain.id), summaries.get(terrain.id)]);
  if (existing && expectedRevision !== undefined && existing.revision !== expectedRevision) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new ConflictError(existing);
  }
  if (!existing && expectedRevision !== undefined && expectedRevision > 0) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new DeletedError(terrain.id);
  }
  const now = new Date().toISOString();
  const stored: StoredTerrain = {
    ...terrain,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    revision: (existing?.revision ?? 0) + 1,
  };
  // One transaction: when the write fails (e.g. QuotaExceededError) it aborts and the
  // previous version stays; awaiting both keeps the abort from going unhandled.
  await Promise.all([terrainsStore.put(stored), summaries.put(summarize(stored, summary?.statusCounts ?? null)), tx.done]);
  return stored;
}

/** Deletes a terrain with its summary and its photos, in one transaction. */
export async function deleteTerrain(id: string): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction(['terrains', 'summaries', 'photos'], 'readwrite');
  const photoKeys = await tx.objectStore('photos').index('by-terrain').getAllKeys(id);
  await Promise.all([tx.objectStore('terrains').delete(id), tx.objectStore('summaries').delete(id), ...photoKeys.map((k) => tx.objectStore('photos').delete(k)), tx.done]);
}

/** The list's records, most recently changed first: no terrain is read. */
export async function listSummaries(): Promise<TerrainSummary[]> {
  const db = await openDatabase();
  const all = await db.getAllFromIndex('summaries', 'by-updated');
  return all.reverse();
}

export async function getSummary(id: string): Promise<TerrainSummary | undefined> {
  const db = await openDatabase();
  return db.get('summaries', id);
}

/** Several terrains in one read (missing ones left out). */
export async function getTerrains(ids: readonly string[]): Promise<StoredTerrain[]> {
  const db = await openDatabase();
  const tx = db.transaction('terrains');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  return found.filter((t): t is StoredTerrain => t !== undefined);
}

/**
 * Stores the status counts of assessments in their terrains' summaries, in one transaction, each only
 * when the summary is still at the revision that was assessed (a save in between makes them stale:
 * not written). Returns the ids written.
 */
export async function putStatusCountsMany(list: readonly { id: string; statusCounts: SummaryStatusCounts }[]): Promise<string[]> {
  const db = await openDatabase();
  const tx = db.transaction('summaries', 'readwrite');
  const summaries = await Promise.all(list.map(({ id }) => tx.store.get(id)));
  const written = list.flatMap(({ id, statusCounts }, i) => {
    const summary = summaries[i];
    return summary?.revision === statusCounts.revision ? [{ id, record: { ...summary, statusCounts } }] : [];
  });
  await Promise.all([...written.map(({ record }) => tx.store.put(record)), tx.done]);
  return written.map((w) => w.id);
}

/** One terrain's status counts (see putStatusCountsMany). */
export async function putStatusCounts(id: string, statusCounts: SummaryStatusCounts): Promise<boolean> {
  return (await putStatusCountsMany([{ id, statusCounts }])).length === 1;
}

/**
 * Writes several terrains in one transaction: all or nothing (import). A record the
 * store refuses (e.g. no id) throws at put() without aborting the transaction, which
 * would then commit the records before it: abort explicitly.
 */
export async function putTerrains(terrains: StoredTerrain[]): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction(['terrains', 'summaries'], 'readwrite');
  const writes: Promise<unknown>[] = [tx.done];
  try {
    for (const t of terrains) writes.push(tx.objectStore('terrains').put(t), tx.objectStore('summaries').put(summarize(t, null)));
  } catch (error) {
    // The requests already made fail with AbortError: expected, not worth reporting.
    for (const w of writes) w.catch(() => undefined);
    tx.abort();
    throw error;
  }
  await Promise.all(writes);
}
