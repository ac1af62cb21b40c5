/**
 * UI language (Dutch first, English switch) and nl-NL / en-GB number and date formats.
 * Texts of the toolbox itself come from toolbox-data in both languages.
 */
import { signal } from '@preact/signals';
import type { Lang, Text } from '../engine/types';
import { loadMessages, messagesOf, type MessageKey } from './messages';
export { loadMessages };
import { nl } from './nl';
import { formatLongDate, formatNumberIn } from '../engine/plainFormat';

const STORAGE_KEY = 'energietoolbox.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'nl' || saved === 'en') return saved;
  } catch {
    /* storage unavailable: default */
  }
  return 'nl';
}

export const lang = signal<Lang>(initialLang());

/** The saved language's messages loaded (English is loaded on demand; Dutch where that fails): render after this. */
export const langLoaded = (): Promise<void> =>
  loadMessages(lang.value).catch(() => {
    lang.value = 'nl';
  });

/** Shows the UI in `next`: at once when its messages are loaded, else once they are. */
export function setLang(next: Lang): Promise<void> {
  const show = (): void => {
    lang.value = next;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      /* ignore */
    }
    if (typeof document !== 'undefined') document.documentElement.lang = next;
  };
  if (messagesOf(next)) {
    show();
    return Promise.resolve();
  }
  return loadMessages(next).then(show);
}

/** A UI message in the current language, with {name} placeholders filled. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  let text = messagesOf(lang.value)?.[key] ?? nl[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(typeof v === 'number' ? formatNumber(v) : v);
  return text;
}

/** A toolbox text in the current language. */
export function tx(text: Text | undefined): string {
  return text ? text[lang.value] : '';
}

/** 1.234,5 (nl) or 1,234.5 (en). */
export const formatNumber = (value: number, maximumFractionDigits = 1): string => formatNumberIn(value, lang.value, maximumFractionDigits);

/** 1,2 MB (nl) or 1.2 MB (en): bytes in kB, MB, GB of 1,000. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${formatNumber(value)} ${units[unit]}`;
}

/** A number with its unit, e.g. "1.234,5 kWp". */
export function formatQuantity(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return t('unknown');
  return unit && unit !== '-' ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** 28 november 2026 (nl) or 28 November 2026 (en); what is no date as it is. */
export function formatDate(iso: string): string {
  return formatLongDate(iso, lang.value) ?? iso;
}
