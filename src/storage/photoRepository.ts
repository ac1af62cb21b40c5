/**
 * Photos of buildings in IndexedDB (the `photos` store of database version 2): add, list by
 * building or terrain, caption, delete, the total of their bytes, and the sweep of photos whose
 * building is gone. Each function is one transaction. The blobs arrive already compressed.
 */
import { openDatabase, type StoredPhoto } from './db';

export async function addPhoto(photo: StoredPhoto): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('photos', 'readwrite');
  await Promise.all([tx.store.add(photo), tx.done]);
}

/** One building's photos, oldest first. */
export async function listBuildingPhotos(terrainId: string, buildingId: string): Promise<StoredPhoto[]> {
  const db = await openDatabase();
  return byTime(await db.getAllFromIndex('photos', 'by-building', [terrainId, buildingId]));
}

/** Every photo of a terrain, oldest first. */
export async function listTerrainPhotos(terrainId: string): Promise<StoredPhoto[]> {
  const db = await openDatabase();
  return byTime(await db.getAllFromIndex('photos', 'by-terrain', terrainId));
}

/** The photos of several terrains in one read: per terrain id, in that order, oldest first. */
export async function listPhotosOfTerrains(terrainIds: readonly string[]): Promise<StoredPhoto[][]> {
  const db = await openDatabase();
  const index = db.transaction('photos').store.index('by-terrain');
  return (await Promise.all(terrainIds.map((id) => index.getAll(id)))).map(byTime);
}

/** Sets (or with '' removes) a photo's caption; false when the photo is gone. */
export async function setPhotoCaption(id: string, caption: string): Promise<boolean> {
  const db = await openDatabase();
  const tx = db.transaction('photos', 'readwrite');
  const photo = await tx.store.get(id);
  if (!photo) {
    await tx.done;
    return false;
  }
  const { caption: _old, ...rest } = photo;
  await Promise.all([tx.store.put(caption ? { ...rest, caption } : rest), tx.done]);
  return true;
}

export async function deletePhoto(id: string): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('photos', 'readwrite');
  await Promise.all([tx.store.delete(id), tx.done]);
}

/** Deletes one building's photos. */
export async function deleteBuildingPhotos(terrainId: string, buildingId: string): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('photos', 'readwrite');
  const keys = await tx.store.index('by-building').getAllKeys([terrainId, buildingId]);
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
}

/**
 * Deletes the photos of buildings the stored terrain no longer has, except `keep` (a building
 * whose delete can still be undone). A photo taken after the terrain's last save is kept: its
 * building may not be saved yet (a new building, or another tab's). Returns how many went.
 */
export async function sweepOrphanPhotos(terrainId: string, keep: readonly string[] = []): Promise<number> {
  const db = await openDatabase();
  const tx = db.transaction(['terrains', 'photos'], 'readwrite');
  const [terrain, photos] = await Promise.all([tx.objectStore('terrains').get(terrainId), tx.objectStore('photos').index('by-terrain').getAll(terrainId)]);
  const present = new Set([...(terrain?.buildings.map((b) => b.id) ?? []), ...keep]);
  const gone = terrain ? photos.filter((p) => !present.has(p.buildingId) && p.takenAt < terrain.updatedAt) : [];
  await Promise.all([...gone.map((p) => tx.objectStore('photos').delete(p.id)), tx.done]);
  return gone.length;
}

/** The bytes of every stored photo (for the storage panel). */
export async function totalPhotoBytes(): Promise<{ count: number; bytes: number }> {
  const db = await openDatabase();
  const tx = db.transaction('photos', 'readonly');
  let count = 0;
  let bytes = 0;
  for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
    count++;
    bytes += c.value.bytes;
  }
  await tx.done;
  return { count, bytes };
}

const byTime = (list: StoredPhoto[]): StoredPhoto[] => list.sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : a.id < b.id ? -1 : 1));
