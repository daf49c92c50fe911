/**
 * The part of pdfmake 0.3's Node API that the protocol uses (the package ships no types for 0.3):
 * `require('pdfmake')` is one shared instance holding the fonts and the access policies.
 */
declare module 'pdfmake' {
  export type Alignment = 'left' | 'center' | 'right' | 'justify';
  export type Margin = number | [number, number] | [number, number, number, number];

  export interface Style {
    font?: string;
    fontSize?: number;
    bold?: boolean;
    italics?: boolean;
    alignment?: Alignment;
    color?: string;
    fillColor?: string;
    margin?: Margin;
    lineHeight?: number;
    characterSpacing?: number;
    noWrap?: boolean;
  }

  export interface TableLayout {
    hLineWidth?(i: number, node: { table: { body: unknown[][]; headerRows?: number } }): number;
    vLineWidth?(i: number, node: { table: { widths?: unknown[] } }): number;
    hLineColor?(i: number): string;
    vLineColor?(i: number): string;
    paddingLeft?(i: number): number;
    paddingRight?(i: number): number;
    paddingTop?(i: number): number;
    paddingBottom?(i: number): number;
  }

  export interface Table {
    body: Content[][];
    widths?: (number | string)[];
    headerRows?: number;
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
  }

  export interface Line {
    type: 'line';
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    lineWidth?: number;
    lineColor?: string;
  }

  export interface ContentNode extends Style {
    text?: Content;
    stack?: Content[];
    columns?: Content[];
    columnGap?: number;
    ol?: Content[];
    ul?: Content[];
    table?: Table;
    layout?: string | TableLayout;
    canvas?: Line[];
    width?: number | string;
    style?: string | string[];
    pageBreak?: 'before' | 'after';
    unbreakable?: boolean;
    headlineLevel?: number;
    outline?: boolean;
    colSpan?: number;
    border?: [boolean, boolean, boolean, boolean];
  }

  export type Content = string | ContentNode | Content[];

  /** What pageBreakBefore learns of a node once laid out. */
  export interface NodeInfo {
    headlineLevel?: number;
    pageNumbers: number[];
    startPosition: { pageNumber: number; top: number; verticalRatio: number };
  }

  export interface DocumentDefinition {
    pageSize: 'A4';
    pageOrientation?: 'portrait' | 'landscape';
    pageMargins: Margin;
    language?: string;
    info?: { title?: string; author?: string; subject?: string; creator?: string; producer?: string };
    header?(currentPage: number, pageCount: number): Content | null;
    footer?(currentPage: number, pageCount: number): Content | null;
    content: Content;
    styles?: Record<string, Style>;
    defaultStyle?: Style;
    pageBreakBefore?(node: NodeInfo): boolean;
  }

  export interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }

  export interface PdfMake {
    /** The in-memory file system that browsers load fonts into; null: fonts are read from disk. */
    virtualfs: unknown;
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(allowed: (url: string) => boolean): void;
    setLocalAccessPolicy(allowed: (path: string) => boolean): void;
    createPdf(doc: DocumentDefinition): { getBuffer(): Promise<Buffer> };
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}
