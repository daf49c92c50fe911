/** The part of fontkit 2 (which pdfmake lays text out with) that reads what a font can show and how large; it ships no types. */
declare module 'fontkit' {
  export interface Glyph {
    /** In font units. */
    readonly advanceWidth: number;
  }
  export interface Font {
    /** Every code point the font's cmap maps to a glyph. */
    readonly characterSet: number[];
    readonly unitsPerEm: number;
    /** Above and below the baseline (descent negative), in font units: pdfkit's line is the difference. */
    readonly ascent: number;
    readonly descent: number;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function openSync(path: string): Font;
}
