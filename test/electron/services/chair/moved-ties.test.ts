import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { finalise } from '../../../../electron/services/chair/finalise.ts';
import { mergedPayload, openMerged, recompute, writeMerged } from '../../../../electron/services/chair/merge.ts';
import { asFormat1 } from '../../../../electron/services/chair/results.ts';
import { chairSources } from '../../../../electron/services/chair/sources.ts';
import { auditLog } from '../../../../electron/services/chair/audit.ts';
import { decideTie, withdrawTie } from '../../../../electron/services/chair/ties.ts';
import { resultsView } from '../../../../electron/services/chair/views.ts';
import { generateKey } from '../../../../electron/services/signing/keys.ts';
import { tieContest } from '../../../helpers/tie-contest.ts';
import { tempDir } from '../../../helpers/temp.ts';

const NOW = '2027-04-02T10:00:00.000Z';
const decide = (entryIds: string[], reason: string) => ({ nominationId: 'n-tie', categoryId: null, entryIds, reason });

describe('a tie that grows after the chair decided it', () => {
  // A and B tie, the chair orders them; a correction brings C to their score: the tie is A, B, C,
  // the chair orders the three. The first decision no longer settles anything.
  function grownTie(dir: string) {
    const contest = tieContest(dir);
    contest.mark('x1', { A: 5, B: 5, C: 4 });
    contest.mark('x2', { A: 5, B: 5, C: 4 });
    const first = decideTie(contest.chair.db, decide(['B', 'A'], 'Раньше начал работу'), NOW);
    contest.mark('x2', { A: 5, B: 5, C: 6 });
    const second = decideTie(contest.chair.db, decide(['C', 'B', 'A'], 'Голосование комиссии'), NOW);
    return { ...contest, first, second };
  }

  it('shows only the decision that settles the tie as applying', (t) => {
    const { chair } = grownTie(tempDir(t));
    const group = resultsView(chair.db).groups[0];
    assert.deepEqual(group?.ranked.map((r) => [r.entryId, r.place, r.decidedBy]), [['C', 1, 'chair'], ['B', 2, 'chair'], ['A', 3, 'chair']]);
    assert.deepEqual(group?.decisions.map((d) => [d.entryIds.join(''), d.applies]), [['BA', false], ['CBA', true]]);
  });

  it('signs only that decision, and the signed results recompute IDENTICAL', (t) => {
    const dir = tempDir(t);
    const { chair, pkg, bundles } = grownTie(dir);
    const path = join(dir, 'results.jbmerged');
    finalise(chair.db, generateKey(), { path, chairName: 'Председатель', now: NOW });
    const signed = openMerged(path).payload;
    assert.deepEqual(signed.ties.map((d) => d.entryIds), [['C', 'B', 'A']]);
    const files = bundles.map((file) => ({ file: basename(file), path: file }));
    assert.deepEqual(recompute(signed, [pkg], files), { identical: true, differences: [] });
  });

  it('journals the withdrawal of an overtaken decision without a place, and of the one that settles the tie with its place', (t) => {
    const { chair, first, second } = grownTie(tempDir(t));
    withdrawTie(chair.db, first, NOW);
    assert.equal(auditLog(chair.db)[0]?.detail.place, null);
    withdrawTie(chair.db, second, NOW);
    assert.equal(auditLog(chair.db)[0]?.detail.place, 1);
  });

  it('recomputes IDENTICAL results of format 1 that recorded the overtaken decision too, as the app then did', (t) => {
    const dir = tempDir(t);
    const { chair, pkg, bundles } = grownTie(dir);
    const sources = chairSources(chair.db);
    const key = generateKey();
    // Before results format 2 the app signed every decision whose entries the chair's order placed: both.
    const payload = mergedPayload({ ...sources, ties: sources.ties }, { name: 'Председатель', publicKey: key.publicKey }, NOW);
    const format1 = { ...payload, version: 1 as const, results: payload.results.map(asFormat1) };
    const path = writeMerged(format1, key, join(dir, 'format-1.jbmerged')).path;
    const signed = openMerged(path).payload;
    assert.deepEqual(signed.ties.map((d) => d.entryIds.join('')), ['BA', 'CBA']);
    const files = bundles.map((file) => ({ file: basename(file), path: file }));
    assert.deepEqual(recompute(signed, [pkg], files), { identical: true, differences: [] });
    // Results format 2 record only the decisions that settle a tie: the same ties there are a difference.
    const format2 = writeMerged(payload, key, join(dir, 'format-2.jbmerged')).path;
    assert.deepEqual(recompute(openMerged(format2).payload, [pkg], files).differences.map((d) => d.key), ['tie.notTied']);
  });
});
