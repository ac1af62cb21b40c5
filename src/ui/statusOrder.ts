/** The order the views list statuses in: what can be done first, what cannot last. No imports beyond types, so pure helpers (and the browser tests that load them in Node) can use it. */
import type { Status } from '../engine/types';

export const STATUS_ORDER: readonly Status[] = ['feasible', 'conditional', 'blocked', 'needs-info', 'not-applicable'];
