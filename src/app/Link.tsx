/** An in-app link: a real <a href> that navigates without reloading. */
import type { ComponentChildren } from 'preact';
import { onLinkClick } from './router';

export function Link({ href, children, class: className, ...rest }: { href: string; children: ComponentChildren; class?: string; 'aria-label'?: string; 'aria-current'?: 'page' }) {
  return (
    <a href={href} class={className} onClick={onLinkClick} {...rest}>
      {children}
    </a>
  );
}
