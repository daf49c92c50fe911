import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import { MIN_PASSPHRASE, passphraseLength } from '../../../shared/domain/publishing.ts';
import { Base64 } from '../../../shared/formats/dsse.ts';
import { parseStrictJson } from '../../../shared/formats/strict-json.ts';
import { describeIssues } from './envelope.ts';
import { decodeCanonicalBase64, keyFromPkcs8, pkcs8Of, publicKeyFromBase64, publicKeyToBase64, type Ed25519Key } from './keys.ts';

/**
 * Key files: a private key is never stored in plain text. It is sealed either with a passphrase
 * (scrypt, then AES-256-GCM) or by the operating system's keystore through a SecretBox. The layout is
 * in docs/formats.md. Nothing here logs, or puts into an error, a key or a passphrase.
 */

/** Encryption by the OS keystore; the desktop app passes Electron's safeStorage. */
export interface SecretBox {
  encrypt(plain: Buffer): Buffer;
  decrypt(cipher: Buffer): Buffer;
}

const SCRYPT = { N: 2 ** 17, r: 8, p: 1 };
// Demo keys are sealed with the passphrase "demo", printed in the demo's README: a costly KDF would
// only slow the demo down, so they use the lowest cost a key file may ask for.
const SCRYPT_DEMO = { N: 2 ** 14, r: 8, p: 1 };
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MAX_LABEL = 200;
// Bounds a key file may ask of scrypt, so that a crafted file cannot make us allocate gigabytes.
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

const bytes = (length: number) => Base64.refine((text) => decodeCanonicalBase64(text)?.length === length, `expected ${length} bytes in canonical base64`);
const Ciphertext = Base64.max(4096).refine((text) => decodeCanonicalBase64(text) !== undefined, 'expected canonical base64');

const Scrypt = z
  .object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 14).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'expected a power of two'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: bytes(SALT_BYTES),
  })
  .strict()
  .refine((k) => scryptMemory(k) <= MAX_SCRYPT_MEMORY, 'scrypt parameters ask for too much memory');

const PassphraseProtection = z
  .object({
    kind: z.literal('passphrase'),
    kdf: Scrypt,
    cipher: z.object({ name: z.literal('aes-256-gcm'), iv: bytes(IV_BYTES), tag: bytes(TAG_BYTES) }).strict(),
    ciphertext: Ciphertext,
  })
  .strict();
type PassphraseProtection = z.infer<typeof PassphraseProtection>;

const OsProtection = z.object({ kind: z.literal('os'), ciphertext: Ciphertext }).strict();
type OsProtection = z.infer<typeof OsProtection>;

/** A key file: UTF-8 JSON holding the public key in clear and the PKCS#8 private key sealed. */
export const KeyFile = z
  .object({
    format: z.literal('jurybox.key'),
    version: z.literal(1),
    label: z.string().min(1).max(MAX_LABEL),
    publicKey: bytes(32),
    createdAt: z.iso.datetime(),
    demo: z.boolean(),
    protection: z.discriminatedUnion('kind', [PassphraseProtection, OsProtection]),
  })
  .strict();
export type KeyFile = z.infer<typeof KeyFile>;

function scryptMemory(k: { N: number; r: number; p: number }): number {
  return 128 * k.r * (k.N + k.p + 2);
}

/** The AES key from a passphrase; NFC first, so the same words typed on another system give the same key. */
function deriveKey(passphrase: string, kdf: { N: number; r: number; p: number }, salt: Buffer): Buffer {
  const { N, r, p } = kdf;
  return scryptSync(passphrase.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem: scryptMemory(kdf) + 1024 * 1024 });
}

function sealWithPassphrase(plain: Buffer, passphrase: string, publicKey: Buffer, cost: { N: number; r: number; p: number }): PassphraseProtection {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const key = deriveKey(passphrase, cost, salt);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  key.fill(0);
  // The public key as associated data binds the sealed private key to the public key beside it.
  cipher.setAAD(publicKey);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    kind: 'passphrase',
    kdf: { name: 'scrypt', ...cost, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  };
}

const b64 = (text: string) => Buffer.from(text, 'base64');

function openWithPassphrase(protection: PassphraseProtection, passphrase: string | undefined, publicKey: Buffer, source: string): Buffer {
  if (!passphrase) throw new AppError('key.passphraseNeeded', { file: source });
  const key = deriveKey(passphrase, protection.kdf, b64(protection.kdf.salt));
  const decipher = createDecipheriv('aes-256-gcm', key, b64(protection.cipher.iv), { authTagLength: TAG_BYTES });
  key.fill(0);
  decipher.setAAD(publicKey);
  decipher.setAuthTag(b64(protection.cipher.tag));
  const plain = decipher.update(b64(protection.ciphertext));
  try {
    return Buffer.concat([plain, decipher.final()]);
  } catch {
    // GCM cannot tell a wrong passphrase from an altered file: both fail authentication.
    throw new AppError('key.wrongPassphrase', { file: source });
  } finally {
    plain.fill(0);
  }
}

