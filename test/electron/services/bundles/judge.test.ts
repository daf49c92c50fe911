import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { ResultBundle } from '../../../../shared/formats/payloads.ts';
import { judgeBundle, judgeBundles, type JudgeContext } from '../../../../electron/services/bundles/judge.ts';
import { writeEnvelope } from '../../../../electron/services/signing/envelope.ts';
import { generateKey, publicKeyToBase64, type Ed25519Key } from '../../../../electron/services/signing/keys.ts';
import { publishedContest } from '../../../helpers/expert.ts';

/** A bundle as an expert's app would make it for the small contest: x1 scores both entries. */
function bundleOf(ctx: JudgeContext, patch: Partial<ResultBundle> = {}): ResultBundle {
  const pkg = ctx.packages[0];
  return {
    format: 'jurybox.result',
    version: 1,
    contestId: 'small',
    package: { revision: pkg?.payload.revision ?? 0, digest: pkg?.envelope.digest ?? '' },
    expertId: 'x1',
    sequence: 1,
    draft: false,
    createdAt: '2027-02-02T10:00:00.000Z',
    marks: [
      { entryId: 'e1', criterionId: 'q1', value: 7, comment: '' },
      { entryId: 'e2', criterionId: 'q1', value: 8, comment: '' },
    ],
    entryComments: [],
    conflicts: [],
    abstentions: [],
    ...patch,
  };
}

const sign = (bundle: unknown, key: Ed25519Key) => writeEnvelope('result', Buffer.from(JSON.stringify(bundle)), key);

function setUp(t: TestContext) {
  const contest = publishedContest(t);
  const ctx: JudgeContext = { packages: [contest.pkg] };
  const x1 = contest.keys.x1 as Ed25519Key;
  const x2 = contest.keys.x2 as Ed25519Key;
  const code = (bytes: Buffer) => judgeBundle(ctx, bytes, 'b.jbresult').reason?.code ?? 'accepted';
  return { ctx, x1, x2, code };
}

