import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { AppError } from '../../../shared/errors.ts';
import type { ResultBundle } from '../../../shared/formats/payloads.ts';
import { translate, type Lang, type MessageKey } from '../../../shared/i18n/index.ts';
import { BundleIntake, checkEnrolment, confirmEnrolmentKey } from '../../../electron/api/chair.ts';
import { updatePackage } from '../../../electron/api/expert.ts';
import { auditLog } from '../../../electron/services/chair/audit.ts';
import { DEMO_PASSPHRASE, writeDemo, type DemoFiles } from '../../../electron/services/demo/demo.ts';
import { applyPackage, createExpertWorkspace, createFromPackage } from '../../../electron/services/expert/packages.ts';
import { openPackage, publish } from '../../../electron/services/package/contest-package.ts';
import { createEnrolment } from '../../../electron/services/package/enrolment.ts';
import { readEnvelope, writeEnvelope } from '../../../electron/services/signing/envelope.ts';
import { unlockKeyFile } from '../../../electron/services/signing/key-file.ts';
import { fingerprintOf, generateKey, keyIdOf, publicKeyToBase64, type Ed25519Key } from '../../../electron/services/signing/keys.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { nonCanonical } from '../../helpers/fuzz-mutations.ts';
import { tempDir } from '../../helpers/temp.ts';

/**
 * The attacks of issue 7 on the files that travel, each through the path the app uses, each ending
 * in the message the user reads: translated from the error's key and parameters, as the UI does.
 */

const NOW = '2026-09-29T09:00:00.000Z';

let dir: string;
let demo: DemoFiles;
/** Revision 2 of the demo's package, published by the demo organiser. */
let r2: string;

const key = (name: string): Ed25519Key => {
  const path = join(demo.keys, `${name}.key`);
  return unlockKeyFile(readFileSync(path, 'utf8'), { passphrase: DEMO_PASSPHRASE }, path);
};
const b64 = (bytes: Buffer) => bytes.toString('base64');
const demoBundle = (expertId: string) => readFileSync(demo.bundles.find((b) => basename(b) === `${expertId}.jbresult`) ?? '');

/** The message `fn` throws, as the user reads it in `lang`; anything but a user error fails the test. */
function shown(lang: Lang, fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return translate(lang, error.code, error.params);
    throw error;
  }
  throw new Error('accepted');
}

/** A chair's workspace made from revision 1, closed when the test ends. */
function chair(t: TestContext): Workspace {
  const ws = createFromPackage(join(tempDir(t), 'chair.sqlite'), openPackage(demo.package), { kind: 'chair' }, NOW);
  t.after(() => ws.close());
  return ws;
}

/** An expert's workspace made from revision 1, closed when the test ends. */
function expert(t: TestContext, expertId = 'smirnov'): Workspace {
  const ws = createExpertWorkspace(join(tempDir(t), `${expertId}.sqlite`), openPackage(demo.package), expertId, NOW);
  t.after(() => ws.close());
  return ws;
}

/** Bundles imported as the chair's screen imports them (one batch), with each verdict's reason as the user reads it. */
function importAs(ws: Workspace, files: { file: string; bytes: Buffer }[], lang: Lang = 'en'): { file: string; status: string; message: string }[] {
  const desk = new BundleIntake();
  const { batch } = desk.begin();
  for (const f of files) desk.stage(batch, f.file, b64(f.bytes));
  return desk.commit(ws, batch).map((v) => ({ file: v.file, status: v.status, message: v.reason ? translate(lang, v.reason.key as MessageKey, v.reason.params) : '' }));
}

/** The demo bundle of `expertId`, changed by `patch` and signed by `signer` (the expert's own key unless told). */
function bundleOf(expertId: string, patch: (b: ResultBundle) => void, signer: Ed25519Key = key(`expert-${expertId}`)): Buffer {
  const payload = JSON.parse(readEnvelope(demoBundle(expertId), 'b').payload.toString('utf8')) as ResultBundle;
  patch(payload);
  return writeEnvelope('result', Buffer.from(`${JSON.stringify(payload, null, 2)}\n`), signer);
}

/** Revision 2's payload, changed by `patch` and signed by `signer`. */
function packageOf(patch: (p: ReturnType<typeof openPackage>['payload']) => void, signer: Ed25519Key): Buffer {
  const payload = openPackage(r2).payload;
  patch(payload);
  return writeEnvelope('contest', Buffer.from(`${JSON.stringify(payload, null, 2)}\n`), signer);
}