function openWithOs(protection: OsProtection, secretBox: SecretBox | undefined, source: string): Buffer {
  if (!secretBox) throw new AppError('key.keystoreUnavailable', { file: source });
  try {
    return secretBox.decrypt(b64(protection.ciphertext));
  } catch {
    throw new AppError('key.keystoreFailed', { file: source });
  }
}

/**
 * The key file text for `key`, sealed by exactly one of `passphrase` (at least MIN_PASSPHRASE
 * characters, but for demo keys) and `secretBox`. `now` (ISO) is for tests; `demo` marks keys made
 * for the demo contest.
 */
export function createKeyFile(
  key: Ed25519Key,
  options: { label: string; passphrase?: string; secretBox?: SecretBox; demo?: boolean; now?: string },
): string {
  const { label, passphrase, secretBox } = options;
  if ((passphrase === undefined) === (secretBox === undefined)) throw new Error('createKeyFile needs exactly one of passphrase and secretBox');
  if (label.length < 1 || label.length > MAX_LABEL) throw new AppError('key.invalidLabel', { file: label, max: MAX_LABEL });
  if (passphrase !== undefined && passphrase.trim() === '') throw new AppError('key.emptyPassphrase', { file: label });
  // Demo keys may keep the public "demo": they are marked so, and the demo's README prints it anyway.
  if (passphrase !== undefined && !options.demo && passphraseLength(passphrase) < MIN_PASSPHRASE) throw new AppError('key.shortPassphrase', { file: label, min: MIN_PASSPHRASE });
  const plain = pkcs8Of(key);
  let protection: KeyFile['protection'];
  try {
    protection = secretBox ? { kind: 'os', ciphertext: secretBox.encrypt(plain).toString('base64') } : sealWithPassphrase(plain, passphrase ?? '', key.publicKey, options.demo ? SCRYPT_DEMO : SCRYPT);
  } finally {
    plain.fill(0);
  }
  const file: KeyFile = {
    format: 'jurybox.key',
    version: 1,
    label,
    publicKey: publicKeyToBase64(key.publicKey),
    createdAt: options.now ?? new Date().toISOString(),
    demo: options.demo ?? false,
    protection,
  };
  return `${JSON.stringify(KeyFile.parse(file), null, 2)}\n`;
}

function parseKeyFile(text: string, source: string): KeyFile {
  let value: unknown;
  try {
    value = parseStrictJson(text);
  } catch {
    throw new AppError('key.notKeyFile', { file: source });
  }
  const parsed = KeyFile.safeParse(value);
  if (parsed.success) return parsed.data;
  const isOurs = typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'jurybox.key';
  if (!isOurs) throw new AppError('key.notKeyFile', { file: source });
  throw new AppError('key.invalid', { file: source, issues: describeIssues(parsed.error) });
}

/** What a key file says about itself; no secret is needed, and none is read. */
export function readKeyFile(
  text: string,
  source: string,
): { label: string; publicKey: Buffer; protection: 'passphrase' | 'os'; demo: boolean; createdAt: string } {
  const file = parseKeyFile(text, source);
  return { label: file.label, publicKey: publicKeyFromBase64(file.publicKey), protection: file.protection.kind, demo: file.demo, createdAt: file.createdAt };
}

/**
 * The key pair sealed in a key file. Refuses a wrong passphrase, an unavailable keystore, and a
 * private key that does not produce the public key the file states.
 */
export function unlockKeyFile(text: string, secret: { passphrase?: string; secretBox?: SecretBox }, source: string): Ed25519Key {
  const file = parseKeyFile(text, source);
  const publicKey = publicKeyFromBase64(file.publicKey);
  const { protection } = file;
  const plain = protection.kind === 'passphrase' ? openWithPassphrase(protection, secret.passphrase, publicKey, source) : openWithOs(protection, secret.secretBox, source);
  let key: Ed25519Key;
  try {
    key = keyFromPkcs8(plain);
  } catch {
    throw new AppError('key.badPrivateKey', { file: source });
  } finally {
    plain.fill(0);
  }
  if (!key.publicKey.equals(publicKey)) throw new AppError('key.mismatch', { file: source });
  return key;
}
