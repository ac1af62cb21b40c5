/**
 * The photos model (src/state/photos.ts) and its repository on fake-indexeddb: a photo is
 * stored compressed and listed per building, a caption is kept and cleared, a delete removes
 * only that photo, an image that cannot be decoded stores nothing, the totals count bytes, and
 * a deleted building's photos stay while its undo is possible and go when it is not (also when
 * the page was closed in between: the sweep at the next opening). Compression itself needs a
 * browser (createImageBitmap): here a stand-in; tests/e2e/photos.spec.ts uses the real one.
 */
import { describe, expect, it } from 'vitest';
import { PhotosModel } from '../../src/state/photos';
import { fitInside, PhotoError, type CompressedPhoto } from '../../src/state/photoImage';
import { listBuildingPhotos, listTerrainPhotos, sweepOrphanPhotos, totalPhotoBytes } from '../../src/storage/photoRepository';
import { app, freshAppPerTest, waitFor } from './helpers/appState';

freshAppPerTest();

/** Stands in for the browser's decoder: "broken" is not an image, anything else becomes a small JPEG. */
async function fakeCompress(file: Blob): Promise<CompressedPhoto> {
  const text = await file.text();
  if (text === 'broken') throw new PhotoError('undecodable');
  const blob = new Blob([`jpeg:${text}`], { type: 'image/jpeg' });
  return { blob, type: 'image/jpeg', width: 1600, height: 1200 };
}

/** What a view reads: the model's photos of one building. */
const of = (photos: PhotosModel, terrainId: string, buildingId: string) => photos.byTerrain.value.get(terrainId)?.filter((p) => p.buildingId === buildingId) ?? [];

async function setup() {
  const photos = new PhotosModel(app.terrains, fakeCompress);
  const terrain = await app.terrains.create('Roomburg');
  const first = terrain.buildings[0]!.id;
  const second = app.terrains.addBuilding(terrain.id);
  await app.save.flush();
  return { photos, terrainId: terrain.id, first, second };
}

describe('photos per building', () => {
  it('adds, lists per building, captions and deletes, each in the database', async () => {
    const { photos, terrainId, first, second } = await setup();
    const a = await photos.add(terrainId, first, new Blob(['roof']));
    const b = await photos.add(terrainId, second, new Blob(['meter']));
    expect(a.kind).toBe('added');
    expect(b.kind).toBe('added');
    expect(of(photos, terrainId, first).map((p) => p.bytes)).toEqual(['jpeg:roof'.length]);
    const stored = await listBuildingPhotos(terrainId, first);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ terrainId, buildingId: first, type: 'image/jpeg', width: 1600, height: 1200, bytes: 9 });
    expect(await stored[0]!.blob.text()).toBe('jpeg:roof');

    expect(await photos.setCaption(stored[0]!, '  Dak, noordzijde ')).toBeNull();
    expect((await listBuildingPhotos(terrainId, first))[0]!.caption).toBe('Dak, noordzijde');
    expect(of(photos, terrainId, first)[0]!.caption).toBe('Dak, noordzijde');
    await photos.setCaption(of(photos, terrainId, first)[0]!, '');
    expect('caption' in (await listBuildingPhotos(terrainId, first))[0]!).toBe(false);

    await photos.refreshTotals();
    expect(photos.totals.value).toEqual({ count: 2, bytes: 9 + 'jpeg:meter'.length });
    await photos.remove(of(photos, terrainId, first)[0]!);
    expect(await listBuildingPhotos(terrainId, first)).toEqual([]);
    expect(await listBuildingPhotos(terrainId, second)).toHaveLength(1);
    expect(photos.totals.value).toEqual({ count: 1, bytes: 10 });
  });

  it('an image that cannot be decoded stores nothing', async () => {
    const { photos, terrainId, first } = await setup();
    expect(await photos.add(terrainId, first, new Blob(['broken']))).toEqual({ kind: 'undecodable' });
    expect(await totalPhotoBytes()).toEqual({ count: 0, bytes: 0 });
    expect(of(photos, terrainId, first)).toEqual([]);
  });

  it('the real compressor refuses what it cannot decode (no createImageBitmap here, as for a broken file)', async () => {
    const photos = new PhotosModel(app.terrains);
    const terrain = await app.terrains.create('X');
    expect(await photos.add(terrain.id, terrain.buildings[0]!.id, new Blob(['not an image'], { type: 'image/jpeg' }))).toEqual({ kind: 'undecodable' });
    expect(await totalPhotoBytes()).toEqual({ count: 0, bytes: 0 });
  });

  it('scales the long side down to the maximum, never up', () => {
    expect(fitInside(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitInside(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitInside(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitInside(10000, 3)).toEqual({ width: 1600, height: 1 });
  });
});

describe('a deleted building and its photos', () => {
  it('are kept while the delete can be undone, and come back with the building', async () => {
    const { photos, terrainId, first } = await setup();
    const stop = photos.trackRemovals();
    await photos.add(terrainId, first, new Blob(['roof']));
    app.terrains.removeBuilding(terrainId, first);
    await app.save.flush();
    await photos.load(terrainId); // the sweep spares the building whose undo is open
    expect(await listBuildingPhotos(terrainId, first)).toHaveLength(1);
    app.terrains.undoRemoveBuilding();
    await new Promise((r) => setImmediate(r));
    await app.save.flush();
    expect(await listBuildingPhotos(terrainId, first)).toHaveLength(1);
    stop();
  });

  it('go once the undo is gone (another building deleted)', async () => {
    const { photos, terrainId, first, second } = await setup();
    const stop = photos.trackRemovals();
    await photos.add(terrainId, first, new Blob(['roof']));
    await photos.add(terrainId, second, new Blob(['meter']));
    app.terrains.removeBuilding(terrainId, first);
    app.terrains.removeBuilding(terrainId, second);
    await waitFor(() => of(photos, terrainId, first).length === 0, 'photos of the first building dropped');
    await waitFor(() => photos.totals.value?.count === 1, 'totals measured');
    expect((await listTerrainPhotos(terrainId)).map((p) => p.buildingId)).toEqual([second]);
    stop();
  });

  it('left behind by a closed page, are swept when the terrain is opened again; a pending undo and a photo newer than the last save are not', async () => {
    const { photos, terrainId, first, second } = await setup();
    await photos.add(terrainId, first, new Blob(['roof']));
    await photos.add(terrainId, second, new Blob(['meter']));
    await new Promise((r) => setTimeout(r, 5)); // the save below is later than the photos
    // No trackRemovals: as if the page had closed before the first undo expired.
    app.terrains.removeBuilding(terrainId, first);
    app.terrains.removeBuilding(terrainId, second); // its undo is open
    await app.save.flush();
    await photos.add(terrainId, 'b-not-saved-yet', new Blob(['new']));
    await new PhotosModel(app.terrains, fakeCompress).load(terrainId);
    expect((await listTerrainPhotos(terrainId)).map((p) => p.buildingId).sort()).toEqual([second, 'b-not-saved-yet'].sort());
    expect(await sweepOrphanPhotos('no-such-terrain')).toBe(0);
  });
});
