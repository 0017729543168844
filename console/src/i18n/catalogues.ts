/**
 * Loads a locale's messages: English is in the entry chunk (it is the source of the keys and the
 * fallback), every other catalogue is its own lazily loaded chunk.
 */
import type { Locale } from './locales.ts';
import { en, type Messages } from './messages/en.ts';

export const loadMessages: Record<Locale, () => Promise<Messages>> = {
  en: async () => en,
  es: () => import('./messages/es.ts').then((m) => m.es),
  fr: () => import('./messages/fr.ts').then((m) => m.fr),
  it: () => import('./messages/it.ts').then((m) => m.it),
  'zh-Hant': () => import('./messages/zh-Hant.ts').then((m) => m.zhHant),
};
