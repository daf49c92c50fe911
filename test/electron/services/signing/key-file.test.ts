import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { AppError } from '../../../../shared/errors.ts';
import { createKeyFile, KeyFile, readKeyFile, unlockKeyFile, type SecretBox } from '../../../../electron/services/signing/key-file.ts';
import { generateKey, pkcs8Of, signBytes, verifyBytes, type Ed25519Key } from '../../../../electron/services/signing/keys.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { userError } from '../../../helpers/errors.ts';

/** A stand-in for the OS keystore: AES-256-CBC under a key only this box knows. */
function fakeKeystore(): SecretBox {
  const key = randomBytes(32);
  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-256-cbc', key, iv);
      return Buffer.concat([iv, cipher.update(plain), cipher.final()]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-cbc', key, sealed.subarray(0, 16));
      return Buffer.concat([decipher.update(sealed.subarray(16)), decipher.final()]);
    },
  };
}

/** Every way the secret bytes could show up in text: hex both cases, base64 and base64url at each alignment. */
function encodingsOf(secret: Buffer): string[] {
  const found = [secret.toString('hex'), secret.toString('hex').toUpperCase()];
  for (let shift = 0; shift < 3; shift++) {
    const shifted = Buffer.concat([Buffer.alloc(shift), secret]);
    // Drop the characters that also carry the padding bytes or what follows the secret.
    const inner = shifted.toString('base64').slice(shift === 0 ? 0 : 4, -4);
    found.push(inner, Buffer.from(inner, 'base64').toString('base64url'));
  }
  return found;
}

const PASSPHRASE = 'жюри-2025 верблюд кактус';
const NOW = '2025-03-01T10:00:00.000Z';

function edit(text: string, change: (file: KeyFile) => void): string {
  const file = KeyFile.parse(JSON.parse(text));
  change(file);
  return JSON.stringify(file, null, 2);
}

