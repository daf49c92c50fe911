import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openPackage, publications, publish } from '../../../../electron/services/package/contest-package.ts';
import { confirmEnrolment, createEnrolment } from '../../../../electron/services/package/enrolment.ts';
import { writeEnvelope } from '../../../../electron/services/signing/envelope.ts';
import { fingerprintOf, generateKey, publicKeyToBase64 } from '../../../../electron/services/signing/keys.ts';
import { contestWorkspace } from '../../../helpers/contest.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { outcome } from '../../../helpers/errors.ts';

describe('contest package', () => {
  it('carries the whole contest, its revision and roster, and opens with the organiser’s signature', (t) => {
    const ws = contestWorkspace(t);
    const dir = tempDir(t);
    const organiser = generateKey();
    const first = publish(ws.db, organiser, { path: join(dir, 'r1.jbcontest'), organiserName: 'Оргкомитет', now: '2027-01-10T09:00:00.000Z' });
    assert.equal(first.revision, 1);
    const opened = openPackage(first.path);
    assert.deepEqual(opened.payload.contest, ws.definition());
    assert.equal(opened.payload.revision, 1);
    assert.deepEqual(opened.payload.roster, []);
    assert.equal(opened.fingerprint, fingerprintOf(organiser.publicKey));
    assert.equal(opened.envelope.digest, first.digest);
  });

  it('raises the revision and takes enrolled keys into the roster of the next one', (t) => {
    const ws = contestWorkspace(t);
    const dir = tempDir(t);
    const organiser = generateKey();
    const r1 = publish(ws.db, organiser, { path: join(dir, 'r1.jbcontest'), organiserName: 'Оргкомитет', now: '2027-01-10T09:00:00.000Z' });
    const expertKey = generateKey();
    const enrolment = createEnrolment(openPackage(r1.path).payload, 'x1', expertKey, '2027-01-11T09:00:00.000Z');
    confirmEnrolment(ws.db, enrolment, 'x1.jbenrol', '2027-01-12T09:00:00.000Z');
    const r2 = publish(ws.db, organiser, { path: join(dir, 'r2.jbcontest'), organiserName: 'Оргкомитет', now: '2027-01-13T09:00:00.000Z' });
    assert.equal(r2.revision, 2);
    const roster = openPackage(r2.path).payload.roster;
    assert.deepEqual(roster.map((r) => r.expertId), ['x1']);
    assert.deepEqual(publications(ws.db).map((p) => p.revision), [2, 1]);
  });

  it('refuses another organiser key after the first revision, an existing file, and a contest not ready', (t) => {
    const ws = contestWorkspace(t);
    const dir = tempDir(t);
    publish(ws.db, generateKey(), { path: join(dir, 'r1.jbcontest'), organiserName: 'О', now: '2027-01-10T09:00:00.000Z' });
    assert.equal(outcome(() => publish(ws.db, generateKey(), { path: join(dir, 'r2.jbcontest'), organiserName: 'О', now: '2027-01-11T09:00:00.000Z' })), 'sign.notPinnedKey');
    assert.equal(outcome(() => publish(ws.db, generateKey(), { path: join(dir, 'r1.jbcontest'), organiserName: 'О', now: '2027-01-11T09:00:00.000Z' })), 'publish.exists');
    const empty = contestWorkspace(t, { contest: { id: 'e', title: 'Пусто' }, nominations: [], entries: [], experts: [], assignments: [] });
    assert.equal(outcome(() => publish(empty.db, generateKey(), { path: join(dir, 'x.jbcontest'), organiserName: 'О', now: '2027-01-11T09:00:00.000Z' })), 'publish.notReady');
    assert.equal(publications(empty.db).length, 0);
  });

  it('refuses every single-bit and every single-byte change of a real package', (t) => {
    const ws = contestWorkspace(t);
    const path = join(tempDir(t), 'r1.jbcontest');
    publish(ws.db, generateKey(), { path, organiserName: 'Оргкомитет', now: '2027-01-10T09:00:00.000Z' });
    const original = readFileSync(path);
    const accepted: string[] = [];
    for (let i = 0; i < original.length; i += 1) {
      for (const mask of [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff]) {
        const changed = Buffer.from(original);
        changed[i] = (changed[i] ?? 0) ^ mask;
        if (outcome(() => openPackage('changed.jbcontest', changed)) === 'accepted') accepted.push(`byte ${i} ^ ${mask}`);
      }
    }
    assert.ok(original.length > 1000);
    assert.deepEqual(accepted, []);
  });

  it('refuses a properly signed package whose roster lists one key for two experts', (t) => {
    const ws = contestWorkspace(t);
    const dir = tempDir(t);
    const organiser = generateKey();
    const r1 = publish(ws.db, organiser, { path: join(dir, 'r1.jbcontest'), organiserName: 'О', now: '2027-01-10T09:00:00.000Z' });
    const payload = openPackage(r1.path).payload;
    const shared = publicKeyToBase64(generateKey().publicKey);
    const forged = { ...payload, revision: 2, roster: ['x1', 'x2'].map((expertId) => ({ expertId, publicKey: shared, enrolledAt: '2027-01-10T10:00:00.000Z' })) };
    const bytes = writeEnvelope('contest', Buffer.from(JSON.stringify(forged)), organiser);
    assert.equal(outcome(() => openPackage('forged.jbcontest', bytes)), 'file.invalidPayload');
  });
});
