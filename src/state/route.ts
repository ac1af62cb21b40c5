/**
 * The route model: a tiny path router on the History API. The path is the one signal;
 * the route and the open terrain's id are computed from it (never copied), so a view
 * cannot show one terrain while the state holds another. Deep links work offline
 * through the service worker's navigation fallback; a malformed one is "not found". Each
 * history entry keeps its scroll position in its state (so it survives a reload), and
 * back/forward returns to it once the view is tall enough.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';

export type Route =
  | { name: 'list' }
  | { name: 'editor'; id: string; focus?: string }
  | { name: 'assessment'; id: string }
  | { name: 'compare' }
  | { name: 'report'; id: string; buildingId?: string }
  | { name: 'walk'; id: string; buildingId: string }
  | { name: 'import'; id: string }
  | { name: 'handbook' }
  | { name: 'not-found' };

export interface RouteModel {
  /** pathname + search + hash of the page. */
  path: ReadonlySignal<string>;
  route: ReadonlySignal<Route>;
  /** The terrain the route opens (editor, assessment, report, walk, import), else null. */
  currentTerrainId: ReadonlySignal<string | null>;
  /** Counts navigations: a link to the page already shown (the same field twice) is one too. */
  visits: ReadonlySignal<number>;
  /** Navigates within the app (pushes or replaces a history entry where there is one). */
  navigate(to: string, replace?: boolean): void;
  /** Follows back/forward (popstate), restoring each entry's scroll position, until the returned cleanup runs. */
  listen(): () => void;
}

const locationPath = (): string => (typeof location === 'undefined' ? '/' : location.pathname + location.search + location.hash);

/** Parses a path (with optional ?query and #hash) into a route; only the report reads a query (?gebouw=<id>: one company). */
export function parseRoute(p: string): Route {
  const [beforeHash, hash = ''] = p.split('#');
  const [pathname, query = ''] = beforeHash.split('?');
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not-found' }; // a malformed escape such as %E0%A4%A
  }
  if (parts.length === 0) return { name: 'list' };
  if (parts[0] === 'terrein' && parts[1]) {
    if (parts.length === 2) return { name: 'editor', id: parts[1], ...(hash ? { focus: hash } : {}) };
    if (parts[2] === 'beoordeling' && parts.length === 3) return { name: 'assessment', id: parts[1] };
    if (parts[2] === 'rapport' && parts.length === 3) {
      const buildingId = new URLSearchParams(query).get('gebouw');
      return { name: 'report', id: parts[1], ...(buildingId ? { buildingId } : {}) };
    }
    if (parts[2] === 'ronde' && parts[3] && parts.length === 4) return { name: 'walk', id: parts[1], buildingId: parts[3] };
    if (parts[2] === 'importeren' && parts.length === 3) return { name: 'import', id: parts[1] };
  }
  if (parts.length === 1 && parts[0] === 'vergelijk') return { name: 'compare' };
  if (parts.length === 1 && parts[0] === 'handboek') return { name: 'handbook' };
  return { name: 'not-found' };
}

export const hrefs = {
  list: () => '/',
  editor: (id: string, focus?: string) => `/terrein/${encodeURIComponent(id)}${focus ? `#${focus}` : ''}`,
  assessment: (id: string) => `/terrein/${encodeURIComponent(id)}/beoordeling`,
  report: (id: string, buildingId?: string) => `/terrein/${encodeURIComponent(id)}/rapport${buildingId ? `?gebouw=${encodeURIComponent(buildingId)}` : ''}`,
  walk: (id: string, buildingId: string) => `/terrein/${encodeURIComponent(id)}/ronde/${encodeURIComponent(buildingId)}`,
  import: (id: string) => `/terrein/${encodeURIComponent(id)}/importeren`,
  compare: () => '/vergelijk',
  handbook: () => '/handboek',
};

/** How long back/forward keeps trying to reach the saved position while the view renders. */
const RESTORE_MS = 5000;

/** Keeps the page's scroll position in the current history entry. */
function rememberScroll(): void {
  history.replaceState({ ...(history.state as object | null), scrollY: Math.round(window.scrollY) }, '');
}

/** Scrolls to y once the page is tall enough; gives up when the user scrolls, or after RESTORE_MS. */
function restoreScroll(y: number): void {
  const until = performance.now() + RESTORE_MS;
  const events = ['wheel', 'touchstart', 'keydown'] as const;
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    for (const e of events) window.removeEventListener(e, stop);
  };
  for (const e of events) window.addEventListener(e, stop, { passive: true });
  const step = (): void => {
    if (stopped) return;
    window.scrollTo(0, y);
    if (Math.abs(window.scrollY - y) > 1 && performance.now() < until) requestAnimationFrame(step);
    else stop();
  };
  step();
}

const savedScroll = (state: unknown): number => {
  const y = (state as { scrollY?: unknown } | null)?.scrollY;
  return typeof y === 'number' && Number.isFinite(y) ? y : 0;
};

/** `initialPath` for tests; in the page it is the location. */
export const RouteModel = createModel<RouteModel, [initialPath?: string]>((initialPath = locationPath()) => {
  const path = signal(initialPath, { name: 'path' });
  const visits = signal(0, { name: 'visits' });
  const route = computed(() => parseRoute(path.value), { name: 'route' });
  const currentTerrainId = computed(() => {
    const r = route.value;
    return r.name === 'editor' || r.name === 'assessment' || r.name === 'report' || r.name === 'walk' || r.name === 'import' ? r.id : null;
  }, { name: 'current-terrain-id' });

  return {
    path,
    route,
    currentTerrainId,
    visits,
    navigate(to, replace = false) {
      visits.value++;
      if (typeof history === 'undefined') {
        path.value = to;
        return;
      }
      if (replace || to === locationPath()) history.replaceState(null, '', to);
      else {
        rememberScroll();
        history.pushState(null, '', to);
      }
      path.value = locationPath();
      if (!to.includes('#')) window.scrollTo(0, 0);
    },
    listen() {
      // The browser's own restoration runs before the view has rendered (a reloaded page, a slow phone).
      history.scrollRestoration = 'manual';
      const follow = (event: PopStateEvent): void => {
        path.value = locationPath();
        restoreScroll(savedScroll(event.state));
      };
      window.addEventListener('popstate', follow);
      window.addEventListener('pagehide', rememberScroll);
      if (savedScroll(history.state) > 0) restoreScroll(savedScroll(history.state));
      return () => {
        window.removeEventListener('popstate', follow);
        window.removeEventListener('pagehide', rememberScroll);
      };
    },
  };
});
