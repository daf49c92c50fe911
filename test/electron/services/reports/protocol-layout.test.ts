import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { protocolUnprintable } from '../../../../electron/services/reports/protocol.ts';
import { renderResults } from '../../../../electron/services/reports/render.ts';
import type { VenueResults } from '../../../../electron/services/venue/results-file.ts';
import type { Lang } from '../../../../shared/i18n/index.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { demoResults } from './demo-results.ts';
import { unbreakableResults } from './hostile.ts';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
const skip = poppler ? false : 'pdftotext (poppler-utils) is not installed';

function tool(name: string, args: string[]): string {
  const run = spawnSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** The protocol's text block on A4: left margin 57 pt, right 42 pt (electron/services/reports/pdf.ts). */
const BLOCK = { left: 57, right: 595.28 - 42 };

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  text: string;
}

/** Every word pdftotext finds, with where it stands across the page. */
function wordsOf(path: string): Word[] {
  const xml = tool('pdftotext', ['-bbox-layout', path, '-']);
  const words: Word[] = [];
  xml.split('<page ').forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      words.push({ page: i, xMin: Number(m[1]), xMax: Number(m[2]), text: m[3] ?? '' });
    }
  });
  return words;
}

async function written(t: TestContext, results: VenueResults, lang: Lang): Promise<string> {
  const path = join(tempDir(t), 'protocol.pdf');
  writeFileSync(path, await renderResults(results, 'pdf', { lang, present: null }));
  return path;
}

/** The texts of the results that the protocol prints in full (the running header shortens the contest's title). */
function printedTexts(results: VenueResults): string[] {
  const { view } = results;
  return [
    view.contest.title,
    view.contest.place,
    view.chair.name,
    ...view.commission.flatMap((m) => [m.name, m.organisation, m.position]),
    ...Object.values(view.criteria).flatMap((list) => list.map((c) => c.title)),
    ...view.groups.flatMap((g) => [g.title, ...g.ranked.flatMap((r) => [r.title, r.organisation, r.region]), ...g.ties.flatMap((t) => [...t.titles, t.reason])]),
  ];
}

const UNPRINTABLE = '中文 😀 α→β ✓';

