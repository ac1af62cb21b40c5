/**
 * A view's own UI state (open cards, filters) kept in the current history entry, so Back,
 * Forward and a reload find the page as it was left (and the saved scroll position exists).
 * Only plain codes are kept, never text. Outside a browser it is plain component state.
 */
import { useRef, useState } from 'preact/hooks';

const stateOf = (): Record<string, unknown> => (typeof history === 'undefined' ? {} : ((history.state as Record<string, unknown> | null) ?? {}));

/** Like useState; an update is a function of the latest value (several events before one render all count). */
export function useHistoryState<T>(key: string, initial: T, valid: (v: unknown) => v is T): [T, (update: (current: T) => T) => void] {
  const [value, setValue] = useState<T>(() => {
    const kept = stateOf()[key];
    return valid(kept) ? kept : initial;
  });
  const latest = useRef(value);
  const set = (update: (current: T) => T): void => {
    latest.current = update(latest.current);
    setValue(latest.current);
    if (typeof history !== 'undefined') history.replaceState({ ...stateOf(), [key]: latest.current }, '');
  };
  return [value, set];
}

export const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
