import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { describe, it } from 'node:test';
import { BundleIntake, openForChair } from '../../../electron/api/chair.ts';
import { writeDemo } from '../../../electron/services/demo/demo.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { tempDir } from '../../helpers/temp.ts';

/** Every value reachable from `root` through properties, array items, and Map and Set entries. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue = [root];
  while (queue.length > 0) {
    const value = queue.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) continue;
    if (value instanceof Map) for (const [k, v] of value) queue.push(k, v);
    else if (value instanceof Set) for (const v of value) queue.push(v);
    else queue.push(...Object.values(value));
  }
  return [...seen];
}

describe('the chair’s intake of a batch', () => {
  it('keeps no staged file in memory: each is on disk until the batch is imported, then gone', (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-28T09:00:00.000Z' });
    const ws = Workspace.open(openForChair(tempDir(t), 'contest.jbcontest', readFileSync(demo.package).toString('base64')));
    t.after(() => ws.close());
    const intake = new BundleIntake();
    const { batch } = intake.begin();
    for (const path of demo.bundles) intake.stage(batch, basename(path), readFileSync(path).toString('base64'));
    const held = reachable(intake);
    assert.deepEqual(held.filter((v) => ArrayBuffer.isView(v) || v instanceof ArrayBuffer), [], 'no bytes held by the intake');
    const staged = held.flatMap((v) => (v !== null && typeof v === 'object' && 'path' in v && typeof v.path === 'string' ? [v.path] : []));
    assert.equal(staged.length, demo.bundles.length);
    const folder = dirname(staged[0] ?? '');
    assert.ok(folder.startsWith(tmpdir()));
    assert.deepEqual(readdirSync(folder).map((f) => readFileSync(`${folder}/${f}`)), demo.bundles.map((p) => readFileSync(p)));
    const verdicts = intake.commit(ws, batch);
    assert.equal(verdicts.filter((v) => v.status === 'accepted').length, demo.bundles.length);
    assert.equal(existsSync(folder), false, 'the staged files go with the import');
  });

  it('removes a batch’s files when it is discarded or replaced by the next', () => {
    const intake = new BundleIntake();
    const folderOf = () => reachable(intake).flatMap((v) => (v !== null && typeof v === 'object' && 'dir' in v && typeof v.dir === 'string' ? [v.dir] : []))[0] ?? '';
    const first = intake.begin();
    intake.stage(first.batch, 'kim.jbresult', Buffer.from('not judged until the import').toString('base64'));
    const firstFolder = folderOf();
    const second = intake.begin();
    assert.equal(existsSync(firstFolder), false);
    const secondFolder = folderOf();
    assert.ok(existsSync(secondFolder));
    intake.discard(second.batch);
    assert.equal(existsSync(secondFolder), false);
  });
});