describe('the protocol’s layout', { skip }, () => {
  const demo = demoResults();

  for (const lang of ['ru', 'en'] as const) {
    it(`keeps every table inside the A4 text block, wrapping 300-letter words without a space (${lang})`, async (t) => {
      const results = unbreakableResults(demo().results);
      const path = await written(t, results, lang);
      const outside = wordsOf(path).filter((w) => w.xMin < BLOCK.left - 0.5 || w.xMax > BLOCK.right + 0.5);
      assert.deepEqual(
        outside.map((w) => `page ${w.page}: ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} ${w.text.slice(0, 12)}`),
        [],
        'words beyond the margins',
      );
      // Raw order keeps a cell's lines together; a numbered list's "1." comes after its item's first line.
      const lines = tool('pdftotext', ['-raw', path, '-']).split('\n');
      const squeezed = lines.filter((line) => !/^\d+\.$/.test(line.trim())).join('').replace(/\s+/g, '');
      const texts = printedTexts(results);
      assert.ok(texts.length > 100 && texts.every((x) => Array.from(x).length === 300));
      const missing = texts.filter((x) => !squeezed.includes(x.replace(/\s+/g, '')));
      assert.deepEqual(missing.map((x) => x.slice(0, 4)), [], 'every long word whole, in order');
    });
  }

  it('prints all of 200 criteria and a tie of 150 entries, letting a block longer than a page run on', async (t) => {
    const { results } = demo();
    const { view } = results;
    const [nominationId, criteria = []] = Object.entries(view.criteria)[0] ?? [];
    const [first] = criteria;
    assert.ok(nominationId && first);
    const many = Array.from({ length: 200 }, (_, i) => ({ ...first, id: `c-${i}`, title: `Критерий-${String(i + 1).padStart(3, '0')}` }));
    const tied = Array.from({ length: 150 }, (_, i) => `Участник-${String(i + 1).padStart(3, '0')}`);
    const groups = view.groups.map((g, i) => (i === 0 ? { ...g, ties: [{ entryIds: [], titles: tied, reason: 'Обоснование' }] } : g));
    const path = await written(t, { ...results, view: { ...view, criteria: { ...view.criteria, [nominationId]: many }, groups } }, 'ru');
    const text = tool('pdftotext', ['-raw', path, '-']);
    const lost = [...many.map((c) => c.title), ...tied].filter((title) => !text.includes(title));
    assert.deepEqual(lost, [], 'every criterion and tied entry printed');
  });

  it('writes each character no embedded font holds as its code, never as a box, and names them after the appendix', async (t) => {
    const { results } = demo();
    const [group] = results.view.groups;
    const [first, ...rest] = group?.ranked ?? [];
    assert.ok(group && first);
    const odd: VenueResults = {
      ...results,
      view: { ...results.view, contest: { ...results.view.contest, title: `Конкурс ${UNPRINTABLE}` }, groups: [{ ...group, ranked: [{ ...first, title: `Проект ✓ 中` }, ...rest] }] },
    };
    assert.deepEqual(protocolUnprintable(odd, { lang: 'ru', present: null }), ['中', '文', '😀', 'α', '→', 'β', '✓']);
    const path = await written(t, odd, 'ru');
    const text = tool('pdftotext', ['-layout', path, '-']);
    assert.ok(text.includes('Конкурс [U+4E2D][U+6587] [U+1F600] [U+03B1][U+2192][U+03B2] [U+2713]'), 'the title, each missing character as its code');
    assert.ok(text.includes('Проект [U+2713] [U+4E2D]'));
    for (const char of Array.from(UNPRINTABLE.replaceAll(' ', ''))) assert.ok(!text.includes(char), `${char} is not drawn (a font without it draws a box)`);
    const note = text.replace(/\s+/g, ' ');
    assert.ok(note.includes('в квадратных скобках: U+4E2D, U+6587, U+1F600, U+03B1, U+2192, U+03B2, U+2713.'), 'the note names them');
  });

  it('says nothing about characters when the fonts hold them all', async (t) => {
    const { results } = demo();
    assert.deepEqual(protocolUnprintable(results, { lang: 'en', present: null }), []);
    const text = tool('pdftotext', ['-layout', await written(t, results, 'en'), '-']);
    assert.ok(!text.includes('U+'), 'no codes, no note');
  });

  /** The results with the first ranked entry of the first group replaced by `entry`'s texts. */
  const withFirstEntry = (results: VenueResults, entry: { title: string; organisation?: string; region?: string }): VenueResults => {
    const [group, ...groups] = results.view.groups;
    const [first, ...rest] = group?.ranked ?? [];
    assert.ok(group && first);
    return { ...results, view: { ...results.view, groups: [{ ...group, ranked: [{ ...first, ...entry }, ...rest] }, ...groups] } };
  };

  /** Words of `length` letters Ж, a space between, as many as 300 characters hold. */
  const words = (length: number) => Array.from({ length: Math.floor(301 / (length + 1)) }, () => 'Ж'.repeat(length)).join(' ');

  for (const lang of ['ru', 'en'] as const) {
    it(`never drops a table row kept whole that is longer than a page as printed: characters written as codes, words that wrap one to a line (${lang})`, async (t) => {
      const { results } = demo();
      const cjk = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
      const coded = tool('pdftotext', ['-raw', await written(t, withFirstEntry(results, { title: cjk }), lang), '-']).replace(/\s+/g, '');
      const codes = Array.from(cjk, (c) => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}]`);
      assert.deepEqual(codes.filter((code) => !coded.includes(code)).length, 0, 'every character of the title, as its code');
      const entry = { title: words(8), organisation: words(12), region: words(12) };
      const wrapped = tool('pdftotext', ['-raw', await written(t, withFirstEntry(results, entry), lang), '-']);
      const count = (text: string) => text.split('Ж').length - 1;
      assert.equal(count(wrapped), count(entry.title + entry.organisation + entry.region), 'every letter of the entry, its organisation and region');
    });
  }

  it('prints letters written decomposed (и and a combining breve for й) as the letters the fonts hold, not as codes', async (t) => {
    const { results } = demo();
    const title = 'Объединённый МФЦ «Йошкар-Ола»'.normalize('NFD');
    assert.notEqual(title, title.normalize('NFC'));
    const odd = withFirstEntry(results, { title });
    assert.deepEqual(protocolUnprintable(odd, { lang: 'ru', present: null }), []);
    const text = tool('pdftotext', ['-raw', await written(t, odd, 'ru'), '-']);
    assert.ok(text.normalize('NFC').includes('Объединённый МФЦ «Йошкар-Ола»') && !text.includes('U+'), 'the title as written, no codes');
  });
});