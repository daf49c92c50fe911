import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import { Envelope, FILE_EXTENSIONS, pae, PAYLOAD_TYPES, type FileKind } from '../../../shared/formats/dsse.ts';
import { parseStrictJson, StrictJsonError } from '../../../shared/formats/strict-json.ts';
import { readUserFile } from '../user-files.ts';
import { decodeCanonicalBase64, keyIdOf, publicKeyFromBase64, signBytes, verifyBytes, type Ed25519Key } from './keys.ts';

/**
 * Signed files as DSSE envelopes (docs/formats.md). Reading checks everything that needs no key,
 * cheapest first; checkSignature then proves who signed; only after that is the payload trusted.
 */

/** The largest file of each kind, checked before anything else is read. */
export const MAX_FILE_BYTES: Record<FileKind, number> = {
  contest: 64 * 1024 * 1024,
  enrolment: 64 * 1024,
  // An expert with a thousand entries of twenty criteria, each mark with a comment, stays far below.
  result: 32 * 1024 * 1024,
  merged: 32 * 1024 * 1024,
};

const LARGEST = Math.max(...Object.values(MAX_FILE_BYTES));
const MAX_DEPTH = 64;
const SIGNATURE_BYTES = 64;

export interface OpenedEnvelope {
  kind: FileKind;
  payloadType: string;
  payload: Buffer;
  keyid: string;
  signature: Buffer;
  /** Hex SHA-256 of the whole file, as it was read. */
  digest: string;
  /** The whole file, as it was read (to keep it byte for byte). */
  bytes: Buffer;
}

// What a message quotes of a file is cut to this: a crafted file could otherwise fill the message
// with megabytes (a million unknown fields, a key of a million letters) that no one can read.
const MAX_ISSUES = 5;
const MAX_QUOTE = 200;

/** `text` cut to `max` characters, with an ellipsis when something was cut. */
function quoted(text: string, max = MAX_QUOTE): string {
  if (text.length <= max) return text;
  // Never cut between the two halves of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** Zod issues as one line: "path: message; path: message", the first few only, each cut short. */
export function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_ISSUES).map((i) => quoted(i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  const more = error.issues.length - lines.length;
  return more > 0 ? `${lines.join('; ')}; … (+${more})` : lines.join('; ');
}

/**
 * The envelope of `payload` signed by `key`, one field per line so that grep and cut can take it
 * apart (see the openssl walk-through in docs/formats.md). `destination` only names the file in errors.
 */
export function writeEnvelope(kind: FileKind, payload: Buffer, key: Ed25519Key, destination: string = FILE_EXTENSIONS[kind]): Buffer {
  const payloadType = PAYLOAD_TYPES[kind];
  const sig = signBytes(key, pae(payloadType, payload)).toString('base64');
  const lines = [
    '{',
    `  "payloadType": ${JSON.stringify(payloadType)},`,
    `  "payload": "${payload.toString('base64')}",`,
    '  "signatures": [',
    `    { "keyid": "${keyIdOf(key.publicKey)}", "sig": "${sig}" }`,
    '  ]',
    '}',
    '',
  ];
  const bytes = Buffer.from(lines.join('\n'), 'utf8');
  if (bytes.length > MAX_FILE_BYTES[kind]) throw new AppError('file.tooLargeToWrite', { file: destination, size: bytes.length, max: MAX_FILE_BYTES[kind] });
  return bytes;
}

function checkSize(size: number, source: string, expected: FileKind | undefined): void {
  const max = expected ? MAX_FILE_BYTES[expected] : LARGEST;
  if (size > max) throw new AppError('file.tooLarge', { file: source, size, max });
}

// ignoreBOM keeps a byte-order mark in the text, where the strict parser refuses it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError('file.notUtf8', { file: source });
  }
}

