/** The order the views list statuses in: what can be done first, what cannot last. No imports beyond types, so pure helpers (and the browser tests that load them in Node) can use it. */
import type { Status } from '../engine/types';

export const STATUS_ORDER: readonly Status[] = ['feasible', 'conditional', 'blocked', 'needs-info', 'not-applicable'];

/** A status as a symbol, beside its colour and (in the legend and the accessible name) its word, so colour never carries it alone. */
export const STATUS_SYMBOL: Readonly<Record<Status, string>> = { feasible: '✓', conditional: '◐', blocked: '✕', 'needs-info': '?', 'not-applicable': '–' };
