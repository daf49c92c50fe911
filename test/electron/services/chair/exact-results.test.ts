import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importBundles } from '../../../../electron/services/chair/intake.ts';
import { openMerged, recompute, writeMerged } from '../../../../electron/services/chair/merge.ts';
import { resultsView } from '../../../../electron/services/chair/views.ts';
import { applyPackage, createFromPackage } from '../../../../electron/services/expert/packages.ts';
import { openPackage } from '../../../../electron/services/package/contest-package.ts';
import { generateKey, publicKeyToBase64 } from '../../../../electron/services/signing/keys.ts';
import { venueOf } from '../../../../shared/domain/venue.ts';
import type { CategoryResult, MergedResults } from '../../../../shared/formats/payloads.ts';
import { fallbackResults, TRIMMED, type FallbackResults } from '../../../helpers/fallback-results.ts';
import { repoRoot } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

const NOW = '2026-09-30T12:00:00.000Z';

/** Every entry of a group, ranked and flagged, with its evaluations and marker. */
const entriesOf = (r: CategoryResult) => [...r.ranked, ...r.flagged].map((e) => ({ id: e.entryId, evaluations: e.evaluations, fallback: e.trimFallback }));

describe('a trimmed mean that fell back to the plain mean', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jurybox-fallback-'));
  let made: FallbackResults;
  before(() => (made = fallbackResults(dir)));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is marked on each entry it scored, in the results, the signed file and the venue view, and recomputes IDENTICAL', () => {
    const { payload } = made;
    assert.equal(payload.version, 2);
    const group = payload.results.find((r) => r.nominationId === TRIMMED);
    assert.ok(group);
    assert.deepEqual([group.rules.method, group.rules.trim], ['trimmed', 2]);
    // k = 2: an entry with n ≤ 4 evaluations keeps nothing after trimming, so the plain mean scored it.
    const entries = entriesOf(group);
    assert.ok(entries.some((e) => e.evaluations <= 4) && entries.some((e) => e.evaluations > 4), JSON.stringify(entries));
    for (const e of entries) assert.equal(e.fallback, e.evaluations <= 4 ? true : undefined, e.id);
    for (const r of payload.results.filter((x) => x.nominationId !== TRIMMED)) assert.ok(entriesOf(r).every((e) => e.fallback === undefined), r.nominationId);

    const signed = openMerged(made.path);
    assert.deepEqual(signed.payload, payload);
    assert.match(readFileSync(made.path, 'utf8'), /"payloadType": "application\/vnd\.jurybox\.merged\+json; version=1"/);
    const venue = venueOf(signed.payload, { name: 'fallback.jbmerged', digest: signed.digest, fingerprint: signed.fingerprint }).groups.find((g) => g.nominationId === TRIMMED);
    assert.deepEqual(
      venue?.ranked.map((r) => [r.entryId, r.trimFallback]),
      group.ranked.map((r) => [r.entryId, r.trimFallback]),
    );
    assert.deepEqual(recompute(signed.payload, made.packages, made.files), { identical: true, differences: [] });
  });

  it('is marked in what the chair’s results screen shows', (t) => {
    const ws = createFromPackage(join(tempDir(t), 'chair.sqlite'), made.packages[0] ?? openPackage(made.demo.package), { kind: 'chair' }, NOW);
    t.after(() => ws.close());
    importBundles(ws.db, made.files, NOW);
    applyPackage(ws, openPackage(made.revision2), 'contest-r2.jbcontest', NOW);
    const shown = resultsView(ws.db).groups.find((g) => g.nominationId === TRIMMED);
    const signed = made.payload.results.find((r) => r.nominationId === TRIMMED);
    assert.ok(shown && signed);
    assert.deepEqual(entriesOf(shown), entriesOf(signed));
  });
});

const FORMAT_1 = join(repoRoot, 'test', 'fixtures', 'results-format-1');
const format1Bundles = () => readdirSync(join(FORMAT_1, 'bundles')).sort().map((file) => ({ file, bytes: readFileSync(join(FORMAT_1, 'bundles', file)) }));

describe('results signed before results format 2', () => {
  // The demo's package, bundles and merged results as the JuryBox before exact arithmetic wrote them.
  it('still open and recompute IDENTICAL, compared without the fields format 1 did not have', () => {
    const merged = openMerged(join(FORMAT_1, 'results.jbmerged'));
    assert.equal(merged.payload.version, 1);
    assert.ok(merged.payload.results.every((r) => r.statistics.notes === undefined && r.ranked.every((e) => e.trimFallback === undefined)));
    const outcome = recompute(merged.payload, [openPackage(join(FORMAT_1, 'contest.jbcontest'))], format1Bundles());
    assert.deepEqual(outcome, { identical: true, differences: [] });
  });

  it('name the group that differs, and say the file was computed in binary floating point', (t) => {
    const merged = openMerged(join(FORMAT_1, 'results.jbmerged')).payload;
    // One score one millionth off, as a rounding of the old arithmetic could have made it.
    const changed: MergedResults = structuredClone(merged);
    const first = changed.results[0]?.ranked[0];
    assert.ok(first && first.score !== null);
    first.score = Number((first.score + 0.000001).toFixed(6));
    const key = generateKey();
    changed.chair.publicKey = publicKeyToBase64(key.publicKey);
    const path = join(tempDir(t), 'changed.jbmerged');
    writeMerged(changed, key, path);
    const outcome = recompute(openMerged(path).payload, [openPackage(join(FORMAT_1, 'contest.jbcontest'))], format1Bundles());
    assert.equal(outcome.identical, false);
    assert.deepEqual(
      outcome.differences.map((d) => d.key),
      ['recompute.diff.results', 'recompute.diff.format1'],
    );
  });
});
