/**
 * The export worker: makes the export file (src/state/exportJob.ts) off the main thread, straight
 * from IndexedDB, and answers with the Blob (handed over, not copied).
 */
import { buildExportFile } from './exportJob';
import type { StoredTerrain } from '../storage/db';

export type ExportRequest = { ids: string[]; own: StoredTerrain[]; at: string };
export type ExportAnswer = { file: Blob } | { failed: string };

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { ids, own, at } = event.data;
  let answer: ExportAnswer;
  try {
    answer = { file: await buildExportFile(ids, new Map(own.map((t) => [t.id, t])), new Date(at)) };
  } catch (error) {
    answer = { failed: String(error) };
  }
  (self as unknown as Worker).postMessage(answer);
};
