import { z } from 'zod';

/**
 * DSSE, the in-toto "Dead Simple Signing Envelope" (v1.0), as JuryBox uses it for every file that
 * travels. The signature covers PAE(payloadType, payload), the exact payload bytes and their type,
 * so no JSON canonicalisation is ever needed. See docs/formats.md.
 */

/**
 * Standard base64 with padding, and nothing else: lenient decoders would accept altered text.
 * The alphabet and the length are checked apart: one pattern for both backtracks once per group of
 * four and overflows the regexp stack on a payload of tens of megabytes.
 */
export const Base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected standard base64')
  .refine((text) => text.length % 4 === 0, 'expected standard base64');

/** keyid: lowercase hex SHA-256 of the signer's raw 32-byte Ed25519 public key. */
export const KeyId = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');

export const Signature = z.object({ keyid: KeyId, sig: Base64 }).strict();

export const Envelope = z
  .object({
    payloadType: z.string().min(1).max(200),
    payload: Base64,
    signatures: z.array(Signature).min(1).max(16),
  })
  .strict();
export type Envelope = z.infer<typeof Envelope>;

const utf8 = new TextEncoder();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Pre-Authentication Encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, where LEN is the
 * byte length in ASCII decimal with no leading zeros and SP is one space (0x20).
 */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8.encode(payloadType);
  return concat([utf8.encode(`DSSEv1 ${type.length} `), type, utf8.encode(` ${payload.length} `), payload]);
}

/** The payload types JuryBox writes and reads, one per kind of file. */
export const PAYLOAD_TYPES = {
  contest: 'application/vnd.jurybox.contest+json; version=1',
  enrolment: 'application/vnd.jurybox.enrolment+json; version=1',
  result: 'application/vnd.jurybox.result+json; version=1',
  merged: 'application/vnd.jurybox.merged+json; version=1',
} as const;
export type FileKind = keyof typeof PAYLOAD_TYPES;

/** The file extension of each kind. */
export const FILE_EXTENSIONS: Record<FileKind, string> = { contest: '.jbcontest', enrolment: '.jbenrol', result: '.jbresult', merged: '.jbmerged' };
