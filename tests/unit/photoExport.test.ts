/**
 * Photos in the export file (format 5, src/storage/photoFile.ts): export → import gives the
 * same bytes, type, size, time and caption; format 4 files still import (without photos); a
 * photo of a building or terrain not in the file, a duplicate id, bytes that are not base64 or
 * not the image their type says, an unknown type or field are refused, and such a file changes
 * nothing in a database with data; the photos' base64 does not count against the 5 MB of terrain
 * data; through the exchange model the photos are written with their terrain, get new ids with
 * "keep both", and a replaced terrain loses the photos of buildings it no longer has.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportEnvelope, LIMITS, serializeEnvelope } from '../../src/storage/envelope';
import { exportPhotos, type ExportedPhoto } from '../../src/storage/photoFile';
import { parseImport } from '../../src/storage/restore';
import type { StoredPhoto } from '../../src/storage/db';
import { addPhoto, listTerrainPhotos } from '../../src/storage/photoRepository';
import { listTerrains } from '../../src/storage/terrainRepository';
import type { Terrain } from '../../src/engine/types';
import { app, freshAppPerTest } from './helpers/appState';

freshAppPerTest();

/** The first bytes of a JPEG and some more: the checks read only the signature. */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const terrain = (id = 't1'): Terrain => ({ id, name: 'Roomburg', facts: {}, buildings: [{ id: 'b1', name: 'Hal A', facts: { roofAreaM2: 4200 } }, { id: 'b2', name: 'Kantoor', facts: {} }] });
const photo = (id: string, buildingId = 'b1', bytes: Uint8Array<ArrayBuffer> = JPEG, type = 'image/jpeg', terrainId = 't1'): StoredPhoto => ({
  id,
  terrainId,
  buildingId,
  blob: new Blob([bytes], { type }),
  type,
  width: 1600,
  height: 1200,
  bytes: bytes.length,
  takenAt: '2026-12-02T08:15:00.000Z',
});

async function fileWith(photos: StoredPhoto[], terrains: Terrain[] = [terrain()]): Promise<string> {
  return serializeEnvelope(exportEnvelope(terrains, { now: new Date('2026-12-02T10:00:00Z'), photos: await exportPhotos(terrains, photos) }));
}
const bytesOf = async (p: StoredPhoto): Promise<number[]> => [...new Uint8Array(await p.blob.arrayBuffer())];
const message = (text: string): string => {
  const result = parseImport(text);
  if (result.ok) throw new Error('accepted');
  return result.message.nl;
};
const edited = (text: string, edit: (photos: Record<string, unknown>[]) => void): string => {
  const env = JSON.parse(text) as { photos: Record<string, unknown>[] };
  edit(env.photos);
  return JSON.stringify(env);
};

describe('photos in the export file', () => {
  it('export then import gives the same photos; one of a building not in the terrain is left out', async () => {
    const captioned = { ...photo('p1'), caption: 'Meterkast <links>' };
    const text = await fileWith([captioned, photo('p2', 'b2', PNG, 'image/png'), photo('p3', 'b-deleted')]);
    const env = JSON.parse(text);
    expect(env.formatVersion).toBe(5);
    expect(env.photos.map((p: ExportedPhoto) => p.id)).toEqual(['p1', 'p2']);
    expect(Object.keys(env.photos[0])).toEqual(['id', 'terrainId', 'buildingId', 'type', 'width', 'height', 'takenAt', 'caption', 'data']);
    const result = parseImport(text);
    if (!result.ok) throw new Error(result.message.nl);
    expect(result.photos.map(({ blob: _b, ...rest }) => rest)).toEqual([
      { id: 'p1', terrainId: 't1', buildingId: 'b1', type: 'image/jpeg', width: 1600, height: 1200, bytes: JPEG.length, takenAt: '2026-12-02T08:15:00.000Z', caption: 'Meterkast <links>' },
      { id: 'p2', terrainId: 't1', buildingId: 'b2', type: 'image/png', width: 1600, height: 1200, bytes: PNG.length, takenAt: '2026-12-02T08:15:00.000Z' },
    ]);
    expect(await bytesOf(result.photos[0]!)).toEqual([...JPEG]);
    expect(result.photos[1]!.blob.type).toBe('image/png');
  });

  it('a file without photos has no photos key, and a format 4 file imports with none', async () => {
    expect('photos' in JSON.parse(await fileWith([]))).toBe(false);
    const v4 = readFileSync('tests/fixtures/export-v4/location.json', 'utf8');
    const result = parseImport(v4);
    expect(result.ok && result.photos).toEqual([]);
  });

  it.each([
    ['a building not in its terrain', (p: Record<string, unknown>[]) => (p[0]!.buildingId = 'b9'), /^Foto 1 \(id "p1"\): hoort bij gebouw "b9", dat niet in zijn terrein staat\. Er is niets geïmporteerd of gewijzigd\.$/],
    ['a terrain not in the file', (p: Record<string, unknown>[]) => (p[0]!.terrainId = 't9'), /hoort bij terrein "t9", dat niet in het bestand staat/],
    ['a duplicate id', (p: Record<string, unknown>[]) => (p[1]!.id = 'p1'), /^Foto 2 \(id "p1"\): deze id komt meer dan eens voor/],
    ['bytes that are not the type', (p: Record<string, unknown>[]) => (p[0]!.type = 'image/png'), /de beeldgegevens zijn geen image\/png/],
    ['data that is not base64', (p: Record<string, unknown>[]) => (p[0]!.data = 'not base64!'), /beeldgegevens.*is geen base64/],
    ['base64 with a broken end', (p: Record<string, unknown>[]) => (p[0]!.data = 'AAAAA'), /geen geldige base64/],
    ['an unknown type', (p: Record<string, unknown>[]) => (p[0]!.type = 'image/svg+xml'), /beeldformaat/],
    ['an unknown field', (p: Record<string, unknown>[]) => (p[0]!.exif = 'gps'), /exif/],
    ['a width of 0', (p: Record<string, unknown>[]) => (p[0]!.width = 0), /breedte/],
  ])('refuses %s with a Dutch message', async (_what, edit, expected) => {
    const text = edited(await fileWith([photo('p1'), photo('p2', 'b2')]), edit);
    expect(message(text)).toMatch(expected);
  });

  it('the photos do not count against the 5 MB of terrain data; the terrain data still does', async () => {
    const big = new Uint8Array(5.5 * 1024 * 1024);
    big.set(JPEG);
    const text = await fileWith([photo('p1', 'b1', big)]);
    expect(text.length).toBeGreaterThan(LIMITS.maxBytes);
    expect(parseImport(text).ok).toBe(true);
    const padded = edited(text, () => undefined).replace('"name":"Roomburg"', `"name":"Roomburg","note":"${'x'.repeat(LIMITS.maxBytes)}"`);
    expect(message(padded)).toMatch(/groter dan 5 MB/);
    expect(message(' '.repeat(LIMITS.maxBytes + 1))).toMatch(/^Het bestand is groter dan 5 MB/); // not read as "not JSON"
  });
});

