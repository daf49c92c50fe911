import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { ResultBundle } from '../../../../shared/formats/payloads.ts';
import type { Db } from '../../../../electron/db/connection.ts';
import { judgeBundles, type BundleVerdict } from '../../../../electron/services/bundles/judge.ts';
import { audit } from '../../../../electron/services/chair/audit.ts';
import { heldBundles, importBundles, judgeContext } from '../../../../electron/services/chair/intake.ts';
import { DEMO_PASSPHRASE, writeDemo, type DemoFiles } from '../../../../electron/services/demo/demo.ts';
import { createFromPackage } from '../../../../electron/services/expert/packages.ts';
import { openPackage } from '../../../../electron/services/package/contest-package.ts';
import { MAX_FILE_BYTES, readEnvelope, writeEnvelope } from '../../../../electron/services/signing/envelope.ts';
import { unlockKeyFile } from '../../../../electron/services/signing/key-file.ts';
import type { Workspace } from '../../../../electron/services/workspace.ts';
import { tempDir } from '../../../helpers/temp.ts';

/**
 * The intake stores each bundle as it is judged and settles the rows at the end (IntakeStore). Here
 * every kind of batch is imported both ways, and into a twin workspace by the import as it was before
 * (every file judged first, then the standing ones stored in the order of the verdicts): the rows,
 * the marks, the notes and the journal must come out the same.
 */

const NOW = '2026-09-29T09:00:00.000Z';
type File = { file: string; bytes: Buffer };

let dir: string;
let demo: DemoFiles;

const demoBundle = (expertId: string): File => {
  const path = demo.bundles.find((b) => basename(b) === `${expertId}.jbresult`) ?? '';
  return { file: basename(path), bytes: readFileSync(path) };
};

/** The demo bundle of `expertId` as another file: its sequence and one mark's comment changed, signed again by the expert. */
function variant(expertId: string, sequence: number, note: string, file = `${expertId}-${sequence}-${note}.jbresult`): File {
  const payload = JSON.parse(readEnvelope(demoBundle(expertId).bytes, 'b').payload.toString('utf8')) as ResultBundle;
  payload.sequence = sequence;
  const first = payload.marks[0];
  if (first) first.comment = `вариант ${note}`;
  const keyFile = join(demo.keys, `expert-${expertId}.key`);
  const key = unlockKeyFile(readFileSync(keyFile, 'utf8'), { passphrase: DEMO_PASSPHRASE }, keyFile);
  return { file, bytes: writeEnvelope('result', Buffer.from(`${JSON.stringify(payload, null, 2)}\n`), key) };
}

const tampered = (f: File): File => {
  const bytes = Buffer.from(f.bytes);
  const at = bytes.indexOf('"payload": "') + 300;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return { file: `tampered-${f.file}`, bytes };
};

/** The import as it was before the intake stored bundles as they were judged: judge all, then store in verdict order. */
function importedBefore(db: Db, files: File[], now: string): BundleVerdict[] {
  const verdicts = judgeBundles(judgeContext(db), files, heldBundles(db));
  const bytesOf = new Map(files.map((f) => [f.file, f.bytes]));
  db.transaction(() => {
    const stored = new Set((db.prepare('SELECT digest FROM bundles').all() as { digest: string }[]).map((r) => r.digest));
    for (const v of verdicts) {
      audit(db, now, `bundle.${v.status}`, v.expertId ?? v.file, { file: v.file, sequence: v.sequence, digest: v.digest, draft: v.draft, revision: v.packageRevision, reason: v.reason });
      if ((v.status !== 'accepted' && v.status !== 'superseded') || !v.digest || stored.has(v.digest)) continue;
      const bundle = v.bundle as ResultBundle;
      if (v.status === 'accepted') {
        db.prepare("UPDATE bundles SET status = 'superseded' WHERE expert_id = ? AND status = 'current'").run(bundle.expertId);
        db.prepare('DELETE FROM bundle_marks WHERE expert_id = ?').run(bundle.expertId);
        db.prepare('DELETE FROM bundle_notes WHERE expert_id = ?').run(bundle.expertId);
      }
      db.prepare('INSERT INTO bundles (digest, expert_id, sequence, draft, package_revision, status, file_name, imported_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        v.digest, bundle.expertId, bundle.sequence, bundle.draft ? 1 : 0, bundle.package.revision, v.status === 'accepted' ? 'current' : 'superseded', v.file, now, bytesOf.get(v.file) ?? Buffer.alloc(0),
      );
      stored.add(v.digest);
      if (v.status !== 'accepted') continue;
      for (const m of bundle.marks) db.prepare('INSERT INTO bundle_marks (digest, expert_id, entry_id, criterion_id, value, comment) VALUES (?, ?, ?, ?, ?, ?)').run(v.digest, bundle.expertId, m.entryId, m.criterionId, m.value, m.comment);
      const note = db.prepare('INSERT INTO bundle_notes (digest, expert_id, entry_id, kind, text) VALUES (?, ?, ?, ?, ?)');
      for (const c of bundle.entryComments) note.run(v.digest, bundle.expertId, c.entryId, 'comment', c.comment);
      for (const c of bundle.conflicts) note.run(v.digest, bundle.expertId, c.entryId, 'conflict', c.reason);
      for (const a of bundle.abstentions) note.run(v.digest, bundle.expertId, a.entryId, 'abstention', a.reason);
    }
  })();
  return verdicts;
}

