import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ResultBundle } from '../../../../shared/formats/payloads.ts';
import { coverage } from '../../../../electron/services/chair/coverage.ts';
import { finalise } from '../../../../electron/services/chair/finalise.ts';
import { importBundles, judgeContext } from '../../../../electron/services/chair/intake.ts';
import { computeResults, type StandingMark } from '../../../../electron/services/chair/results.ts';
import { chairSources, heldTies } from '../../../../electron/services/chair/sources.ts';
import { decideTie, withdrawTie } from '../../../../electron/services/chair/ties.ts';
import { currentResults, entryMarks, groupStatistics, resultsView } from '../../../../electron/services/chair/views.ts';
import { DEMO_TWINS } from '../../../../electron/services/demo/bundles.ts';
import { DEMO_PASSPHRASE, type DemoFiles } from '../../../../electron/services/demo/demo.ts';
import { applyPackage } from '../../../../electron/services/expert/packages.ts';
import { openPackage, publish } from '../../../../electron/services/package/contest-package.ts';
import { readEnvelope, writeEnvelope } from '../../../../electron/services/signing/envelope.ts';
import { unlockKeyFile } from '../../../../electron/services/signing/key-file.ts';
import type { Ed25519Key } from '../../../../electron/services/signing/keys.ts';
import { latestChairResults } from '../../../../electron/services/venue/chair-results.ts';
import { Workspace } from '../../../../electron/services/workspace.ts';
import type { Db } from '../../../../electron/db/connection.ts';
import { chairOfDemo } from '../../../helpers/chair.ts';
import { tempDir } from '../../../helpers/temp.ts';

const NOW = '2026-09-30T10:00:00.000Z';
const project = { nominationId: 'nom-project', categoryId: null };

/** The results computed from scratch: the workspace's tables read as they are now, nothing kept. */
function fromScratch(db: Db) {
  const contest = judgeContext(db).packages.at(-1)?.payload.contest;
  assert.ok(contest);
  const marks = db
    .prepare("SELECT m.expert_id AS expertId, m.entry_id AS entryId, m.criterion_id AS criterionId, m.value FROM bundle_marks m JOIN bundles b ON b.digest = m.digest WHERE b.status = 'current' AND b.draft = 0")
    .all() as StandingMark[];
  return computeResults(contest, marks, heldTies(db));
}

function key(demo: DemoFiles, name: string): Ed25519Key {
  const path = join(demo.keys, `${name}.key`);
  return unlockKeyFile(readFileSync(path, 'utf8'), { passphrase: DEMO_PASSPHRASE }, path);
}

/** The bottom of each criterion's scale in the demo. */
function bottoms(demo: DemoFiles): Map<string, number> {
  return new Map(openPackage(demo.package).payload.contest.nominations.flatMap((n) => n.criteria.map((c) => [c.id, c.scale.min] as const)));
}

/** A later bundle of `expertId` (sequence 2) whose marks are all at the bottom of their scales (low marks carry a comment). */
function correction(demo: DemoFiles, files: { file: string; bytes: Buffer }[], expertId: string): { file: string; bytes: Buffer } {
  const original = files.find((f) => f.file === `${expertId}.jbresult`);
  assert.ok(original);
  const payload = JSON.parse(readEnvelope(original.bytes, original.file).payload.toString('utf8')) as ResultBundle;
  const bottom = bottoms(demo);
  payload.sequence = 2;
  payload.marks = payload.marks.map((m) => ({ ...m, value: bottom.get(m.criterionId) ?? m.value, comment: m.comment === '' ? 'Пересмотрено' : m.comment }));
  return { file: `${expertId}-2.jbresult`, bytes: writeEnvelope('result', Buffer.from(`${JSON.stringify(payload, null, 2)}\n`), key(demo, `expert-${expertId}`)) };
}

function projectRanking(db: Db) {
  return resultsView(db).groups.find((g) => g.nominationId === 'nom-project');
}

