/** Views loaded on demand (like preact-iso's lazy): the first paint stays small; `preload` warms them. */
import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { t } from '../i18n';

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>) {
  const component = signal<ComponentType<P> | null>(null);
  const failed = signal(false);
  let promise: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (promise ??= load().then(
      (c) => {
        component.value = c;
      },
      () => {
        failed.value = true;
        promise = null;
      },
    ));
  function Lazy(props: P) {
    const C = component.value;
    if (C) return <C {...props} />;
    void preload();
    return <p role="status">{failed.value ? t('loadFailed') : t('loading')}</p>;
  }
  Lazy.preload = preload;
  return Lazy;
}
