import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readContest } from '../../../electron/db/queries/contest.ts';
import { DEFAULT_AWARDS } from '../../../shared/domain/contest.ts';
import { migratedFrom } from './migrate-from.ts';

describe('migration 0050-awards', () => {
  it('gives a nomination the default awards and its categories none of their own, keeping the rules', (t) => {
    const db = migratedFrom(t, 40, 50, `UPDATE nominations SET rules = '{"method":"median"}';`);
    assert.equal(db.pragma('user_version', { simple: true }), 50);
    const nomination = readContest(db)?.nominations[0];
    assert.deepEqual(nomination?.awards, DEFAULT_AWARDS);
    assert.equal(nomination?.categories[0]?.awards, null);
    assert.equal(nomination?.rules.method, 'median');
  });

  it('reads awards back as stored, and unreadable ones as the defaults', (t) => {
    const db = migratedFrom(t, 40, 50);
    db.prepare(`UPDATE nominations SET awards = '{"places":1,"laureates":{"kind":"count","count":2}}'`).run();
    db.prepare(`UPDATE categories SET awards = '{"places":9}'`).run();
    const nomination = readContest(db)?.nominations[0];
    assert.deepEqual(nomination?.awards, { places: 1, laureates: { kind: 'count', count: 2 } });
    assert.deepEqual(nomination?.categories[0]?.awards, DEFAULT_AWARDS);
  });
});
