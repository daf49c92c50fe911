import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditLog } from '../../../../electron/services/chair/audit.ts';
import { importBundles } from '../../../../electron/services/chair/intake.ts';
import { decideTie, withdrawTie } from '../../../../electron/services/chair/ties.ts';
import { DEMO_TWINS } from '../../../../electron/services/demo/bundles.ts';
import { openPackage } from '../../../../electron/services/package/contest-package.ts';
import { chairOfDemo } from '../../../helpers/chair.ts';

const NOW = '2026-09-30T10:00:00.000Z';

describe('the journal of tie decisions', () => {
  it('records the order decided by names and ids, with the place and the reason, and the withdrawal alike', (t) => {
    const { ws, files, demo } = chairOfDemo(t);
    importBundles(ws.db, files(), NOW);
    const title = (id: string) => openPackage(demo.package).payload.contest.entries.find((e) => e.id === id)?.title;
    const [sign, post] = DEMO_TWINS;
    const order = [sign, post].map((id) => ({ id, title: title(id) }));
    assert.ok(order.every((e) => e.title !== undefined));

    const id = decideTie(ws.db, { nominationId: 'nom-project', categoryId: null, entryIds: [sign, post], reason: '  Больше охват заявителей ' }, NOW);
    const decided = auditLog(ws.db)[0];
    assert.equal(decided?.action, 'tie.decided');
    assert.equal(decided?.subject, 'Лучший проект МФЦ');
    assert.deepEqual(decided?.detail, { id, nominationId: 'nom-project', categoryId: null, place: 1, order, reason: 'Больше охват заявителей' });

    withdrawTie(ws.db, id, NOW);
    const withdrawn = auditLog(ws.db)[0];
    assert.equal(withdrawn?.action, 'tie.withdrawn');
    assert.deepEqual(withdrawn?.detail, { id, nominationId: 'nom-project', categoryId: null, place: 1, order, reason: 'Больше охват заявителей' });
  });
});
