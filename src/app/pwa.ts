/**
 * The bridge to the service worker: register it, say once "klaar voor offline gebruik",
 * and offer an update when a new version is waiting (Squoosh-style).
 */
import { signal } from '@preact/signals';
import { registerSW } from 'virtual:pwa-register';

const OFFLINE_NOTICE_KEY = 'energietoolbox.offlineNoticeShown';

/** True once, after the first install, until dismissed. */
export const offlineReady = signal(false);
/** A new version is installed and waiting. */
export const updateWaiting = signal(false);

let update: ((reload?: boolean) => Promise<void>) | null = null;

/** Registers the service worker (production builds only). */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  update = registerSW({
    immediate: true,
    onOfflineReady() {
      try {
        if (localStorage.getItem(OFFLINE_NOTICE_KEY)) return;
        localStorage.setItem(OFFLINE_NOTICE_KEY, '1');
      } catch {
        /* show it anyway */
      }
      offlineReady.value = true;
    },
    onNeedRefresh() {
      updateWaiting.value = true;
    },
  });
}

export function dismissOfflineReady(): void {
  offlineReady.value = false;
}

export function dismissUpdate(): void {
  updateWaiting.value = false;
}

/** Activates the waiting version and reloads. */
export function applyUpdate(): void {
  void update?.(true);
}
