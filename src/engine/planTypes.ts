/**
 * The shapes of the plan in the result: the steps in required order, each with the edges that
 * put it there and its place on the calendar (weeks from the assessment date).
 */
import type { Phase } from './types';

/** How long a step takes (toolbox-data/steps.json), in whole weeks. */
export interface LeadTime {
  min: number;
  max: number;
  sources: string[];
  checked: string;
  /** No source gives this duration: shown as "indicatief". */
  unconfirmed?: boolean;
  note?: string;
}

export interface PlanReason {
  /** Earlier step this one waits for. */
  after: string;
  /** Steps in between when the order follows from a chain of edges. */
  via: string[];
  text: string;
  textEn: string;
  sourceIds: string[];
}

/** The step can only start in an application round and was ready between rounds. */
export interface WindowWait {
  /** The switch parameter of the rounds (e.g. sdeRoundOpen). */
  parameterId: string;
  /** The week its predecessors were done. */
  readyWeek: number;
  /** The date the next round opens; null when no next round is known (the step starts when ready, but may not be possible). */
  opens: string | null;
}

export interface PlanItem {
  stepId: string;
  phase: Phase;
  measureIds: string[];
  buildingIds: string[];
  reasons: PlanReason[];
  /** Earliest start in whole weeks from the assessment date: when every predecessor (the steps of `reasons`) has ended, with the shortest lead times. */
  startWeek: number;
  /** startWeek plus the step's shortest lead time. */
  endWeek: number;
  /** The earliest end with the longest lead times everywhere. */
  endWeekMax: number;
  /** On a longest path: a later end of this step delays the end of the plan. */
  critical: boolean;
  /** The lead time (or an application round it waits for) rests on an unconfirmed value. */
  indicative: boolean;
  waitsForWindow?: WindowWait;
}

/** The earliest installation of one measure: the step of phase 4 (uitvoeren) it needs that ends last (ties: the later in the plan). */
export interface Installation {
  measureId: string;
  stepId: string;
  startWeek: number;
  endWeek: number;
}

export interface Timeline {
  /** The end of the last step: the length of the longest path, in weeks. */
  weeks: number;
  /** The same with the longest lead times. */
  weeksMax: number;
  installations: Installation[];
  indicative: boolean;
}
