/**
 * Rendering a long report in slices: how many of its sheets to show. The cover and summary
 * come first, then a few sheets per idle moment of the main thread (so no task grows with the
 * number of companies); before printing (the browser's print command too) everything is shown, as
 * the render after `beforeprint` happens before the page is laid out for print.
 */
import { useEffect, useState } from 'preact/hooks';

export const FIRST_SHEETS = 0;
export const SHEETS_PER_SLICE = 3;

const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 100 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
};

/** `all`: show everything now (printing was asked for). */
export function useSlices(total: number, all = false): number {
  const [shown, setShown] = useState(Math.min(total, FIRST_SHEETS));
  useEffect(() => {
    if (all) setShown(total);
  }, [all, total]);
  useEffect(() => {
    if (shown >= total) return;
    return whenIdle(() => setShown((s) => Math.min(total, s + SHEETS_PER_SLICE)));
  }, [shown, total]);
  useEffect(() => {
    const all = () => setShown(total);
    window.addEventListener('beforeprint', all);
    return () => window.removeEventListener('beforeprint', all);
  }, [total]);
  return all ? total : Math.min(shown, total);
}
