import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migratedFrom } from './migrate-from.ts';

describe('migration 0030-expert', () => {
  it('keeps what the file held and moves it to version 30', (t) => {
    const db = migratedFrom(t, 20, 30);
    assert.equal(db.pragma('user_version', { simple: true }), 30);
    assert.deepEqual(db.prepare('SELECT value FROM marks').all(), [{ value: 5 }]);
  });

  it('keeps packages by revision (1 and up, one file per digest), and refuses an abstention without a reason', (t) => {
    const db = migratedFrom(t, 20, 30);
    db.prepare("INSERT INTO packages (revision, digest, organiser_key, opened_at, envelope) VALUES (1, 'd1', 'K', 'now', x'00')").run();
    assert.throws(() => db.prepare("INSERT INTO packages (revision, digest, organiser_key, opened_at, envelope) VALUES (0, 'd0', 'K', 'now', x'00')").run(), /CHECK/);
    assert.throws(() => db.prepare("INSERT INTO packages (revision, digest, organiser_key, opened_at, envelope) VALUES (2, 'd1', 'K', 'now', x'00')").run(), /UNIQUE/);
    assert.throws(() => db.prepare("INSERT INTO abstentions (expert_id, entry_id, reason, created_at) VALUES ('x', 'e', ' ', 'now')").run(), /CHECK/);
    db.prepare("INSERT INTO abstentions (expert_id, entry_id, reason, created_at) VALUES ('x', 'e', 'не успел ознакомиться', 'now')").run();
  });

  it('drops an entry’s comment and abstention with the entry', (t) => {
    const db = migratedFrom(t, 20, 30);
    db.prepare("INSERT INTO entry_comments (expert_id, entry_id, comment, updated_at) VALUES ('x', 'e', 'хорошо', 'now')").run();
    db.prepare("INSERT INTO abstentions (expert_id, entry_id, reason, created_at) VALUES ('x', 'e', 'причина', 'now')").run();
    db.prepare('DELETE FROM marks').run();
    db.prepare("DELETE FROM entries WHERE id = 'e'").run();
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM entry_comments').get(), { n: 0 });
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM abstentions').get(), { n: 0 });
  });
});
