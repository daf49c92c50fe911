import { create } from 'zustand';
import {
  defaultLang,
  formatDate,
  formatDateTime,
  formatNumber,
  formatTime,
  isLang,
  isMessageKey,
  translate,
  type Lang,
  type MessageKey,
  type Params,
} from '../shared/i18n/index.ts';
import { escapeHidden } from '../shared/visible-text.ts';
import { ApiError } from './api/client.ts';

const LANG_KEY = 'jurybox.lang';

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  return isLang(stored) ? stored : defaultLang;
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

/** The UI language: Russian unless the user chose otherwise; the choice is remembered. */
export const useLangStore = create<LangState>((set) => ({
  lang: initialLang(),
  setLang(lang) {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
    set({ lang });
  },
}));

document.documentElement.lang = useLangStore.getState().lang;

export const useLang = (): Lang => useLangStore((s) => s.lang);

/** Why an expert may not score an entry, as both the expert and the organiser read it: an automatic conflict names what the two share. */
export function conflictReasonText(lang: Lang, conflict: { source: 'auto' | 'declared' | 'organiser'; reason: string }): string {
  if (conflict.source !== 'auto') return uiText(lang, conflict.source === 'declared' ? 'conflict.declared' : 'conflict.organiser', { reason: conflict.reason });
  return conflict.reason
    .split(',')
    .map((field) => translate(lang, field === 'organisation' ? 'conflict.auto.organisation' : 'conflict.auto.region'))
    .join(' ');
}

/**
 * A message in the UI's language with its parameters shown as they are: names, titles, reasons and
 * file names come from files, and a control or bidi character in one (U+202E turns the fingerprint
 * after it around) is written as its visible escape. Line breaks and tabs stay: in a page they are
 * only white space. Our own templates are never escaped.
 */
export function uiText(lang: Lang, key: MessageKey, params?: Params): string {
  if (!params) return translate(lang, key);
  const shown: Params = {};
  for (const [name, value] of Object.entries(params)) shown[name] = typeof value === 'string' ? escapeHidden(value, '\n\t') : value;
  return translate(lang, key, shown);
}

/** Text and formatting in the current language, for components. */
export function useT() {
  const lang = useLang();
  return {
    lang,
    t: (key: MessageKey, params?: Params) => uiText(lang, key, params),
    number: (value: number, digits?: number) => formatNumber(lang, value, digits),
    date: (iso: string) => formatDate(lang, iso),
    dateTime: (iso: string) => formatDateTime(lang, iso),
    time: (iso: string) => formatTime(lang, iso),
    /** An error as the user should read it: a known message in their language, else its text. */
    error: (error: unknown) => {
      if (error instanceof ApiError && isMessageKey(error.code)) return uiText(lang, error.code, error.params);
      return uiText(lang, 'error.internal', { message: error instanceof Error ? error.message : String(error) });
    },
  };
}
