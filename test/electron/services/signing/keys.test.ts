import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  fingerprintOf,
  generateKey,
  keyFromPkcs8,
  keyIdOf,
  pkcs8Of,
  publicKeyFromBase64,
  publicKeyFromPem,
  publicKeyPem,
  publicKeyToBase64,
  signBytes,
  verifyBytes,
} from '../../../../electron/services/signing/keys.ts';

const FIXED = Buffer.from(Array.from({ length: 32 }, (_, i) => i));

/** The fingerprint computed another way: BigInt arithmetic on the hex digest. */
function fingerprintByHand(raw: Buffer): string {
  const hex = createHash('sha256').update(raw).digest('hex');
  const groups = [0, 1, 2, 3, 4, 5].map((i) => (BigInt(`0x${hex.slice(i * 10, i * 10 + 10)}`) % 100000n).toString().padStart(5, '0'));
  return groups.join(' ');
}

/** The same bytes in base64 whose unused bits before the padding are not zero. */
function withPaddingBitsSet(canonical: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const at = canonical.indexOf('=') - 1;
  return canonical.slice(0, at) + alphabet[alphabet.indexOf(canonical.charAt(at)) + 1] + canonical.slice(at + 1);
}

describe('keys', () => {
  it('gives a fingerprint of six groups of five digits, the same every time', () => {
    const key = generateKey();
    const fingerprint = fingerprintOf(key.publicKey);
    assert.match(fingerprint, /^\d{5}( \d{5}){5}$/);
    assert.equal(fingerprintOf(Buffer.from(key.publicKey)), fingerprint);
    assert.notEqual(fingerprintOf(generateKey().publicKey), fingerprint);
  });

  it('computes the fingerprint exactly as docs/formats.md describes it', () => {
    assert.equal(fingerprintOf(FIXED), '11590 49842 13307 78876 30539 70167');
    assert.equal(fingerprintByHand(FIXED), '11590 49842 13307 78876 30539 70167');
    for (let i = 0; i < 20; i++) {
      const raw = generateKey().publicKey;
      assert.equal(fingerprintOf(raw), fingerprintByHand(raw));
    }
  });

  it('uses the hex SHA-256 of the raw public key as keyid', () => {
    assert.equal(keyIdOf(FIXED), '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd');
    const key = generateKey();
    assert.match(keyIdOf(key.publicKey), /^[0-9a-f]{64}$/);
  });

  it('round-trips a public key through PEM', () => {
    const key = generateKey();
    const pem = publicKeyPem(key.publicKey);
    assert.match(pem, /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
    assert.deepEqual(publicKeyFromPem(pem), key.publicKey);
    assert.deepEqual(publicKeyFromPem(pem.replaceAll('\n', '\r\n')), key.publicKey);
  });

  it('refuses a PEM that is not an Ed25519 public key, including a private one', () => {
    const key = generateKey();
    const privatePem = String(key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const x25519 = String(generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' }));
    for (const pem of [privatePem, x25519, 'hello', publicKeyPem(key.publicKey).replace('MCowBQYDK2VwAyEA', 'MCowBQYDK2VxAyEA')]) {
      assert.throws(() => publicKeyFromPem(pem), /public key/);
    }
  });

  it('reads a public key from canonical base64 only, and only 32 bytes of it', () => {
    const raw = generateKey().publicKey;
    const text = publicKeyToBase64(raw);
    assert.equal(text.length, 44);
    assert.deepEqual(publicKeyFromBase64(text), raw);
    const lenient = withPaddingBitsSet(text);
    assert.deepEqual(Buffer.from(lenient, 'base64'), raw, 'a lenient decoder reads the same key');
    // A key whose base64 has both '+' and '/' (0xfb bytes give "+/v7…"), so its URL-safe spelling differs.
    const urlSafe = Buffer.alloc(32, 0xfb).toString('base64').replaceAll('+', '-').replaceAll('/', '_');
    const refused = [lenient, text.slice(0, 43), `${text}\n`, ` ${text}`, urlSafe, raw.subarray(1).toString('base64'), Buffer.concat([raw, Buffer.of(0)]).toString('base64'), ''];
    for (const bad of refused) assert.throws(() => publicKeyFromBase64(bad), /base64/, JSON.stringify(bad));
    assert.throws(() => publicKeyToBase64(raw.subarray(1)), /32 bytes/);
  });

  it('signs and verifies, and says false (never throws) for anything malformed', () => {
    const key = generateKey();
    const data = Buffer.from('DSSEv1 4 test 5 hello');
    const signature = signBytes(key, data);
    assert.equal(signature.length, 64);
    assert.equal(verifyBytes(key.publicKey, data, signature), true);
    assert.equal(verifyBytes(key.publicKey, Buffer.from('DSSEv1 4 test 5 hellO'), signature), false);
    assert.equal(verifyBytes(generateKey().publicKey, data, signature), false);
    assert.equal(verifyBytes(key.publicKey, data, signature.subarray(1)), false);
    assert.equal(verifyBytes(key.publicKey.subarray(1), data, signature), false);
    assert.equal(verifyBytes(Buffer.alloc(32, 0xff), data, signature), false);
    assert.equal(verifyBytes(key.publicKey, data, Buffer.alloc(64, 0xff)), false);
  });

  it('restores a key pair from PKCS#8, deriving the public half', () => {
    const key = generateKey();
    const der = pkcs8Of(key);
    const again = keyFromPkcs8(der);
    assert.deepEqual(again.publicKey, key.publicKey);
    assert.equal(verifyBytes(key.publicKey, Buffer.of(1, 2, 3), signBytes(again, Buffer.of(1, 2, 3))), true);
  });

  it('refuses PKCS#8 that is garbage or holds another kind of key', () => {
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'der' });
    assert.throws(() => keyFromPkcs8(x25519), /not an Ed25519 private key/);
    assert.throws(() => keyFromPkcs8(Buffer.from('not a key')), /not a PKCS#8 private key/);
  });
});