describe('threats to the files that travel', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jurybox-threats-'));
    demo = writeDemo(join(dir, 'demo'), { now: '2026-09-28T09:00:00.000Z' });
    r2 = join(dir, 'contest-r2.jbcontest');
    const organiser = Workspace.open(demo.workspace);
    try {
      publish(organiser.db, key('organiser'), { path: r2, organiserName: 'Оргкомитет (демо)', now: NOW });
    } finally {
      organiser.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a bundle whose sequence is lower than the one the chair holds (rollback)', (t) => {
    const ws = chair(t);
    const second = { file: 'kim-2.jbresult', bytes: bundleOf('kim', (b) => (b.sequence = 2)) };
    assert.equal(importAs(ws, [second])[0]?.status, 'accepted');
    const [verdict] = importAs(ws, [{ file: 'kim.jbresult', bytes: demoBundle('kim') }]);
    assert.equal(verdict?.message, 'File kim.jbresult: number 1 is lower than the one already accepted (2) from expert kim. Older results do not replace newer ones.');
    assert.equal(importAs(ws, [{ file: 'kim.jbresult', bytes: demoBundle('kim') }], 'ru')[0]?.message, 'Файл kim.jbresult: номер 1 меньше уже принятого (2) от эксперта kim. Старые результаты не заменяют новые.');
    assert.deepEqual(ws.db.prepare("SELECT file_name FROM bundles WHERE expert_id = 'kim' AND status = 'current'").all(), [{ file_name: 'kim-2.jbresult' }]);
  });

  it('refuses an older revision of the contest package than the one held (rollback)', (t) => {
    const ws = expert(t);
    assert.deepEqual(updatePackage(ws, 'contest-r2.jbcontest', b64(readFileSync(r2))), { revision: 2, updated: true, cleared: [] });
    const older = () => updatePackage(ws, 'contest.jbcontest', b64(readFileSync(demo.package)));
    assert.equal(shown('en', older), 'Package contest.jbcontest is revision 1, and you already have revision 2. An older revision cannot be opened.');
    assert.equal(shown('ru', older), 'Пакет contest.jbcontest — редакция 1, а у вас уже редакция 2. Более старую редакцию открыть нельзя.');
    // The chair's workspace takes revisions by the same rule.
    const chairWs = chair(t);
    applyPackage(chairWs, openPackage(r2), 'contest-r2.jbcontest', NOW);
    assert.equal(shown('en', () => applyPackage(chairWs, openPackage(demo.package), 'contest.jbcontest', NOW)), 'Package contest.jbcontest is revision 1, and you already have revision 2. An older revision cannot be opened.');
  });

  it('refuses two different bundles of one expert under the same sequence (equivocation)', (t) => {
    const other = { file: 'kim-again.jbresult', bytes: bundleOf('kim', (b) => (b.createdAt = '2026-09-28T10:00:00.000Z')) };
    const original = { file: 'kim.jbresult', bytes: demoBundle('kim') };
    const both = importAs(chair(t), [original, other]);
    assert.deepEqual(both, [
      { file: 'kim.jbresult', status: 'refused', message: 'File kim.jbresult: expert kim has two different files with the same number 1. Both are refused until this is cleared up.' },
      { file: 'kim-again.jbresult', status: 'refused', message: 'File kim-again.jbresult: expert kim has two different files with the same number 1. Both are refused until this is cleared up.' },
    ]);
    // One held already: the other, arriving later, is refused all the same.
    const ws = chair(t);
    importAs(ws, [original]);
    assert.equal(importAs(ws, [other], 'ru')[0]?.message, 'Файл kim-again.jbresult: у эксперта kim два разных файла с одним номером 1. Оба отклонены до выяснения.');
  });

  it('refuses a bundle for another contest, for a revision the chair does not hold, or for another file of a revision (mix and match)', (t) => {
    const ws = chair(t);
    const otherContest = bundleOf('kim', (b) => (b.contestId = 'mfc-best-2025'));
    const digest = (path: string) => readEnvelope(readFileSync(path), path).digest;
    const unknownRevision = bundleOf('kim', (b) => (b.package = { revision: 2, digest: digest(r2) }));
    const otherFile = bundleOf('kim', (b) => (b.package = { revision: 1, digest: digest(r2) }));
    assert.deepEqual(importAs(ws, [{ file: 'a.jbresult', bytes: otherContest }, { file: 'b.jbresult', bytes: unknownRevision }, { file: 'c.jbresult', bytes: otherFile }]).map((v) => v.message), [
      'File a.jbresult holds results of another contest (mfc-best-2025).',
      'File b.jbresult was made against revision 2 of the package, which is not among the known ones (or that revision’s file differs).',
      'File c.jbresult was made against revision 1 of the package, which is not among the known ones (or that revision’s file differs).',
    ]);
    assert.equal((ws.db.prepare('SELECT count(*) AS n FROM bundles').get() as { n: number }).n, 0);
  });

  it('refuses a bundle that claims one expert and is signed with another expert’s key', (t) => {
    const forged = bundleOf('kim', () => undefined, key('expert-smirnov'));
    assert.deepEqual(importAs(chair(t), [{ file: 'kim.jbresult', bytes: forged }]), [
      { file: 'kim.jbresult', status: 'refused', message: 'File kim.jbresult claims to be expert kim’s results but is signed by expert smirnov’s key.' },
    ]);
  });

  it('refuses a package whose roster lists one key for two experts, however the key is spelled', (t) => {
    const ws = expert(t);
    const kimKey = publicKeyToBase64(key('expert-kim').publicKey);
    const roster = (spell: (k: string) => string) => packageOf((p) => {
      const smirnov = p.roster.find((r) => r.expertId === 'smirnov');
      assert.ok(smirnov);
      smirnov.publicKey = spell(kimKey);
    }, key('organiser'));
    const at = openPackage(r2).payload.roster.findIndex((r) => r.expertId === 'smirnov');
    assert.match(shown('en', () => updatePackage(ws, 'contest-r2.jbcontest', b64(roster((k) => k)))), new RegExp(`^The content of file contest-r2\\.jbcontest did not pass the checks: roster\\.\\d+\\.publicKey: the same key is listed for two experts$`));
    assert.equal(shown('en', () => updatePackage(ws, 'contest-r2.jbcontest', b64(roster(nonCanonical)))), `The content of file contest-r2.jbcontest did not pass the checks: roster.${at}.publicKey: expected the 32-byte Ed25519 public key in canonical base64`);
  });

  it('refuses to confirm for one expert a key the roster gives another', (t) => {
    const ws = chair(t);
    // Kim's own key, enrolled in smirnov's name: the file is genuinely signed by that key.
    const enrolment = createEnrolment(openPackage(demo.package).payload, 'smirnov', key('expert-kim'), NOW);
    assert.equal(shown('en', () => confirmEnrolmentKey(ws, 'smirnov.jbenrol', b64(enrolment))), 'File smirnov.jbenrol: this key is already enrolled for expert kim.');
    const organisers = createEnrolment(openPackage(demo.package).payload, 'smirnov', key('organiser'), NOW);
    assert.equal(shown('en', () => confirmEnrolmentKey(ws, 'smirnov.jbenrol', b64(organisers))), 'File smirnov.jbenrol: this is the organiser’s key; an expert cannot sign with it.');
    assert.equal((ws.db.prepare('SELECT count(*) AS n FROM confirmed_keys').get() as { n: number }).n, 0);
  });

  it('refuses a bundle signed by an expert’s new key until the chair confirms its fingerprint', (t) => {
    const ws = chair(t);
    const newKey = generateKey();
    const bundle = { file: 'kim.jbresult', bytes: bundleOf('kim', () => undefined, newKey) };
    assert.deepEqual(importAs(ws, [bundle]), [
      { file: 'kim.jbresult', status: 'refused', message: `File kim.jbresult is signed by a key that is not on the contest’s roster (key ${keyIdOf(newKey.publicKey).slice(0, 16)}…).` },
    ]);
    const enrolment = b64(createEnrolment(openPackage(demo.package).payload, 'kim', newKey, NOW));
    // What the chair compares with kim by phone before confirming.
    assert.deepEqual(checkEnrolment(ws, 'kim.jbenrol', enrolment), { expertId: 'kim', name: openPackage(demo.package).payload.contest.experts.find((x) => x.id === 'kim')?.name, fingerprint: fingerprintOf(newKey.publicKey), status: 'new' });
    confirmEnrolmentKey(ws, 'kim.jbenrol', enrolment);
    assert.equal(importAs(ws, [bundle])[0]?.status, 'accepted');
    assert.deepEqual(auditLog(ws.db).filter((a) => a.action === 'key.confirmed').map((a) => a.detail), [{ file: 'kim.jbenrol', fingerprint: fingerprintOf(newKey.publicKey) }]);
  });

  it('refuses a package signed by another organiser key than the one the expert’s workspace pinned', (t) => {
    const ws = expert(t);
    const stranger = generateKey();
    const pinned = fingerprintOf(key('organiser').publicKey);
    const own = packageOf((p) => (p.organiser.publicKey = publicKeyToBase64(stranger.publicKey)), stranger);
    const update = () => updatePackage(ws, 'contest-r2.jbcontest', b64(own));
    assert.equal(shown('en', update), `Package contest-r2.jbcontest is signed by another key (${fingerprintOf(stranger.publicKey)}), not by this contest’s organiser key (${pinned}). The package is refused: check with the organiser.`);
    assert.equal(shown('ru', update), `Пакет contest-r2.jbcontest подписан другим ключом (${fingerprintOf(stranger.publicKey)}), а не ключом организатора этого конкурса (${pinned}). Пакет отклонён: уточните у организатора.`);
    // Naming the pinned key while signing with another does not help.
    const borrowed = packageOf(() => undefined, stranger);
    assert.equal(shown('en', () => updatePackage(ws, 'contest-r2.jbcontest', b64(borrowed))), 'File contest-r2.jbcontest is signed by a key other than the one that should sign it: it is forged, or it comes from another organiser or expert.');
    assert.deepEqual(ws.db.prepare('SELECT max(revision) AS r FROM packages').get(), { r: 1 });
  });
});
