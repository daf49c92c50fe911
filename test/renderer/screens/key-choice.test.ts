import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyView } from '../../../shared/domain/publishing.ts';
import { FROM_FILE, initialKey } from '../../../renderer/screens/key-choice.ts';

const key = (keyId: string, fingerprint: string): KeyView => ({ keyId, fingerprint, label: keyId, publicKey: '', protection: 'passphrase', demo: false, createdAt: '2026-01-01T00:00:00Z' });
const store = [key('organiser', '11111 11111 11111 11111 11111 11111'), key('smirnov', '22222 22222 22222 22222 22222 22222')];

describe('the key a signing form offers first', () => {
  it('is the store’s key the roster names, wherever it is in the list', () => {
    assert.equal(initialKey(store, { fingerprint: '22222 22222 22222 22222 22222 22222', keyId: 'smirnov' }), 'smirnov');
  });

  it('is a key file, never another key of the store, when the roster names a key the store does not hold', () => {
    assert.equal(initialKey(store, { fingerprint: '33333 33333 33333 33333 33333 33333', keyId: null }), FROM_FILE);
    assert.equal(initialKey(store, { fingerprint: '33333 33333 33333 33333 33333 33333', keyId: 'gone' }), FROM_FILE);
  });

  it('is the first key of the store when no key is named yet, else a key file', () => {
    assert.equal(initialKey(store, { fingerprint: null, keyId: null }), 'organiser');
    assert.equal(initialKey(store, null), 'organiser');
    assert.equal(initialKey([], null), FROM_FILE);
  });
});
