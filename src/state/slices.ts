/**
 * Long work on the main thread in slices: after about SLICE_MS of work the page gets a turn
 * (input, paint) before the next slice. Used by the import and by the export where it has no worker.
 */

/** Work on the main thread runs in slices of about this long. */
const SLICE_MS = 20;

export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Gives the page a turn when the current slice of work has run SLICE_MS; returns when the next slice began. */
export async function yieldIfLong(sliceStart: number): Promise<number> {
  if (now() - sliceStart < SLICE_MS) return sliceStart;
  // scheduler.yield (Chromium): input and paint first, then straight back; else a timer.
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  await (scheduler?.yield ? scheduler.yield() : new Promise<void>((resolve) => setTimeout(resolve, 0)));
  return now();
}
