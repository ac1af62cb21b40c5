/**
 * The adviser model: who signs the reports made on this device (set once on the report page,
 * kept in the meta store). A value that fails its check is never stored and never replaces
 * what was stored; a failed write keeps the last stored value and reports the failure as a code.
 */
import { createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Text } from '../engine/types';
import { getAdviser, NO_ADVISER, putAdviserField, type Adviser } from '../storage/adviserRepository';
import { storageFailure, type StorageFailure } from './save';

export type { Adviser } from '../storage/adviserRepository';

/** The longest text each field takes. */
export const ADVISER_MAX: Readonly<Record<keyof Adviser, number>> = { name: 100, organisation: 100, contact: 200 };

/** Null when the value may be stored (empty clears the field), else the message in both languages. */
export function checkAdviserValue(field: keyof Adviser, value: string): Text | null {
  if ([...value].length > ADVISER_MAX[field]) return { nl: `Te lang: hoogstens ${ADVISER_MAX[field]} tekens.`, en: `Too long: at most ${ADVISER_MAX[field]} characters.` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(value)) return { nl: 'Gebruik geen tab, regeleinde of ander stuurteken.', en: 'Do not use a tab, line break or other control character.' };
  return null;
}

export interface AdviserModel {
  /** What is stored (empty fields until loaded). */
  adviser: ReadonlySignal<Adviser>;
  loaded: ReadonlySignal<boolean>;
  /** The last write that failed, or null. */
  failure: ReadonlySignal<StorageFailure | null>;
  /** Reads the stored adviser (once; later calls reuse it). */
  load(): Promise<void>;
  /** Stores one field if it passes its check; returns whether it was stored. */
  set(field: keyof Adviser, value: string): Promise<boolean>;
}

export const AdviserModel = createModel<AdviserModel>(() => {
  const adviser = signal<Adviser>(NO_ADVISER, { name: 'adviser' });
  const loaded = signal(false, { name: 'adviser-loaded' });
  const failure = signal<StorageFailure | null>(null, { name: 'adviser-failure' });
  let loading: Promise<void> | null = null;
  return {
    adviser,
    loaded,
    failure,
    load() {
      loading ??= getAdviser().then(
        (a) => {
          adviser.value = a;
          loaded.value = true;
        },
        (error: unknown) => {
          failure.value = storageFailure(error);
          loaded.value = true;
        },
      );
      return loading;
    },
    async set(field, value) {
      if (checkAdviserValue(field, value)) return false;
      try {
        adviser.value = await putAdviserField(field, value);
        failure.value = null;
        return true;
      } catch (error) {
        failure.value = storageFailure(error);
        return false;
      }
    },
  };
});
