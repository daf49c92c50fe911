import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { migratedFrom } from './migrate-from.ts';

/** A file made at 0010 with a contest, a mark and an automatic conflict, then migrated to 0020. */
const migrated = (t: TestContext) => migratedFrom(t, 10, 20, "INSERT INTO conflicts (expert_id, entry_id, source, reason, created_at) VALUES ('x', 'e', 'auto', 'region', 'then');");

describe('migration 0020-organiser', () => {
  it('keeps what the file held and moves it to version 20', (t) => {
    const db = migrated(t);
    assert.equal(db.pragma('user_version', { simple: true }), 20);
    assert.deepEqual(db.prepare('SELECT value FROM marks').all(), [{ value: 5 }]);
    assert.deepEqual(db.prepare('SELECT source, reason FROM conflicts').all(), [{ source: 'auto', reason: 'region' }]);
  });

  it('stores materials in order and drops them with their entry', (t) => {
    const db = migrated(t);
    db.prepare("INSERT INTO entry_materials (entry_id, position, kind, ref) VALUES ('e', 0, 'link', 'https://example.org'), ('e', 1, 'file', 'отчёт.pdf')").run();
    assert.throws(() => db.prepare("INSERT INTO entry_materials (entry_id, position, kind, ref) VALUES ('e', 2, 'video', 'x')").run(), /CHECK/);
    db.prepare('DELETE FROM marks').run();
    db.prepare("DELETE FROM entries WHERE id = 'e'").run();
    assert.deepEqual(db.prepare('SELECT * FROM entry_materials').all(), []);
  });

  it('requires a reason for every conflict decision', (t) => {
    const db = migrated(t);
    assert.throws(() => db.prepare("INSERT INTO conflict_decisions (expert_id, entry_id, kind, reason, decided_at) VALUES ('x', 'e', 'waiver', '  ', 'now')").run(), /CHECK/);
    db.prepare("INSERT INTO conflict_decisions (expert_id, entry_id, kind, reason, decided_at) VALUES ('x', 'e', 'waiver', 'разные филиалы', 'now')").run();
  });

  it('refuses one key enrolled for two experts and a revision below 1', (t) => {
    const db = migrated(t);
    db.prepare("INSERT INTO experts (id, position, name) VALUES ('y', 1, 'Ю')").run();
    db.prepare("INSERT INTO enrolments (expert_id, public_key, enrolled_at, confirmed_at, envelope) VALUES ('x', 'K', 'now', 'now', x'00')").run();
    assert.throws(() => db.prepare("INSERT INTO enrolments (expert_id, public_key, enrolled_at, confirmed_at, envelope) VALUES ('y', 'K', 'now', 'now', x'00')").run(), /UNIQUE/);
    assert.throws(() => db.prepare("INSERT INTO publications (revision, published_at, organiser_key, digest, file_path, envelope) VALUES (0, 'now', 'K', 'd', 'f', x'00')").run(), /CHECK/);
  });
});