describe('fixtures of format version 5 (tests/fixtures/export-v5): photos', () => {
  it('photos.json imports with its two photos, their bytes and caption, and exports the same again', async () => {
    const text = readFileSync('tests/fixtures/export-v5/photos.json', 'utf8');
    const file = JSON.parse(text);
    const result = parseImport(text);
    if (!result.ok) throw new Error(result.message.nl);
    expect(result.photos.map((p) => [p.id, p.buildingId, p.type, p.width, p.height, p.caption ?? null])).toEqual([
      ['p-dak-1', 'b1', 'image/png', 64, 48, 'Dak, noordzijde'],
      ['p-meter-1', 'b3', 'image/png', 48, 64, null],
    ]);
    expect(Buffer.from(await result.photos[0]!.blob.arrayBuffer()).toString('base64')).toBe(file.photos[0].data);
    const again = JSON.parse(serializeEnvelope(exportEnvelope(result.terrains, { now: new Date(file.exportedAt), photos: await exportPhotos(result.terrains, result.photos) })));
    expect(again.photos).toEqual(file.photos);
    expect(again.terrains).toEqual(file.terrains);
  });
});

describe('photos through the exchange model', () => {
  it('are written with their terrain and exported again', async () => {
    const text = await fileWith([photo('p1'), photo('p2', 'b2')]);
    expect((await app.exchange.importText(text)).kind).toBe('done');
    expect((await listTerrainPhotos('t1')).map((p) => p.id)).toEqual(['p1', 'p2']);
    const again = await app.exchange.exportAll();
    const env = JSON.parse(again!.contents);
    expect(env.photos.map((p: ExportedPhoto) => [p.id, p.buildingId])).toEqual([['p1', 'b1'], ['p2', 'b2']]);
    expect(env.photos[0].data).toBe(JSON.parse(text).photos[0].data);
  });

  it('a photo id another terrain already uses is not overwritten: the imported photo gets a new id', async () => {
    await addPhoto(photo('p1', 'b1', JPEG, 'image/jpeg', 'other'));
    expect((await app.exchange.importText(await fileWith([photo('p1')]))).kind).toBe('done');
    expect((await listTerrainPhotos('other')).map((p) => p.id)).toEqual(['p1']);
    const mine = await listTerrainPhotos('t1');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.id).not.toBe('p1');
  });

  it('a refused file writes no photo and no terrain', async () => {
    await addPhoto(photo('mine', 'b1', JPEG, 'image/jpeg', 'other'));
    const text = edited(await fileWith([photo('p1'), photo('p2', 'b2')]), (p) => (p[1]!.buildingId = 'b9'));
    expect((await app.exchange.importText(text)).kind).toBe('rejected');
    expect(await listTerrains()).toEqual([]);
    expect(await listTerrainPhotos('t1')).toEqual([]);
    expect((await listTerrainPhotos('other')).map((p) => p.id)).toEqual(['mine']);
  });

  it('keep both: the copy\'s photos get new ids and its terrain; replace: photos of buildings it no longer has go', async () => {
    await app.exchange.importText(await fileWith([photo('p1'), photo('p2', 'b2')]));
    const status = await app.exchange.importText(await fileWith([photo('p1')]));
    expect(status.kind).toBe('choose');
    await app.exchange.resolveImport({ kind: 'keep-both', suffix: '(geïmporteerd)' });
    const copy = (await listTerrains()).find((t) => t.id !== 't1')!;
    const copied = await listTerrainPhotos(copy.id);
    expect(copied).toHaveLength(1);
    expect(copied[0]!.id).not.toBe('p1');
    expect((await listTerrainPhotos('t1')).map((p) => p.id)).toEqual(['p1', 'p2']);

    const oneBuilding: Terrain = { ...terrain(), buildings: [terrain().buildings[0]!] };
    await app.exchange.importText(await fileWith([photo('p1')], [oneBuilding]));
    await app.exchange.resolveImport({ kind: 'replace' });
    expect((await listTerrainPhotos('t1')).map((p) => p.id)).toEqual(['p1']);
  });
});
