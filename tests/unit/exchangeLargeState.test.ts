/**
 * Large exchange files through the exchange model and the database (fake-indexeddb):
 * - a file refused in its last terrain leaves the database (terrains, summaries, meta) and the model as they were;
 * - a write that fails half-way (the disk full in a later batch, after earlier batches were put;
 *   or in the photos, after every terrain was put) leaves the database, photos included, as it was: one transaction;
 * - progress: reading, then writing, never going back, at most a few updates a second;
 * - a file (Blob) is read as a stream with the same result as its text;
 * - the export is a Blob that imports back to the same terrains, and "busy" while it is made.
 */
import 'fake-indexeddb/auto';
import { effect } from '@preact/signals';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { provinceParts, provinceTerrains } from '../../scripts/province';
import { closeDatabase, openDatabase, type StoredTerrain } from '../../src/storage/db';
import { exportEnvelope, serializeEnvelope } from '../../src/storage/envelope';
import { listTerrains } from '../../src/storage/terrainRepository';
import { addPhoto, listTerrainPhotos } from '../../src/storage/photoRepository';
import type { ExportedPhoto } from '../../src/storage/photoFile';
import { createAppState, type AppState, type ImportStatus } from '../../src/state';
import { PROGRESS_INTERVAL_MS } from '../../src/state/exchange';
import { simulateFullDisk } from './helpers/quota';

let app: AppState;

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
  app = createAppState('/');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await app.save.flush();
  await closeDatabase();
});

/** Everything in the database, as plain data. */
async function snapshot(): Promise<unknown> {
  const db = await openDatabase();
  const meta = await db.getAllKeys('meta');
  const photos = (await db.getAll('photos')).map(({ blob, ...p }) => ({ ...p, size: blob.size }));
  return { terrains: await db.getAll('terrains'), summaries: await db.getAll('summaries'), photos, meta: await Promise.all(meta.map(async (k) => [k, await db.get('meta', k)])) };
}

async function someExistingData(): Promise<void> {
  const t = await app.terrains.create('Bestaand terrein');
  app.terrains.setFact(t.id, null, 'organisation', 'biz');
  app.terrains.addBuilding(t.id);
  await app.save.flush();
}

/** Every status the model shows while `run` runs. */
async function statusesDuring(run: () => Promise<unknown>): Promise<ImportStatus[]> {
  const seen: ImportStatus[] = [];
  const stop = effect(() => {
    const s = app.exchange.importStatus.value;
    if (s) seen.push(s);
  });
  await run();
  stop();
  return seen;
}

