import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { mergedPayload, openMerged, recompute, standingFromFiles, writeMerged } from '../../../../electron/services/chair/merge.ts';
import { writeDemo } from '../../../../electron/services/demo/demo.ts';
import { openPackage } from '../../../../electron/services/package/contest-package.ts';
import { generateKey } from '../../../../electron/services/signing/keys.ts';
import { userError } from '../../../helpers/errors.ts';
import { tempDir } from '../../../helpers/temp.ts';

const NOW = '2026-09-30T12:00:00.000Z';

function demoInputs(t: TestContext) {
  const demo = writeDemo(tempDir(t), { seed: 3, now: '2026-09-28T09:00:00.000Z' });
  const packages = [openPackage(demo.package)];
  const files = demo.bundles.map((path) => ({ file: basename(path), bytes: readFileSync(path) }));
  return { demo, packages, files };
}

const chair = { name: 'Председатель', publicKey: generateKey().publicKey };

describe('merged results', () => {
  it('rank every group from the standing bundles, whatever order the files come in', (t) => {
    const { packages, files } = demoInputs(t);
    const merge = (list: typeof files) => mergedPayload({ packages, bundles: standingFromFiles(packages, list).bundles, confirmedKeys: new Map(), ties: [] }, chair, NOW);
    const forward = merge(files);
    const backward = merge([...files].reverse());
    assert.equal(forward.bundles.length, 9);
    assert.ok(forward.results.length >= (packages[0]?.payload.contest.nominations.length ?? 99));
    assert.ok(forward.results.some((r) => r.ranked.some((x) => x.place === 1)), 'some group has a first place');
    assert.deepEqual(backward, forward);
  });

  it('are signed by the chair, refused when a byte changes, and recompute identically from the same files', (t) => {
    const { packages, files } = demoInputs(t);
    const key = generateKey();
    const payload = mergedPayload({ packages, bundles: standingFromFiles(packages, files).bundles, confirmedKeys: new Map(), ties: [] }, { name: 'Председатель', publicKey: key.publicKey }, NOW);
    const path = join(tempDir(t), 'results.jbmerged');
    writeMerged(payload, key, path);
    assert.deepEqual(openMerged(path).payload, payload);
    assert.equal(userError(() => writeMerged(payload, key, path)).code, 'publish.exists');

    const bytes = readFileSync(path);
    const at = bytes.indexOf('"sig": "') + 9;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    const tampered = join(tempDir(t), 'tampered.jbmerged');
    writeFileSync(tampered, bytes);
    assert.equal(userError(() => openMerged(tampered)).code, 'file.badSignature');

    assert.deepEqual(recompute(payload, packages, [...files].reverse()), { identical: true, differences: [] });
  });

  it('differ on recompute when a bundle is missing, the package is another, or a result was changed', (t) => {
    const { packages, files } = demoInputs(t);
    const payload = mergedPayload({ packages, bundles: standingFromFiles(packages, files).bundles, confirmedKeys: new Map(), ties: [] }, chair, NOW);

    const missing = recompute(payload, packages, files.slice(1));
    assert.equal(missing.identical, false);
    assert.deepEqual(missing.differences.map((d) => d.key), ['recompute.diff.missing']);

    const other = demoInputs(t).packages;
    assert.deepEqual(recompute(payload, other, files).differences.map((d) => d.key), ['recompute.diff.package']);

    const edited = structuredClone(payload);
    const first = edited.results.find((r) => r.ranked.length > 0)?.ranked[0];
    assert.ok(first && first.score !== null);
    first.score = (first.score ?? 0) + 0.5;
    const changed = recompute(edited, packages, files);
    assert.deepEqual(changed.differences.map((d) => d.key), ['recompute.diff.results']);
  });

  it('leave out a bundle whose signature fails, and say why', (t) => {
    const { packages, files } = demoInputs(t);
    const [victim, ...rest] = files;
    assert.ok(victim);
    const bytes = Buffer.from(victim.bytes);
    const at = bytes.indexOf('"sig": "') + 9;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    const { verdicts, bundles } = standingFromFiles(packages, [{ file: victim.file, bytes }, ...rest]);
    assert.equal(bundles.length, 8);
    const refused = verdicts.find((v) => v.file === victim.file);
    assert.equal(refused?.status, 'refused');
    assert.equal(refused?.reason?.code, 'file.badSignature');
  });
});
