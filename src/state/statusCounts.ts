/**
 * Status counts for the list, made in the background: every terrain whose summary has no
 * counts, or counts of an older revision or toolbox, is assessed — in a Web Worker that reads
 * IndexedDB itself (nothing of it runs on the main thread), or, where there is no Worker, on
 * the main thread one terrain per task with a yield between them; both in batches of terrains
 * (one read and one write transaction per batch). Each answer goes into the
 * summary only while it is still at the assessed revision. `schedule()` runs it again after
 * writes (this tab's or another's).
 */
import { batch, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { SummaryStatusCounts, TerrainSummary } from '../storage/summary';
import type { TerrainRecords } from './terrains';
import type { WorkerAnswer, WorkerRequest } from './background.worker';

/** How long after a write the counts are brought up to date (writes come in bursts). */
const SETTLE_MS = 400;

export interface StatusCountsModel {
  /** Terrains assessed of those queued, while a run is going on. */
  progress: ReadonlySignal<{ done: number; total: number } | null>;
  /** Brings the counts up to date soon (now with `at once`). Resolves when that run is over. */
  schedule(atOnce?: boolean): Promise<void>;
}

/** True when the summary's counts are missing or were made for another revision or toolbox version. */
export const needsCounts = (s: TerrainSummary, toolboxVersion: string): boolean => !s.statusCounts || s.statusCounts.revision !== s.revision || s.statusCounts.toolboxVersion !== toolboxVersion;
/** The toolbox version, read when counts are first needed (kept out of the first load). */
const toolboxVersion = (): Promise<string> => import('../../toolbox-data/toolbox.json').then((m) => m.default.version);

/** Runs the ids; `each` gets a batch's counts and how many ids the batch had (gone ones have none). */
type Runner = (ids: string[], each: (counted: { id: string; statusCounts: SummaryStatusCounts }[], of: number) => void) => Promise<void>;

/** In a worker: one batch at a time, answers as they come. */
function workerRunner(): Runner {
  let worker: Worker | null = null;
  return (ids, each) =>
    new Promise<void>((resolve, reject) => {
      worker ??= new Worker(new URL('./background.worker.ts', import.meta.url), { type: 'module', name: 'status-counts' });
      worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
        const a = event.data;
        if ('counted' in a) each(a.counted, a.of);
        else if ('done' in a) resolve();
        else reject(new Error(a.failed));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        worker?.terminate();
        worker = null;
        reject(new Error(event.message || 'worker failed'));
      };
      worker.postMessage({ job: 'counts', ids } satisfies WorkerRequest);
    });
}

const yieldToInput = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** On the main thread: one terrain's assessment per task, input handled between them. */
const mainThreadRunner: Runner = async (ids, each) => {
  const { assessStored, BATCH } = await import('./statusCountsJob');
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    each(await assessStored(batch, yieldToInput), batch.length);
  }
};

export const StatusCountsModel = createModel<StatusCountsModel, [records: TerrainRecords]>((records) => {
  const progress = signal<{ done: number; total: number } | null>(null, { name: 'status-counts-progress' });
  const run: Runner = typeof Worker === 'function' ? workerRunner() : mainThreadRunner;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let waiting: (() => void)[] = [];

  const go = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        if (records.summaries.value.size === 0) break; // nothing to count: the toolbox stays unloaded
        const version = await toolboxVersion();
        const ids = [...records.summaries.value.values()].filter((s) => needsCounts(s, version)).map((s) => s.id);
        if (ids.length === 0) break;
        let done = 0;
        progress.value = { done, total: ids.length };
        try {
          await run(ids, (counted, of) => {
            batch(() => {
              records.setStatusCounts(counted);
              progress.value = { done: (done += of), total: ids.length };
            });
          });
        } catch {
          break; // counts are advice: the list shows none rather than fail
        }
      } while (again);
      progress.value = null;
    })().finally(() => {
      running = null;
      const done = waiting;
      waiting = [];
      done.forEach((r) => r());
    });
    return running;
  };

  return {
    progress,
    schedule(atOnce = false) {
      if (timer) clearTimeout(timer);
      if (atOnce) return go();
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        timer = setTimeout(() => {
          timer = null;
          void go();
        }, SETTLE_MS);
      });
    },
  };
});
