/**
 * The export file made from the database: the terrains in the order given, read EXPORT_READ at a time
 * (a version given in `own`, this tab's unsaved one, over the stored one; a terrain gone meanwhile is
 * left out), then their buildings' photos, each photo's base64 made when its turn comes, the text put
 * in Blobs part by part. So neither the province nor its file text is ever held at once. Runs in the
 * background worker (src/state/background.worker.ts), or on the main thread, with `between` giving the page
 * its turns, where there is none.
 */
import type { Terrain } from '../engine/types';
import type { StoredPhoto, StoredTerrain } from '../storage/db';
import { exportParts } from '../storage/envelope';
import type { listPhotosOfTerrains } from '../storage/photoRepository';
import { exportPhoto, photosOfBuildings } from '../storage/photoFile';
import type { getTerrains } from '../storage/terrainRepository';

/** Stored terrains read at a time (a province's 631 in one read was a task of 300 ms and more). */
const EXPORT_READ = 10;
/** Parts of the file's text put in one Blob. */
const BLOB_PARTS = 20;

const type = 'application/json';

/**
 * How the job reads the database: given by the caller (the repositories' functions), so that on the main
 * thread this lazy chunk shares them with the app instead of splitting them off its first load.
 */
export interface ExportReaders {
  getTerrains: typeof getTerrains;
  listPhotosOfTerrains: typeof listPhotosOfTerrains;
}

export async function buildExportFile(
  ids: readonly string[],
  own: ReadonlyMap<string, Terrain | StoredTerrain>,
  at: Date,
  { getTerrains, listPhotosOfTerrains }: ExportReaders,
  between: () => Promise<void> = async () => undefined,
): Promise<Blob> {
  /** The exported buildings' photos (records with their Blob, not their bytes), gathered as their terrains are read. */
  const pending: StoredPhoto[] = [];
  async function* terrains() {
    for (let i = 0; i < ids.length; i += EXPORT_READ) {
      const batch = ids.slice(i, i + EXPORT_READ);
      const [found, theirPhotos] = await Promise.all([getTerrains(batch.filter((id) => !own.has(id))), listPhotosOfTerrains(batch)]);
      const stored = new Map(found.map((t) => [t.id, t]));
      for (let j = 0; j < batch.length; j++) {
        const terrain = own.get(batch[j]) ?? stored.get(batch[j]);
        if (!terrain) continue;
        pending.push(...photosOfBuildings([terrain], theirPhotos[j]));
        yield terrain;
      }
    }
  }
  async function* photos() {
    for (const photo of pending) yield await exportPhoto(photo);
  }
  const blobs: Blob[] = [];
  let batch: string[] = [];
  for await (const part of exportParts(terrains(), photos(), { now: at })) {
    batch.push(part);
    if (batch.length >= BLOB_PARTS) {
      blobs.push(new Blob(batch, { type }));
      batch = [];
    }
    await between();
  }
  return new Blob([...blobs, ...batch], { type });
}
