/**
 * A strict RFC 8259 JSON parser for bytes that come from outside.
 *
 * JSON.parse keeps the last of two equal keys, turns 1e400 into Infinity and accepts lone
 * surrogates; two readers of the same signed file could then see different data. This parser
 * refuses all of that instead, so a file has exactly one meaning or none.
 */

/** Why a text was refused. */
export type StrictJsonReason = 'syntax' | 'duplicate-key' | 'too-deep' | 'number-range' | 'lone-surrogate' | 'trailing-data';

/** A text that is not strict JSON; `offset` counts UTF-16 code units from the start of the text. */
export class StrictJsonError extends Error {
  readonly reason: StrictJsonReason;
  readonly offset: number;
  /** The repeated key, for `duplicate-key`. */
  readonly key: string | undefined;

  constructor(reason: StrictJsonReason, offset: number, detail: string, key?: string) {
    super(`${detail} at offset ${offset}`);
    this.name = 'StrictJsonError';
    this.reason = reason;
    this.offset = offset;
    this.key = key;
  }
}

export interface StrictJsonOptions {
  /** The deepest nesting of arrays and objects allowed; `[[]]` is 2 deep. Default 64. */
  maxDepth?: number;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const HEX4 = /^[0-9A-Fa-f]{4}$/;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Parses `text` as exactly one JSON value. Objects come back as plain objects whose keys are all
 * own data properties ("__proto__" included), so nothing reaches a prototype.
 * @throws StrictJsonError on anything RFC 8259 does not allow, a key repeated in one object,
 *   nesting deeper than `maxDepth`, a number float64 cannot hold, a lone surrogate, or trailing data.
 */
export function parseStrictJson(text: string, options: StrictJsonOptions = {}): unknown {
  const parser = new Parser(text, options.maxDepth ?? 64);
  parser.skipSpace();
  const value = parser.value(0);
  parser.skipSpace();
  if (parser.at < text.length) throw new StrictJsonError('trailing-data', parser.at, 'unexpected data after the value');
  return value;
}

class Parser {
  readonly text: string;
  readonly maxDepth: number;
  at = 0;

  constructor(text: string, maxDepth: number) {
    this.text = text;
    this.maxDepth = maxDepth;
  }

  fail(detail: string, at = this.at): never {
    throw new StrictJsonError('syntax', at, detail);
  }

  skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.at);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.at++;
    }
  }

  expect(char: string): void {
    if (this.text[this.at] !== char) this.fail(this.at < this.text.length ? `expected "${char}"` : 'unexpected end of text');
    this.at++;
  }

  value(depth: number): unknown {
    const c = this.text[this.at];
    if (c === '{') return this.object(depth + 1);
    if (c === '[') return this.array(depth + 1);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail(c === undefined ? 'unexpected end of text' : 'expected a value');
  }

  enter(depth: number): void {
    if (depth > this.maxDepth) throw new StrictJsonError('too-deep', this.at, `nesting deeper than ${this.maxDepth}`);
    this.at++;
    this.skipSpace();
  }

  object(depth: number): Record<string, unknown> {
    this.enter(depth);
    const entries = new Map<string, unknown>();
    if (this.text[this.at] === '}') return this.close(entries);
    for (;;) {
      const keyAt = this.at;
      if (this.text[this.at] !== '"') this.fail('expected a key');
      const key = this.string();
      if (entries.has(key)) throw new StrictJsonError('duplicate-key', keyAt, `duplicate key ${JSON.stringify(key)}`, key);
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      entries.set(key, this.value(depth));
      this.skipSpace();
      if (this.text[this.at] === '}') return this.close(entries);
      this.expect(',');
      this.skipSpace();
    }
  }

  close(entries: Map<string, unknown>): Record<string, unknown> {
    this.at++;
    // Object.fromEntries defines own properties, so "__proto__" stays a key like any other.
    return Object.fromEntries(entries) as Record<string, unknown>;
  }

  array(depth: number): unknown[] {
    this.enter(depth);
    const items: unknown[] = [];
    if (this.text[this.at] === ']') {
      this.at++;
      return items;
    }
    for (;;) {
      items.push(this.value(depth));
      this.skipSpace();
      if (this.text[this.at] === ']') {
        this.at++;
        return items;
      }
      this.expect(',');
      this.skipSpace();
    }
  }

  number(): number {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail('malformed number');
    const value = Number(match[0]);
    if (!Number.isFinite(value)) throw new StrictJsonError('number-range', this.at, 'number too large for float64');
    this.at += match[0].length;
    return value;
  }

  string(): string {
    this.at++;
    let out = '';
    let runStart = this.at;
    for (;;) {
      const code = this.text.charCodeAt(this.at);
      if (Number.isNaN(code)) this.fail('unterminated string');
      if (code === 0x22 || code === 0x5c) {
        out += this.text.slice(runStart, this.at);
        if (code === 0x22) {
          this.at++;
          return out;
        }
        out += this.escape();
        runStart = this.at;
      } else if (code < 0x20) {
        this.fail('control character in a string');
      } else if (isHigh(code) || isLow(code)) {
        this.rawSurrogate(code);
      } else {
        this.at++;
      }
    }
  }

  /** A surrogate written as is (possible only when the text did not come from valid UTF-8). */
  rawSurrogate(code: number): void {
    if (isHigh(code) && isLow(this.text.charCodeAt(this.at + 1))) {
      this.at += 2;
      return;
    }
    throw new StrictJsonError('lone-surrogate', this.at, 'lone surrogate');
  }

  escape(): string {
    const start = this.at;
    const c = this.text[this.at + 1];
    if (c === 'u') return this.unicodeEscape(start);
    const plain = c === undefined ? undefined : ESCAPES[c];
    if (plain === undefined) this.fail('invalid escape', start);
    this.at += 2;
    return plain;
  }

  hex4(at: number): number | undefined {
    const digits = this.text.slice(at, at + 4);
    return HEX4.test(digits) ? parseInt(digits, 16) : undefined;
  }

  /** \uXXXX, where a surrogate must come as a high one followed at once by an escaped low one. */
  unicodeEscape(start: number): string {
    const code = this.hex4(start + 2);
    if (code === undefined) return this.fail('invalid \\u escape', start);
    this.at = start + 6;
    if (isLow(code)) throw new StrictJsonError('lone-surrogate', start, 'lone low surrogate');
    if (!isHigh(code)) return String.fromCharCode(code);
    const low = this.text.startsWith('\\u', this.at) ? this.hex4(this.at + 2) : undefined;
    if (low === undefined || !isLow(low)) throw new StrictJsonError('lone-surrogate', start, 'lone high surrogate');
    this.at += 6;
    return String.fromCharCode(code, low);
  }
}
