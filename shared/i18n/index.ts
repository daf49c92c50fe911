import { en } from './messages.en.ts';
import { ru, type MessageKey, type PluralForms } from './messages.ru.ts';

export type { MessageKey, PluralForms } from './messages.ru.ts';

export const languages = ['ru', 'en'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'ru';

export const messages: Record<Lang, Record<MessageKey, string | PluralForms>> = { ru, en };

export type Params = Record<string, string | number>;

const locales: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };

/** The BCP 47 locale used for numbers and dates in a language. */
export const localeOf = (lang: Lang): string => locales[lang];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Whether `key` names a message (error codes arrive as plain strings over a transport). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ru, key);
}

/** Fills `{name}` placeholders; numbers are formatted for the language. */
function interpolate(lang: Lang, template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** The message `key` in `lang`, with parameters filled and the plural form chosen by `count`. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const message = messages[lang][key];
  if (typeof message === 'string') return interpolate(lang, message, params);
  const count = typeof params.count === 'number' ? params.count : 0;
  const form = new Intl.PluralRules(localeOf(lang)).select(count) as keyof PluralForms;
  return interpolate(lang, message[form] ?? message.other, params);
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/**
 * A number as the language writes it: 7,5 in Russian, 7.5 in English. No grouping below 10 000.
 * Rounded from the decimal the number prints as, halves away from zero (docs/scoring.md §5); a value
 * that rounds to zero is written 0, never -0.
 */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits, useGrouping: Math.abs(value) >= 10_000, signDisplay: 'negative' }).format(value);
}

/** A calendar date (YYYY-MM-DD) as the language writes it. */
export function formatDate(lang: Lang, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** A moment as the language writes it, in the local time zone. */
export function formatDateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A time of day (with seconds, so two saves a few seconds apart read differently). */
export function formatTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'medium' }).format(new Date(iso));
}
