/**
 * The EML checklist's shapes: the recognised measures as toolbox data (toolbox-data/eml.json)
 * and, per building, their status in the result (`Assessment.eml`). Kept apart from types.ts
 * (the 400-line rule).
 */
import type { Expr, ParamValue, Text } from './types';

/** When a recognised measure is due: on its own (zelfstandig), at a natural moment (renovation, replacement), or both. */
export type EmlMoment = 'independent' | 'natural' | 'both';

export interface EmlItem {
  /** RVO's code, e.g. GF4 (onderdeel Gebouwen, category letter, number). */
  code: string;
  category: string;
  title: Text;
  moment: EmlMoment;
  /** The list gives no realisation moment (no economic condition): taken as zelfstandig. */
  momentInferred?: true;
  /** The list's starting situation and the limits a visit can check: false → not applicable. */
  situation?: Expr;
  /** True → already done. */
  done?: Expr;
  /** The status is that of a measure's rule (GH1: R-LAW-04 of pv-roof), said once there. */
  link?: { measure: string; rule: string };
  sources: string[];
  checked: string;
}

export interface EmlData {
  version: string;
  /** The date the list came into force. */
  validFrom: string;
  sources: string[];
  /** The source that is the list itself, one of `sources`: what a company sheet cites beside its checklist. */
  listSource: string;
  categories: { id: string; label: Text }[];
  items: EmlItem[];
}

/** applies: van toepassing (to do); done: al gedaan; not-applicable: niet van toepassing; unknown: nog onbekend. */
export type EmlStatus = 'applies' | 'done' | 'not-applicable' | 'unknown';

export interface EmlItemResult {
  code: string;
  status: EmlStatus;
  /** The fact that decides a done or not-applicable item, with its value. */
  factId?: string;
  /** Or the calculated quantity that decides it (GH1: the PV potential or its payback). */
  calcId?: string;
  observed?: ParamValue | null;
  /** Every fact the item reads (the deciding one first, then catalogue order). */
  factIds: string[];
  /** The facts to ask while the status is unknown (catalogue order). */
  missingFacts: string[];
}

export interface EmlChecklist {
  buildingId: string;
  /** Whether the energy-saving duty holds for the building (the energy-saving measure's obligation, R-LAW-01). */
  duty: boolean | null;
  /** Empty when the duty does not hold (or the list was not yet in force). */
  items: EmlItemResult[];
  counts: Record<EmlStatus, number>;
}
