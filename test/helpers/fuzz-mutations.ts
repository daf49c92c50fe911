import { pae, PAYLOAD_TYPES, type FileKind } from '../../shared/formats/dsse.ts';
import { MAX_FILE_BYTES, readEnvelope } from '../../electron/services/signing/envelope.ts';
import { generateKey, keyIdOf, signBytes, type Ed25519Key } from '../../electron/services/signing/keys.ts';

/**
 * Structured mutations of a signed file (docs/formats.md), for the fuzz engine (fuzz.ts). Each family
 * makes files a reader must refuse: the envelope edited as text (its signature then no longer
 * matches, or its shape is wrong), or a payload edited and signed again with the real signer's key,
 * so that the edit reaches the strict JSON parser and the payload's schema.
 */

/** One mutated file and what was done to it. */
export interface Mutation {
  label: string;
  bytes: Buffer;
}

/** The fields of one kind of payload that the families edit (each written on a line of its own). */
export interface PayloadFields {
  /** Fields holding a scalar, to be written twice. */
  scalars: string[];
  /** Integer fields every value of BAD_INTEGERS breaks. */
  integers: string[];
  /** Number fields, for the literals that are not JSON or not float64. */
  numbers: string[];
  /** Fields holding a mark on a 0–10 or 1–5 scale, for BAD_MARKS. */
  marks: string[];
  /** Public key fields, the nth occurrence in the payload text, to be written non-canonically. */
  keys: { field: string; nth: number }[];
  /** The field naming the signer's own key, in a file that names it. */
  signerKey: string | null;
}

/** A file to mutate: its bytes, the key that signed it, another key, and its fields. */
export interface Original {
  kind: FileKind;
  bytes: Buffer;
  key: Ed25519Key;
  /** Another key the reader knows (another expert's, where there is one). */
  stranger: Ed25519Key;
  fields: PayloadFields;
}

const q = JSON.stringify;

/** Numbers strict JSON refuses: not RFC 8259, or beyond float64. */
export const NOT_JSON_NUMBERS = ['1e400', '-1e400', '1e99999999999', '9'.repeat(400), 'NaN', 'Infinity', '-Infinity', '0x10', '01', '1.', '.5', '+1', '-', '1e', '1e+', '--1', '1_000'];
/** Values no integer field of a payload takes (versions, revisions, sequence numbers start at 1). */
export const BAD_INTEGERS = ['0', '-0', '-1', '1.5', '1e-400', '4.9e-324', '1e308', '-1e308', '9007199254740993', '"1"', 'true', 'null', '[]', '{}'];
/** Values off every demo scale (0–10 in whole steps, 1–5 in half steps). */
export const BAD_MARKS = ['1e308', '-1e308', '9007199254740993', '1000', '-1000', '0.25', '"7"', 'null', 'true', '[]', '{}'];

/** An envelope's parts as raw JSON text, written in JuryBox's layout. */
interface Parts {
  type: string;
  payload: string;
  signatures: string;
  extra?: string;
}

const sigItem = (keyid: string, sig: string) => `{ "keyid": ${q(keyid)}, "sig": ${q(sig)} }`;
const sigList = (items: string[]) => (items.length === 0 ? '[]' : `[\n    ${items.join(',\n    ')}\n  ]`);

function envelope(p: Parts): Buffer {
  return Buffer.from(`{\n  "payloadType": ${p.type},\n  "payload": ${p.payload},\n  "signatures": ${p.signatures}${p.extra ?? ''}\n}\n`);
}

/** The original taken apart, and ways to put it together again. */
export class Anatomy {
  readonly o: Original;
  readonly payloadType: string;
  readonly payload: Buffer;
  readonly keyid: string;
  readonly sig: string;

  constructor(o: Original) {
    const opened = readEnvelope(o.bytes, 'original', o.kind);
    this.o = o;
    this.payloadType = opened.payloadType;
    this.payload = opened.payload;
    this.keyid = opened.keyid;
    this.sig = opened.signature.toString('base64');
    if (!this.build({}).equals(o.bytes)) throw new Error(`the ${o.kind} file is not in JuryBox's layout: the fuzz engine cannot take it apart`);
  }

  /** The original with some parts replaced (raw JSON text). */
  build(p: Partial<Parts>): Buffer {
    return envelope({ type: q(this.payloadType), payload: q(this.payload.toString('base64')), signatures: sigList([sigItem(this.keyid, this.sig)]), ...p });
  }

