/**
 * The route model: a tiny path router on the History API. The path is the one signal;
 * the route and the open terrain's id are computed from it (never copied), so a view
 * cannot show one terrain while the state holds another. Deep links work offline
 * through the service worker's navigation fallback.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';

export type Route =
  | { name: 'list' }
  | { name: 'editor'; id: string; focus?: string }
  | { name: 'assessment'; id: string }
  | { name: 'compare' }
  | { name: 'report'; id: string }
  | { name: 'walk'; id: string; buildingId: string }
  | { name: 'import'; id: string }
  | { name: 'handbook' }
  | { name: 'not-found' };

export interface RouteModel {
  /** pathname + hash of the page. */
  path: ReadonlySignal<string>;
  route: ReadonlySignal<Route>;
  /** The terrain the route opens (editor, assessment, report, walk, import), else null. */
  currentTerrainId: ReadonlySignal<string | null>;
  /** Navigates within the app (pushes or replaces a history entry where there is one). */
  navigate(to: string, replace?: boolean): void;
  /** Follows back/forward (popstate) until the returned cleanup runs. */
  listen(): () => void;
}

const locationPath = (): string => (typeof location === 'undefined' ? '/' : location.pathname + location.hash);

/** Parses a path (with optional #hash) into a route. */
export function parseRoute(p: string): Route {
  const [pathname, hash = ''] = p.split('#');
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'list' };
  if (parts[0] === 'terrein' && parts[1]) {
    if (parts.length === 2) return { name: 'editor', id: parts[1], ...(hash ? { focus: hash } : {}) };
    if (parts[2] === 'beoordeling' && parts.length === 3) return { name: 'assessment', id: parts[1] };
    if (parts[2] === 'rapport' && parts.length === 3) return { name: 'report', id: parts[1] };
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
  report: (id: string) => `/terrein/${encodeURIComponent(id)}/rapport`,
  walk: (id: string, buildingId: string) => `/terrein/${encodeURIComponent(id)}/ronde/${encodeURIComponent(buildingId)}`,
  import: (id: string) => `/terrein/${encodeURIComponent(id)}/importeren`,
  compare: () => '/vergelijk',
  handbook: () => '/handboek',
};

/** `initialPath` for tests; in the page it is the location. */
export const RouteModel = createModel<RouteModel, [initialPath?: string]>((initialPath = locationPath()) => {
  const path = signal(initialPath, { name: 'path' });
  const route = computed(() => parseRoute(path.value), { name: 'route' });
  const currentTerrainId = computed(() => {
    const r = route.value;
    return r.name === 'editor' || r.name === 'assessment' || r.name === 'report' || r.name === 'walk' || r.name === 'import' ? r.id : null;
  }, { name: 'current-terrain-id' });

  return {
    path,
    route,
    currentTerrainId,
    navigate(to, replace = false) {
      if (typeof history === 'undefined') {
        path.value = to;
        return;
      }
      if (replace) history.replaceState(null, '', to);
      else history.pushState(null, '', to);
      path.value = locationPath();
      if (!to.includes('#')) window.scrollTo(0, 0);
    },
    listen() {
      const follow = (): void => {
        path.value = locationPath();
      };
      window.addEventListener('popstate', follow);
      return () => window.removeEventListener('popstate', follow);
    },
  };
});
