import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditLog } from '../../../../electron/services/chair/audit.ts';
import { coverage, latestContest } from '../../../../electron/services/chair/coverage.ts';
import { checkKey, confirmKey, importBundles, judgeContext } from '../../../../electron/services/chair/intake.ts';
import { createExpertWorkspace } from '../../../../electron/services/expert/packages.ts';
import { bundlePayload, submit } from '../../../../electron/services/expert/submit.ts';
import { openPackage } from '../../../../electron/services/package/contest-package.ts';
import { createEnrolment } from '../../../../electron/services/package/enrolment.ts';
import { writeEnvelope } from '../../../../electron/services/signing/envelope.ts';
import { unlockKeyFile } from '../../../../electron/services/signing/key-file.ts';
import { generateKey } from '../../../../electron/services/signing/keys.ts';
import { chairOfDemo } from '../../../helpers/chair.ts';
import { tempDir } from '../../../helpers/temp.ts';

const NOW = '2026-09-29T10:00:00.000Z';
const count = (ws: { db: { prepare(sql: string): { get(): unknown } } }, sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;

/** A second bundle from a demo expert: their workspace, one mark changed, signed again. */
function correction(t: Parameters<typeof chairOfDemo>[0], demo: ReturnType<typeof chairOfDemo>['demo'], expertId: string, sequence: number) {
  const pkg = openPackage(demo.package);
  const ws = createExpertWorkspace(join(tempDir(t), `${expertId}.sqlite`), pkg, expertId, NOW);
  t.after(() => ws.close());
  // The expert's workspace starts empty; give every mark, then number the bundle as the expert's next.
  for (const item of ws.myEntries()) {
    if (item.status === 'conflict') continue;
    for (const c of ws.entry(item.id).criteria) ws.setMark({ entryId: item.id, criterionId: c.id, value: c.scale.max });
  }
  for (let s = 1; s < sequence; s += 1) ws.db.prepare("INSERT INTO submissions (sequence, expert_id, created_at, draft, package_revision, digest, file_path, envelope) VALUES (?, ?, 'then', 0, 1, 'x', 'x', x'00')").run(s, expertId);
  const keyFile = join(demo.keys, `expert-${expertId}.key`);
  const key = unlockKeyFile(readFileSync(keyFile, 'utf8'), { passphrase: 'demo' }, keyFile);
  const path = join(tempDir(t), `${expertId}-${sequence}.jbresult`);
  submit(ws, key, { path, draft: false, now: NOW });
  return { file: `${expertId}-${sequence}.jbresult`, bytes: readFileSync(path) };
}

describe('chair’s intake of result bundles', () => {
  it('accepts every demo bundle and keeps the marks of each', (t) => {
    const { ws, files } = chairOfDemo(t);
    const verdicts = importBundles(ws.db, files(), NOW);
    assert.deepEqual(verdicts.map((v) => v.status), Array(9).fill('accepted'));
    assert.equal(count(ws, "SELECT count(*) AS n FROM bundles WHERE status = 'current'"), 9);
    assert.equal(count(ws, 'SELECT count(*) AS n FROM bundle_marks'), verdicts.reduce((n, v) => n + (v.bundle?.marks.length ?? 0), 0));
    assert.equal(auditLog(ws.db).filter((a) => a.action === 'bundle.accepted').length, 9);
  });

  it('lets a correction replace the earlier bundle, and refuses the earlier one sent again', (t) => {
    const { ws, files, demo } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    const second = correction(t, demo, 'kim', 2);
    assert.equal(importBundles(ws.db, [second], NOW)[0]?.status, 'accepted');
    assert.equal(count(ws, "SELECT count(*) AS n FROM bundles WHERE expert_id = 'kim' AND status = 'superseded'"), 1);
    // The correction gives every mark at the top of its scale (10 for all of this expert's criteria).
    assert.equal(count(ws, "SELECT count(*) AS n FROM bundle_marks WHERE expert_id = 'kim' AND value <> 10"), 0);
    assert.ok(count(ws, "SELECT count(*) AS n FROM bundle_marks WHERE expert_id = 'kim'") > 100);
    const original = files().find((f) => f.file === 'kim.jbresult');
    const again = importBundles(ws.db, original ? [original] : [], NOW)[0];
    assert.equal(again?.reason?.code, 'bundle.rollback');
    assert.equal(auditLog(ws.db)[0]?.action, 'bundle.refused');
  });

  it('refuses a tampered bundle with its reason and keeps nothing of it', (t) => {
    const { ws, files } = chairOfDemo(t);
    const tampered = files().map((f) => ({ ...f, bytes: Buffer.from(f.bytes) }))[0];
    assert.ok(tampered);
    const at = tampered.bytes.indexOf('"payload": "') + 300;
    tampered.bytes[at] = (tampered.bytes[at] ?? 0) ^ 0x01;
    const [verdict] = importBundles(ws.db, [tampered], NOW);
    assert.equal(verdict?.status, 'refused');
    assert.match(verdict?.reason?.code ?? '', /^file\./);
    assert.equal(count(ws, 'SELECT count(*) AS n FROM bundles'), 0);
  });

  it('accepts a key missing from the roster only after the chair confirms its fingerprint, and records it', (t) => {
    const { ws, demo } = chairOfDemo(t);
    const pkg = openPackage(demo.package);
    const newKey = generateKey();
    const expert = createExpertWorkspace(join(tempDir(t), 'popov.sqlite'), pkg, 'popov', NOW);
    t.after(() => expert.close());
    for (const item of expert.myEntries()) for (const c of expert.entry(item.id).criteria) expert.setMark({ entryId: item.id, criterionId: c.id, value: c.scale.max });
    // Signed outside the app (the app signs only with the roster's key): the chair must judge it all the same.
    const payload = bundlePayload(expert, { sequence: 1, draft: false, now: NOW });
    const bundle = { file: 'popov.jbresult', bytes: writeEnvelope('result', Buffer.from(JSON.stringify(payload)), newKey) };
    assert.equal(importBundles(ws.db, [bundle], NOW)[0]?.reason?.code, 'bundle.unknownKey');
    const enrolment = createEnrolment(pkg.payload, 'popov', newKey, NOW);
    assert.equal(checkKey(ws.db, enrolment, 'popov.jbenrol').status, 'new');
    confirmKey(ws.db, enrolment, 'popov.jbenrol', NOW);
    assert.equal(judgeContext(ws.db).confirmedKeys?.size, 1);
    assert.equal(importBundles(ws.db, [bundle], NOW)[0]?.status, 'accepted');
    assert.ok(auditLog(ws.db).some((a) => a.action === 'key.confirmed' && a.subject === 'popov'));
  });

  it('imports all or nothing: a failure midway leaves the workspace as it was', (t) => {
    const { ws, files } = chairOfDemo(t);
    ws.db.exec("CREATE TEMP TRIGGER fail_on_kim BEFORE INSERT ON bundles WHEN NEW.expert_id = 'kim' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    assert.throws(() => importBundles(ws.db, files(), NOW), /disk full/);
    assert.equal(count(ws, 'SELECT count(*) AS n FROM bundles'), 0);
    assert.equal(count(ws, 'SELECT count(*) AS n FROM bundle_marks'), 0);
    assert.equal(count(ws, "SELECT count(*) AS n FROM audit_log WHERE action LIKE 'bundle.%'"), 0);
  });

  it('keeps the audit log append-only', (t) => {
    const { ws, files } = chairOfDemo(t);
    importBundles(ws.db, files().slice(0, 1), NOW);
    assert.throws(() => ws.db.prepare('UPDATE audit_log SET action = ?').run('x'), /append-only/);
    assert.throws(() => ws.db.prepare('DELETE FROM audit_log').run(), /append-only/);
  });

  it('shows who scored what: complete evaluations per entry, and the conflicts', (t) => {
    const { ws, files } = chairOfDemo(t);
    const contest = latestContest(ws.db, judgeContext(ws.db).packages);
    const before = coverage(ws.db, contest, 'nom-network', 'cat-network-small');
    assert.ok(before.cells.flat().includes('missing'));
    importBundles(ws.db, files(), NOW);
    const after = coverage(ws.db, contest, 'nom-network', 'cat-network-small');
    const yakovleva = after.experts.findIndex((x) => x.id === 'yakovleva');
    const urai = after.entries.findIndex((e) => e.id === 'entry-yugra-urai');
    assert.equal(after.cells[yakovleva]?.[urai], 'conflict');
    assert.equal(after.cells.flat().includes('missing'), false);
    assert.ok(after.entries.every((e) => e.evaluations >= 3), JSON.stringify(after.entries.map((e) => e.evaluations)));
  });
});
