/**
 * The bundled toolbox (toolbox-data/*.json) and the indexes the engine needs,
 * built once per toolbox object.
 */
import meta from '../../toolbox-data/toolbox.json';
import sources from '../../toolbox-data/sources.json';
import facts from '../../toolbox-data/facts.json';
import parameters from '../../toolbox-data/parameters.json';
import calcs from '../../toolbox-data/calcs.json';
import conditions from '../../toolbox-data/conditions.json';
import steps from '../../toolbox-data/steps.json';
import measures from '../../toolbox-data/measures.json';
import eml from '../../toolbox-data/eml.json';
import type { CalcInfo, EmlData, Fact, FactGroup, Measure, NamedCondition, Parameter, Precedence, Scope, Source, Step, Toolbox } from './types';

/** The toolbox as shipped with the app. */
export const bundledToolbox: Toolbox = {
  meta,
  sources: sources.sources as Source[],
  factGroups: facts.groups as FactGroup[],
  facts: facts.facts as Fact[],
  parameters: parameters.parameters as Parameter[],
  conditions: conditions.conditions as NamedCondition[],
  calcs: calcs.calcs as CalcInfo[],
  steps: steps.steps as Step[],
  precedence: steps.precedence as Precedence[],
  measures: measures.measures as unknown as Measure[],
  eml: eml as unknown as EmlData,
};

export interface ToolboxIndex {
  toolbox: Toolbox;
  facts: Map<string, Fact>;
  factScope: Map<string, Scope>;
  parameters: Map<string, Parameter>;
  conditions: Map<string, NamedCondition>;
  calcs: Map<string, CalcInfo>;
  steps: Map<string, Step>;
  sources: Map<string, Source>;
  /** Direct predecessors of each step: edges into it. */
  edgesInto: Map<string, Precedence[]>;
}

const cache = new WeakMap<Toolbox, ToolboxIndex>();

/** Indexes a toolbox (memoised per toolbox object). */
export function indexToolbox(toolbox: Toolbox): ToolboxIndex {
  const hit = cache.get(toolbox);
  if (hit) return hit;
  const edgesInto = new Map<string, Precedence[]>();
  for (const edge of toolbox.precedence) {
    const list = edgesInto.get(edge.after) ?? [];
    list.push(edge);
    edgesInto.set(edge.after, list);
  }
  const index: ToolboxIndex = {
    toolbox,
    facts: new Map(toolbox.facts.map((f) => [f.id, f])),
    factScope: new Map(toolbox.facts.map((f) => [f.id, f.scope])),
    parameters: new Map(toolbox.parameters.map((p) => [p.id, p])),
    conditions: new Map(toolbox.conditions.map((c) => [c.id, c])),
    calcs: new Map(toolbox.calcs.map((c) => [c.id, c])),
    steps: new Map(toolbox.steps.map((s) => [s.id, s])),
    sources: new Map(toolbox.sources.map((s) => [s.id, s])),
    edgesInto,
  };
  cache.set(toolbox, index);
  return index;
}