describe('judging result bundles', () => {
  it('accepts a bundle signed by the expert’s roster key that keeps every rule', (t) => {
    const { ctx, x1, code } = setUp(t);
    assert.equal(code(sign(bundleOf(ctx), x1)), 'accepted');
  });

  it('refuses a key not on the roster, and a bundle claiming one expert signed by another’s key', (t) => {
    const { ctx, x2, code } = setUp(t);
    assert.equal(code(sign(bundleOf(ctx), generateKey())), 'bundle.unknownKey');
    assert.equal(code(sign(bundleOf(ctx), x2)), 'bundle.otherExpertKey');
  });

  it('refuses another contest and an unknown package revision (mix and match)', (t) => {
    const { ctx, x1, code } = setUp(t);
    assert.equal(code(sign(bundleOf(ctx, { contestId: 'another' }), x1)), 'bundle.otherContest');
    assert.equal(code(sign(bundleOf(ctx, { package: { revision: 1, digest: 'a'.repeat(64) } }), x1)), 'bundle.unknownPackage');
  });

  it('refuses marks off the scale, for unknown or unassigned entries, for conflicted ones, and duplicated', (t) => {
    const { ctx, x1, x2, code } = setUp(t);
    const mark = (entryId: string, value: number) => ({ entryId, criterionId: 'q1', value, comment: '' });
    assert.equal(code(sign(bundleOf(ctx, { marks: [mark('e1', 11), mark('e2', 8)] }), x1)), 'bundle.offScale');
    assert.equal(code(sign(bundleOf(ctx, { marks: [mark('e1', 7.5), mark('e2', 8)] }), x1)), 'bundle.offScale');
    // A hair off the grid is off it: the chair's exact arithmetic would otherwise count 10.000000001 as given.
    for (const value of [10.000000001, 7.000000001, 1e-300, 0.1 + 0.2]) {
      assert.equal(code(sign(bundleOf(ctx, { marks: [mark('e1', value), mark('e2', 8)] }), x1)), 'bundle.offScale', String(value));
    }
    assert.equal(code(sign(bundleOf(ctx, { marks: [mark('e9', 7)] }), x1)), 'bundle.unknownEntry');
    assert.equal(code(sign(bundleOf(ctx, { marks: [{ ...mark('e1', 7), criterionId: 'q9' }, mark('e2', 8)] }), x1)), 'bundle.unknownCriterion');
    // x2 is from Tula, like entry e1: an automatic conflict.
    assert.equal(code(sign(bundleOf(ctx, { expertId: 'x2' }), x2)), 'bundle.conflicted');
    assert.equal(code(sign(bundleOf(ctx, { conflicts: [{ entryId: 'e2', reason: 'сам заявил' }] }), x1)), 'bundle.conflicted');
    assert.equal(code(sign(bundleOf(ctx, { marks: [mark('e1', 7), mark('e1', 7)] }), x1)), 'file.invalidPayload');
    assert.equal(code(sign(bundleOf(ctx, { marks: [mark('e1', 7)] }), x1)), 'bundle.incomplete');
    assert.equal(code(sign(bundleOf(ctx, { marks: [mark('e1', 7)], draft: true }), x1)), 'accepted');
  });

  it('keeps the highest sequence, supersedes lower ones, and refuses a rollback below what is held', (t) => {
    const { ctx, x1 } = setUp(t);
    const files = [1, 3, 2].map((sequence) => ({ file: `s${sequence}.jbresult`, bytes: sign(bundleOf(ctx, { sequence }), x1) }));
    assert.deepEqual(judgeBundles(ctx, files).map((v) => [v.file, v.status]), [['s1.jbresult', 'superseded'], ['s3.jbresult', 'accepted'], ['s2.jbresult', 'superseded']]);
    const held = new Map([['x1', { sequence: 3, digest: 'f'.repeat(64) }]]);
    const [lower] = judgeBundles(ctx, [files[2]!], held);
    assert.equal(lower?.reason?.code, 'bundle.rollback');
    assert.equal(lower?.status, 'refused');
  });

  it('flags the same sequence with different bytes as equivocation, and the same bytes twice as a duplicate', (t) => {
    const { ctx, x1 } = setUp(t);
    const a = sign(bundleOf(ctx, { sequence: 2 }), x1);
    const b = sign(bundleOf(ctx, { sequence: 2, createdAt: '2027-02-03T10:00:00.000Z' }), x1);
    const equivocal = judgeBundles(ctx, [{ file: 'a', bytes: a }, { file: 'b', bytes: b }]);
    assert.deepEqual(equivocal.map((v) => [v.status, v.reason?.code]), [['refused', 'bundle.equivocation'], ['refused', 'bundle.equivocation']]);
    const twice = judgeBundles(ctx, [{ file: 'a', bytes: a }, { file: 'a-copy', bytes: a }]);
    assert.deepEqual(twice.map((v) => v.status), ['accepted', 'duplicate']);
  });

  it('gives the same verdicts whatever the order of the files', (t) => {
    const { ctx, x1, x2 } = setUp(t);
    const files = [
      { file: 'x1-1', bytes: sign(bundleOf(ctx, { sequence: 1 }), x1) },
      { file: 'x1-2', bytes: sign(bundleOf(ctx, { sequence: 2 }), x1) },
      { file: 'x2-1', bytes: sign(bundleOf(ctx, { expertId: 'x2', marks: [{ entryId: 'e2', criterionId: 'q1', value: 5, comment: '' }] }), x2) },
      { file: 'bad', bytes: sign(bundleOf(ctx), generateKey()) },
    ];
    const byFile = (list: typeof files) => Object.fromEntries(judgeBundles(ctx, list).map((v) => [v.file, `${v.status} ${v.reason?.code ?? ''}`]));
    const forward = byFile(files);
    assert.deepEqual(byFile([...files].reverse()), forward);
    assert.deepEqual(forward, { 'x1-1': 'superseded ', 'x1-2': 'accepted ', 'x2-1': 'accepted ', bad: 'refused bundle.unknownKey' });
  });

  it('accepts a key missing from the roster once the chair confirmed it', (t) => {
    const { ctx } = setUp(t);
    const newKey = generateKey();
    const bytes = sign(bundleOf(ctx), newKey);
    assert.equal(judgeBundle({ ...ctx, confirmedKeys: new Map([['x1', publicKeyToBase64(newKey.publicKey)]]) }, bytes, 'b').status, 'accepted');
  });
});
