import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { channels } from '../../shared/api/channels.ts';
import { api } from '../../shared/api/contract.ts';

describe('API contract', () => {
  it('lists the same channels as the preload exposes', () => {
    assert.deepEqual(Object.keys(api).sort(), [...channels].sort());
  });

  it('names every channel domain:verb', () => {
    for (const channel of channels) assert.match(channel, /^[a-z]+:[a-zA-Z]+$/);
  });

  it('refuses unknown fields in every input, so the renderer cannot smuggle arguments', () => {
    for (const channel of channels) {
      const result = api[channel].input.safeParse({ unexpected: true });
      assert.equal(result.success, false, channel);
    }
  });

  it('refuses a mark that is not a finite number', () => {
    const input = api['marks:set'].input;
    assert.equal(input.safeParse({ entryId: 'e', criterionId: 'c', value: 7 }).success, true);
    assert.equal(input.safeParse({ entryId: 'e', criterionId: 'c', value: null }).success, true);
    assert.equal(input.safeParse({ entryId: 'e', criterionId: 'c', value: '7' }).success, false);
    assert.equal(input.safeParse({ entryId: 'e', criterionId: 'c', value: Number.POSITIVE_INFINITY }).success, false);
    assert.equal(input.safeParse({ entryId: '../etc', criterionId: 'c', value: 1 }).success, false);
  });
});
