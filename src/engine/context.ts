/**
 * The evaluation context of one subject (the terrain, or one building on it): its clean
 * facts by slot, the assessment it belongs to (date, parameters, every building's facts),
 * and the memo of expressions and calculated quantities already worked out for it.
 */
import type { Collector, SlotSet } from './collect';
import type { Program } from './program';
import type { ResolvedParams } from './params';
import type { Expected, FactValue, ParamValue, SubsidyResult } from './types';

/**
 * A calculated quantity: null when an input is unknown. `exact` false means `value` is only
 * a bound: a lower bound (a count while some buildings are unknown), or with `upper` an
 * upper bound (PV potential while the existing panels are unknown).
 */
export interface CalcResult {
  value: number | null;
  exact: boolean;
  upper?: boolean;
  missing: string[];
  /** The value rests on a parameter marked UNCONFIRMED that the formula really used here (directly or through another calc). */
  indicative: boolean;
}

/** What all subjects of one assessment share. */
export interface Run {
  program: Program;
  date: string;
  params: ResolvedParams;
  /** Every building's facts by slot (terrain facts included), for counts across the terrain. */
  buildings: FactValue[][];
  /** Scratch: the steps (by slot) of the verdict being made, each once. */
  steps: SlotSet;
  /** Scratch: set when the calc being computed reads an UNCONFIRMED parameter (see calcAt). */
  calcUnconfirmed: boolean;
  /** Scratch: the facts (by slot) missing for the verdict being made. */
  missing: SlotSet;
  /** The grid's figures that terrain-level rules read (see calcs/define.ts, GridFigureSpec), by calc id; set once the buildings' verdicts are made. */
  gridFigures?: Record<string, CalcResult>;
  /** Steps, advice and questions gathered across the subjects. */
  collect: Collector;
  /** Parts of results that are the same for every subject on this date (and every assessment with the same parameter values, see index.ts), made once and frozen: expected values resting on a parameter (by node slot), subsidy verdicts (by route slot × status × indicative). */
  expected: (Expected | undefined)[];
  subsidies: (SubsidyResult | undefined)[];
  /** Data texts with their placeholders filled for this date and these values (by TextUse slot × language). */
  texts: (string | undefined)[];
}

export interface Ctx {
  run: Run;
  /** The facts visible here by slot: the terrain's, plus the building's for a building (null = unknown). */
  values: FactValue[];
  /** Results of expression nodes (one Int8Array for the whole assessment; this subject's part starts at `base`). */
  memo: Int8Array;
  base: number;
  /** Calculated quantities by calc slot. */
  calcs: (CalcResult | undefined)[];
}

/** A fact's clean value in this context, by slot. */
export function factAt(ctx: Ctx, slot: number): FactValue {
  const v = ctx.values[slot];
  return v === undefined ? null : v;
}

/** A parameter's value on the assessment date, by slot (null when none is in force). */
export function paramAt(ctx: Ctx, slot: number): ParamValue | null {
  const v = ctx.run.params.values[slot];
  return v === undefined ? null : v;
}
