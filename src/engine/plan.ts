/**
 * The required order: a topological order of the steps the going-ahead measures need,
 * over the precedence edges (and chains of them through steps not in the plan),
 * ties broken by phase, then the step's priority, then its id. Then the calendar of it
 * (./timeline.ts): each step's earliest start and end in weeks.
 */
import { fillParams, paramText } from './texts';
import { schedule } from './timeline';
import type { ToolboxIndex } from './toolbox';
import type { Lang, PlanItem, PlanReason, Text, Timeline } from './types';

/** An edge's reason with its placeholders filled; they name parameters with one value on every date (a data test holds them to it), as the reasons are shared across dates. */
function edgeText(index: ToolboxIndex, why: Text, lang: Lang): string {
  return fillParams(why[lang], (id) => {
    const p = index.parameters.get(id);
    return p && paramText(p, undefined, lang);
  });
}

/** Nearest included predecessors of a step, found backwards through steps not in the plan. */
function includedPredecessors(index: ToolboxIndex, stepId: string, included: Set<string>): PlanReason[] {
  const reasons: PlanReason[] = [];
  const seen = new Set<string>([stepId]);
  // Each entry: a step reached backwards, the path from it to stepId (exclusive) and the edge leaving it.
  const queue: { id: string; via: string[] }[] = [{ id: stepId, via: [] }];
  for (let q = 0; q < queue.length; q++) {
    const { id, via } = queue[q];
    for (const edge of index.edgesInto.get(id) ?? []) {
      if (seen.has(edge.before)) continue;
      seen.add(edge.before);
      const nextVia = id === stepId ? [] : [id, ...via];
      if (included.has(edge.before)) {
        reasons.push(Object.freeze({ after: edge.before, via: Object.freeze(nextVia) as string[], text: edgeText(index, edge.why, 'nl'), textEn: edgeText(index, edge.why, 'en'), sourceIds: Object.freeze(edge.sources.slice()) as string[] }));
      } else {
        queue.push({ id: edge.before, via: nextVia });
      }
    }
  }
  return Object.freeze(reasons) as PlanReason[];
}

/** The order of one set of steps and why each stands where it does; the same set recurs across terrains. */
export interface Ordering {
  ids: string[];
  reasons: PlanReason[][];
  /** Per step, the positions (in ids) of the steps its reasons name: all earlier in the order, except on a cycle. */
  preds: number[][];
}

const orderings = new WeakMap<ToolboxIndex, Map<string, Ordering>>();
const ORDERINGS_KEPT = 500;

/** Orders a set of steps. Never throws: on a cycle the rest follows by phase. */
function ordering(index: ToolboxIndex, ids: string[]): Ordering {
  let cache = orderings.get(index);
  if (!cache) orderings.set(index, (cache = new Map()));
  const key = ids.join('\u0000');
  const hit = cache.get(key);
  if (hit) return hit;

  const included = new Set(ids);
  const preds = new Map<string, PlanReason[]>();
  for (const id of ids) preds.set(id, includedPredecessors(index, id, included));
  const key3 = (id: string): [number, number, string] => {
    const s = index.steps.get(id);
    return [s?.phase ?? 9, s?.priority ?? 0, id];
  };
  const before = (a: string, b: string): number => {
    const [pa, qa, ia] = key3(a);
    const [pb, qb, ib] = key3(b);
    return pa - pb || qa - qb || (ia < ib ? -1 : ia > ib ? 1 : 0);
  };
  const remaining = new Map<string, number>();
  const successors = new Map<string, string[]>();
  for (const [id, list] of preds) {
    remaining.set(id, list.length);
    for (const r of list) successors.set(r.after, [...(successors.get(r.after) ?? []), id]);
  }
  const ready = [...remaining].filter(([, n]) => n === 0).map(([id]) => id);
  const order: string[] = [];
  while (order.length < ids.length) {
    if (ready.length === 0) {
      // A cycle in a custom toolbox: place the rest by phase rather than fail.
      const rest = [...remaining.keys()].filter((id) => !order.includes(id)).sort(before);
      order.push(...rest);
      break;
    }
    ready.sort(before);
    const id = ready.shift()!;
    order.push(id);
    remaining.delete(id);
    for (const next of successors.get(id) ?? []) {
      const n = (remaining.get(next) ?? 0) - 1;
      remaining.set(next, n);
      if (n === 0) ready.push(next);
    }
  }
  const reasons = order.map((id) => preds.get(id) ?? (Object.freeze([]) as unknown as PlanReason[]));
  const position = new Map(order.map((id, i) => [id, i]));
  const result: Ordering = { ids: order, reasons, preds: reasons.map((list, i) => list.map((r) => position.get(r.after)!).filter((p) => p < i)) };
  if (cache.size >= ORDERINGS_KEPT) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * The plan: the needed steps in required order, each with the measures and buildings that
 * need it, the precedence edges that put it there and its weeks on the calendar from `date`;
 * and the timeline's summary. The edge reasons are shared between plans (they depend only on
 * the set of steps) and frozen.
 */
export function orderSteps(index: ToolboxIndex, stepIds: string[], needs: { slot: number; measureIds: string[]; buildingIds: string[] }[], date: string): { plan: PlanItem[]; timeline: Timeline } {
  const byId = new Map(needs.map((need) => [stepIds[need.slot], need]));
  const order = ordering(
    index,
    needs.map((need) => stepIds[need.slot]).sort(),
  );
  const weeks = schedule(index, order, date);
  const plan = order.ids.map((id, i): PlanItem => {
    const need = byId.get(id)!;
    const item: PlanItem = {
      stepId: id,
      phase: index.steps.get(id)?.phase ?? 1,
      measureIds: need.measureIds,
      buildingIds: need.buildingIds,
      reasons: order.reasons[i],
      startWeek: weeks.start[i],
      endWeek: weeks.end[i],
      endWeekMax: weeks.endMax[i],
      critical: weeks.critical[i],
      indicative: weeks.indicative[i],
    };
    if (weeks.waits[i]) item.waitsForWindow = weeks.waits[i];
    return item;
  });
  return { plan, timeline: weeks.summary(plan) };
}
