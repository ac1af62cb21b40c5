/**
 * The charts' colours (compare, and the grid panel of the assessment and report). Statuses keep the status colours of the badges; categories
 * (blocker kinds, single-series figures) get a palette of their own that shares no colour with
 * any status, so a bar of "verzekering" never reads as "geblokkeerd". Each has at least 3:1
 * contrast on white (WCAG 1.4.11); the table beside each chart carries the same data in words.
 */
import type { Status } from '../engine/types';
import type { BlockerKind } from '../features/compare/indicators';

export const STATUS_COLORS: Record<Status, string> = { feasible: '#1b6e35', conditional: '#b36b00', blocked: '#a4161a', 'needs-info': '#5b3f99', 'not-applicable': '#8a939e' };
/** The status colours of the badges in styles.css (--cond, --na), which categories must avoid too. */
export const BADGE_COLORS = ['#8a5300', '#4d5560'];

export const KIND_COLORS: Record<BlockerKind, string> = { grid: '#0d47a1', roof: '#4a4a00', insurance: '#0097a7', organisation: '#c2185b', law: '#12324f', info: '#9c27b0' };

/** Single-series and grid charts: also category colours. */
export const SERIES_COLORS = { perEuro: '#0097a7', offtakeShort: '#0d47a1', feedInShort: '#c2185b' } as const;

/** The grid panel's bars (assessment, report): contracts, today's peak, added demand, the group's coincident peak, PV feed-in. */
export const GRID_COLORS = { contract: '#0d47a1', peak: '#4a4a00', added: '#c2185b', collective: '#0097a7', pv: '#9c27b0' } as const;
