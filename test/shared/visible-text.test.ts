import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHidden, hasHidden, isolated, visibleParts } from '../../shared/visible-text.ts';

/** Every character the terminal or the bidi algorithm acts on without showing it. */
const HIDDEN = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  0xad,
  0x061c,
  0x200b, 0x200c, 0x200d, 0x200e, 0x200f,
  0x2028, 0x2029,
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2066, 0x2067, 0x2068, 0x2069,
  0xfeff,
  0xe0041,
].map((cp) => String.fromCodePoint(cp));

describe('escapeHidden', () => {
  it('shows every control, bidi and invisible format character as a visible escape', () => {
    for (const ch of HIDDEN) {
      const shown = escapeHidden(`a${ch}b`);
      assert.ok(!hasHidden(shown), `U+${ch.codePointAt(0)?.toString(16)} survived: ${JSON.stringify(shown)}`);
      assert.match(shown, /^a\\(x[0-9a-f]{2}|u\{[0-9A-F]{4,6}\})b$/);
    }
  });

  it('writes C0, DEL and C1 as \\xHH and the rest as \\u{HHHH}', () => {
    assert.equal(escapeHidden('\u001b[2K\rOK\u0007'), '\\x1b[2K\\x0dOK\\x07');
    assert.equal(escapeHidden('\u009b31m'), '\\x9b31m');
    assert.equal(escapeHidden('Иван\u202E54321\u2066'), 'Иван\\u{202E}54321\\u{2066}');
  });

  it('keeps only the characters it is told to keep, so our own newlines stay lines', () => {
    assert.equal(escapeHidden('one\ntwo\r\n', '\n'), 'one\ntwo\\x0d\n');
    assert.equal(escapeHidden('one\ntwo'), 'one\\x0atwo');
  });

  it('leaves ordinary text in any script alone, emoji and right-to-left letters included', () => {
    for (const text of ['Лучший МФЦ России', 'Łódź — «Ёлка»', 'שלום عليكم', '12345 67890', 'tab-free, 7,5 of 100', '😀', '\\x1b stays as typed']) {
      assert.equal(escapeHidden(text), text);
      assert.equal(hasHidden(text), false);
    }
  });
});

describe('visibleParts', () => {
  it('splits text into plain runs and the escapes of hidden characters, losing nothing', () => {
    assert.deepEqual(visibleParts('Ann\u202Ea\u200B'), [
      { text: 'Ann', hidden: false },
      { text: '\\u{202E}', hidden: true, codePoint: 'U+202E' },
      { text: 'a', hidden: false },
      { text: '\\u{200B}', hidden: true, codePoint: 'U+200B' },
    ]);
    assert.deepEqual(visibleParts('plain'), [{ text: 'plain', hidden: false }]);
    assert.deepEqual(visibleParts(''), []);
  });
});

describe('isolated', () => {
  it('isolates text with right-to-left letters, so a fingerprint after it keeps its order, and escapes hidden characters', () => {
    assert.equal(isolated('שלום'), '\u2068שלום\u2069');
    assert.equal(isolated('مفتاح'), '\u2068مفتاح\u2069');
    assert.equal(isolated('Смирнов\u202E'), 'Смирнов\\u{202E}');
  });

  it('leaves left-to-right text as it is, so it reads and matches as typed', () => {
    assert.equal(isolated('Оргкомитет, Иванова А. П.'), 'Оргкомитет, Иванова А. П.');
  });
});
