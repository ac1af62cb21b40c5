/**
 * A tiny path router on the History API: the current route as a signal, links that
 * navigate without reloading. Deep links work offline through the service worker's
 * navigation fallback.
 */
import { computed, signal } from '@preact/signals';

export type Route =
  | { name: 'list' }
  | { name: 'editor'; id: string; focus?: string }
  | { name: 'assessment'; id: string }
  | { name: 'compare' }
  | { name: 'report'; id: string }
  | { name: 'handbook' }
  | { name: 'not-found' };

const currentPath = () => (typeof location === 'undefined' ? '/' : location.pathname + location.hash);
export const path = signal(currentPath());

/** Parses a path (with optional #hash) into a route. */
export function parseRoute(p: string): Route {
  const [pathname, hash = ''] = p.split('#');
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'list' };
  if (parts[0] === 'terrein' && parts[1]) {
    if (parts.length === 2) return { name: 'editor', id: parts[1], ...(hash ? { focus: hash } : {}) };
    if (parts[2] === 'beoordeling' && parts.length === 3) return { name: 'assessment', id: parts[1] };
    if (parts[2] === 'rapport' && parts.length === 3) return { name: 'report', id: parts[1] };
  }
  if (parts.length === 1 && parts[0] === 'vergelijk') return { name: 'compare' };
  if (parts.length === 1 && parts[0] === 'handboek') return { name: 'handbook' };
  return { name: 'not-found' };
}

export const route = computed(() => parseRoute(path.value));

export const hrefs = {
  list: () => '/',
  editor: (id: string, focus?: string) => `/terrein/${encodeURIComponent(id)}${focus ? `#${focus}` : ''}`,
  assessment: (id: string) => `/terrein/${encodeURIComponent(id)}/beoordeling`,
  report: (id: string) => `/terrein/${encodeURIComponent(id)}/rapport`,
  compare: () => '/vergelijk',
  handbook: () => '/handboek',
};

/** Navigates within the app. */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  path.value = currentPath();
  if (!to.includes('#')) window.scrollTo(0, 0);
}

/** Starts listening to back/forward. */
export function startRouter(): void {
  window.addEventListener('popstate', () => {
    path.value = currentPath();
  });
}

/** Click handler for in-app links: plain left clicks navigate without reload. */
export function onLinkClick(event: MouseEvent): void {
  const a = (event.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (a.target || a.origin !== location.origin) return;
  event.preventDefault();
  navigate(a.pathname + a.hash);
}