/** Everything an import writes, in the order it was written. */
function contents(db: Db): string {
  const rows = (sql: string) => JSON.stringify(db.prepare(sql).all());
  return [
    rows('SELECT digest, expert_id, sequence, draft, package_revision, status, file_name, imported_at, hex(envelope) AS envelope FROM bundles ORDER BY rowid'),
    rows('SELECT * FROM bundle_marks'),
    rows('SELECT * FROM bundle_notes'),
    rows("SELECT at, action, subject, detail FROM audit_log WHERE action LIKE 'bundle.%' ORDER BY id"),
  ].join('\n');
}

function chairWorkspace(t: TestContext): Workspace {
  const ws = createFromPackage(join(tempDir(t), 'chair.sqlite'), openPackage(demo.package), { kind: 'chair' }, NOW);
  t.after(() => ws.close());
  return ws;
}

/**
 * The same batches imported by bytes (judged on the storing thread), by path (judged on a second
 * thread) and by the import as it was: the same verdicts and the same rows.
 */
function importsAlike(t: TestContext, batches: File[][]): BundleVerdict[][] {
  const [bytes, paths, reference] = [chairWorkspace(t), chairWorkspace(t), chairWorkspace(t)];
  const staged = mkdtempSync(join(dir, 'staged-'));
  const verdicts = batches.map((files, b) => {
    const got = importBundles(bytes.db, files, NOW);
    const onDisk = files.map((f, i) => {
      const path = join(staged, `${b}-${i}.jbresult`);
      writeFileSync(path, f.bytes);
      return { file: f.file, path };
    });
    const fromDisk = importBundles(paths.db, onDisk, NOW, { thread: 'always' });
    const want = importedBefore(reference.db, files, NOW);
    const summary = (list: BundleVerdict[]) => list.map(({ bundle: _, ...v }) => v);
    assert.deepEqual(summary(got), summary(want));
    assert.deepEqual(summary(fromDisk), summary(want));
    assert.ok(fromDisk.every((v) => v.bundle === null), 'a file given by path leaves no parsed bundle behind');
    return got;
  });
  assert.equal(contents(bytes.db), contents(reference.db));
  assert.equal(contents(paths.db), contents(reference.db));
  return verdicts;
}

const statuses = (list: BundleVerdict[]) => list.map((v) => `${v.file} ${v.status} ${v.reason?.code ?? ''}`.trim());

describe('the intake, storing each bundle as it is judged', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jurybox-intake-store-'));
    demo = writeDemo(join(dir, 'demo'), { now: '2026-09-28T09:00:00.000Z' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores every demo bundle, and a refused file not at all, as the import did', (t) => {
    const files = demo.bundles.map((path) => ({ file: basename(path), bytes: readFileSync(path) }));
    const [verdicts] = importsAlike(t, [[...files, tampered(demoBundle('kim'))]]);
    assert.equal(verdicts?.filter((v) => v.status === 'accepted').length, 9);
  });

  it('keeps the highest of an expert’s bundles current and the lower ones superseded, whatever their order', (t) => {
    const [verdicts] = importsAlike(t, [[variant('kim', 3, 'c'), variant('kim', 1, 'a'), variant('kim', 2, 'b')]]);
    assert.deepEqual(statuses(verdicts ?? []), ['kim-3-c.jbresult accepted', 'kim-1-a.jbresult superseded', 'kim-2-b.jbresult superseded']);
  });

  it('lets a lower bundle stand when the higher ones are refused as equivocation (its file read again)', (t) => {
    const [verdicts] = importsAlike(t, [[variant('kim', 2, 'a'), variant('kim', 3, 'b'), variant('kim', 3, 'c')]]);
    assert.deepEqual(statuses(verdicts ?? []), ['kim-2-a.jbresult accepted', 'kim-3-b.jbresult refused bundle.equivocation', 'kim-3-c.jbresult refused bundle.equivocation']);
  });

  it('gives the held bundle back its marks when every newer one is refused', (t) => {
    const [, verdicts] = importsAlike(t, [[variant('kim', 1, 'a')], [variant('kim', 2, 'b'), variant('kim', 2, 'c'), variant('kim', 1, 'a')]]);
    assert.deepEqual(statuses(verdicts ?? []), ['kim-2-b.jbresult refused bundle.equivocation', 'kim-2-c.jbresult refused bundle.equivocation', 'kim-1-a.jbresult duplicate']);
  });

  it('stores a file given twice once, under the name that stands, and refuses a rollback below the held one', (t) => {
    const twice = variant('kim', 3, 'x', 'z-kim.jbresult');
    const [, verdicts] = importsAlike(t, [
      [variant('kim', 2, 'b')],
      [twice, { file: 'a-kim.jbresult', bytes: twice.bytes }, variant('kim', 1, 'a'), variant('fedorov', 2, 'f')],
    ]);
    assert.deepEqual(statuses(verdicts ?? []), ['z-kim.jbresult duplicate', 'a-kim.jbresult accepted', 'kim-1-a.jbresult refused bundle.rollback', 'fedorov-2-f.jbresult accepted']);
  });

  it('refuses a file given by path that is over the size cap or gone, naming the file as given', (t) => {
    const ws = chairWorkspace(t);
    const huge = join(dir, 'huge.jbresult');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_FILE_BYTES.result + 1);
    const verdicts = importBundles(ws.db, [{ file: 'huge.jbresult', path: huge }, { file: 'gone.jbresult', path: join(dir, 'gone.jbresult') }], NOW);
    assert.deepEqual(verdicts.map((v) => [v.status, v.reason?.code, v.reason?.params.file]), [['refused', 'file.tooLarge', 'huge.jbresult'], ['refused', 'file.notFound', 'gone.jbresult']]);
  });
});
