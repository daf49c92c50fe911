import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { writeFileAtomic } from '../app-data.ts';
import { makeFolderFor, readUserFile } from '../user-files.ts';
import { createKeyFile, readKeyFile, unlockKeyFile, type SecretBox } from '../signing/key-file.ts';
import { fingerprintOf, generateKey, keyIdOf, publicKeyPem, publicKeyToBase64, type Ed25519Key } from '../signing/keys.ts';

/** A key as the UI may see it: never the private half. */
export interface KeyInfo {
  keyId: string;
  fingerprint: string;
  label: string;
  publicKey: string;
  protection: 'passphrase' | 'os';
  demo: boolean;
  createdAt: string;
}

/** What a key file says about itself, for lists and for the CLI. */
export function describeKeyFile(text: string, source: string): KeyInfo {
  const file = readKeyFile(text, source);
  return {
    keyId: keyIdOf(file.publicKey),
    fingerprint: fingerprintOf(file.publicKey),
    label: file.label,
    publicKey: publicKeyToBase64(file.publicKey),
    protection: file.protection,
    demo: file.demo,
    createdAt: file.createdAt,
  };
}

// A key file is a few hundred bytes of JSON; anything far larger is not one, and is not read whole.
const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * The text of a key file the user named (typed, chosen, or given to the CLI): a regular file of a key
 * file's size, or a refusal that says what the path is instead (a folder, a pipe, nothing).
 */
export function keyFileText(path: string): string {
  return readUserFile(path, { max: MAX_KEY_FILE_BYTES }).toString('utf8');
}

/** Where the public half of a key file goes: organiser.key → organiser.pub.pem. */
export const publicPemPath = (keyPath: string): string => `${keyPath.replace(/\.key$/, '')}.pub.pem`;

// Owner-only on POSIX: a key file is for its owner's eyes, and so is the list of them. (Windows
// keeps the app's data in the user's profile, whose ACLs already say so; Node ignores these there.)
const KEY_FILE_MODE = 0o600;
const KEY_DIR_MODE = 0o700;

/** Makes one of the app's own key folders owner-only, if it is not already. */
function ownerOnlyFolder(dir: string): void {
  if ((statSync(dir).mode & 0o777) !== KEY_DIR_MODE) chmodSync(dir, KEY_DIR_MODE);
}

/**
 * Writes a key file and its public half beside it (name.key, name.pub.pem), the key file
 * owner-only from the moment it exists. A folder made for them is owner-only; an existing one is
 * tightened only when it is the app's own (`ownFolder`: the key store, the demo's keys), never a
 * folder the user named.
 */
export function saveKeyPair(keyPath: string, text: string, publicKey: Buffer, options: { ownFolder?: boolean } = {}): void {
  const dir = dirname(keyPath);
  makeFolderFor(keyPath, KEY_DIR_MODE);
  if (options.ownFolder) ownerOnlyFolder(dir);
  writeFileAtomic(publicPemPath(keyPath), publicKeyPem(publicKey));
  writeFileAtomic(keyPath, text, { mode: KEY_FILE_MODE });
}

/**
 * The user's own signing keys, one encrypted file each (<keyid>.key, with <keyid>.pub.pem beside
 * it) in the app's data folder. Private keys are sealed by the OS keystore where the desktop app
 * has a real one, otherwise by a passphrase; they are only ever unlocked to sign, in memory.
 */
export class KeyStore {
  readonly dir: string;
  private readonly secretBox: SecretBox | undefined;

  constructor(dir: string, secretBox?: SecretBox) {
    this.dir = dir;
    this.secretBox = secretBox;
  }

  /** Whether keys can be sealed by the OS keystore here (the desktop app on a system that has one). */
  get canUseOs(): boolean {
    return this.secretBox !== undefined;
  }

  private pathOf(keyId: string): string {
    return join(this.dir, `${keyId}.key`);
  }

  /** The keys held, oldest first. A folder an earlier version left open to others is closed first. */
  list(): KeyInfo[] {
    if (!existsSync(this.dir)) return [];
    ownerOnlyFolder(this.dir);
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.key'))
      .flatMap((name) => {
        try {
          return [describeKeyFile(readFileSync(join(this.dir, name), 'utf8'), name)];
        } catch {
          return []; // a damaged or foreign file in the folder is not a key to offer
        }
      })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Makes a new key pair and stores it sealed; returns what may be shown of it. */
  create(options: { label: string; passphrase?: string | null | undefined; useOs: boolean }): KeyInfo {
    if (options.useOs && !this.secretBox) throw new AppError('key.keystoreUnavailable', { file: options.label });
    const key = generateKey();
    const text = createKeyFile(key, {
      label: options.label,
      ...(options.useOs ? { secretBox: this.secretBox } : { passphrase: options.passphrase ?? '' }),
    });
    const keyId = keyIdOf(key.publicKey);
    saveKeyPair(this.pathOf(keyId), text, key.publicKey, { ownFolder: true });
    return describeKeyFile(text, `${keyId}.key`);
  }

  /** The store's key with this fingerprint (the one a roster or the first revision names), if it holds it. */
  withFingerprint(fingerprint: string | null): string | null {
    return fingerprint === null ? null : (this.list().find((k) => k.fingerprint === fingerprint)?.keyId ?? null);
  }

  /** The private key, unlocked for one signature. */
  unlock(keyId: string, passphrase: string | null | undefined): Ed25519Key {
    const path = this.pathOf(keyId);
    if (!/^[0-9a-f]{64}$/.test(keyId) || !existsSync(path)) throw new AppError('key.unknown', { file: keyId });
    return unlockKeyFile(readFileSync(path, 'utf8'), { ...(passphrase ? { passphrase } : {}), ...(this.secretBox ? { secretBox: this.secretBox } : {}) }, path);
  }
}
