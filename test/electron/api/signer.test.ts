import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { confirmEnrolmentKey, finaliseView, signResults } from '../../../electron/api/chair.ts';
import { openForChair } from '../../../electron/api/chair.ts';
import { exportEnrolment, openForExpert, runSubmit, submitStatus } from '../../../electron/api/expert.ts';
import { publishStatus, runPublish } from '../../../electron/api/publishing.ts';
import { importBundles } from '../../../electron/services/chair/intake.ts';
import { decideTie } from '../../../electron/services/chair/ties.ts';
import { currentResults } from '../../../electron/services/chair/views.ts';
import { writeDemo, type DemoFiles } from '../../../electron/services/demo/demo.ts';
import { describeKeyFile, KeyStore } from '../../../electron/services/keys/key-store.ts';
import { openPackage } from '../../../electron/services/package/contest-package.ts';
import { confirmEnrolment, createEnrolment } from '../../../electron/services/package/enrolment.ts';
import { createKeyFile } from '../../../electron/services/signing/key-file.ts';
import { generateKey } from '../../../electron/services/signing/keys.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { translate } from '../../../shared/i18n/index.ts';
import { contestWorkspace, smallContest } from '../../helpers/contest.ts';
import { userError, type UserError } from '../../helpers/errors.ts';
import { tempDir } from '../../helpers/temp.ts';

const NOW = '2026-09-28T09:00:00.000Z';
const PASS = 'demo';

/** A key of the demo, as a user holds it: its file, its store id and its fingerprint. */
interface HeldKey {
  file: string;
  keyId: string;
  fingerprint: string;
}

const held = (file: string): HeldKey => {
  const info = describeKeyFile(readFileSync(file, 'utf8'), file);
  return { file, keyId: info.keyId, fingerprint: info.fingerprint };
};

/**
 * The demo, and one key store on this computer holding the keys of several people (the organiser's,
 * the chair's, two experts'), as on a machine where one person plays several roles; and a stray key
 * file that is no one's.
 */
function desk(t: TestContext) {
  const demo = writeDemo(tempDir(t), { now: NOW });
  const store = new KeyStore(join(tempDir(t), 'keys'));
  mkdirSync(store.dir, { recursive: true });
  const keys = Object.fromEntries(
    (['organiser', 'chair', 'expert-smirnov', 'expert-kim'] as const).map((name) => {
      const key = held(join(demo.keys, `${name}.key`));
      copyFileSync(key.file, join(store.dir, `${key.keyId}.key`));
      return [name, key];
    }),
  ) as Record<'organiser' | 'chair' | 'expert-smirnov' | 'expert-kim', HeldKey>;
  const strayFile = join(tempDir(t), 'stray.key');
  writeFileSync(strayFile, createKeyFile(generateKey(), { label: 'Чей-то ключ', passphrase: PASS, demo: true }));
  return { demo, store, keys, stray: held(strayFile) };
}

const fromStore = (key: HeldKey) => ({ keyId: key.keyId, keyFile: null, passphrase: PASS });
const fromFile = (key: HeldKey) => ({ keyId: null, keyFile: key.file, passphrase: PASS });

/** The refusal names who signs, the fingerprint expected and the one offered, in both languages. */
function assertRefused(error: UserError, code: string, expected: string, offered: string): void {
  assert.equal(error.code, code);
  assert.equal(error.params.expected, expected);
  assert.equal(error.params.offered, offered);
  for (const lang of ['ru', 'en'] as const) {
    const text = translate(lang, error.code as Parameters<typeof translate>[1], error.params as Record<string, string>);
    assert.ok(text.includes(expected) && text.includes(offered), `${lang}: ${text}`);
  }
}

function expertDesk(t: TestContext, demo: DemoFiles, expertId: string): Workspace {
  const ws = Workspace.open(openForExpert(tempDir(t), 'contest.jbcontest', readFileSync(demo.package).toString('base64'), expertId));
  t.after(() => ws.close());
  return ws;
}

function chairDesk(t: TestContext, demo: DemoFiles): Workspace {
  const ws = Workspace.open(openForChair(tempDir(t), 'contest.jbcontest', readFileSync(demo.package).toString('base64')));
  t.after(() => ws.close());
  importBundles(ws.db, demo.bundles.map((path) => ({ file: basename(path), bytes: readFileSync(path) })), NOW);
  for (const r of currentResults(ws.db).results) {
    for (const tie of r.unresolvedTies) decideTie(ws.db, { nominationId: r.nominationId, categoryId: r.categoryId, entryIds: tie, reason: 'Решение жюри' }, NOW);
  }
  return ws;
}

