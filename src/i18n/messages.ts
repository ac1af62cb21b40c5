/** UI messages in Dutch and English (toolbox texts live in toolbox-data): one file per language. */
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey };
export const messages: Record<'nl' | 'en', Record<MessageKey, string>> = { nl, en };
