import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crashRounds } from '../helpers/crash-harness.ts';
import { tempDir } from '../helpers/temp.ts';

// `npm test` runs a few rounds; a stress run calls crashRounds with hundreds.
describe('durability', () => {
  it('keeps every acknowledged mark when the saving process is killed at random moments', { timeout: 120_000 }, async (t) => {
    const result = await crashRounds({ rounds: 8, dir: tempDir(t) });
    assert.deepEqual(result.problems, [], `seed ${result.seed}`);
    assert.equal(result.rounds, 8);
    assert.equal(result.lost, 0);
    assert.equal(result.integrityFailures, 0);
    assert.ok(result.acknowledged > 0);
  });

  it('reports marks as lost when the writer acknowledges them before saving', { timeout: 120_000 }, async (t) => {
    // The writer pauses 100 ms between its early ack and the save; the kill lands well inside that pause.
    // With seed 7 the first mark of each round is a value, not the clearing of an absent mark.
    const result = await crashRounds({ rounds: 3, dir: tempDir(t), seed: 7, minMs: 5, maxMs: 25, writerEnv: { JURYBOX_TEST_ACK_EARLY: '1' } });
    assert.equal(result.integrityFailures, 0);
    assert.ok(result.lost > 0, `nothing reported lost: ${JSON.stringify(result)}`);
    assert.match(result.problems[0] ?? '', /^Round \d: \S+ \/ \S+ was acknowledged as \d+ but the file holds no mark\.$/);
  });
});