const count = (ws: Workspace, sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;

describe('only the roster’s key signs', () => {
  it('an expert’s results: the roster’s key is the one offered, any other is refused before a file is written', (t) => {
    const { demo, store, keys, stray } = desk(t);
    const ws = expertDesk(t, demo, 'smirnov');
    const mine = keys['expert-smirnov'];
    assert.deepEqual([submitStatus(ws, store).rosterFingerprint, submitStatus(ws, store).signerKeyId], [mine.fingerprint, mine.keyId]);

    const path = join(tempDir(t), 'smirnov.jbresult');
    for (const [signer, offered] of [[fromStore(keys.organiser), keys.organiser], [fromStore(keys['expert-kim']), keys['expert-kim']], [fromFile(stray), stray]] as const) {
      assertRefused(userError(() => runSubmit(ws, store, { ...signer, path, draft: true })), 'sign.notRosterKey', mine.fingerprint, offered.fingerprint);
      assert.equal(existsSync(path), false);
      assert.equal(count(ws, 'SELECT count(*) AS n FROM submissions'), 0);
    }
    const signed = runSubmit(ws, store, { ...fromStore(mine), path, draft: true });
    assert.deepEqual([signed.sequence, signed.signer], [1, { label: 'Смирнов Алексей Викторович (демо)', fingerprint: mine.fingerprint }]);
    assert.ok(existsSync(path));
  });

  it('an expert the roster gives no key yet may sign with a key of their own, never with the organiser’s or another expert’s', (t) => {
    const organiserWs = contestWorkspace(t);
    const dir = tempDir(t);
    const organiser = generateKey();
    const x2 = generateKey();
    runPublishWith(organiserWs, organiser, join(dir, 'r1.jbcontest'));
    confirmEnrolment(organiserWs.db, createEnrolment(openPackage(join(dir, 'r1.jbcontest')).payload, 'x2', x2, NOW), 'x2.jbenrol', NOW);
    runPublishWith(organiserWs, organiser, join(dir, 'r2.jbcontest'));
    const store = new KeyStore(join(tempDir(t), 'keys'));
    const stored = (key: ReturnType<typeof generateKey>, label: string) => {
      mkdirSync(store.dir, { recursive: true });
      const text = createKeyFile(key, { label, passphrase: PASS, demo: true });
      const info = describeKeyFile(text, label);
      writeFileSync(join(store.dir, `${info.keyId}.key`), text);
      return { file: '', keyId: info.keyId, fingerprint: info.fingerprint };
    };
    const ws = Workspace.open(openForExpert(tempDir(t), 'r2.jbcontest', readFileSync(join(dir, 'r2.jbcontest')).toString('base64'), 'x1'));
    t.after(() => ws.close());
    assert.equal(submitStatus(ws, store).rosterFingerprint, null);

    const path = join(tempDir(t), 'x1.jbresult');
    const theOrganisers = stored(organiser, 'Оргкомитет');
    const error = userError(() => runSubmit(ws, store, { ...fromStore(theOrganisers), path, draft: true }));
    assert.deepEqual([error.code, error.params.offered], ['sign.organiserKey', theOrganisers.fingerprint]);
    const x2s = stored(x2, 'Эксперт Второй');
    const taken = userError(() => runSubmit(ws, store, { ...fromStore(x2s), path, draft: true }));
    assert.deepEqual([taken.code, taken.params.offered, taken.params.owner], ['sign.othersKey', x2s.fingerprint, 'Эксперт Второй']);
    assert.equal(existsSync(path), false);
    assert.equal(runSubmit(ws, store, { ...fromStore(stored(generateKey(), 'Мой новый ключ')), path, draft: true }).sequence, 1);
  });

  it('an enrolment: a new key or the expert’s own enrols, the organiser’s or another expert’s is refused before the file is written', (t) => {
    const { demo, store, keys, stray } = desk(t);
    const ws = expertDesk(t, demo, 'smirnov');
    const path = join(tempDir(t), 'smirnov.jbenrol');
    const organisers = userError(() => exportEnrolment(ws, store, { ...fromStore(keys.organiser), path }));
    assert.deepEqual([organisers.code, organisers.params.offered], ['sign.organiserKey', keys.organiser.fingerprint]);
    const kims = userError(() => exportEnrolment(ws, store, { ...fromStore(keys['expert-kim']), path }));
    assert.deepEqual([kims.code, kims.params.offered], ['sign.othersKey', keys['expert-kim'].fingerprint]);
    assert.equal(existsSync(path), false);
    assert.equal(exportEnrolment(ws, store, { ...fromFile(stray), path }).fingerprint, stray.fingerprint);
    assert.equal(exportEnrolment(ws, store, { ...fromStore(keys['expert-smirnov']), path: join(tempDir(t), 'again.jbenrol') }).fingerprint, keys['expert-smirnov'].fingerprint);
  });

  it('the merged results: only the roster’s chair key signs; nothing is written, recorded or audited otherwise', (t) => {
    const { demo, store, keys, stray } = desk(t);
    const ws = chairDesk(t, demo);
    assert.equal(finaliseView(ws, store).signerKeyId, keys.chair.keyId);
    const path = join(tempDir(t), 'results.jbmerged');
    for (const [signer, offered] of [[fromStore(keys.organiser), keys.organiser], [fromStore(keys['expert-smirnov']), keys['expert-smirnov']], [fromFile(stray), stray]] as const) {
      assertRefused(userError(() => signResults(ws, store, { ...signer, path, chairName: 'Председатель' })), 'sign.notRosterKey', keys.chair.fingerprint, offered.fingerprint);
      assert.equal(existsSync(path), false);
      assert.equal(count(ws, 'SELECT count(*) AS n FROM finalisations'), 0);
      assert.equal(count(ws, "SELECT count(*) AS n FROM audit_log WHERE action = 'results.signed'"), 0);
    }
    const signed = signResults(ws, store, { ...fromFile(keys.chair), path, chairName: 'Председатель' });
    assert.deepEqual(signed.signer, { label: describeKeyFile(readFileSync(keys.chair.file, 'utf8'), 'chair').label, fingerprint: keys.chair.fingerprint });
  });

  it('the merged results while the roster gives the chair no key: never with a key the chair confirmed for an expert', (t) => {
    const definition = smallContest();
    definition.experts.push({ id: 'ch', name: 'Председатель Жюри', region: 'Москва', role: 'chair' });
    const organiserWs = contestWorkspace(t, definition);
    const dir = tempDir(t);
    const r1 = runPublishWith(organiserWs, generateKey(), join(dir, 'r1.jbcontest'));
    const ws = Workspace.open(openForChair(tempDir(t), 'r1.jbcontest', readFileSync(r1).toString('base64')));
    t.after(() => ws.close());
    // Expert x1 is not on the roster: the chair compared the fingerprint and confirmed x1's key.
    const x1 = generateKey();
    confirmEnrolmentKey(ws, 'x1.jbenrol', createEnrolment(openPackage(r1).payload, 'x1', x1, NOW).toString('base64'));
    const x1File = join(dir, 'x1.key');
    writeFileSync(x1File, createKeyFile(x1, { label: 'Эксперт Первый', passphrase: PASS, demo: true }));
    const store = new KeyStore(join(tempDir(t), 'keys'));
    const path = join(dir, 'results.jbmerged');
    const error = userError(() => signResults(ws, store, { ...fromFile(held(x1File)), path, chairName: 'Председатель Жюри' }));
    assert.deepEqual([error.code, error.params.owner, error.params.offered], ['sign.othersKey', 'Эксперт Первый', held(x1File).fingerprint]);
    assert.equal(existsSync(path), false);
  });

  it('a later revision of the package: only the key the first revision pinned signs', (t) => {
    const { demo, store, keys, stray } = desk(t);
    const ws = Workspace.open(demo.workspace);
    t.after(() => ws.close());
    assert.equal(publishStatus(ws, store).signerKeyId, keys.organiser.keyId);
    const path = join(tempDir(t), 'r2.jbcontest');
    for (const [signer, offered] of [[fromStore(keys.chair), keys.chair], [fromStore(keys['expert-kim']), keys['expert-kim']], [fromFile(stray), stray]] as const) {
      assertRefused(userError(() => runPublish(ws, store, { ...signer, path })), 'sign.notPinnedKey', keys.organiser.fingerprint, offered.fingerprint);
      assert.equal(existsSync(path), false);
      assert.equal(count(ws, 'SELECT count(*) AS n FROM publications'), 1);
    }
    const published = runPublish(ws, store, { ...fromStore(keys.organiser), path });
    assert.deepEqual([published.revision, published.signer.fingerprint], [2, keys.organiser.fingerprint]);
  });

  it('the first revision: pinned by whatever key signs it, but never an enrolled expert’s', (t) => {
    const ws = contestWorkspace(t);
    const dir = tempDir(t);
    const expertKey = generateKey();
    const first = runPublishWith(ws, generateKey(), join(dir, 'draft.jbcontest'));
    confirmEnrolment(ws.db, createEnrolment(openPackage(first).payload, 'x1', expertKey, NOW), 'x1.jbenrol', NOW);
    // The organiser starts again in a new workspace with the same roster: nothing is pinned there yet.
    const fresh = contestWorkspace(t);
    confirmEnrolment(fresh.db, createEnrolment(openPackage(first).payload, 'x1', expertKey, NOW), 'x1.jbenrol', NOW);
    const store = new KeyStore(join(tempDir(t), 'keys'));
    const keyFile = join(dir, 'x1.key');
    writeFileSync(keyFile, createKeyFile(expertKey, { label: 'Эксперт Первый', passphrase: PASS, demo: true }));
    const path = join(dir, 'r1.jbcontest');
    const error = userError(() => runPublish(fresh, store, { keyId: null, keyFile, passphrase: PASS, path }));
    assert.deepEqual([error.code, error.params.owner, error.params.offered], ['sign.othersKey', 'Эксперт Первый', held(keyFile).fingerprint]);
    assert.equal(existsSync(path), false);
    assert.equal(publishStatus(fresh, store).pinnedFingerprint, null);
  });
});

/** Publishes the next revision with `key` (the organiser's tests above need a known key, not a store's). */
function runPublishWith(ws: Workspace, key: ReturnType<typeof generateKey>, path: string): string {
  const file = `${path}.key`;
  writeFileSync(file, createKeyFile(key, { label: 'Оргкомитет', passphrase: PASS, demo: true }));
  runPublish(ws, new KeyStore(join(path, '..', 'no-keys')), { keyId: null, keyFile: file, passphrase: PASS, path });
  return path;
}
