import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { writeFileAtomic } from '../app-data.ts';
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

  list(): KeyInfo[] {
    if (!existsSync(this.dir)) return [];
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
    mkdirSync(this.dir, { recursive: true });
    const keyId = keyIdOf(key.publicKey);
    writeFileAtomic(join(this.dir, `${keyId}.pub.pem`), publicKeyPem(key.publicKey));
    writeFileAtomic(this.pathOf(keyId), text);
    return describeKeyFile(text, `${keyId}.key`);
  }

  /** The private key, unlocked for one signature. */
  unlock(keyId: string, passphrase: string | null | undefined): Ed25519Key {
    const path = this.pathOf(keyId);
    if (!/^[0-9a-f]{64}$/.test(keyId) || !existsSync(path)) throw new AppError('key.unknown', { file: keyId });
    return unlockKeyFile(readFileSync(path, 'utf8'), { ...(passphrase ? { passphrase } : {}), ...(this.secretBox ? { secretBox: this.secretBox } : {}) }, path);
  }
}