  /** The signature list with these signature objects (raw JSON text). */
  sigs(...items: string[]): string {
    return sigList(items);
  }

  item(keyid = this.keyid, sig = this.sig): string {
    return sigItem(keyid, sig);
  }

  /** `payload` under `type`, signed by `key` (the original's signer unless told), in JuryBox's layout. */
  signed(payload: Buffer, type: string = this.payloadType, key: Ed25519Key = this.o.key): Buffer {
    const sig = signBytes(key, pae(type, payload)).toString('base64');
    return envelope({ type: q(type), payload: q(payload.toString('base64')), signatures: sigList([sigItem(keyIdOf(key.publicKey), sig)]) });
  }

  /** The payload text with one edit, signed again by the real signer. */
  resigned(edit: (text: string) => string): Buffer {
    return this.signed(Buffer.from(edit(this.payload.toString('utf8')), 'utf8'));
  }
}

/** Where the nth `"field": ` starts in `text`, and the scalar value on the rest of its line. */
function locate(text: string, field: string, nth = 1): { at: number; valueAt: number; value: string } {
  const needle = `${q(field)}: `;
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`the payload has no field ${field} (occurrence ${nth})`);
  const valueAt = at + needle.length;
  const end = text.indexOf('\n', valueAt);
  const value = text.slice(valueAt, end < 0 ? undefined : end).replace(/,$/, '');
  return { at, valueAt, value };
}

/** `text` with the value of the nth `field` replaced by `literal`. */
export function replaceValue(text: string, field: string, literal: string, nth = 1): string {
  const { valueAt, value } = locate(text, field, nth);
  return text.slice(0, valueAt) + literal + text.slice(valueAt + value.length);
}

/** `text` with `"field": literal, ` written just before the first `field`. */
function duplicate(text: string, field: string, literal?: string, spelled: string = q(field)): string {
  const { at, value } = locate(text, field);
  return `${text.slice(0, at)}${spelled}: ${literal ?? value}, ${text.slice(at)}`;
}

