/**
 * The status-count worker: assesses the terrains it is sent, one after another, off the main
 * thread, straight from IndexedDB, and answers each with its counts, then "done".
 */
import { assessStored } from './statusCountsJob';
import type { SummaryStatusCounts } from '../storage/summary';

export type WorkerRequest = { ids: string[] };
export type WorkerAnswer = { id: string; counts: SummaryStatusCounts | null } | { done: true } | { failed: string };

const post = (answer: WorkerAnswer): void => (self as unknown as Worker).postMessage(answer);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  try {
    for (const id of event.data.ids) post({ id, counts: await assessStored(id) });
    post({ done: true });
  } catch (error) {
    post({ failed: String(error) });
  }
};
