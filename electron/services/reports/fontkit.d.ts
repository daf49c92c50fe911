/** The part of fontkit 2 (which pdfmake lays text out with) that reads what a font can show; it ships no types. */
declare module 'fontkit' {
  export interface Font {
    /** Every code point the font's cmap maps to a glyph. */
    readonly characterSet: number[];
  }
  export function openSync(path: string): Font;
}
