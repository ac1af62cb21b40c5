/**
 * Terrains in IndexedDB: list, get, save (with a revision check so two tabs never
 * silently overwrite each other), delete. The model hands it only valid fact values.
 * Every write of a terrain writes its summary in the same transaction; a delete also
 * removes the terrain's photos.
 */
import { openDatabase, type StoredPhoto, type StoredTerrain } from './db';
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

/** Terrains put per batch of putTerrains: each batch is one task, so the page gets a turn between them. */
const WRITE_BATCH = 25;

/**
 * Writes several terrains in one transaction: all or nothing (import). With `photos` (an import),
 * the photos are written in the same transaction, a photo id another terrain's photo already has
 * gets a new id (never overwritten), and a written terrain's stored photos of buildings it no
 * longer has are deleted. It reads first (awaiting only this transaction's requests keeps it
 * open), then puts in batches, each issued when the one before has succeeded, with `onProgress`
 * (terrains written) after each. A record the store refuses (e.g. no id) throws at put() without
 * aborting the transaction, which would then commit the records before it: abort explicitly; a
 * put that fails (e.g. the disk is full) aborts it with everything written so far.
 */
export async function putTerrains(terrains: readonly StoredTerrain[], options: { photos?: readonly StoredPhoto[]; onProgress?: (written: number) => void } = {}): Promise<void> {
  const { photos, onProgress } = options;
  const db = await openDatabase();
  const tx = db.transaction(['terrains', 'summaries', 'photos'], 'readwrite');
  // Awaited below; until then its rejection (after an abort) is not unhandled.
  tx.done.catch(() => undefined);
  const photoStore = tx.objectStore('photos');
  let writes: Promise<unknown>[] = [];
  try {
    const stale = photos
      ? (await Promise.all(terrains.map((t) => photoStore.index('by-terrain').getAll(t.id)))).flatMap((list, i) => {
          const keep = new Set(terrains[i].buildings.map((b) => b.id));
          return list.filter((p) => !keep.has(p.buildingId));
        })
      : [];
    const taken = photos ? await Promise.all(photos.map((p) => photoStore.get(p.id))) : [];
    const placed = (photos ?? []).map((p, i) => (taken[i] && taken[i].terrainId !== p.terrainId ? { ...p, id: `p-${crypto.randomUUID()}` } : p));
    for (let i = 0; i < terrains.length; i += WRITE_BATCH) {
      writes = [];
      for (const t of terrains.slice(i, i + WRITE_BATCH)) writes.push(tx.objectStore('terrains').put(t), tx.objectStore('summaries').put(summarize(t, null)));
      await Promise.all(writes);
      onProgress?.(Math.min(i + WRITE_BATCH, terrains.length));
    }
    const photoWrites = [...stale.map((p) => () => photoStore.delete(p.id)), ...placed.map((p) => () => photoStore.put(p))];
    for (let i = 0; i < photoWrites.length; i += WRITE_BATCH) {
      writes = photoWrites.slice(i, i + WRITE_BATCH).map((write) => write());
      await Promise.all(writes);
    }
  } catch (error) {
    // The requests already made fail with AbortError: expected, not worth reporting.
    for (const w of writes) w.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      /* already aborted by the failed request */
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
}
