/**
 * UI messages in Dutch and English (toolbox texts live in toolbox-data): one file per language.
 * Dutch, the first language, is always there; English is loaded when it is first shown (its
 * own chunk, kept out of the first load).
 */
import type { Lang } from '../engine/types';
import { nl, type MessageKey } from './nl';

export type { MessageKey };
export type Messages = Record<MessageKey, string>;

const loaded: Partial<Record<Lang, Messages>> = { nl };

/** A language's messages, once loaded (Dutch always is). */
export const messagesOf = (lang: Lang): Messages | undefined => loaded[lang];

/** Loads a language's messages; resolves at once when they are there. */
export async function loadMessages(lang: Lang): Promise<void> {
  if (lang === 'en') loaded.en ??= (await import('./en')).en;
}
