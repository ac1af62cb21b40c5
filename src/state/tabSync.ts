/**
 * Two tabs of the app on one device share one database. Every write this tab makes is
 * announced on a BroadcastChannel (id and revision, or deleted); the other tabs hand it
 * to the save model, which takes the new version over when there are no unsaved edits
 * of it here and otherwise opens the conflict flow. Taking over the open terrain leaves
 * a notice. Without BroadcastChannel the repository's revision check still refuses a
 * stale save, so nothing is overwritten silently.
 */
import { createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { RemoteUpdate, SaveModel, TerrainChange } from './save';

export const CHANNEL_NAME = 'energietoolbox';

interface Message {
  kind: 'terrain-change';
  change: TerrainChange;
}

function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<Message>;
  const c = m.change as Partial<{ id: unknown; revision: unknown; deleted: unknown }> | undefined;
  return m.kind === 'terrain-change' && !!c && typeof c.id === 'string' && (c.deleted === true || (typeof c.revision === 'number' && Number.isFinite(c.revision)));
}

export interface TabSyncModel {
  /** The open terrain was replaced or deleted by another tab (shown as a notice). */
  remoteUpdate: ReadonlySignal<RemoteUpdate | null>;
  /** A change another tab announced. */
  receive(change: TerrainChange): Promise<void>;
  dismiss(): void;
  /** Starts announcing and receiving changes; returns the cleanup. */
  start(): () => void;
}

/** `onOtherTab` runs for every message (the shared export count may have moved). */
export const TabSyncModel = createModel<TabSyncModel, [save: SaveModel, currentTerrainId: ReadonlySignal<string | null>, onOtherTab: () => void]>((save, currentTerrainId, onOtherTab) => {
  const remoteUpdate = signal<RemoteUpdate | null>(null, { name: 'remote-update' });
  const receive = async (change: TerrainChange): Promise<void> => {
    const taken = await save.applyRemoteChange(change);
    if (taken && currentTerrainId.value === taken.id) remoteUpdate.value = taken;
  };
  return {
    remoteUpdate,
    receive,
    dismiss() {
      remoteUpdate.value = null;
    },
    start() {
      if (typeof BroadcastChannel === 'undefined') return () => undefined;
      const channel = new BroadcastChannel(CHANNEL_NAME);
      const stop = save.onChange((change) => {
        try {
          channel.postMessage({ kind: 'terrain-change', change } satisfies Message);
        } catch {
          /* channel closed */
        }
      });
      let queue = Promise.resolve();
      channel.onmessage = (event: MessageEvent) => {
        if (!isMessage(event.data)) return;
        const { change } = event.data;
        queue = queue.then(() => receive(change)).catch(() => undefined);
        onOtherTab();
      };
      return () => {
        stop();
        channel.close();
      };
    },
  };
});
