import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ContestPackage } from '../../../../shared/formats/payloads.ts';
import { applyPackage, currentPackage } from '../../../../electron/services/expert/packages.ts';
import { missingWork, submit } from '../../../../electron/services/expert/submit.ts';
import { openPackage, publish } from '../../../../electron/services/package/contest-package.ts';
import { writeEnvelope } from '../../../../electron/services/signing/envelope.ts';
import { generateKey, publicKeyToBase64 } from '../../../../electron/services/signing/keys.ts';
import { userError } from '../../../helpers/errors.ts';
import { expertWorkspace, NOW, publishedContest } from '../../../helpers/expert.ts';

describe('contest package on the expert’s side', () => {
  it('makes a workspace that scores for that expert only, from the package it pins', (t) => {
    const { pkg } = publishedContest(t);
    const ws = expertWorkspace(t, pkg, 'x1');
    assert.equal(ws.summary().kind, 'expert');
    assert.equal(ws.summary().scorer?.id, 'x1');
    assert.equal(userError(() => ws.setScorer('x2')).code, 'scoring.fixedScorer');
    assert.equal(userError(() => ws.editor.saveExpert({ name: 'Новый' })).code, 'editor.readOnly');
    assert.deepEqual(currentPackage(ws.db), { revision: 2, digest: pkg.envelope.digest, organiserKey: publicKeyToBase64(pkg.organiserKey) });
  });

  it('takes a newer revision from the same key, keeping marks of entries that stay', (t) => {
    const { organiserWs, organiser, pkg, dir } = publishedContest(t);
    const ws = expertWorkspace(t, pkg, 'x1');
    ws.setMark({ entryId: 'e1', criterionId: 'q1', value: 8 });
    ws.setMark({ entryId: 'e2', criterionId: 'q1', value: 4 });
    organiserWs.editor.saveEntry({ ...organiserWs.editor.entries(null)[0], title: 'Участник один (новое название)' });
    organiserWs.editor.deleteEntry('e2');
    const r3 = publish(organiserWs.db, organiser, { path: join(dir, 'r3.jbcontest'), organiserName: 'Оргкомитет', now: NOW });
    assert.deepEqual(applyPackage(ws, openPackage(r3.path), 'r3', NOW), { revision: 3, updated: true, cleared: [] });
    assert.equal(ws.entry('e1').entry.title, 'Участник один (новое название)');
    assert.deepEqual(ws.entry('e1').marks.map((m) => m.value), [8]);
    assert.equal(ws.myEntries().some((e) => e.id === 'e2'), false);
    assert.deepEqual(applyPackage(ws, openPackage(r3.path), 'r3', NOW), { revision: 3, updated: false, cleared: [] });
  });

  it('clears a mark the new revision’s scale no longer holds, so the entry asks for it again and submit says so', (t) => {
    const { organiserWs, organiser, pkg, dir, keys } = publishedContest(t);
    const ws = expertWorkspace(t, pkg, 'x1');
    ws.setMark({ entryId: 'e1', criterionId: 'q1', value: 7 });
    ws.setMark({ entryId: 'e2', criterionId: 'q1', value: 4 });
    const [nomination] = organiserWs.definition().nominations;
    if (!nomination) throw new Error('the small contest has a nomination');
    // 0–10 in steps of 1 becomes 0–8 in steps of 2: 4 stays on the grid, 7 falls between two points.
    organiserWs.editor.saveNomination({ ...nomination, criteria: nomination.criteria.map((c) => ({ ...c, scale: { min: 0, max: 8, step: 2 } })) });
    const r3 = publish(organiserWs.db, organiser, { path: join(dir, 'r3.jbcontest'), organiserName: 'Оргкомитет', now: NOW });
    assert.deepEqual(applyPackage(ws, openPackage(r3.path), 'r3', NOW), {
      revision: 3, updated: true, cleared: [{ entryId: 'e1', entry: 'Участник один', criterion: 'Польза', value: 7 }],
    });
    assert.deepEqual(ws.entry('e1').marks, []);
    assert.deepEqual(ws.entry('e2').marks.map((m) => m.value), [4]);
    assert.deepEqual(ws.myEntries().map((e) => [e.id, e.status]), [['e1', 'notStarted'], ['e2', 'complete']]);
    assert.deepEqual(missingWork(ws).map((m) => [m.entryId, m.marks]), [['e1', ['Польза']]]);
    assert.equal(userError(() => submit(ws, keys.x1!, { path: join(dir, 'x1.jbresult'), draft: false, now: NOW })).code, 'submit.incomplete');
    const history = ws.db.prepare("SELECT value FROM mark_history WHERE entry_id = 'e1' ORDER BY id").all() as { value: number | null }[];
    assert.deepEqual(history.map((h) => h.value), [7, null], 'the history keeps the mark cleared');
  });

  it('refuses an older revision, another file under a revision held, and a package re-signed by another key', (t) => {
    const { organiserWs, organiser, pkg, dir, path } = publishedContest(t);
    const ws = expertWorkspace(t, pkg, 'x1');
    const r3 = publish(organiserWs.db, organiser, { path: join(dir, 'r3.jbcontest'), organiserName: 'Оргкомитет', now: NOW });
    applyPackage(ws, openPackage(r3.path), 'r3', NOW);
    assert.equal(userError(() => applyPackage(ws, openPackage(path), 'r2', NOW)).code, 'package.older');

    const payload = ContestPackage.parse(openPackage(r3.path).payload);
    const sameRevision = writeEnvelope('contest', Buffer.from(JSON.stringify({ ...payload, publishedAt: '2027-02-02T00:00:00.000Z' })), organiser);
    assert.equal(userError(() => applyPackage(ws, openPackage('other.jbcontest', sameRevision), 'other', NOW)).code, 'package.sameRevisionDiffers');

    const intruder = generateKey();
    const resigned = { ...payload, revision: 4, organiser: { ...payload.organiser, publicKey: publicKeyToBase64(intruder.publicKey) } };
    const forged = openPackage('forged.jbcontest', writeEnvelope('contest', Buffer.from(JSON.stringify(resigned)), intruder));
    const refused = userError(() => applyPackage(ws, forged, 'forged.jbcontest', NOW));
    assert.equal(refused.code, 'package.otherKey');
    assert.equal(currentPackage(ws.db)?.revision, 3);
  });

  it('refuses a revision that no longer has this expert', (t) => {
    const { organiserWs, organiser, pkg, dir } = publishedContest(t);
    const ws = expertWorkspace(t, pkg, 'x2');
    organiserWs.db.prepare("DELETE FROM enrolments WHERE expert_id = 'x2'").run();
    organiserWs.editor.deleteExpert('x2');
    const r3 = publish(organiserWs.db, organiser, { path: join(dir, 'r3.jbcontest'), organiserName: 'Оргкомитет', now: NOW });
    assert.equal(userError(() => applyPackage(ws, openPackage(r3.path), 'r3', NOW)).code, 'package.expertRemoved');
  });
});
