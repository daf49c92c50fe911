import type { KeyView } from '../../shared/domain/publishing.ts';

/** The signing key choices of a form, apart from React so that they can be tested on their own. */

export const FROM_FILE = 'file';

export interface KeyChoice {
  keyId: string;
  keyFile: string;
  passphrase: string;
}

/** The request fields for the chosen key: one from the key store, or a key file on disk. */
export function signerOf(choice: KeyChoice, keys: KeyView[]): { keyId: string | null; keyFile: string | null; passphrase: string | null } {
  const fromFile = choice.keyId === FROM_FILE;
  const needs = fromFile || keys.find((k) => k.keyId === choice.keyId)?.protection === 'passphrase';
  return { keyId: fromFile ? null : choice.keyId, keyFile: fromFile ? choice.keyFile : null, passphrase: needs ? choice.passphrase : null };
}

/** Whether the choice is complete enough to sign with. */
export function choiceReady(choice: KeyChoice, keys: KeyView[]): boolean {
  const signer = signerOf(choice, keys);
  return (signer.keyId !== null || (signer.keyFile ?? '').trim() !== '') && (signer.passphrase === null || signer.passphrase !== '');
}

/**
 * Who is expected to sign, as a status gives it: the fingerprint the roster (or the first revision)
 * names, and the key of this computer's key store with that fingerprint, if it holds one.
 */
export interface ExpectedSigner {
  fingerprint: string | null;
  keyId: string | null;
}

/**
 * The key chosen before the user chooses: the store's key that is expected to sign; when a key is
 * expected but the store does not hold it, a key file (it is on a stick or in a folder), never
 * another key of the store; when none is expected, the first key of the store.
 */
export function initialKey(keys: KeyView[], expected: ExpectedSigner | null | undefined): string {
  if (expected?.keyId && keys.some((k) => k.keyId === expected.keyId)) return expected.keyId;
  if (expected?.fingerprint) return FROM_FILE;
  return keys[0]?.keyId ?? FROM_FILE;
}

