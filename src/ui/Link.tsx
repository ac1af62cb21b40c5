/** An in-app link: a real <a href> that navigates without reloading (plain left clicks only). */
import type { ComponentChildren } from 'preact';
import { route } from '../state';

function onLinkClick(event: MouseEvent): void {
  const a = (event.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (a.target || a.origin !== location.origin) return;
  event.preventDefault();
  route.navigate(a.pathname + a.search + a.hash);
}

export function Link({ href, children, class: className, ...rest }: { href: string; children: ComponentChildren; class?: string; 'aria-label'?: string; 'aria-current'?: 'page' }) {
  return (
    <a href={href} class={className} onClick={onLinkClick} {...rest}>
      {children}
    </a>
  );
}