/** A PNG's signature: all the checks read. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const without = ({ revision: _r, ...rest }: StoredTerrain) => rest;
const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('a large import changes nothing unless all of it is written', { timeout: 30_000 }, () => {
  it('a file refused in its last terrain leaves database and model as they were', async () => {
    await someExistingData();
    const before = await snapshot();
    const model = app.terrains.byId.value;
    const terrains = [...provinceTerrains(150, 10)];
    terrains[149].buildings[0].facts.roofAreaM2 = 'groot';
    const status = await app.exchange.importText(serializeEnvelope(exportEnvelope(terrains)));
    expect(status.kind === 'rejected' && status.message.nl).toMatch(/^Terrein 150 \("Bedrijventerrein 150"\), gebouw 1 .*Er is niets geïmporteerd of gewijzigd\.$/);
    expect(await snapshot()).toEqual(before);
    expect(app.terrains.byId.value).toBe(model);
  });

  it('a write that fails half-way (disk full in a later batch) leaves the database as it was', async () => {
    await someExistingData();
    const before = await snapshot();
    const model = app.terrains.byId.value;
    // 120 terrains = 240 records (terrain and summary); the 181st is in the fourth batch of 25 terrains.
    // The helper lets 180 records be stored in the transaction (three batches), then fails.
    const restore = await simulateFullDisk(181);
    const status = await app.exchange.importText([...provinceParts(120, 2)].join(''));
    restore();
    expect(status).toEqual({ kind: 'failed', error: { code: 'quota' } });
    // Those three batches were rolled back with it.
    expect(await snapshot()).toEqual(before);
    expect(app.terrains.byId.value).toBe(model);
  });
});

describe('photos in the same transaction', { timeout: 30_000 }, () => {
  it('a write that fails in the photos, after every terrain was put, leaves terrains and photos as they were', async () => {
    await someExistingData();
    const [existing] = app.terrains.byId.value.values();
    await addPhoto({ id: 'p-old', terrainId: existing.id, buildingId: existing.buildings[0].id, blob: new Blob([PNG], { type: 'image/png' }), type: 'image/png', width: 2, height: 1, bytes: PNG.length, takenAt: '2026-12-01T10:00:00.000Z' });
    const before = await snapshot();
    const terrains = [...provinceTerrains(30, 2)];
    const photos: ExportedPhoto[] = terrains.map((t, i) => ({ id: `p${i}`, terrainId: t.id, buildingId: t.buildings[1].id, type: 'image/png', width: 2, height: 1, takenAt: '2026-12-01T10:00:00.000Z', data: 'iVBORw0KGgo=' }));
    // 30 terrains and their summaries are 60 records (two batches); the 71st record is the 11th photo.
    const restore = await simulateFullDisk(71);
    const status = await app.exchange.importText(serializeEnvelope(exportEnvelope(terrains, { photos })));
    restore();
    expect(status).toEqual({ kind: 'failed', error: { code: 'quota' } });
    expect(await snapshot()).toEqual(before);
    // And written whole when the disk has room.
    expect((await app.exchange.importText(serializeEnvelope(exportEnvelope(terrains, { photos })))).kind).toBe('done');
    expect((await listTerrainPhotos(terrains[29].id)).map((p) => [p.id, p.buildingId, p.bytes])).toEqual([['p29', terrains[29].buildings[1].id, 8]]);
  });
});

describe('progress and reading', { timeout: 30_000 }, () => {
  it('shows reading, then writing, never going back, at most a few updates a second', async () => {
    const text = [...provinceParts(300, 8)].join('');
    const started = performance.now();
    const statuses = await statusesDuring(() => app.exchange.importText(text));
    const elapsed = performance.now() - started;
    expect(statuses.at(-1)).toEqual({ kind: 'done', count: 300 });
    const progress = statuses.flatMap((s) => (s.kind === 'busy' && s.progress ? [s.progress] : []));
    const phases = progress.map((p) => p.phase);
    expect(phases).toContain('reading');
    expect(phases).toContain('writing');
    expect(phases.indexOf('writing')).toBeGreaterThan(phases.lastIndexOf('reading'));
    for (const phase of ['reading', 'writing'] as const) {
      const done = progress.filter((p) => p.phase === phase).map((p) => p.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(done.at(-1)).toBe(progress.find((p) => p.phase === phase)!.total);
    }
    // Throttled: the first and last of each phase plus one per interval.
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / PROGRESS_INTERVAL_MS) + 4);
  }, 30_000);

  it('a file is read as a stream, with the same result as its text', async () => {
    const text = [...provinceParts(40, 5)].join('');
    expect(await app.exchange.importFile(new Blob([`\uFEFF${text}`]))).toEqual({ kind: 'done', count: 40 });
    const stored = byId((await listTerrains()).map(without));
    expect(stored).toEqual(byId([...provinceTerrains(40, 5)] as StoredTerrain[]));
  });

  it('a file over both limits together is refused by its size, without being read', async () => {
    const stream = vi.fn();
    const file = { size: 200 * 1024 * 1024 + 1, stream } as unknown as Blob;
    const status = await app.exchange.importFile(file);
    expect(status.kind === 'rejected' && status.message.nl).toMatch(/^Het bestand is groter dan 200 MB \(100 MB aan gegevens en 100 MB aan foto's\)/);
    expect(stream).not.toHaveBeenCalled();
  });
});

describe('export as a Blob', { timeout: 30_000 }, () => {
  it('exports all terrains as a Blob that imports back to the same terrains', async () => {
    await app.exchange.importText([...provinceParts(30, 3)].join(''));
    const before = byId((await listTerrains()).map(without));
    const busy: boolean[] = [];
    const stop = effect(() => void busy.push(app.exchange.exportBusy.value));
    const file = await app.exchange.exportAll();
    stop();
    // Said while the file is made, and no longer once it is.
    expect(busy).toEqual([false, true, false]);
    expect(file?.contents).toBeInstanceOf(Blob);
    expect(file?.name).toMatch(/^energietoolbox-terreinen-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await file!.contents.text();

    await closeDatabase();
    globalThis.indexedDB = new IDBFactory();
    app = createAppState('/');
    expect(await app.exchange.importText(text)).toEqual({ kind: 'done', count: 30 });
    expect(byId((await listTerrains()).map(without))).toEqual(before);
  });
});
