import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { missingWork, submissions, submit } from '../../../../electron/services/expert/submit.ts';
import { judgeBundles } from '../../../../electron/services/bundles/judge.ts';
import { readFileSync } from 'node:fs';
import { userError } from '../../../helpers/errors.ts';
import { expertWorkspace, NOW, publishedContest, scoreAll } from '../../../helpers/expert.ts';
import { mixedRulesWorkspace } from '../../../helpers/mixed-rules.ts';
import { tempDir } from '../../../helpers/temp.ts';

describe('submitting results', () => {
  it('lists what is missing, and refuses a complete bundle until nothing is', (t) => {
    const { pkg, keys } = publishedContest(t);
    const ws = expertWorkspace(t, pkg, 'x1');
    const path = join(tempDir(t), 'x1.jbresult');
    assert.deepEqual(missingWork(ws).map((m) => [m.entryId, m.marks]), [['e1', ['Польза']], ['e2', ['Польза']]]);
    assert.equal(userError(() => submit(ws, keys.x1!, { path, draft: false, now: NOW })).code, 'submit.incomplete');
    scoreAll(ws);
    assert.deepEqual(missingWork(ws), []);
  });

  it('names, per entry in contest order, the criteria without a mark and the low marks without a comment, blank ones too', (t) => {
    const ws = mixedRulesWorkspace(t);
    const give = (entryId: string, q1: number, q2: number | null, comment = '') => {
      ws.setMark({ entryId, criterionId: entryId.startsWith('f') ? 'q1b' : 'q1', value: q1 });
      if (comment !== '') ws.commentMark({ entryId, criterionId: entryId.startsWith('f') ? 'q1b' : 'q1', comment });
      if (q2 !== null) ws.setMark({ entryId, criterionId: entryId.startsWith('f') ? 'q2b' : 'q2', value: q2 });
    };
    give('e1', 2, 8, ' \u00a0\n');
    give('e2', 2, 8, 'Слабо');
    give('e4', 3, 8);
    give('e5', 1, null);
    give('f1', 9, 9);
    ws.db.prepare("INSERT INTO abstentions (expert_id, entry_id, reason, created_at) VALUES ('x1', 'f2', 'Не успел', 'now')").run();
    assert.deepEqual(missingWork(ws), [
      { entryId: 'e1', title: 'Участник e1', marks: [], comments: ['Польза'] },
      { entryId: 'e5', title: 'Участник e5', marks: ['Качество'], comments: ['Польза'] },
    ]);
  });

  it('numbers each submission after the last, and marks a draft as a draft', (t) => {
    const { pkg, keys } = publishedContest(t);
    const ws = expertWorkspace(t, pkg, 'x1');
    const dir = tempDir(t);
    ws.setMark({ entryId: 'e1', criterionId: 'q1', value: 6 });
    const draft = submit(ws, keys.x1!, { path: join(dir, 'draft.jbresult'), draft: true, now: NOW });
    scoreAll(ws, 9);
    const first = submit(ws, keys.x1!, { path: join(dir, 'one.jbresult'), draft: false, now: NOW });
    ws.setMark({ entryId: 'e2', criterionId: 'q1', value: 5 });
    const correction = submit(ws, keys.x1!, { path: join(dir, 'two.jbresult'), draft: false, now: NOW });
    assert.deepEqual([draft.sequence, first.sequence, correction.sequence], [1, 2, 3]);
    assert.deepEqual(submissions(ws).map((s) => [s.sequence, s.draft]), [[3, false], [2, false], [1, true]]);
    const verdicts = judgeBundles({ packages: [pkg] }, [draft, first, correction].map((s) => ({ file: s.path, bytes: readFileSync(s.path) })));
    assert.deepEqual(verdicts.map((v) => [v.sequence, v.status, v.draft]), [[1, 'superseded', true], [2, 'superseded', false], [3, 'accepted', false]]);
    assert.deepEqual(verdicts[2]?.bundle?.marks.map((m) => [m.entryId, m.value]), [['e1', 9], ['e2', 5]]);
  });

  it('carries comments, declared conflicts and abstentions, without marks for those entries', (t) => {
    const { pkg, keys } = publishedContest(t);
    const ws = expertWorkspace(t, pkg, 'x1');
    scoreAll(ws, 2);
    ws.commentMark({ entryId: 'e1', criterionId: 'q1', comment: 'Слабо' });
    ws.commentEntry('e1', 'Общее впечатление');
    ws.decide('e2', { kind: 'declareConflict', reason: 'Работал там' });
    assert.deepEqual(ws.entry('e2').marks, []);
    const done = submit(ws, keys.x1!, { path: join(tempDir(t), 'x1.jbresult'), draft: false, now: NOW });
    const [verdict] = judgeBundles({ packages: [pkg] }, [{ file: done.path, bytes: readFileSync(done.path) }]);
    assert.equal(verdict?.status, 'accepted', JSON.stringify(verdict?.reason));
    const bundle = verdict?.bundle;
    assert.deepEqual(bundle?.marks, [{ entryId: 'e1', criterionId: 'q1', value: 2, comment: 'Слабо' }]);
    assert.deepEqual(bundle?.entryComments, [{ entryId: 'e1', comment: 'Общее впечатление' }]);
    assert.deepEqual(bundle?.conflicts, [{ entryId: 'e2', reason: 'Работал там' }]);
    ws.decide('e2', { kind: 'withdrawConflict' });
    ws.decide('e2', { kind: 'abstain', reason: 'Не успел изучить материалы' });
    assert.equal(ws.myEntries().find((e) => e.id === 'e2')?.status, 'abstained');
    assert.equal(userError(() => ws.setMark({ entryId: 'e2', criterionId: 'q1', value: 5 })).code, 'scoring.abstained');
  });
});