describe('the chair’s screens, kept between calls', () => {
  it('follow every import, and give what a computation from scratch gives', (t) => {
    const { ws, files } = chairOfDemo(t);
    const all = files();
    assert.equal(resultsView(ws.db).counted, 0);
    const statsBefore = groupStatistics(ws.db, 'nom-project', null);
    importBundles(ws.db, all.slice(0, 4), NOW);
    assert.equal(resultsView(ws.db).counted, 4);
    assert.deepEqual(currentResults(ws.db).results, fromScratch(ws.db));
    assert.notDeepEqual(groupStatistics(ws.db, 'nom-project', null), statsBefore);
    const coverageBefore = coverage(ws.db, chairSources(ws.db).contest, 'nom-project', null);
    importBundles(ws.db, all.slice(4), NOW);
    assert.equal(resultsView(ws.db).counted, 9);
    assert.deepEqual(currentResults(ws.db).results, fromScratch(ws.db));
    assert.notDeepEqual(coverage(ws.db, chairSources(ws.db).contest, 'nom-project', null), coverageBefore);
    assert.equal(groupStatistics(ws.db, 'nom-project', null).experts.length, 5);
  });

  it('read again only the marks of an expert whose bundle was replaced, and rank with the new ones', (t) => {
    const { ws, files, demo } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    const before = chairSources(ws.db).bundles;
    const ranked = projectRanking(ws.db)?.ranked;
    const replaced = before.find((b) => b.marks.some((m) => m.entryId === DEMO_TWINS[0]))?.expertId;
    assert.ok(replaced);
    assert.equal(importBundles(ws.db, [correction(demo, files(), replaced)], NOW)[0]?.status, 'accepted');
    const after = chairSources(ws.db).bundles;
    for (const b of after) assert.equal(b === before.find((x) => x.expertId === b.expertId), b.expertId !== replaced, b.expertId);
    const bottom = bottoms(demo);
    assert.ok(after.find((b) => b.expertId === replaced)?.marks.every((m) => m.value === bottom.get(m.criterionId)));
    assert.notDeepEqual(projectRanking(ws.db)?.ranked, ranked);
    assert.deepEqual(currentResults(ws.db).results, fromScratch(ws.db));
    assert.ok(entryMarks(ws.db, DEMO_TWINS[0]).experts.find((x) => x.id === replaced)?.marks.every((m) => m.value === bottom.get(m.criterionId)));
  });

  it('follow a tie decision and its withdrawal', (t) => {
    const { ws, files } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    assert.deepEqual(projectRanking(ws.db)?.unresolvedTies, [[...DEMO_TWINS].sort()]);
    const [a, b] = DEMO_TWINS;
    const id = decideTie(ws.db, { ...project, entryIds: [b, a], reason: 'Решение жюри' }, NOW);
    const decided = projectRanking(ws.db);
    assert.deepEqual(decided?.unresolvedTies, []);
    assert.deepEqual(decided?.ranked.slice(0, 2).map((r) => [r.entryId, r.decidedBy]), [[b, 'chair'], [a, 'chair']]);
    assert.deepEqual(decided?.decisions.map((d) => [d.id, d.applies]), [[id, true]]);
    assert.deepEqual(currentResults(ws.db).results, fromScratch(ws.db));
    withdrawTie(ws.db, id, NOW);
    assert.deepEqual(projectRanking(ws.db)?.unresolvedTies, [[...DEMO_TWINS].sort()]);
    assert.deepEqual(projectRanking(ws.db)?.decisions, []);
    assert.deepEqual(currentResults(ws.db).results, fromScratch(ws.db));
  });

  it('follow a new revision of the package: its rules, its titles', (t) => {
    const { ws, files, demo } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    assert.ok((projectRanking(ws.db)?.ranked.length ?? 0) > 0);
    const stats = groupStatistics(ws.db, 'nom-project', null);
    const entry = DEMO_TWINS[0];
    const r2 = join(tempDir(t), 'contest-r2.jbcontest');
    const organiser = Workspace.open(demo.workspace);
    try {
      organiser.editor.saveNomination({ ...organiser.editor.nomination('nom-project'), title: 'Проекты (редакция 2)', minEvaluations: 50 });
      publish(organiser.db, key(demo, 'organiser'), { path: r2, organiserName: 'Оргкомитет (демо)', now: NOW });
    } finally {
      organiser.close();
    }
    assert.deepEqual(applyPackage(ws, openPackage(r2), 'contest-r2.jbcontest', NOW), { revision: 2, updated: true, cleared: [] });
    const group = projectRanking(ws.db);
    assert.equal(group?.title, 'Проекты (редакция 2)');
    assert.equal(group?.minEvaluations, 50);
    assert.deepEqual(group?.ranked, []);
    assert.ok(group?.flagged.some((f) => f.entryId === entry));
    assert.deepEqual(currentResults(ws.db).results, fromScratch(ws.db));
    assert.equal(groupStatistics(ws.db, 'nom-project', null).title, 'Проекты (редакция 2)');
    assert.notEqual(groupStatistics(ws.db, 'nom-project', null).title, stats.title);
  });

  it('show the venue the latest signed results, and the next ones once signed', (t) => {
    const { ws, files, demo } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    assert.equal(latestChairResults(ws.db), null);
    const id = decideTie(ws.db, { ...project, entryIds: [...DEMO_TWINS], reason: 'Решение жюри' }, NOW);
    const first = finalise(ws.db, key(demo, 'chair'), { path: join(tempDir(t), 'first.jbmerged'), chairName: 'Председатель', now: NOW });
    assert.equal(latestChairResults(ws.db)?.view.file.digest, first.digest);
    assert.equal(latestChairResults(ws.db), latestChairResults(ws.db));
    withdrawTie(ws.db, id, NOW);
    decideTie(ws.db, { ...project, entryIds: [...DEMO_TWINS].reverse(), reason: 'Пересмотрено' }, NOW);
    const second = finalise(ws.db, key(demo, 'chair'), { path: join(tempDir(t), 'second.jbmerged'), chairName: 'Председатель', now: NOW });
    const shown = latestChairResults(ws.db);
    assert.equal(shown?.view.file.digest, second.digest);
    assert.deepEqual(shown?.merged.ties.map((x) => x.entryIds), [[...DEMO_TWINS].reverse()]);
  });
});

