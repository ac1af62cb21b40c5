/**
 * Runs an import's job (src/state/importJob.ts) in an instance of the background worker
 * (src/state/background.worker.ts) of its own per import, ended with `end()`; where there is no
 * Worker, or it fails to start or dies while checking, the same job runs on the main thread in slices. A storage failure in the worker comes back
 * as an error with its name and message (a full disk stays a quota error).
 */
import type { CheckOutcome, ImportJob, ImportProgress, WriteOutcome } from './importJob';
import type { ImportAnswer, ImportRequest } from './background.worker';
import { now, yieldIfLong } from './slices';

/** The worker ended without an answer (it failed to load, or crashed). */
class WorkerLost extends Error {}

export function startImportJob(): ImportJob & { end(): void } {
  let worker: Worker | null = typeof Worker === 'function' ? new Worker(new URL('./background.worker.ts', import.meta.url), { type: 'module', name: 'import' }) : null;
  let local: ImportJob | null = null;
  const end = (): void => {
    worker?.terminate();
    worker = null;
  };

  function ask<T>(request: ImportRequest, onProgress: (p: ImportProgress) => void, pick: (a: ImportAnswer) => T | undefined): Promise<T> {
    const w = worker!;
    return new Promise<T>((resolve, reject) => {
      w.onmessage = (event: MessageEvent<ImportAnswer>) => {
        const answer = event.data;
        if ('progress' in answer) return onProgress(answer.progress);
        if ('failed' in answer) return reject(Object.assign(new Error(answer.failed.message), { name: answer.failed.name }));
        const value = pick(answer);
        if (value !== undefined) resolve(value);
      };
      w.onerror = (event) => {
        event.preventDefault();
        end();
        reject(new WorkerLost(event.message || 'import worker failed'));
      };
      w.postMessage(request);
    });
  }

  async function onMainThread(): Promise<ImportJob> {
    const { createImportJob } = await import('./importJob');
    let slice = now();
    return (local = createImportJob(async () => void (slice = await yieldIfLong(slice))));
  }

  return {
    async check(source, onProgress): Promise<CheckOutcome> {
      if (worker) {
        try {
          return await ask({ job: 'check', source }, onProgress, (a) => ('checked' in a ? a.checked : undefined));
        } catch (error) {
          if (!(error instanceof WorkerLost)) throw error;
        }
      }
      return (await onMainThread()).check(source, onProgress);
    },
    write(choice, fullIds, onProgress): Promise<WriteOutcome> {
      if (local) return local.write(choice, fullIds, onProgress);
      if (!worker) return Promise.reject(new WorkerLost('import worker gone'));
      return ask({ job: 'write', choice, fullIds: [...fullIds] }, onProgress, (a) => ('written' in a ? a.written : undefined));
    },
    end() {
      end();
      local = null;
    },
  };
}