/** A JSON object's text with `"name": value` added as its first member. */
const withMember = (text: string, member: string) => text.replace(/^\s*\{/, `{${member}, `);

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** The same key bytes with the two unused bits of the last letter set: a spelling a lenient decoder accepts. */
export function nonCanonical(base64Key: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const last = base64Key.charAt(42);
  return `${base64Key.slice(0, 42)}${alphabet.charAt(alphabet.indexOf(last) | 1)}=`;
}

/** Ed25519's S + L: the same signature in the form a lax verifier would accept too (RFC 8032 §5.1.7 refuses it). */
export function malleated(sigBase64: string): string {
  const sig = Buffer.from(sigBase64, 'base64');
  const L = 2n ** 252n + 27742317777372353535851937790883648493n;
  let s = 0n;
  for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(sig[32 + i] ?? 0);
  s += L;
  for (let i = 0; i < 32; i++) {
    sig[32 + i] = Number(s & 0xffn);
    s >>= 8n;
  }
  return sig.toString('base64');
}

export function duplicateKeys(a: Anatomy): Mutation[] {
  const { fields } = a.o;
  const type = q(a.payloadType);
  const payload = q(a.payload.toString('base64'));
  return [
    { label: 'envelope: payloadType twice', bytes: a.build({ type: `${type}, "payloadType": ${type}` }) },
    { label: 'envelope: payload twice', bytes: a.build({ payload: `${payload}, "payload": ${payload}` }) },
    { label: 'envelope: payload twice, the first another one', bytes: a.build({ payload: `"e30=", "payload": ${payload}` }) },
    { label: 'envelope: signatures twice', bytes: a.build({ extra: `,\n  "signatures": ${a.sigs(a.item())}` }) },
    { label: 'envelope: keyid twice', bytes: a.build({ signatures: a.sigs(`{ "keyid": ${q(a.keyid)}, ${a.item().slice(2)}`) }) },
    { label: 'envelope: sig twice', bytes: a.build({ signatures: a.sigs(`${a.item().slice(0, -2)}, "sig": ${q(a.sig)} }`) }) },
    { label: 'envelope: a key spelled with an escape', bytes: a.build({ type: `${type}, "payload\\u0054ype": ${type}` }) },
    ...fields.scalars.map((field) => ({ label: `payload: ${field} twice`, bytes: a.resigned((t) => duplicate(t, field)) })),
    ...fields.scalars.map((field) => ({ label: `payload: ${field} twice, once escaped`, bytes: a.resigned((t) => duplicate(t, field, undefined, q(field).replace(/^"(.)/, (_, c: string) => `"\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))) })),
    ...fields.integers.map((field) => ({
      label: `payload: ${field} twice, the last one higher`,
      bytes: a.resigned((t) => {
        const { value } = locate(t, field);
        return replaceValue(t, field, `${value}, ${q(field)}: ${Number(value) + 1}`);
      }),
    })),
    { label: 'payload: __proto__ twice', bytes: a.resigned((t) => withMember(t, '"__proto__": {}, "__proto__": {}')) },
    { label: 'payload: a key of 5 000 letters twice', bytes: a.resigned((t) => withMember(t, `"${'k'.repeat(5_000)}": 1, "${'k'.repeat(5_000)}": 2`)) },
  ];
}

export function numbers(a: Anatomy): Mutation[] {
  const { fields } = a.o;
  const out: Mutation[] = [];
  for (const field of fields.numbers) for (const literal of NOT_JSON_NUMBERS) out.push({ label: `payload: ${field} = ${literal.slice(0, 20)}`, bytes: a.resigned((t) => replaceValue(t, field, literal)) });
  for (const field of fields.integers) for (const literal of BAD_INTEGERS) out.push({ label: `payload: ${field} = ${literal}`, bytes: a.resigned((t) => replaceValue(t, field, literal)) });
  for (const field of fields.marks) for (const literal of BAD_MARKS) out.push({ label: `payload: ${field} = ${literal}`, bytes: a.resigned((t) => replaceValue(t, field, literal)) });
  return out;
}

export function deepNesting(a: Anatomy): Mutation[] {
  const out: Mutation[] = [];
  for (const depth of [65, 1_000, 20_000]) {
    out.push({ label: `envelope: a field of ${depth} nested arrays`, bytes: a.build({ extra: `,\n  "deep": ${nestedArrays(depth)}` }) });
    out.push({ label: `envelope: signatures in ${depth} nested arrays`, bytes: a.build({ signatures: `${'['.repeat(depth)}${a.item()}${']'.repeat(depth)}` }) });
    out.push({ label: `envelope: a field of ${depth} nested objects`, bytes: a.build({ extra: `,\n  "deep": ${nestedObjects(depth)}` }) });
    out.push({ label: `payload: ${depth} nested arrays`, bytes: a.signed(Buffer.from(nestedArrays(depth))) });
    out.push({ label: `payload: a field of ${depth} nested objects`, bytes: a.resigned((t) => withMember(t, `"deep": ${nestedObjects(depth)}`)) });
  }
  out.push({ label: 'file: 100 000 arrays opened and never closed', bytes: Buffer.from('['.repeat(100_000)) });
  out.push({ label: 'envelope: 30 000 objects opened and never closed', bytes: Buffer.from(`{"payloadType": ${'{"a":'.repeat(30_000)}`) });
  if (a.o.kind === 'contest') out.push({ label: 'payload: a million nested arrays', bytes: a.signed(Buffer.from(nestedArrays(1_000_000))) });
  return out;
}

export function oversized(a: Anatomy): Mutation[] {
  const max = MAX_FILE_BYTES[a.o.kind];
  // Whitespace before the closing brace keeps the file valid in every other way: only the size is wrong.
  const padded = (size: number) => {
    const tail = Buffer.from('}\n');
    const head = a.o.bytes.subarray(0, a.o.bytes.length - tail.length);
    return Buffer.concat([head, Buffer.alloc(size - a.o.bytes.length, 0x20), tail]);
  };
  return [
    { label: `file: one byte over the cap of ${max}`, bytes: padded(max + 1) },
    { label: 'file: twice the cap', bytes: padded(2 * max) },
  ];
}

export function payloadTypes(a: Anatomy): Mutation[] {
  const others = (Object.keys(PAYLOAD_TYPES) as FileKind[]).filter((k) => k !== a.o.kind).map((k) => PAYLOAD_TYPES[k]);
  const lookalike = a.payloadType.replace('a', '\u0430');
  const unsigned = [...others, 'application/json', a.payloadType.replace('version=1', 'version=2'), a.payloadType.toUpperCase(), `${a.payloadType} `, ` ${a.payloadType}`, '', 'x'.repeat(201), `${a.payloadType}\u0000`, lookalike];
  return [
    ...unsigned.map((type) => ({ label: `envelope: payloadType ${q(type).slice(0, 60)}`, bytes: a.build({ type: q(type) }) })),
    ...['1', 'null', '[]', '{}', 'true'].map((literal) => ({ label: `envelope: payloadType ${literal}`, bytes: a.build({ type: literal }) })),
    ...others.map((type) => ({ label: `signed as ${type}`, bytes: a.signed(a.payload, type) })),
    ...['application/json', a.payloadType.replace('version=1', 'version=2'), lookalike].map((type) => ({ label: `signed as ${q(type)}`, bytes: a.signed(a.payload, type) })),
  ];
}

export function signatures(a: Anatomy): Mutation[] {
  const stranger = a.o.stranger;
  const strangerSig = signBytes(stranger, pae(a.payloadType, a.payload)).toString('base64');
  const nobody = generateKey();
  const raw = signBytes(a.o.key, a.payload).toString('base64');
  const sigBytes = Buffer.from(a.sig, 'base64');
  const ofLength = (n: number) => Buffer.concat([sigBytes, sigBytes]).subarray(0, n).toString('base64');
  const own = a.item();
  return [
    { label: 'none: an empty list', bytes: a.build({ signatures: '[]' }) },
    { label: 'none: the field left out', bytes: Buffer.from(`{\n  "payloadType": ${q(a.payloadType)},\n  "payload": ${q(a.payload.toString('base64'))}\n}\n`) },
    ...['null', '{}', '[{}]', '[null]', `${own}`, '"sig"'].map((literal) => ({ label: `signatures ${literal.slice(0, 30)}`, bytes: a.build({ signatures: literal }) })),
    { label: 'two: the same one twice', bytes: a.build({ signatures: a.sigs(own, own) }) },
    { label: 'two: then another key’s', bytes: a.build({ signatures: a.sigs(own, a.item(keyIdOf(stranger.publicKey), strangerSig)) }) },
    { label: 'two: another key’s first', bytes: a.build({ signatures: a.sigs(a.item(keyIdOf(stranger.publicKey), strangerSig), own) }) },
    { label: 'seventeen copies', bytes: a.build({ signatures: a.sigs(...Array<string>(17).fill(own)) }) },
    { label: 'an extra field in the signature', bytes: a.build({ signatures: a.sigs(`${own.slice(0, -2)}, "cert": "" }`) }) },
    { label: 'no keyid', bytes: a.build({ signatures: a.sigs(`{ "sig": ${q(a.sig)} }`) }) },
    { label: 'no sig', bytes: a.build({ signatures: a.sigs(`{ "keyid": ${q(a.keyid)} }`) }) },
    { label: 'keyid of a key nobody knows', bytes: a.build({ signatures: a.sigs(a.item(keyIdOf(nobody.publicKey))) }) },
    { label: 'keyid of another known key', bytes: a.build({ signatures: a.sigs(a.item(keyIdOf(stranger.publicKey))) }) },
    { label: 'keyid in capitals', bytes: a.build({ signatures: a.sigs(a.item(a.keyid.toUpperCase())) }) },
    { label: 'keyid one digit short', bytes: a.build({ signatures: a.sigs(a.item(a.keyid.slice(1))) }) },
    { label: 'keyid one digit long', bytes: a.build({ signatures: a.sigs(a.item(`${a.keyid}0`)) }) },
    { label: 'the right keyid, signed by another key', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, strangerSig)) }) },
    { label: 'the right keyid, signed by a key nobody knows', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, signBytes(nobody, pae(a.payloadType, a.payload)).toString('base64'))) }) },
    { label: 'signed over the payload alone, not PAE', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, raw)) }) },
    { label: 'signed over PAE of another type', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, signBytes(a.o.key, pae('application/json', a.payload)).toString('base64'))) }) },
    { label: 'sig of 63 bytes', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, ofLength(63))) }) },
    { label: 'sig of 65 bytes', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, ofLength(65))) }) },
    { label: 'sig of 64 zero bytes', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, Buffer.alloc(64).toString('base64'))) }) },
    { label: 'sig empty', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, '')) }) },
    { label: 'sig with S + L (malleated)', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, malleated(a.sig))) }) },
    { label: 'sig with unused bits set', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, nonCanonicalPadding(a.sig))) }) },
    { label: 'sig in URL-safe base64', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, a.sig.replace(/\+/g, '-').replace(/\//g, '_').replace(/^./, '-'))) }) },
    { label: 'sig with a line break', bytes: a.build({ signatures: a.sigs(a.item(a.keyid, `${a.sig.slice(0, 40)}\n${a.sig.slice(40)}`)) }) },
  ];
}

