/**
 * The photos model: the photos of the terrains opened here (read from the photos store when a
 * view asks), adding one (compressed in the browser first: src/state/photoImage.ts), its caption,
 * deleting one, and the count and bytes of all stored photos for the storage panel. A deleted
 * building's photos are kept while its delete can be undone and removed once it cannot
 * (`trackRemovals`); any left behind by a closed page are swept when its terrain is opened again.
 * Outcomes are codes; the views word them.
 */
import { batch, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { StoredPhoto } from '../storage/db';
import { addPhoto, deleteBuildingPhotos, deletePhoto, listTerrainPhotos, setPhotoCaption, sweepOrphanPhotos, totalPhotoBytes } from '../storage/photoRepository';
import type { CompressedPhoto, PhotoError } from './photoImage';
import { newId } from './ids';
import { storageFailure, type StorageFailure } from './save';
import type { RemovedBuilding, TerrainsModel } from './terrains';

export type PhotoOutcome = { kind: 'added'; id: string } | { kind: 'undecodable' } | { kind: 'too-large' } | { kind: 'failed'; error: StorageFailure };

export interface PhotoTotals {
  count: number;
  bytes: number;
}

const NONE: readonly StoredPhoto[] = Object.freeze([]);

export interface PhotosModel {
  /** The photos of each terrain read so far, oldest first (read it in a view: a model's methods are untracked). */
  byTerrain: ReadonlySignal<ReadonlyMap<string, readonly StoredPhoto[]>>;
  /** All stored photos: how many and their bytes (null until measured). */
  totals: ReadonlySignal<PhotoTotals | null>;
  /** Reads a terrain's photos (after sweeping those of buildings that are gone). */
  load(terrainId: string): Promise<void>;
  /** Compresses a chosen file and stores it; an image that cannot be decoded stores nothing. */
  add(terrainId: string, buildingId: string, file: Blob): Promise<PhotoOutcome>;
  setCaption(photo: StoredPhoto, caption: string): Promise<StorageFailure | null>;
  remove(photo: StoredPhoto): Promise<StorageFailure | null>;
  refreshTotals(): Promise<void>;
  /** Removes a deleted building's photos once its undo is gone; returns the cleanup. */
  trackRemovals(): () => void;
}

/** The compression, loaded with the first photo (it is not needed to show the list). */
const compressPhoto = (file: Blob): Promise<CompressedPhoto> => import('./photoImage').then((m) => m.compressPhoto(file));

export const PhotosModel = createModel<PhotosModel, [terrains: TerrainsModel, compress?: (file: Blob) => Promise<CompressedPhoto>]>((terrains, compress = compressPhoto) => {
  const byTerrain = signal<ReadonlyMap<string, readonly StoredPhoto[]>>(new Map(), { name: 'photos-by-terrain' });
  const totals = signal<PhotoTotals | null>(null, { name: 'photo-totals' });
  const loading = new Map<string, Promise<void>>();

  const change = (terrainId: string, edit: (list: readonly StoredPhoto[]) => readonly StoredPhoto[]): void => {
    byTerrain.value = new Map(byTerrain.value).set(terrainId, edit(byTerrain.value.get(terrainId) ?? NONE));
  };
  async function refreshTotals(): Promise<void> {
    try {
      totals.value = await totalPhotoBytes();
    } catch {
      /* unknown: the panel shows no photo figure */
    }
  }
  const pendingUndo = (terrainId: string): string[] => {
    const removed = terrains.lastRemovedBuilding.peek();
    return removed?.terrainId === terrainId ? [removed.building.id] : [];
  };

  return {
    byTerrain,
    totals,

    load(terrainId) {
      // Fifty cards mounting at once ask once.
      const pending = loading.get(terrainId);
      if (pending) return pending;
      const run = (async () => {
        try {
          await sweepOrphanPhotos(terrainId, pendingUndo(terrainId));
          const list = await listTerrainPhotos(terrainId);
          change(terrainId, () => list);
        } catch {
          /* the photos stay as last read */
        } finally {
          loading.delete(terrainId);
        }
      })();
      loading.set(terrainId, run);
      return run;
    },

    async add(terrainId, buildingId, file) {
      let compressed: CompressedPhoto;
      try {
        compressed = await compress(file);
      } catch (error) {
        return { kind: (error as Partial<PhotoError> | null)?.reason === 'too-large' ? 'too-large' : 'undecodable' };
      }
      const photo: StoredPhoto = { id: newId('p-'), terrainId, buildingId, ...compressed, bytes: compressed.blob.size, takenAt: new Date().toISOString() };
      try {
        await addPhoto(photo);
      } catch (error) {
        return { kind: 'failed', error: storageFailure(error) };
      }
      batch(() => {
        change(terrainId, (list) => [...list, photo]);
        if (totals.value) totals.value = { count: totals.value.count + 1, bytes: totals.value.bytes + photo.bytes };
      });
      return { kind: 'added', id: photo.id };
    },

    async setCaption(photo, caption) {
      const text = caption.trim();
      try {
        if (!(await setPhotoCaption(photo.id, text))) return null;
      } catch (error) {
        return storageFailure(error);
      }
      const { caption: _old, ...rest } = photo;
      const next: StoredPhoto = text ? { ...rest, caption: text } : rest;
      change(photo.terrainId, (list) => list.map((p) => (p.id === photo.id ? next : p)));
      return null;
    },

    async remove(photo) {
      try {
        await deletePhoto(photo.id);
      } catch (error) {
        return storageFailure(error);
      }
      change(photo.terrainId, (list) => list.filter((p) => p.id !== photo.id));
      await refreshTotals();
      return null;
    },

    refreshTotals,

    trackRemovals() {
      let previous: RemovedBuilding | null = terrains.lastRemovedBuilding.peek();
      const drop = (gone: RemovedBuilding): void => {
        // The undo clears its signal before it puts the building back: decide after that.
        queueMicrotask(() => {
          const { terrainId, building } = gone;
          if (terrains.byId.peek().get(terrainId)?.buildings.some((b) => b.id === building.id)) return;
          void deleteBuildingPhotos(terrainId, building.id).then(
            () => {
              change(terrainId, (list) => list.filter((p) => p.buildingId !== building.id));
              return refreshTotals();
            },
            () => undefined, // left for the sweep when the terrain is opened again
          );
        });
      };
      return effect(() => {
        const now = terrains.lastRemovedBuilding.value;
        const before = previous;
        previous = now;
        if (before && before !== now) drop(before);
      });
    },
  };
});
