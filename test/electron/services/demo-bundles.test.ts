import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeDemo } from '../../../electron/services/demo/demo.ts';
import { judgeBundles } from '../../../electron/services/bundles/judge.ts';
import { openPackage } from '../../../electron/services/package/contest-package.ts';
import { tempDir } from '../../helpers/temp.ts';

function demoMarks(dir: string, seed: number): Map<string, string> {
  const demo = writeDemo(dir, { seed, now: '2026-09-25T10:00:00.000Z' });
  const verdicts = judgeBundles({ packages: [openPackage(demo.package)] }, demo.bundles.map((file) => ({ file, bytes: readFileSync(file) })));
  assert.deepEqual(verdicts.map((v) => v.status), verdicts.map(() => 'accepted'));
  return new Map(verdicts.map((v) => [v.expertId ?? '', JSON.stringify(v.bundle?.marks)]));
}

describe('demo bundles', () => {
  it('give the same marks for the same seed and other marks for another', (t) => {
    const once = demoMarks(join(tempDir(t)), 7);
    const again = demoMarks(join(tempDir(t)), 7);
    const other = demoMarks(join(tempDir(t)), 8);
    assert.deepEqual(again, once);
    assert.notDeepEqual(other, once);
  });

  it('vary by entry and by expert, with comments on the low marks', (t) => {
    const demo = writeDemo(tempDir(t), { seed: 1 });
    const bundles = judgeBundles({ packages: [openPackage(demo.package)] }, demo.bundles.map((file) => ({ file, bytes: readFileSync(file) }))).map((v) => v.bundle);
    const values = bundles.flatMap((b) => b?.marks.map((m) => m.value) ?? []);
    assert.ok(new Set(values).size >= 6, `marks take ${new Set(values).size} values`);
    const low = bundles.flatMap((b) => b?.marks.filter((m) => m.value < 3 && m.criterionId.startsWith('crit-net')) ?? []);
    assert.ok(low.every((m) => m.comment.length > 0));
  });
});
