/**
 * The export file's contents, made off the main thread: in an instance of the background worker
 * (src/state/background.worker.ts) of its own per file, ended when it answers; else (no Worker, or
 * it failed) on the main thread in slices. Both run src/state/exportJob.ts.
 */
import type { StoredTerrain } from '../storage/db';
import { listPhotosOfTerrains } from '../storage/photoRepository';
import { getTerrains } from '../storage/terrainRepository';
import type { ExportAnswer, ExportRequest } from './background.worker';
import { now, yieldIfLong } from './slices';

function inWorker(request: ExportRequest): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) => {
    if (typeof Worker !== 'function') return reject(new Error('no Worker'));
    const worker = new Worker(new URL('./background.worker.ts', import.meta.url), { type: 'module', name: 'export' });
    worker.onmessage = (event: MessageEvent<ExportAnswer>) => {
      worker.terminate();
      if ('file' in event.data) resolve(event.data.file);
      else reject(new Error(event.data.failed));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'export worker failed'));
    };
    worker.postMessage(request);
  });
}

/** The file of these terrains in this order; `own` are this tab's versions, put over the stored ones. */
export function makeExportFile(ids: readonly string[], own: readonly StoredTerrain[], at: Date): Promise<Blob> {
  return inWorker({ job: 'export', ids: [...ids], own: [...own], at: at.toISOString() }).catch(async () => {
    const { buildExportFile } = await import('./exportJob');
    let slice = now();
    return buildExportFile(ids, new Map(own.map((t) => [t.id, t])), at, { getTerrains, listPhotosOfTerrains }, async () => void (slice = await yieldIfLong(slice)));
  });
}
