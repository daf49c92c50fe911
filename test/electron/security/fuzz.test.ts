import assert from 'node:assert/strict';
import fs, { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { AppError } from '../../../shared/errors.ts';
import { PAYLOAD_TYPES } from '../../../shared/formats/dsse.ts';
import { translate, type MessageKey } from '../../../shared/i18n/index.ts';
import { BundleIntake } from '../../../electron/api/chair.ts';
import { openMerged } from '../../../electron/services/chair/merge.ts';
import { DEMO_PASSPHRASE, writeDemo, type DemoFiles } from '../../../electron/services/demo/demo.ts';
import { createFromPackage } from '../../../electron/services/expert/packages.ts';
import { openPackage } from '../../../electron/services/package/contest-package.ts';
import { createEnrolment, openEnrolment } from '../../../electron/services/package/enrolment.ts';
import { verifyFiles } from '../../../electron/services/package/verify.ts';
import { MAX_FILE_BYTES, readEnvelopeFile } from '../../../electron/services/signing/envelope.ts';
import { unlockKeyFile } from '../../../electron/services/signing/key-file.ts';
import { generateKey, keyIdOf, type Ed25519Key } from '../../../electron/services/signing/keys.ts';
import { Anatomy, malleated, nonCanonical, replaceValue, type Original, type PayloadFields } from '../../helpers/fuzz-mutations.ts';
import { NOW, publishedContest } from '../../helpers/expert.ts';
import { fuzzAll, type FuzzReport } from '../../helpers/fuzz.ts';

/** Every report fuzzAll gives, and the fewest mutations each must have tried at 'test' scale. */
const KINDS: Record<string, number> = {
  'package: byte flips': 500,
  'enrolment: byte flips': 500,
  'bundle: byte flips': 500,
  'merged: byte flips': 500,
  'structured: duplicate keys': 80,
  'structured: numbers': 300,
  'structured: deep nesting': 60,
  'structured: oversized': 8,
  'structured: payloadType': 80,
  'structured: signatures': 120,
  'structured: envelope': 180,
  'structured: payload schema': 150,
};

describe('fuzzing every file that travels', () => {
  let reports: FuzzReport[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'jurybox-fuzz-'));
  before(async () => {
    reports = await fuzzAll({ scale: 'test', dir });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives one report per file kind and mutation family', () => {
    assert.deepEqual(reports.map((r) => r.kind), Object.keys(KINDS));
  });

  for (const [kind, fewest] of Object.entries(KINDS)) {
    it(`${kind}: refuses every one with a clear message, and leaves the workspace as it was`, (t) => {
      const report = reports.find((r) => r.kind === kind);
      assert.ok(report, `no report for ${kind}`);
      t.diagnostic(`${report.tried} tried, ${report.refused} refused`);
      assert.deepEqual(report.crashes, []);
      assert.deepEqual(report.partial, []);
      assert.equal(report.refused, report.tried);
      assert.ok(report.tried >= fewest, `only ${report.tried} tried`);
    });
  }
});

const en = (error: { code: string; params: Record<string, string | number> }) => translate('en', error.code as MessageKey, error.params);

/** The user's message for what `fn` throws, in English; anything but a user error fails the test. */
function shown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return en(error);
    throw error;
  }
  throw new Error('accepted');
}

