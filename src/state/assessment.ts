/**
 * The assessment model: the engine (with the toolbox data) loaded on demand, so the first
 * load stays small, as a signal; the open terrain's assessment as a computed of it and the
 * terrain. A save gives the terrain a new revision, not new input: that keeps the result.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Assessment } from '../engine/types';
import type { StoredTerrain } from '../storage/db';

export type Engine = typeof import('../engine');

export interface AssessmentModel {
  engine: ReadonlySignal<Engine | null>;
  /** The open terrain assessed, once the engine is there. */
  current: ReadonlySignal<Assessment | null>;
  /** Loads the engine (once). */
  loadEngine(): Promise<Engine>;
}

const BOOKKEEPING = new Set(['revision', 'updatedAt', 'createdAt']);

/** True when two versions of a terrain differ at most in bookkeeping (a save gives a new revision, not new facts). */
export function sameInput(a: StoredTerrain, b: StoredTerrain): boolean {
  if (a === b) return true;
  const keys = (t: StoredTerrain) => Object.keys(t).filter((k) => !BOOKKEEPING.has(k));
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k) => (a as unknown as Record<string, unknown>)[k] === (b as unknown as Record<string, unknown>)[k]);
}

export const AssessmentModel = createModel<AssessmentModel, [terrain: ReadonlySignal<StoredTerrain | null>]>((terrain) => {
  const engine = signal<Engine | null>(null, { name: 'engine' });
  let loading: Promise<Engine> | null = null;
  // The last result, kept while only the bookkeeping changes (also across a visit to another view).
  let last: { engine: Engine; terrain: StoredTerrain; assessment: Assessment } | null = null;

  return {
    engine,
    current: computed(() => {
      const e = engine.value;
      const t = terrain.value;
      if (!e || !t) return null;
      if (last && last.engine === e && sameInput(last.terrain, t)) return last.assessment;
      last = { engine: e, terrain: t, assessment: e.assess(t) };
      return last.assessment;
    }, { name: 'current-assessment' }),
    loadEngine: () =>
      (loading ??= import('../engine').then((m) => {
        engine.value = m;
        return m;
      })),
  };
});
