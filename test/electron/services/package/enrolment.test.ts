import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openPackage, publish } from '../../../../electron/services/package/contest-package.ts';
import { checkEnrolment, confirmEnrolment, createEnrolment, openEnrolment } from '../../../../electron/services/package/enrolment.ts';
import { fingerprintOf, generateKey } from '../../../../electron/services/signing/keys.ts';
import { contestWorkspace, smallContest } from '../../../helpers/contest.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { outcome } from '../../../helpers/errors.ts';

function published(t: Parameters<typeof contestWorkspace>[0]) {
  const ws = contestWorkspace(t);
  const organiser = generateKey();
  const r1 = publish(ws.db, organiser, { path: join(tempDir(t), 'r1.jbcontest'), organiserName: 'О', now: '2027-01-10T09:00:00.000Z' });
  return { ws, organiser, pkg: openPackage(r1.path).payload };
}

describe('enrolment', () => {
  it('is signed by the key it carries, so it proves the expert holds that key', (t) => {
    const { pkg } = published(t);
    const key = generateKey();
    const opened = openEnrolment(createEnrolment(pkg, 'x2', key, '2027-01-11T00:00:00.000Z'), 'x2.jbenrol');
    assert.equal(opened.enrolment.expertId, 'x2');
    assert.equal(opened.enrolment.name, 'Эксперт Второй');
    assert.equal(opened.fingerprint, fingerprintOf(key.publicKey));
  });

  it('is new, then the same, then replaces when the expert sends another key', (t) => {
    const { ws, pkg } = published(t);
    const first = createEnrolment(pkg, 'x1', generateKey(), '2027-01-11T00:00:00.000Z');
    assert.equal(checkEnrolment(ws.db, first, 'a').status, 'new');
    confirmEnrolment(ws.db, first, 'a', '2027-01-12T00:00:00.000Z');
    assert.equal(checkEnrolment(ws.db, first, 'a').status, 'same');
    const second = createEnrolment(pkg, 'x1', generateKey(), '2027-01-13T00:00:00.000Z');
    assert.equal(checkEnrolment(ws.db, second, 'b').status, 'replaces');
  });

  it('is refused for another contest, an unknown expert, or the organiser’s own key', (t) => {
    const { ws, pkg, organiser } = published(t);
    const other = { ...pkg, contest: { ...pkg.contest, contest: { ...pkg.contest.contest, id: 'another' } } };
    assert.equal(outcome(() => checkEnrolment(ws.db, createEnrolment(other, 'x1', generateKey(), '2027-01-11T00:00:00.000Z'), 'f')), 'enrol.otherContest');
    const stranger = { ...pkg, contest: { ...pkg.contest, experts: [...pkg.contest.experts, { id: 'x9', name: 'Чужой', organisation: '', region: '', position: '', role: 'expert' as const }] } };
    assert.equal(outcome(() => checkEnrolment(ws.db, createEnrolment(stranger, 'x9', generateKey(), '2027-01-11T00:00:00.000Z'), 'f')), 'enrol.unknownExpert');
    assert.equal(outcome(() => checkEnrolment(ws.db, createEnrolment(pkg, 'x1', organiser, '2027-01-11T00:00:00.000Z'), 'f')), 'enrol.organiserKey');
  });

  it('is refused when any byte changed', (t) => {
    const { pkg } = published(t);
    const bytes = createEnrolment(pkg, 'x1', generateKey(), '2027-01-11T00:00:00.000Z');
    const accepted: number[] = [];
    for (let i = 0; i < bytes.length; i += 1) {
      const changed = Buffer.from(bytes);
      changed[i] = (changed[i] ?? 0) ^ 0xff;
      if (outcome(() => openEnrolment(changed, 'x')) === 'accepted') accepted.push(i);
    }
    assert.deepEqual(accepted, []);
  });

  it('can be made only for an expert of the package', (t) => {
    const { pkg } = published(t);
    assert.equal(smallContest().experts.some((x) => x.id === 'nobody'), false);
    assert.equal(outcome(() => createEnrolment(pkg, 'nobody', generateKey(), '2027-01-11T00:00:00.000Z')), 'scoring.unknownExpert');
  });
});