describe('structured mutations, each refused for its own reason', () => {
  let demo: DemoFiles;
  let dir: string;
  const key = (name: string): Ed25519Key => unlockKeyFile(readFileSync(join(demo.keys, `${name}.key`), 'utf8'), { passphrase: DEMO_PASSPHRASE }, name);
  const fields: PayloadFields = { scalars: [], integers: [], numbers: [], marks: [], keys: [], signerKey: null };
  const anatomy = (kind: Original['kind'], path: string, signer: string) => new Anatomy({ kind, bytes: readFileSync(path), key: key(signer), stranger: key('chair'), fields });
  const bundle = () => anatomy('result', demo.bundles.find((b) => basename(b) === 'kim.jbresult') ?? '', 'expert-kim');
  const pkg = () => anatomy('contest', demo.package, 'organiser');

  /** The chair's intake of one file, through the API's batches, and the reason the user reads. */
  const intake = (file: string, bytes: Buffer): string => {
    const ws = createFromPackage(join(mkdtempSync(join(dir, 'chair-')), 'chair.sqlite'), openPackage(demo.package), { kind: 'chair' }, '2026-09-29T09:00:00.000Z');
    try {
      const desk = new BundleIntake();
      const { batch } = desk.begin();
      desk.stage(batch, file, bytes.toString('base64'));
      const [verdict] = desk.commit(ws, batch);
      assert.equal(verdict?.status, 'refused');
      return verdict.reason ? translate('en', verdict.reason.key as MessageKey, verdict.reason.params) : '';
    } finally {
      ws.close();
    }
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jurybox-structured-'));
    demo = writeDemo(join(dir, 'demo'), { now: '2026-09-28T09:00:00.000Z' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a key given twice inside the signed payload, though the signature holds', () => {
    const bytes = bundle().resigned((t) => replaceValue(t, 'sequence', '1, "sequence": 2'));
    assert.equal(intake('kim.jbresult', bytes), 'File kim.jbresult refused: the field “sequence” appears twice in one object, so the file could be read in two ways.');
  });

  it('refuses a number float64 cannot hold, rather than reading it as Infinity', () => {
    const bytes = bundle().resigned((t) => replaceValue(t, 'value', '1e400'));
    assert.match(intake('kim.jbresult', bytes), /^File kim\.jbresult is damaged: its signed content does not read as JSON \(character \d+ of the content\)\.$/);
  });

  it('refuses nesting a hundred thousand deep without running out of stack', () => {
    const deep = Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    assert.equal(intake('kim.jbresult', bundle().signed(deep)), 'File kim.jbresult refused: its data is nested deeper than 64 levels.');
    assert.equal(shown(() => openPackage('deep.jbcontest', Buffer.from(`{"payloadType": ${'['.repeat(100_000)}`))), 'File deep.jbcontest refused: its data is nested deeper than 64 levels.');
  });

  it('refuses a bundle signed by its expert under another payloadType', () => {
    const bytes = bundle().signed(bundle().payload, PAYLOAD_TYPES.enrolment);
    assert.equal(intake('kim.jbresult', bytes), 'File kim.jbresult is the wrong kind of file: a .jbresult file was expected, and this is a .jbenrol file.');
  });

  it('refuses a second signature, even the same one again', () => {
    const a = bundle();
    assert.equal(intake('kim.jbresult', a.build({ signatures: a.sigs(a.item(), a.item()) })), 'File kim.jbresult refused: it must carry exactly one signature, and it carries 2.');
  });

  it('refuses a keyid that is not the key the package names, and a signature with S + L', () => {
    const a = pkg();
    const otherKeyid = a.build({ signatures: a.sigs(a.item(keyIdOf(generateKey().publicKey))) });
    assert.match(shown(() => openPackage('contest.jbcontest', otherKeyid)), /^File contest\.jbcontest is signed by a key other than the one that should sign it/);
    const stretched = a.build({ signatures: a.sigs(a.item(a.keyid, malleated(a.sig))) });
    assert.match(shown(() => openPackage('contest.jbcontest', stretched)), /^File contest\.jbcontest: the signature does not match/);
  });

  it('refuses a roster key written in non-canonical base64', () => {
    const a = pkg();
    const payload = JSON.parse(a.payload.toString('utf8')) as { roster: { publicKey: string }[] };
    const first = payload.roster[0];
    assert.ok(first);
    first.publicKey = nonCanonical(first.publicKey);
    const bytes = a.signed(Buffer.from(JSON.stringify(payload, null, 2)));
    assert.match(shown(() => openPackage('contest.jbcontest', bytes)), /^The content of file contest\.jbcontest did not pass the checks: roster\.0\.publicKey: expected the 32-byte Ed25519 public key in canonical base64$/);
  });

  it('keeps the message short when a crafted file breaks a rule a thousand times over', () => {
    const a = anatomy('merged', demo.results, 'chair');
    const many = a.resigned((t) => t.replace('{', `{${Array.from({ length: 2_000 }, (_, i) => `"extra-field-${i}": 0`).join(', ')}, `));
    const message = shown(() => openMerged('results.jbmerged', many));
    assert.match(message, /^The content of file results\.jbmerged did not pass the checks: Unrecognized keys: "extra-field-0", .*…$/);
    assert.ok(message.length < 300, `${message.length} characters`);
    const long = a.resigned((t) => t.replace('{', `{"${'k'.repeat(100_000)}": 1, "${'k'.repeat(100_000)}": 2, `));
    assert.ok(shown(() => openMerged('results.jbmerged', long)).length < 400);
    // Cut short, a key of emoji keeps whole characters: no half of a surrogate pair is left.
    const emoji = a.resigned((t) => t.replace('{', `{"${'😀'.repeat(300)}": 1, "${'😀'.repeat(300)}": 2, `));
    const cut = shown(() => openMerged('results.jbmerged', emoji));
    assert.ok(cut.includes(`“${'😀'.repeat(99)}…”`), cut);
    assert.doesNotMatch(cut, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('a file far over the size cap', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jurybox-huge-'));
  });
  after(() => {
    mock.restoreAll();
    syncBuiltinESMExports();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused, by every reader, without a byte of it read', () => {
    const huge = join(dir, 'huge.jbresult');
    writeFileSync(huge, '');
    truncateSync(huge, 6 * 1024 ** 3);
    const readFile = mock.method(fs, 'readFileSync');
    const read = mock.method(fs, 'readSync');
    syncBuiltinESMExports();
    const message = `File ${huge} is too large: 6,442,450,944 bytes, while a file of this kind is never larger than`;
    assert.ok(shown(() => readEnvelopeFile(huge)).startsWith(`${message} 67,108,864 bytes.`));
    assert.ok(shown(() => readEnvelopeFile(huge, 'result')).startsWith(`${message} 33,554,432 bytes.`));
    assert.ok(shown(() => openPackage(huge)).startsWith(message));
    assert.ok(shown(() => openMerged(huge)).startsWith(message));
    const [verdict] = verifyFiles([huge]);
    assert.equal(verdict?.reason?.code, 'file.tooLarge');
    const touched = [...readFile.mock.calls, ...read.mock.calls].filter((c) => c.arguments[0] === huge || typeof c.arguments[0] === 'number');
    assert.deepEqual(touched, []);
    mock.restoreAll();
    syncBuiltinESMExports();
  });

  it('is read at exactly the cap, and refused one byte over', (t) => {
    const { pkg, keys } = publishedContest(t);
    const bytes = createEnrolment(pkg.payload, 'x1', keys.x1 as Ed25519Key, NOW);
    const max = MAX_FILE_BYTES.enrolment;
    // Whitespace before the closing brace: a file valid in every way but its size.
    const padded = (size: number) => Buffer.concat([bytes.subarray(0, bytes.length - 2), Buffer.alloc(size - bytes.length, 0x20), Buffer.from('}\n')]);
    assert.equal(openEnrolment(padded(max), 'x1.jbenrol').enrolment.expertId, 'x1');
    assert.equal(shown(() => openEnrolment(padded(max + 1), 'x1.jbenrol')), 'File x1.jbenrol is too large: 65,537 bytes, while a file of this kind is never larger than 65,536 bytes.');
  });
});
