/**
 * The status-count worker: assesses the terrains it is sent, a batch at a time, off the main
 * thread, straight from IndexedDB, and answers each batch with its counts, then "done".
 */
import { assessStored, BATCH } from './statusCountsJob';
import type { SummaryStatusCounts } from '../storage/summary';

export type WorkerRequest = { ids: string[] };
export type WorkerAnswer = { counted: { id: string; statusCounts: SummaryStatusCounts }[]; of: number } | { done: true } | { failed: string };

const post = (answer: WorkerAnswer): void => (self as unknown as Worker).postMessage(answer);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { ids } = event.data;
  try {
    for (let i = 0; i < ids.length; i += BATCH) post({ counted: await assessStored(ids.slice(i, i + BATCH)), of: Math.min(BATCH, ids.length - i) });
    post({ done: true });
  } catch (error) {
    post({ failed: String(error) });
  }
};
