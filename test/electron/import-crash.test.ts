import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importCrashRounds } from '../helpers/import-crash.ts';
import { tempDir } from '../helpers/temp.ts';

// `npm test` runs a few rounds; `npm run stress` runs many.
describe('an import killed midway', () => {
  it('leaves the chair’s workspace as it was before, or holding the whole import, never a part', { timeout: 180_000 }, async (t) => {
    const result = await importCrashRounds({ rounds: 6, dir: tempDir(t), seed: 11, maxMs: 200 });
    assert.deepEqual(result.problems, [], `seed ${result.seed}`);
    assert.equal(result.rounds, 6);
    assert.equal(result.notBegun, 0);
    assert.ok(result.midway > 0, `no kill landed inside the import's transaction: ${JSON.stringify(result)}`);
    assert.equal(result.rolledBack + result.committed, 6);
    t.diagnostic(`${result.midway} killed inside the transaction; ${result.rolledBack} rolled back, ${result.committed} committed whole`);
  });

  it('reports a partial import when the import is made one file at a time', { timeout: 180_000 }, async (t) => {
    const result = await importCrashRounds({ rounds: 4, dir: tempDir(t), seed: 11, maxMs: 120, killerEnv: { JURYBOX_TEST_PIECEMEAL: '1' } });
    assert.ok(result.problems.some((p) => /holds part of the import/.test(p)), JSON.stringify(result));
  });
});