function parseJson(text: string, source: string, notJson: 'file.notJson' | 'file.payloadNotJson'): unknown {
  try {
    return parseStrictJson(text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    if (!(error instanceof StrictJsonError)) throw error;
    if (error.reason === 'duplicate-key') throw new AppError('file.duplicateKey', { file: source, key: quoted(error.key ?? '') });
    if (error.reason === 'too-deep') throw new AppError('file.tooDeep', { file: source, max: MAX_DEPTH });
    throw new AppError(notJson, { file: source, position: error.offset + 1 });
  }
}

/** Bytes of a file that is strict JSON in UTF-8 (no duplicate keys, bounded depth), or the refusal naming `source`. */
export const readStrictJson = (bytes: Uint8Array, source: string): unknown => parseJson(decodeUtf8(bytes, source), source, 'file.notJson');

function parseEnvelope(text: string, source: string): Envelope {
  const parsed = Envelope.safeParse(parseJson(text, source, 'file.notJson'));
  if (!parsed.success) throw new AppError('file.notEnvelope', { file: source, issues: describeIssues(parsed.error) });
  // Version 1 files carry one signature; a second one would be a signature nobody checks.
  if (parsed.data.signatures.length !== 1) throw new AppError('file.signatureCount', { file: source, count: parsed.data.signatures.length });
  return parsed.data;
}

function kindOf(payloadType: string, source: string, expected: FileKind | undefined): FileKind {
  const kind = (Object.keys(PAYLOAD_TYPES) as FileKind[]).find((k) => PAYLOAD_TYPES[k] === payloadType);
  if (!kind) throw new AppError('file.unknownType', { file: source, type: JSON.stringify(payloadType) });
  if (expected && kind !== expected) throw new AppError('file.wrongKind', { file: source, expected: FILE_EXTENSIONS[expected], actual: FILE_EXTENSIONS[kind] });
  return kind;
}

function base64Field(text: string, field: string, source: string): Buffer {
  const bytes = decodeCanonicalBase64(text);
  if (!bytes) throw new AppError('file.badBase64', { file: source, field });
  return bytes;
}

/**
 * Opens an envelope without trusting it: refuses (naming `source`) a file over the size cap, not
 * UTF-8, not strict JSON, not the envelope schema, of an unknown or unexpected payload type, with
 * non-canonical base64, or without exactly one 64-byte signature. The signature itself is checked by
 * checkSignature, which must pass before the payload is used.
 */
export function readEnvelope(bytes: Buffer, source: string, expected?: FileKind): OpenedEnvelope {
  checkSize(bytes.length, source, expected);
  const envelope = parseEnvelope(decodeUtf8(bytes, source), source);
  const kind = kindOf(envelope.payloadType, source, expected);
  const payload = base64Field(envelope.payload, 'payload', source);
  const [only] = envelope.signatures as [Envelope['signatures'][number]];
  const signature = base64Field(only.sig, 'signatures.0.sig', source);
  if (signature.length !== SIGNATURE_BYTES) throw new AppError('file.badSignatureLength', { file: source, size: signature.length });
  const digest = createHash('sha256').update(bytes).digest('hex');
  return { kind, payloadType: envelope.payloadType, payload, keyid: only.keyid, signature, digest, bytes };
}

/** readEnvelope on a file, whose size is checked before a byte of it is read. */
export function readEnvelopeFile(path: string, expected?: FileKind): OpenedEnvelope {
  return readEnvelope(readUserFile(path, { max: expected ? MAX_FILE_BYTES[expected] : LARGEST }), path, expected);
}

/** Proves that `publicKey` signed the envelope: its keyid first (a clearer message), then Ed25519 over PAE. */
export function checkSignature(envelope: OpenedEnvelope, publicKey: Buffer, source: string): void {
  if (envelope.keyid !== keyIdOf(publicKey)) throw new AppError('file.otherSigner', { file: source });
  if (!verifyBytes(publicKey, pae(envelope.payloadType, envelope.payload), envelope.signature)) {
    throw new AppError('file.badSignature', { file: source });
  }
}

function payloadJson(envelope: OpenedEnvelope, source: string): unknown {
  return parseJson(decodeUtf8(envelope.payload, source), source, 'file.payloadNotJson');
}

/** The payload, strictly parsed and validated by `schema`. Call it only after checkSignature. */
export function parsePayload<T>(envelope: OpenedEnvelope, schema: z.ZodType<T>, source: string): T {
  const parsed = schema.safeParse(payloadJson(envelope, source));
  if (!parsed.success) throw new AppError('file.invalidPayload', { file: source, issues: describeIssues(parsed.error) });
  return parsed.data;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The public key a self-describing file names for its signer (`['organiser', 'publicKey']` in a
 * contest package, `['publicKey']` in a self-signed enrolment), read before the signature is checked
 * so that it can be checked. This is safe: strict JSON parsing of untrusted bytes runs no code and
 * touches no prototype; only this one string is read, and it is used solely to verify the signature
 * (a forger who names their own key gets a valid signature by a key nobody has pinned or confirmed,
 * which callers compare with the pinned key or the fingerprint read over the phone). Nothing else of
 * the payload is used before checkSignature passes.
 */
export function peekPublicKey(envelope: OpenedEnvelope, field: readonly string[], source: string): Buffer {
  let value: unknown = payloadJson(envelope, source);
  for (const name of field) value = isRecord(value) && Object.hasOwn(value, name) ? value[name] : undefined;
  if (typeof value === 'string') {
    try {
      return publicKeyFromBase64(value);
    } catch {
      // Refused below, with the field named.
    }
  }
  throw new AppError('file.noPublicKey', { file: source, field: field.join('.') });
}
