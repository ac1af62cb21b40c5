/**
 * The background worker: one script for the work that must not hold up the page, straight from
 * IndexedDB — the list's status counts (statusCountsJob.ts: a batch at a time, each answered, then
 * "done"), an import (importJob.ts: check, then write when told, with progress) and an export
 * (exportJob.ts: the file's Blob, handed over, not copied). Each model starts its own instance; one
 * script keeps what they share (the toolbox, the storage code) in the precache once.
 */
import type { StoredTerrain } from '../storage/db';
import { listPhotosOfTerrains } from '../storage/photoRepository';
import { getTerrains } from '../storage/terrainRepository';
import type { SummaryStatusCounts } from '../storage/summary';
import { buildExportFile } from './exportJob';
import { createImportJob, type CheckOutcome, type ImportProgress, type WriteChoice, type WriteOutcome } from './importJob';
import { assessStored, BATCH } from './statusCountsJob';

export type WorkerRequest = { job: 'counts'; ids: string[] };
export type WorkerAnswer = { counted: { id: string; statusCounts: SummaryStatusCounts }[]; of: number } | { done: true } | { failed: string };
export type ImportRequest = { job: 'check'; source: Blob | string } | { job: 'write'; choice: WriteChoice; fullIds: string[] };
export type ImportAnswer = { progress: ImportProgress } | { checked: CheckOutcome } | { written: WriteOutcome } | { failed: { name: string; message: string } };
export type ExportRequest = { job: 'export'; ids: string[]; own: StoredTerrain[]; at: string };
export type ExportAnswer = { file: Blob } | { failed: string };

/** The page shows an import's progress at most four times a second; this keeps the messages to about twice that. */
const PROGRESS_EVERY_MS = 120;

const post = (answer: WorkerAnswer | ImportAnswer | ExportAnswer): void => (self as unknown as Worker).postMessage(answer);
let importJob: ReturnType<typeof createImportJob> | null = null;
let postedAt = -Infinity;
const progress = (p: ImportProgress): void => {
  if (p.done > 0 && p.done < p.total && performance.now() - postedAt < PROGRESS_EVERY_MS) return;
  postedAt = performance.now();
  post({ progress: p });
};

async function counts({ ids }: WorkerRequest): Promise<void> {
  try {
    for (let i = 0; i < ids.length; i += BATCH) post({ counted: await assessStored(ids.slice(i, i + BATCH)), of: Math.min(BATCH, ids.length - i) });
    post({ done: true });
  } catch (error) {
    post({ failed: String(error) });
  }
}

async function exchange(request: ImportRequest): Promise<void> {
  try {
    importJob ??= createImportJob();
    if (request.job === 'check') post({ checked: await importJob.check(request.source, progress) });
    else post({ written: await importJob.write(request.choice, request.fullIds, progress) });
  } catch (error) {
    const { name = '', message = String(error) } = (error ?? {}) as { name?: string; message?: string };
    post({ failed: { name, message } });
  }
}

async function exportFile({ ids, own, at }: ExportRequest): Promise<void> {
  try {
    post({ file: await buildExportFile(ids, new Map(own.map((t) => [t.id, t])), new Date(at), { getTerrains, listPhotosOfTerrains }) });
  } catch (error) {
    post({ failed: String(error) });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest | ImportRequest | ExportRequest>) => {
  const request = event.data;
  if (request.job === 'counts') void counts(request);
  else if (request.job === 'export') void exportFile(request);
  else void exchange(request);
};
