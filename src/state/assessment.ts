/**
 * The assessment model: the engine (with the toolbox data) loaded on demand, so the first
 * load stays small, as a signal; the open terrain's assessment as a computed of it and the
 * terrain. A save gives the terrain a new revision, not new input: that keeps the result.
 * `settled` is what the editor shows while the user types: the same assessment, brought up to
 * date only once the edits pause (`SETTLE_AFTER_EDIT_MS`), so a keystroke never waits for the engine.
 */
import { computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Assessment } from '../engine/types';
import type { StoredTerrain } from '../storage/db';

export type Engine = typeof import('../engine');

export interface AssessmentModel {
  engine: ReadonlySignal<Engine | null>;
  /** The open terrain assessed, once the engine is there (assessed when read). */
  current: ReadonlySignal<Assessment | null>;
  /** `current` with the terrain it was made for, for views beside a form: at once when a terrain is opened, once the edits pause when it is edited. */
  settled: ReadonlySignal<Settled | null>;
  /** Loads the engine (once). */
  loadEngine(): Promise<Engine>;
}

export interface Settled {
  terrain: StoredTerrain;
  assessment: Assessment;
}

const BOOKKEEPING = new Set(['revision', 'updatedAt', 'createdAt']);

/**
 * How long the edits of the open terrain must pause before `settled` assesses them. Assessing
 * (the engine with the EML checklist, then the outcome panel's render) takes 4–7 ms on a 2-core
 * machine: run after every keystroke's frame it fell in the gap before the next key, which then
 * waited for it. Most typing has 100–300 ms between keys, so a longer pause is the end of typing;
 * and the save runs SAVE_DEBOUNCE_MS (300 ms, src/state/save.ts) after the last key: at the same
 * moment the assessment delayed the save (measured: the save's p50 4 → 9 ms), so it comes 200 ms
 * after that. While the user types only the field and its card render; the outcome follows half a
 * second after the last key.
 */
export const SETTLE_AFTER_EDIT_MS = 500;

/** True when two versions of a terrain differ at most in bookkeeping (a save gives a new revision, not new facts). */
export function sameInput(a: StoredTerrain, b: StoredTerrain): boolean {
  if (a === b) return true;
  const keys = (t: StoredTerrain) => Object.keys(t).filter((k) => !BOOKKEEPING.has(k));
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k) => (a as unknown as Record<string, unknown>)[k] === (b as unknown as Record<string, unknown>)[k]);
}

/** Runs `fn` in a task after the next frame is painted (a plain task where there are no frames). */
export function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

export const AssessmentModel = createModel<AssessmentModel, [terrain: ReadonlySignal<StoredTerrain | null>]>((terrain) => {
  const engine = signal<Engine | null>(null, { name: 'engine' });
  let loading: Promise<Engine> | null = null;
  // The last result, kept while only the bookkeeping changes (also across a visit to another view).
  let last: { engine: Engine; terrain: StoredTerrain; assessment: Assessment } | null = null;

  const current = computed(() => {
    const e = engine.value;
    const t = terrain.value;
    if (!e || !t) return null;
    if (last && last.engine === e && sameInput(last.terrain, t)) return last.assessment;
    last = { engine: e, terrain: t, assessment: e.assess(t) };
    return last.assessment;
  }, { name: 'current-assessment' });

  const settled = signal<Settled | null>(null, { name: 'settled-assessment' });
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The terrain as last edited (the timer restarts only when its input changes: a save's new revision does not). */
  let edited: StoredTerrain | null = null;
  const settle = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const assessment = current.peek();
    const t = terrain.peek();
    if (assessment !== settled.peek()?.assessment) settled.value = assessment && t ? { terrain: t, assessment } : null;
  };
  effect(() => {
    const e = engine.value;
    const t = terrain.value; // tracked: the engine itself runs only when `current` is read
    const shown = settled.peek();
    if (!e || !t || !shown || shown.terrain.id !== t.id) settle(); // opened (or closed): at once
    else if (!sameInput(edited ?? shown.terrain, t)) {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(settle, SETTLE_AFTER_EDIT_MS);
    }
    edited = t;
  });
  return {
    engine,
    current,
    settled,
    loadEngine: () =>
      (loading ??= import('../engine').then((m) => {
        engine.value = m;
        return m;
      })),
  };
});
