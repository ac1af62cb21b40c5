/**
 * The database notice: the browser or another tab took the database away from this page
 * (blocked, blocking, terminated; see src/storage/db.ts). Kept as the event's code; the
 * view says what to do (close the other tab, reload).
 */
import { createModel, signal, type ReadonlySignal } from '@preact/signals';
import { onDbEvent, type DbEvent } from '../storage/db';

export interface DatabaseModel {
  /** The last event, until dismissed. */
  event: ReadonlySignal<DbEvent | null>;
  dismiss(): void;
  /** Listens to the database's events; returns the cleanup. */
  listen(): () => void;
}

export const DatabaseModel = createModel<DatabaseModel>(() => {
  const event = signal<DbEvent | null>(null, { name: 'database-event' });
  return {
    event,
    dismiss() {
      event.value = null;
    },
    listen: () =>
      onDbEvent((e) => {
        event.value = e;
      }),
  };
});
