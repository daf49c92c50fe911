import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentResults, groupStatistics, resultsView } from '../../../../electron/services/chair/views.ts';
import { Workspace } from '../../../../electron/services/workspace.ts';
import { agreementReading } from '../../../../renderer/screens/chair/agreement-reading.ts';
import { edgeStatisticsChair } from '../../../helpers/edge-statistics.ts';
import { tempDir } from '../../../helpers/temp.ts';

describe('the chair’s statistics where exactness decides', () => {
  it('reads an ICC below 0 or above 1 by its reason, never as a reliability band', (t) => {
    const ws = Workspace.open(edgeStatisticsChair(tempDir(t)));
    t.after(() => ws.close());
    const stats = groupStatistics(ws.db, 'n-against', null);
    assert.deepEqual([stats.icc21, stats.icc2k].map((a) => (a.defined ? [a.value, a.outOfRange] : a.reason)), [
      [-3, 'belowZero'],
      [3, 'aboveOne'],
    ]);
    assert.deepEqual([agreementReading('icc', stats.icc21), agreementReading('icc', stats.icc2k)], ['stats.icc.belowChance', 'stats.icc.aboveOne']);
    // Opposite orders: the rank sums are all equal, so W is 0, defined.
    assert.deepEqual(stats.kendallW.defined && [stats.kendallW.value, agreementReading('w', stats.kendallW)], [0, 'stats.w.none']);
    const signed = currentResults(ws.db).results.find((r) => r.nominationId === 'n-against')?.statistics;
    assert.deepEqual(signed && [signed.icc21, signed.icc2k, signed.notes], [-3, 3, { icc21: 'belowZero', icc2k: 'aboveOne' }]);
  });

  it('says “no variance” for totals equal in decimal, and the normalised method ties the entries', (t) => {
    const ws = Workspace.open(edgeStatisticsChair(tempDir(t)));
    t.after(() => ws.close());
    const stats = groupStatistics(ws.db, 'n-equal', null);
    for (const a of [stats.kendallW, stats.icc21, stats.icc2k]) assert.deepEqual(a, { defined: false, reason: 'noVariance' });
    const group = resultsView(ws.db).groups.find((g) => g.nominationId === 'n-equal');
    assert.deepEqual(group?.unresolvedTies, [['b1', 'b2', 'b3']]);
    assert.deepEqual(new Set(group?.ranked.map((r) => r.score)), new Set([0.7]));
    assert.deepEqual(group?.statistics.notes, { kendallW: 'noVariance', icc21: 'noVariance', icc2k: 'noVariance' });
  });

  it('marks the entry the trimmed mean could not trim', (t) => {
    const ws = Workspace.open(edgeStatisticsChair(tempDir(t)));
    t.after(() => ws.close());
    const group = resultsView(ws.db).groups.find((g) => g.nominationId === 'n-trimmed');
    // c1: 8, 9, 2 → drop 2 and 9 → 8. c2: 6, 9 → n = 2 ≤ 2k → (6 + 9)/2 = 7.5, marked.
    assert.deepEqual(
      group?.ranked.map((r) => [r.entryId, r.score, r.trimFallback]),
      [
        ['c1', 8, undefined],
        ['c2', 7.5, true],
      ],
    );
  });
});
