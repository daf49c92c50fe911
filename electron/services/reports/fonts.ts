import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The fonts embedded in the protocol, PT Serif and PT Sans (OFL; Latin and Cyrillic), and what
 * they can show. A character none of them holds would be drawn as the font's empty box, so every
 * text is made printable first: such a character is written as its code, "[U+4E2D]", and named
 * before the protocol is written (docs/venue.md, "Characters the fonts lack").
 */

export type FontFiles = Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>;

// Resolved from this module (in the packaged app, from the bundle's place), never from the working directory.
const fontFile = (path: string): string => createRequire(import.meta.url).resolve(`@expo-google-fonts/${path}`);

function family(name: 'pt-serif' | 'pt-sans', file: 'PTSerif' | 'PTSans'): FontFiles {
  return {
    normal: fontFile(`${name}/400Regular/${file}_400Regular.ttf`),
    bold: fontFile(`${name}/700Bold/${file}_700Bold.ttf`),
    italics: fontFile(`${name}/400Regular_Italic/${file}_400Regular_Italic.ttf`),
    bolditalics: fontFile(`${name}/700Bold_Italic/${file}_700Bold_Italic.ttf`),
  };
}

/** The protocol's families, by the names its styles use. */
export const fonts = (): Record<'Serif' | 'Sans', FontFiles> => ({ Serif: family('pt-serif', 'PTSerif'), Sans: family('pt-sans', 'PTSans') });

/** What the embedded fonts can show, and how much room a character takes at most. */
interface Metrics {
  /** Code points every face of every family holds: any text of the protocol may be set in any of them. */
  shown: Set<number>;
  /** Each shown code point's widest advance in any face, in em. */
  advance: Map<number, number>;
  /** The tallest line of any face (ascent less descent), in em, before a style's line height. */
  line: number;
}

let metrics: Metrics | undefined;

function fontMetrics(): Metrics {
  if (metrics) return metrics;
  const faces = Object.values(fonts()).flatMap((f) => Object.values(f).map((path) => fontkit.openSync(path)));
  const [first, ...rest] = faces.map((face) => new Set(face.characterSet));
  const shown = new Set([...(first ?? [])].filter((cp) => rest.every((s) => s.has(cp))));
  const advance = new Map<number, number>();
  for (const face of faces) {
    for (const cp of shown) advance.set(cp, Math.max(advance.get(cp) ?? 0, face.glyphForCodePoint(cp).advanceWidth / face.unitsPerEm));
  }
  metrics = { shown, advance, line: Math.max(...faces.map((face) => (face.ascent - face.descent) / face.unitsPerEm)) };
  return metrics;
}

/** Line breaks are layout, not glyphs; a tab is white space. */
const LAYOUT = new Set(['\n', '\r', '\t']);

const isPrintable = (char: string): boolean => LAYOUT.has(char) || fontMetrics().shown.has(char.codePointAt(0) ?? 0);

/** "U+4E2D": how a character the fonts lack is named, in the warning and in its place. */
export const codeOf = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The distinct characters of `texts` that no embedded font can show, in order of first appearance.
 * Texts are taken composed (NFC), as printable prints them: the fonts hold «й» and «ё», not the
 * combining breve and diaeresis that a decomposed «й» or «ё» (as macOS writes file names) is made of.
 */
export function unprintable(texts: Iterable<string>): string[] {
  const missing = new Set<string>();
  for (const text of texts) for (const char of text.normalize('NFC')) if (!isPrintable(char)) missing.add(char);
  return [...missing];
}

/** The text as the protocol prints it: composed (NFC), a tab as a space, each character the fonts lack as "[U+XXXX]". */
export function printable(text: string): string {
  if (/^[\x20-\x7E]*$/.test(text)) return text;
  let out = '';
  for (const char of text.normalize('NFC')) out += char === '\t' ? ' ' : isPrintable(char) ? char : `[${codeOf(char)}]`;
  return out;
}

/** How wide a printable character is at most, in em: its widest in any face (a character the fonts lack, as 1 em: printable writes none). */
export const advanceAtMost = (char: string): number => fontMetrics().advance.get(char.codePointAt(0) ?? 0) ?? 1;

/** The tallest line of the fonts, in em, before a style's line height. */
export const lineAtMost = (): number => fontMetrics().line;
