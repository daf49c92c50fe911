import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { openDatabase, type Db } from '../../../electron/db/connection.ts';
import { tempDir } from '../../helpers/temp.ts';

/** A file made at 0010 with a contest, a mark and an automatic conflict, then migrated to 0020. */
function migrated(t: TestContext): Db {
  const path = join(tempDir(t), 'w.sqlite');
  const old = openDatabase(path, { create: true, targetVersion: 10 });
  old.exec(`
    INSERT INTO contests (id, title) VALUES ('c', 'Конкурс');
    INSERT INTO nominations (id, contest_id, position, title) VALUES ('n', 'c', 0, 'Н');
    INSERT INTO criteria (id, nomination_id, position, title, scale_min, scale_max, scale_step, weight) VALUES ('q', 'n', 0, 'К', 0, 10, 1, 1);
    INSERT INTO entries (id, nomination_id, position, title, region) VALUES ('e', 'n', 0, 'У', 'Тула');
    INSERT INTO experts (id, position, name, region) VALUES ('x', 0, 'Э', 'Тула');
    INSERT INTO conflicts (expert_id, entry_id, source, reason, created_at) VALUES ('x', 'e', 'auto', 'region', 'then');
    INSERT INTO marks (expert_id, entry_id, criterion_id, value, updated_at) VALUES ('x', 'e', 'q', 5, 'then');
  `);
  old.close();
  const db = openDatabase(path, { targetVersion: 20 });
  t.after(() => db.close());
  return db;
}

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