/** A base64 text whose last letter before the padding has its unused bits set. */
function nonCanonicalPadding(text: string): string {
  const at = text.indexOf('=') - 1;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  return `${text.slice(0, at)}${alphabet.charAt(alphabet.indexOf(text.charAt(at)) | 1)}${text.slice(at + 1)}`;
}

export function envelopeShape(a: Anatomy): Mutation[] {
  const text = a.o.bytes.toString('utf8');
  const b64 = a.payload.toString('base64');
  const at = text.indexOf('"payloadType": "') + 20;
  const spliced = (bytes: number[]) => Buffer.concat([a.o.bytes.subarray(0, at), Buffer.from(bytes), a.o.bytes.subarray(at)]);
  const payloadAs = (content: string | Buffer) => a.signed(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
  const json = a.payload.toString('utf8');
  return [
    ...['', ' ', '{}', '[]', 'null', '"x"', '0', '{"payloadType"'].map((t) => ({ label: `file: ${q(t)}`, bytes: Buffer.from(t) })),
    { label: 'file: a byte-order mark first', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), a.o.bytes]) },
    { label: 'file: text after the value', bytes: Buffer.concat([a.o.bytes, Buffer.from('x')]) },
    { label: 'file: a NUL after the value', bytes: Buffer.concat([a.o.bytes, Buffer.from([0])]) },
    { label: 'file: a second envelope after the first', bytes: Buffer.concat([a.o.bytes, a.o.bytes]) },
    { label: 'file: cut in half', bytes: a.o.bytes.subarray(0, a.o.bytes.length >> 1) },
    { label: 'file: the last byte cut', bytes: a.o.bytes.subarray(0, a.o.bytes.length - 2) },
    { label: 'file: UTF-16', bytes: Buffer.from(`\ufeff${text}`, 'utf16le') },
    { label: 'envelope: an extra field', bytes: a.build({ extra: ',\n  "comment": "x"' }) },
    { label: 'envelope: PayloadType in capitals', bytes: Buffer.from(text.replace('"payloadType"', '"PayloadType"')) },
    { label: 'envelope: __proto__ as an extra field', bytes: a.build({ extra: ',\n  "__proto__": {"payloadType": "x"}' }) },
    { label: 'envelope: an array of itself', bytes: Buffer.from(`[${text}]`) },
    { label: 'UTF-8: an overlong "/"', bytes: spliced([0xc0, 0xaf]) },
    { label: 'UTF-8: an encoded surrogate', bytes: spliced([0xed, 0xa0, 0x80]) },
    { label: 'UTF-8: beyond U+10FFFF', bytes: spliced([0xf4, 0x90, 0x80, 0x80]) },
    { label: 'UTF-8: a lone continuation byte', bytes: spliced([0x80]) },
    { label: 'UTF-8: 0xFF', bytes: spliced([0xff]) },
    { label: 'UTF-8: a sequence cut short', bytes: spliced([0xe2, 0x82]) },
    { label: 'JSON: a lone surrogate escape', bytes: Buffer.from(`${text.slice(0, at)}\\ud800${text.slice(at)}`) },
    { label: 'JSON: a raw tab in a string', bytes: Buffer.from(`${text.slice(0, at)}\t${text.slice(at)}`) },
    { label: 'JSON: a comment', bytes: Buffer.from(text.replace('{', '{ /* x */')) },
    { label: 'JSON: a trailing comma', bytes: a.build({ extra: ',' }) },
    { label: 'JSON: single quotes', bytes: Buffer.from(text.replace('"payloadType"', "'payloadType'")) },
    { label: 'payload: not base64', bytes: a.build({ payload: q(`${b64.slice(0, 8)}*${b64.slice(9)}`) }) },
    { label: 'payload: URL-safe base64', bytes: a.build({ payload: q(`-_${b64.slice(2)}`) }) },
    { label: 'payload: a line break in the base64', bytes: a.build({ payload: q(`${b64.slice(0, 76)}\n${b64.slice(76)}`) }) },
    { label: 'payload: padding dropped, or a letter', bytes: a.build({ payload: q(b64.endsWith('=') ? b64.replace(/=+$/, '') : b64.slice(0, -1)) }) },
    { label: 'payload: padding added', bytes: a.build({ payload: q(`${b64}====`) }) },
    { label: 'payload: a number', bytes: a.build({ payload: '1' }) },
    { label: 'payload: the JSON itself, not base64', bytes: a.build({ payload: q(json) }) },
    { label: 'payload: signed, not UTF-8', bytes: payloadAs(Buffer.concat([Buffer.from([0xff, 0xfe]), a.payload])) },
    { label: 'payload: signed, a byte-order mark first', bytes: payloadAs(`\ufeff${json}`) },
    { label: 'payload: signed, not JSON', bytes: payloadAs(json.slice(0, json.length >> 1)) },
    { label: 'payload: signed, text after the value', bytes: payloadAs(`${json}x`) },
    { label: 'payload: signed, a trailing comma', bytes: payloadAs(json.replace(/\n}\n?$/, ',\n}\n')) },
    { label: 'payload: signed, a comment', bytes: payloadAs(`/* x */${json}`) },
    { label: 'payload: signed, a lone surrogate', bytes: a.resigned((t) => replaceValue(t, 'format', '"\\ud800"')) },
    { label: 'payload: signed, empty', bytes: payloadAs('') },
    ...['[]', 'null', '"x"', '1', 'true'].map((t) => ({ label: `payload: signed, ${t}`, bytes: payloadAs(t) })),
  ];
}

