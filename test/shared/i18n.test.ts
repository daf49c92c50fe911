import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatNumber, languages, messages, translate, type Lang, type PluralForms } from '../../shared/i18n/index.ts';

const placeholders = (message: string | PluralForms): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();
};

describe('i18n', () => {
  it('has exactly the same keys in every language', () => {
    const reference = Object.keys(messages.ru).sort();
    for (const lang of languages) {
      const keys = Object.keys(messages[lang]).sort();
      assert.deepEqual(keys.filter((k) => !reference.includes(k)), [], `${lang} has keys Russian lacks`);
      assert.deepEqual(reference.filter((k) => !keys.includes(k)), [], `${lang} lacks keys Russian has`);
    }
  });

  it('uses the same placeholders in every language, so no translation drops a file name or a number', () => {
    for (const [key, ru] of Object.entries(messages.ru)) {
      for (const lang of languages) {
        const other = messages[lang][key as keyof typeof messages.ru];
        assert.deepEqual(placeholders(other), placeholders(ru), `${lang} "${key}"`);
      }
    }
  });

  it('has no empty message in any language', () => {
    for (const lang of languages) {
      for (const [key, message] of Object.entries(messages[lang])) {
        const texts = typeof message === 'string' ? [message] : Object.values(message);
        assert.ok(texts.every((text) => text.trim().length > 0), `${lang} "${key}" is empty`);
      }
    }
  });

  it('fills parameters and writes numbers the way each language does', () => {
    assert.equal(translate('ru', 'workspace.notFound', { path: '/tmp/x.sqlite' }), 'Файл не найден: /tmp/x.sqlite');
    assert.equal(formatNumber('ru', 7.5), '7,5');
    assert.equal(formatNumber('en', 7.5), '7.5');
  });

  it('rounds a number for display as by hand, halves away from zero, and never writes a minus before a zero', () => {
    // The decimal a value is written as decides (1.005 is a half although its double is a little below).
    assert.deepEqual([1.005, 2.675, -1.005, 0.125].map((v) => formatNumber('ru', v, 2)), ['1,01', '2,68', '-1,01', '0,13']);
    assert.deepEqual([1.45, -1.45].map((v) => formatNumber('en', v, 1)), ['1.5', '-1.5']);
    // A value just below zero (an ICC of −0.003, a severity of −0.04) rounds to 0: written 0, as the app's tiles write it.
    assert.deepEqual([-0.003, -0.004999].map((v) => formatNumber('ru', v, 2)), ['0', '0']);
    assert.equal(formatNumber('en', -0.04, 1), '0');
    assert.equal(formatNumber('ru', -0.005, 2), '-0,01');
    assert.match(translate('ru', 'criterion.scale', { min: 1, max: 5, step: 0.5, weight: 1.5 }), /шаг 0,5, вес 1,5/);
  });

  it('chooses Russian plural forms by count', () => {
    const forms = (lang: Lang, count: number) => translate(lang, 'nomination.criteria', { count });
    assert.deepEqual([1, 2, 5, 11, 21, 22].map((n) => forms('ru', n)), ['1 критерий', '2 критерия', '5 критериев', '11 критериев', '21 критерий', '22 критерия']);
    assert.deepEqual([1, 4].map((n) => forms('en', n)), ['1 criterion', '4 criteria']);
  });
});
