import type { MessageKey } from '../../../shared/i18n/index.ts';

/**
 * Characters an imported text may not hold. None of them can be seen, and each changes what other
 * programs show or do with the text: control characters (C0 but the tab, DEL, C1) garble terminals
 * and files; a line break splits what must stay one line (a name, a title); the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the letters on screen,
 * so that a name reads as another. Russian and English text never needs them, and right-to-left
 * text is laid out by the Unicode algorithm without them. Half of a character (a lone surrogate,
 * which an XLSX can hold as Excel's escape _xD800_) is no text at all: stored, it would become U+FFFD.
 */

export interface CharacterProblem {
  code: MessageKey;
  /** `char` as U+XXXX; `position` counts characters from 1, as the user would to find it. */
  params: { char: string; position: number };
}

const LINE_BREAKS = '\\n\\r\\u2028\\u2029';
// In a 'u' pattern a surrogate range matches a lone surrogate only, never half of a pair.
const OTHERS = '\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uD800-\\uDFFF';
const IN_ONE_LINE = new RegExp(`[${OTHERS}${LINE_BREAKS}]`, 'u');
const IN_LINES = new RegExp(`[${OTHERS}]`, 'u');
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
const HALF = /[\uD800-\uDFFF]/u;

/** The first character of `text` a field may not hold; line breaks only where the field is `multiline`. */
export function forbiddenCharacter(text: string, multiline: boolean): CharacterProblem | null {
  const found = (multiline ? IN_LINES : IN_ONE_LINE).exec(text);
  if (found === null) return null;
  const char = found[0];
  const code: MessageKey = LINE_BREAK.test(char) ? 'import.lineBreak' : BIDI.test(char) ? 'import.bidiChar' : HALF.test(char) ? 'import.halfChar' : 'import.controlChar';
  const position = Array.from(text.slice(0, found.index)).length + 1;
  return { code, params: { char: `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`, position } };
}
