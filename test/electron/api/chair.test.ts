import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { BundleIntake, openForChair } from '../../../electron/api/chair.ts';
import { auditLog } from '../../../electron/services/chair/audit.ts';
import { writeDemo } from '../../../electron/services/demo/demo.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { userError } from '../../helpers/errors.ts';
import { tempDir } from '../../helpers/temp.ts';

describe('the chair’s desk', () => {
  it('opens a package as the chair once, and takes it again without harm', (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-28T09:00:00.000Z' });
    const contests = tempDir(t);
    const content = readFileSync(demo.package).toString('base64');
    const path = openForChair(contests, 'contest.jbcontest', content);
    assert.equal(path, join(contests, 'mfc-best-2026', 'chair.sqlite'));
    assert.equal(openForChair(contests, 'contest.jbcontest', content), path);
    const ws = Workspace.open(path);
    t.after(() => ws.close());
    assert.equal(ws.kind(), 'chair');
    assert.deepEqual(auditLog(ws.db).map((e) => e.action), ['package.opened']);
  });

  it('stages files of one batch, keeps two files of the same name apart, and judges them together', (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-28T09:00:00.000Z' });
    const ws = Workspace.open(openForChair(tempDir(t), 'contest.jbcontest', readFileSync(demo.package).toString('base64')));
    t.after(() => ws.close());
    const intake = new BundleIntake();
    const { batch } = intake.begin();
    for (const path of demo.bundles) intake.stage(batch, basename(path), readFileSync(path).toString('base64'));
    const first = demo.bundles[0] ?? '';
    assert.equal(intake.stage(batch, basename(first), readFileSync(first).toString('base64')).staged, 10);
    const verdicts = intake.commit(ws, batch);
    assert.deepEqual(verdicts.map((v) => v.status).sort(), [...Array(9).fill('accepted'), 'duplicate']);
    assert.ok(verdicts.some((v) => v.file === `${basename(first)} (2)`));
    assert.ok(verdicts.every((v) => v.status !== 'accepted' || v.expertName?.endsWith('(демо)')));
    // A batch is judged once: it is gone after the import, and another batch's id is not this one.
    assert.equal(userError(() => intake.commit(ws, batch)).code, 'bundles.noBatch');
    const next = intake.begin();
    assert.equal(userError(() => intake.stage(batch, 'x.jbresult', '')).code, 'bundles.noBatch');
    intake.discard(next.batch);
  });

  it('refuses chair work in another kind of workspace', (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-28T09:00:00.000Z' });
    const ws = Workspace.open(demo.workspace);
    t.after(() => ws.close());
    const intake = new BundleIntake();
    const { batch } = intake.begin();
    assert.equal(userError(() => intake.commit(ws, batch)).code, 'chair.notChair');
  });
});
