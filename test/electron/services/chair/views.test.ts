import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditLog } from '../../../../electron/services/chair/audit.ts';
import { finalise, finaliseCheck, finalisations } from '../../../../electron/services/chair/finalise.ts';
import { importBundles } from '../../../../electron/services/chair/intake.ts';
import { openMerged, recompute } from '../../../../electron/services/chair/merge.ts';
import { decideTie, withdrawTie } from '../../../../electron/services/chair/ties.ts';
import { entryMarks, groupStatistics, resultsView } from '../../../../electron/services/chair/views.ts';
import { DEMO_TWINS } from '../../../../electron/services/demo/bundles.ts';
import { openPackage } from '../../../../electron/services/package/contest-package.ts';
import { chairOfDemo, demoKey } from '../../../helpers/chair.ts';
import { userError } from '../../../helpers/errors.ts';
import { tempDir } from '../../../helpers/temp.ts';

const NOW = '2026-09-30T10:00:00.000Z';
const project = { nominationId: 'nom-project', categoryId: null };

describe('the chair’s results', () => {
  it('rank every group and leave the demo’s twin projects tied for the chair', (t) => {
    const { ws, files } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    const view = resultsView(ws.db);
    assert.equal(view.counted, 9);
    assert.equal(view.groups.length, 5);
    const group = view.groups.find((g) => g.nominationId === 'nom-project');
    assert.deepEqual(group?.unresolvedTies, [[...DEMO_TWINS].sort()]);
    assert.deepEqual(group?.ranked.filter((r) => r.place === 1).map((r) => r.decidedBy), [null, null]);
    for (const g of view.groups.filter((x) => x !== group)) assert.deepEqual(g.unresolvedTies, [], g.title);
    assert.deepEqual(finaliseCheck(ws.db).problems.map((p) => p.key), ['final.unresolvedTie']);
  });

  it('take a tie decision only for entries still tied and with a reason; a withdrawal opens the tie again; both audited', (t) => {
    const { ws, files } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    const [a, b] = DEMO_TWINS;
    assert.equal(userError(() => decideTie(ws.db, { ...project, entryIds: [a, 'entry-proj-outreach'], reason: 'x' }, NOW)).code, 'tie.notTied');
    assert.equal(userError(() => decideTie(ws.db, { ...project, entryIds: [b, a], reason: '   ' }, NOW)).code, 'tie.reasonRequired');
    const id = decideTie(ws.db, { ...project, entryIds: [b, a], reason: 'Больше охват заявителей' }, NOW);
    const ranked = resultsView(ws.db).groups.find((g) => g.nominationId === 'nom-project')?.ranked ?? [];
    assert.deepEqual(ranked.slice(0, 2).map((r) => [r.entryId, r.place, r.decidedBy]), [[b, 1, 'chair'], [a, 2, 'chair']]);
    assert.deepEqual(finaliseCheck(ws.db).problems, []);
    withdrawTie(ws.db, id, NOW);
    assert.equal(resultsView(ws.db).groups.find((g) => g.nominationId === 'nom-project')?.unresolvedTies.length, 1);
    assert.deepEqual(auditLog(ws.db).slice(0, 2).map((e) => e.action), ['tie.withdrawn', 'tie.decided']);
    assert.equal(userError(() => withdrawTie(ws.db, id, NOW)).code, 'tie.unknownDecision');
  });

  it('are signed with the tie decision, recorded, audited, and recompute identically from the bundle files', (t) => {
    const { ws, files, demo } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    const key = demoKey(demo, 'chair');
    const path = join(tempDir(t), 'results.jbmerged');
    assert.equal(userError(() => finalise(ws.db, key, { path, chairName: 'Председатель', now: NOW })).code, 'final.unresolvedTie');
    decideTie(ws.db, { ...project, entryIds: [...DEMO_TWINS], reason: 'Решение жюри' }, NOW);
    const signed = finalise(ws.db, key, { path, chairName: 'Председатель', now: NOW });
    const { payload } = openMerged(path);
    assert.equal(payload.bundles.length, 9);
    assert.deepEqual(payload.ties.map((x) => x.entryIds), [[...DEMO_TWINS]]);
    assert.deepEqual(recompute(payload, [openPackage(demo.package)], files().reverse()), { identical: true, differences: [] });
    assert.deepEqual(finalisations(ws.db).map((f) => [f.digest, f.bundles]), [[signed.digest, 9]]);
    assert.equal(auditLog(ws.db)[0]?.action, 'results.signed');
  });

  it('refuse to sign before any bundle counts', (t) => {
    const { ws, demo } = chairOfDemo(t);
    assert.equal(userError(() => finalise(ws.db, demoKey(demo, 'chair'), { path: join(tempDir(t), 'r.jbmerged'), chairName: 'x', now: NOW })).code, 'final.noBundles');
  });

  it('give each group’s statistics and each entry’s marks by expert, with comments', (t) => {
    const { ws, files } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    const stats = groupStatistics(ws.db, 'nom-project', null);
    assert.equal(stats.experts.length, 5);
    for (const x of stats.experts) assert.equal(x.totals.length, x.evaluations);
    assert.equal(stats.criteria.length, 4);
    assert.equal(stats.criteria[0]?.values.length, stats.experts.reduce((n, x) => n + x.evaluations, 0));
    assert.equal(stats.kendallW.defined, true);
    const marks = entryMarks(ws.db, DEMO_TWINS[0]);
    assert.equal(marks.experts.length, 5);
    for (const x of marks.experts) {
      assert.equal(x.state, 'complete');
      assert.equal(x.marks.length, 4);
      assert.ok(x.total !== null && x.normalised !== null);
    }
    const withComment = resultsView(ws.db).groups.flatMap((g) => g.ranked).map((r) => entryMarks(ws.db, r.entryId)).find((m) => m.experts.some((x) => x.marks.some((c) => c.comment !== '')));
    assert.ok(withComment, 'the demo’s low marks carry comments, and the drill-down shows them');
  });
});