function flipBase64(text: string): string {
  const bytes = Buffer.from(text, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64');
}

function sameKey(a: Ed25519Key, b: Ed25519Key): void {
  assert.deepEqual(a.publicKey, b.publicKey);
  assert.equal(verifyBytes(a.publicKey, Buffer.from('x'), signBytes(b, Buffer.from('x'))), true);
}

describe('key files', () => {
  const key = generateKey();
  let text = '';
  before(() => {
    text = createKeyFile(key, { label: 'Смирнов А. В.', passphrase: PASSPHRASE, now: NOW });
  });

  it('unlocks with the passphrase the key was sealed with, from a real file', (t) => {
    const path = join(tempDir(t), 'smirnov.jbkey');
    writeFileSync(path, text);
    sameKey(unlockKeyFile(readFileSync(path, 'utf8'), { passphrase: PASSPHRASE }, path), key);
  });

  it('says what the key is without any secret', () => {
    assert.deepEqual(readKeyFile(text, 'k'), { label: 'Смирнов А. В.', publicKey: key.publicKey, protection: 'passphrase', demo: false, createdAt: NOW });
    const file = KeyFile.parse(JSON.parse(text));
    assert.deepEqual(file.protection.kind === 'passphrase' && { ...file.protection.kdf, salt: 'x' }, { name: 'scrypt', N: 131072, r: 8, p: 1, salt: 'x' });
  });

  it('refuses a wrong passphrase, naming the file', () => {
    assert.deepEqual(userError(() => unlockKeyFile(text, { passphrase: `${PASSPHRASE}!` }, 'k.jbkey')), { code: 'key.wrongPassphrase', params: { file: 'k.jbkey' } });
    assert.deepEqual(userError(() => unlockKeyFile(text, {}, 'k.jbkey')), { code: 'key.passphraseNeeded', params: { file: 'k.jbkey' } });
  });

  it('treats a passphrase the same however its accents were typed (NFC)', () => {
    const composed = createKeyFile(key, { label: 'é', passphrase: 'caf\u00e9 crème', now: NOW });
    sameKey(unlockKeyFile(composed, { passphrase: 'cafe\u0301 cre\u0300me' }, 'k'), key);
  });

  it('refuses a key file whose ciphertext, tag, iv, salt or public key was altered', () => {
    const other = generateKey().publicKey.toString('base64');
    const tampered = [
      edit(text, (f) => f.protection.kind === 'passphrase' && (f.protection.ciphertext = flipBase64(f.protection.ciphertext))),
      edit(text, (f) => f.protection.kind === 'passphrase' && (f.protection.cipher.tag = flipBase64(f.protection.cipher.tag))),
      edit(text, (f) => f.protection.kind === 'passphrase' && (f.protection.cipher.iv = flipBase64(f.protection.cipher.iv))),
      edit(text, (f) => f.protection.kind === 'passphrase' && (f.protection.kdf.salt = flipBase64(f.protection.kdf.salt))),
      edit(text, (f) => (f.publicKey = other)),
    ];
    for (const bad of tampered) assert.equal(userError(() => unlockKeyFile(bad, { passphrase: PASSPHRASE }, 'k')).code, 'key.wrongPassphrase');
  });

  it('never writes the private key in a form one could read back', () => {
    const pkcs8 = pkcs8Of(key);
    const seed = pkcs8.subarray(-32);
    for (const encoded of [...encodingsOf(pkcs8), ...encodingsOf(seed)]) assert.ok(!text.includes(encoded), encoded);
    const jwk = key.privateKey.export({ format: 'jwk' });
    assert.ok(jwk.d && !text.includes(jwk.d));
    const os = createKeyFile(key, { label: 'os', secretBox: fakeKeystore() });
    for (const encoded of [...encodingsOf(pkcs8), ...encodingsOf(seed)]) assert.ok(!os.includes(encoded), encoded);
  });

  it('round-trips through the OS keystore, and refuses without it or with another', () => {
    const box = fakeKeystore();
    const sealed = createKeyFile(key, { label: 'Ключ на этом компьютере', secretBox: box, demo: true, now: NOW });
    assert.equal(readKeyFile(sealed, 'k').protection, 'os');
    assert.equal(readKeyFile(sealed, 'k').demo, true);
    sameKey(unlockKeyFile(sealed, { secretBox: box }, 'k'), key);
    assert.deepEqual(userError(() => unlockKeyFile(sealed, {}, 'k')), { code: 'key.keystoreUnavailable', params: { file: 'k' } });
    assert.deepEqual(userError(() => unlockKeyFile(sealed, { secretBox: fakeKeystore() }, 'k')), { code: 'key.keystoreFailed', params: { file: 'k' } });
    const swapped = edit(sealed, (f) => (f.publicKey = generateKey().publicKey.toString('base64')));
    assert.deepEqual(userError(() => unlockKeyFile(swapped, { secretBox: box }, 'k')), { code: 'key.mismatch', params: { file: 'k' } });
    const notAKey: SecretBox = { encrypt: (b) => b, decrypt: () => Buffer.from('rubbish') };
    assert.equal(userError(() => unlockKeyFile(sealed, { secretBox: notAKey }, 'k')).code, 'key.badPrivateKey');
  });

  it('needs exactly one way of sealing, and a passphrase that is not empty', () => {
    assert.throws(() => createKeyFile(key, { label: 'x' }), /exactly one/);
    assert.throws(() => createKeyFile(key, { label: 'x', passphrase: 'p', secretBox: fakeKeystore() }), /exactly one/);
    assert.deepEqual(userError(() => createKeyFile(key, { label: 'x', passphrase: '' })), { code: 'key.emptyPassphrase', params: { file: 'x' } });
    assert.equal(userError(() => createKeyFile(key, { label: '', passphrase: 'p' })).code, 'key.invalidLabel');
  });

  it('refuses what is not a key file, and a key file out of bounds', () => {
    assert.deepEqual(userError(() => readKeyFile('{"hello": 1}', 'h')), { code: 'key.notKeyFile', params: { file: 'h' } });
    assert.equal(userError(() => readKeyFile('not json', 'h')).code, 'key.notKeyFile');
    assert.equal(userError(() => readKeyFile(text.replace('{', '{"format": "jurybox.key", '), 'h')).code, 'key.notKeyFile');
    const extra = userError(() => readKeyFile(edit(text, (f) => Object.assign(f, { note: 1 })), 'h'));
    assert.equal(extra.code, 'key.invalid');
    assert.match(String(extra.params.issues), /note/);
    const greedy = edit(text, (f) => f.protection.kind === 'passphrase' && (f.protection.kdf.N = 2 ** 20));
    assert.match(String(userError(() => unlockKeyFile(greedy, { passphrase: PASSPHRASE }, 'h')).params.issues), /too much memory/);
  });

  it('keeps the passphrase out of its errors', () => {
    try {
      unlockKeyFile(text, { passphrase: 'секрет-не-показывать' }, 'k');
      assert.fail('expected a refusal');
    } catch (error) {
      assert.ok(error instanceof AppError);
      assert.ok(!JSON.stringify({ message: error.message, params: error.params, stack: error.stack }).includes('секрет'));
    }
  });
});