export function payloadSchema(a: Anatomy): Mutation[] {
  const { fields } = a.o;
  const top = Object.keys(JSON.parse(a.payload.toString('utf8')) as object);
  const without = (field: string) => {
    const parsed = JSON.parse(a.payload.toString('utf8')) as Record<string, unknown>;
    delete parsed[field];
    return a.signed(Buffer.from(JSON.stringify(parsed, null, 2)));
  };
  const withValue = (field: string, value: unknown) => {
    const parsed = JSON.parse(a.payload.toString('utf8')) as Record<string, unknown>;
    parsed[field] = value;
    return a.signed(Buffer.from(JSON.stringify(parsed, null, 2)));
  };
  const otherFormats = ['jurybox.contest', 'jurybox.enrolment', 'jurybox.result', 'jurybox.merged', 'jurybox.key'].filter((f) => !a.payload.includes(q(f)));
  return [
    { label: 'an extra field', bytes: a.resigned((t) => withMember(t, '"comment": "x"')) },
    { label: 'an extra field __proto__', bytes: a.resigned((t) => withMember(t, '"__proto__": {"draft": true}')) },
    { label: 'an extra field constructor', bytes: a.resigned((t) => withMember(t, '"constructor": {}')) },
    { label: 'two thousand extra fields', bytes: a.resigned((t) => withMember(t, Array.from({ length: 2_000 }, (_, i) => `"extra-field-${i}": 0`).join(', '))) },
    { label: 'an extra field with a name of 5 000 letters', bytes: a.resigned((t) => withMember(t, `"${'k'.repeat(5_000)}": 0`)) },
    ...top.map((field) => ({ label: `${field} left out`, bytes: without(field) })),
    ...top.map((field) => ({ label: `${field} null`, bytes: withValue(field, null) })),
    ...top.map((field) => ({ label: `${field} {}`, bytes: withValue(field, {}) })),
    ...otherFormats.map((format) => ({ label: `format ${format}`, bytes: a.resigned((t) => replaceValue(t, 'format', q(format))) })),
    // A version no reader knows (merged results read 1 and 2).
    { label: 'version 3', bytes: a.resigned((t) => replaceValue(t, 'version', '3')) },
    ...fields.keys.map(({ field, nth }) => ({
      label: `${field} (${nth}) in non-canonical base64`,
      bytes: a.resigned((t) => replaceValue(t, field, q(nonCanonical(JSON.parse(locate(t, field, nth).value) as string)), nth)),
    })),
    ...(fields.signerKey === null ? [] : [{ label: `${fields.signerKey}: another key than the signer’s`, bytes: a.resigned((t) => replaceValue(t, fields.signerKey ?? '', q(generateKey().publicKey.toString('base64')))) }]),
    ...(top.includes('confirmedKeys') ? [{ label: 'a confirmed key in non-canonical base64', bytes: withValue('confirmedKeys', [{ expertId: 'kim', publicKey: nonCanonical(generateKey().publicKey.toString('base64')) }]) }] : []),
  ];
}

/** Every structured family, by the name its report carries. */
export const FAMILIES: Record<string, (a: Anatomy) => Mutation[]> = {
  'structured: duplicate keys': duplicateKeys,
  'structured: numbers': numbers,
  'structured: deep nesting': deepNesting,
  'structured: oversized': oversized,
  'structured: payloadType': payloadTypes,
  'structured: signatures': signatures,
  'structured: envelope': envelopeShape,
  'structured: payload schema': payloadSchema,
};
