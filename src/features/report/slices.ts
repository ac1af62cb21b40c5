/**
 * Rendering a long report in slices: how many of its sheets to show. The first is shown at
 * once, the rest a few per idle moment of the main thread (so no task grows with the number
 * of companies); before printing (the browser's print command too) everything is shown, as
 * the render after `beforeprint` happens before the page is laid out for print.
 */
import { useEffect, useState } from 'preact/hooks';

export const FIRST_SHEETS = 1;
export const SHEETS_PER_SLICE = 2;

const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 100 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
};

export function useSlices(total: number): number {
  const [shown, setShown] = useState(Math.min(total, FIRST_SHEETS));
  useEffect(() => {
    if (shown >= total) return;
    return whenIdle(() => setShown((s) => Math.min(total, s + SHEETS_PER_SLICE)));
  }, [shown, total]);
  useEffect(() => {
    const all = () => setShown(total);
    window.addEventListener('beforeprint', all);
    return () => window.removeEventListener('beforeprint', all);
  }, [total]);
  return Math.min(shown, total);
}
