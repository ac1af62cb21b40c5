/**
 * Two tabs of the app on one device share one database. Every write this tab makes is
 * announced on a BroadcastChannel (id and revision, or deleted); the other tabs reload
 * that terrain when they have no unsaved edits of it, and otherwise open the conflict
 * flow (terrainStore.applyRemoteChange). Without BroadcastChannel the repository's
 * revision check still refuses a stale save, so nothing is overwritten silently.
 */
import { applyRemoteChange, onTerrainChange, type TerrainChange } from './terrainStore';
import { refreshExchangeMeta } from './exchange';

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

/** Starts announcing and receiving changes; returns a function that stops it. */
export function startTabSync(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  const stop = onTerrainChange((change) => {
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
    queue = queue.then(() => applyRemoteChange(change)).catch(() => undefined);
    void refreshExchangeMeta();
  };
  return () => {
    stop();
    channel.close();
  };
}
