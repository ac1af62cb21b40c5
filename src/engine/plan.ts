/**
 * The required order: a topological order of the steps the going-ahead measures need,
 * over the precedence edges (and chains of them through steps not in the plan),
 * ties broken by phase, then the step's priority, then its id.
 */
import type { ToolboxIndex } from './toolbox';
import type { PlanItem, PlanReason } from './types';

export interface StepNeed {
  measureIds: Set<string>;
  buildingIds: Set<string>;
}

/** Nearest included predecessors of a step, found backwards through steps not in the plan. */
function includedPredecessors(index: ToolboxIndex, stepId: string, included: Map<string, StepNeed>): PlanReason[] {
  const reasons: PlanReason[] = [];
  const seen = new Set<string>([stepId]);
  // Each entry: a step reached backwards, the path from it to stepId (exclusive) and the edge leaving it.
  const queue: { id: string; via: string[] }[] = [{ id: stepId, via: [] }];
  while (queue.length) {
    const { id, via } = queue.shift()!;
    for (const edge of index.edgesInto.get(id) ?? []) {
      if (seen.has(edge.before)) continue;
      seen.add(edge.before);
      const nextVia = id === stepId ? [] : [id, ...via];
      if (included.has(edge.before)) {
        reasons.push({ after: edge.before, via: nextVia, text: edge.why.nl, textEn: edge.why.en, sourceIds: edge.sources });
      } else {
        queue.push({ id: edge.before, via: nextVia });
      }
    }
  }
  return reasons;
}

/** Orders the needed steps. Never throws: on a cycle the rest follows by phase. */
export function orderSteps(index: ToolboxIndex, needs: Map<string, StepNeed>): PlanItem[] {
  const preds = new Map<string, PlanReason[]>();
  for (const id of needs.keys()) preds.set(id, includedPredecessors(index, id, needs));
  const key = (id: string): [number, number, string] => {
    const s = index.steps.get(id);
    return [s?.phase ?? 9, s?.priority ?? 0, id];
  };
  const before = (a: string, b: string): number => {
    const [pa, qa, ia] = key(a);
    const [pb, qb, ib] = key(b);
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
  while (order.length < needs.size) {
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
  return order.map((id) => {
    const need = needs.get(id)!;
    return {
      stepId: id,
      phase: index.steps.get(id)?.phase ?? 1,
      measureIds: [...need.measureIds].sort(),
      buildingIds: [...need.buildingIds],
      reasons: preds.get(id) ?? [],
    };
  });
}
