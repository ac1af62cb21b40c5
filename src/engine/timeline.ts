/**
 * The plan on the calendar: each step's earliest start and end in whole weeks from the
 * assessment date. A step starts when every predecessor in the plan has ended: the same edges
 * the order follows (chains through steps not in the plan count, those steps take no time), so
 * steps without an edge between them run side by side. A step with an application window
 * (SDE++ rounds) that is ready between rounds waits for the next round. The critical path is
 * the chain of steps whose end decides the plan's end. A measure's installation is the step of
 * phase 4 (uitvoeren) it needs that ends last: for PV the panels, not the saving measures before them.
 */
import { valueOn } from './params';
import type { Ordering } from './plan';
import type { ToolboxIndex } from './toolbox';
import type { Installation, PlanItem, Timeline, WindowWait } from './types';

const DAY_MS = 86_400_000;

/** Days from the ISO date `from` to `to`. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO date `weeks` weeks after `date`; `date` itself when it is no calendar date (e.g. 2026-13-45). */
export function dateAfterWeeks(date: string, weeks: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) ? new Date(ms + weeks * 7 * DAY_MS).toISOString().slice(0, 10) : date;
}

interface WindowStart {
  week: number;
  wait?: WindowWait;
  unconfirmed: boolean;
}

/**
 * When a step ready in week `ready` can start on the calendar of the switch parameter `paramId`:
 * at once while a round is open or where the toolbox has no calendar for that date; otherwise in the
 * week the next round opens, or (no next round known) at once, saying that no round is known.
 */
function windowStart(index: ToolboxIndex, paramId: string, date: string, ready: number): WindowStart {
  const parameter = index.parameters.get(paramId);
  if (!Number.isFinite(Date.parse(`${date}T00:00:00Z`))) return { week: ready, unconfirmed: false };
  const readyDate = dateAfterWeeks(date, ready);
  const now = parameter && valueOn(parameter, readyDate);
  if (!parameter || !now || now.value !== false) return { week: ready, unconfirmed: now?.unconfirmed === true };
  let next: (typeof parameter.values)[number] | undefined;
  for (const v of parameter.values) {
    if (v.value === true && v.validFrom && v.validFrom > readyDate && (!next || v.validFrom < next.validFrom!)) next = v;
  }
  if (!next) return { week: ready, wait: { parameterId: paramId, readyWeek: ready, opens: null }, unconfirmed: now.unconfirmed === true };
  const week = Math.max(ready, Math.ceil(daysBetween(date, next.validFrom!) / 7));
  return { week, wait: { parameterId: paramId, readyWeek: ready, opens: next.validFrom! }, unconfirmed: now.unconfirmed === true || next.unconfirmed === true };
}

export interface Schedule {
  start: number[];
  end: number[];
  endMax: number[];
  critical: boolean[];
  indicative: boolean[];
  waits: (WindowWait | undefined)[];
  /** The summary of the finished plan items. */
  summary(plan: PlanItem[]): Timeline;
}

/** Schedules an ordered set of steps from `date` (forward pass in order, then the critical path backwards). */
export function schedule(index: ToolboxIndex, order: Ordering, date: string): Schedule {
  const n = order.ids.length;
  const start = new Array<number>(n);
  const end = new Array<number>(n);
  const endMax = new Array<number>(n);
  const ready = new Array<number>(n);
  const indicative = new Array<boolean>(n);
  const waits = new Array<WindowWait | undefined>(n);
  for (let i = 0; i < n; i++) {
    const step = index.steps.get(order.ids[i]);
    const lead = step?.leadTimeWeeks;
    let r = 0;
    let rMax = 0;
    for (const p of order.preds[i]) {
      if (end[p] > r) r = end[p];
      if (endMax[p] > rMax) rMax = endMax[p];
    }
    ready[i] = r;
    let s = r;
    let sMax = rMax;
    indicative[i] = lead?.unconfirmed === true;
    if (step?.applicationWindow) {
      const w = windowStart(index, step.applicationWindow, date, r);
      s = w.week;
      waits[i] = w.wait;
      if (w.unconfirmed) indicative[i] = true;
      sMax = windowStart(index, step.applicationWindow, date, rMax).week;
    }
    start[i] = s;
    end[i] = s + (lead?.min ?? 0);
    endMax[i] = sMax + (lead?.max ?? 0);
  }

  let weeks = 0;
  let weeksMax = 0;
  for (let i = 0; i < n; i++) {
    if (end[i] > weeks) weeks = end[i];
    if (endMax[i] > weeksMax) weeksMax = endMax[i];
  }
  // Backwards: a step is critical when it ends last, or when a critical step started the moment it ended (not held by a round).
  const critical = end.map((e) => n > 0 && e === weeks);
  for (let i = n - 1; i >= 0; i--) {
    if (!critical[i] || waits[i] && start[i] > ready[i]) continue;
    for (const p of order.preds[i]) if (end[p] === start[i]) critical[p] = true;
  }

  return {
    start, end, endMax, critical, indicative, waits,
    summary(plan) {
      const installations: Installation[] = [];
      const seen = new Map<string, Installation>();
      for (const item of plan) {
        if (item.phase !== 4) continue;
        for (const measureId of item.measureIds) {
          const known = seen.get(measureId);
          if (known && known.endWeek > item.endWeek) continue;
          const entry = { measureId, stepId: item.stepId, startWeek: item.startWeek, endWeek: item.endWeek };
          if (known) installations[installations.indexOf(known)] = entry;
          else installations.push(entry);
          seen.set(measureId, entry);
        }
      }
      installations.sort((a, b) => a.startWeek - b.startWeek);
      return { weeks, weeksMax, installations, indicative: plan.some((item) => item.indicative) };
    },
  };
}
