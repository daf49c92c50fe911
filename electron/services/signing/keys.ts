import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { Base64 } from '../../../shared/formats/dsse.ts';

/**
 * Ed25519 key pairs, as node:crypto gives them. Public keys travel as their 32 raw bytes; private
 * keys stay KeyObjects and leave this module only as PKCS#8 DER, to be encrypted (key-file.ts).
 */

export interface Ed25519Key {
  /** The raw 32-byte public key. */
  publicKey: Buffer;
  privateKey: KeyObject;
}

/** Malformed key material. Callers that read a file turn it into a user error naming the file. */
export class KeyFormatError extends Error {
  override name = 'KeyFormatError';
}

// An Ed25519 SubjectPublicKeyInfo is this fixed 12-byte DER header followed by the raw key (RFC 8410).
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const RAW_LENGTH = 32;

function rawOf(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return Buffer.from(der.subarray(SPKI_PREFIX.length));
}

function publicKeyObject(raw: Buffer): KeyObject {
  if (raw.length !== RAW_LENGTH) throw new KeyFormatError(`an Ed25519 public key has ${RAW_LENGTH} bytes, not ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function generateKey(): Ed25519Key {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: rawOf(publicKey), privateKey };
}

/** A key pair from its PKCS#8 DER private key; the public half is derived, never trusted from outside. */
export function keyFromPkcs8(der: Buffer): Ed25519Key {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new KeyFormatError('not a PKCS#8 private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new KeyFormatError('not an Ed25519 private key');
  return { publicKey: rawOf(createPublicKey(privateKey)), privateKey };
}

export function pkcs8Of(key: Ed25519Key): Buffer {
  return key.privateKey.export({ type: 'pkcs8', format: 'der' });
}

/** The DSSE keyid: lowercase hex SHA-256 of the raw 32-byte public key. */
export function keyIdOf(publicKey: Buffer): string {
  return createHash('sha256').update(publicKey).digest('hex');
}

/**
 * Thirty digits to read aloud over the phone: SHA-256 of the raw key, bytes 0..29 as six 5-byte
 * big-endian integers, each mod 100000 and zero-padded, joined by spaces. 10^30 ≈ 2^100 outcomes.
 */
export function fingerprintOf(publicKey: Buffer): string {
  const digest = createHash('sha256').update(publicKey).digest();
  const groups: string[] = [];
  for (let i = 0; i < 6; i++) groups.push(String(digest.readUIntBE(i * 5, 5) % 100_000).padStart(5, '0'));
  return groups.join(' ');
}

/**
 * Standard base64 decoded only if `text` is exactly how these bytes encode: a lenient decoder skips
 * junk and ignores the unused bits before padding, so two texts could decode to the same bytes.
 */
export function decodeCanonicalBase64(text: string): Buffer | undefined {
  if (!Base64.safeParse(text).success) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

export function publicKeyToBase64(raw: Buffer): string {
  if (raw.length !== RAW_LENGTH) throw new KeyFormatError(`an Ed25519 public key has ${RAW_LENGTH} bytes, not ${raw.length}`);
  return raw.toString('base64');
}

/** The raw public key from its standard base64: exactly 32 bytes, written canonically. */
export function publicKeyFromBase64(text: string): Buffer {
  const raw = decodeCanonicalBase64(text);
  if (raw?.length !== RAW_LENGTH) throw new KeyFormatError('not a canonical base64 Ed25519 public key');
  return raw;
}

/** The public key as an SPKI PEM ("-----BEGIN PUBLIC KEY-----"), the form openssl reads. */
export function publicKeyPem(raw: Buffer): string {
  return String(publicKeyObject(raw).export({ type: 'spki', format: 'pem' }));
}

/** The raw key from an SPKI PEM. A private key PEM is refused, though openssl could derive one from it. */
export function publicKeyFromPem(pem: string): Buffer {
  if (!/^-----BEGIN PUBLIC KEY-----\r?\n/.test(pem.trimStart())) throw new KeyFormatError('not a PEM public key');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new KeyFormatError('not a PEM public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyFormatError('not an Ed25519 public key');
  return rawOf(key);
}

export function signBytes(key: Ed25519Key, data: Uint8Array): Buffer {
  return sign(null, data, key.privateKey);
}

/** Whether `signature` is the Ed25519 signature of `data`; false, never an exception, on malformed input. */
export function verifyBytes(publicKey: Buffer, data: Uint8Array, signature: Buffer): boolean {
  if (publicKey.length !== RAW_LENGTH || signature.length !== 64) return false;
  try {
    return verify(null, data, publicKeyObject(publicKey), signature);
  } catch {
    return false;
  }
}
