import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { openDatabase, type Db } from '../../../electron/db/connection.ts';
import { tempDir } from '../../helpers/temp.ts';

/** A file migrated to 0010 only, with one of each row. */
function setup(t: TestContext): Db {
  const db = openDatabase(join(tempDir(t), 'w.sqlite'), { create: true, targetVersion: 10 });
  t.after(() => db.close());
  db.exec(`
    INSERT INTO contests (id, title) VALUES ('c', 'Конкурс');
    INSERT INTO nominations (id, contest_id, position, title) VALUES ('n', 'c', 0, 'Н'), ('n2', 'c', 1, 'Н2');
    INSERT INTO categories (id, nomination_id, position, title) VALUES ('k', 'n', 0, 'К');
    INSERT INTO criteria (id, nomination_id, position, title, scale_min, scale_max, scale_step, weight) VALUES ('q', 'n', 0, 'К', 0, 10, 1, 1);
    INSERT INTO entries (id, nomination_id, category_id, position, title) VALUES ('e', 'n', 'k', 0, 'У');
    INSERT INTO experts (id, position, name) VALUES ('x', 0, 'Э');
  `);
  return db;
}

/** Migration 0010 (the first schema), from an empty file: the constraints the rest of the app relies on. */
describe('migration 0010-initial', () => {
  it('is at user_version 10', (t) => {
    const db = setup(t);
    assert.equal(db.pragma('user_version', { simple: true }), 10);
  });

  it('records every change of a mark in the history, in order, with removals as NULL', (t) => {
    const db = setup(t);
    db.prepare("INSERT INTO marks (expert_id, entry_id, criterion_id, value, updated_at) VALUES ('x', 'e', 'q', 7, '2026-01-01T00:00:00.000Z')").run();
    db.prepare("UPDATE marks SET value = 8, updated_at = '2026-01-01T00:00:01.000Z'").run();
    db.prepare("UPDATE marks SET updated_at = '2026-01-01T00:00:02.000Z'").run();
    db.prepare('DELETE FROM marks').run();
    const history = db.prepare('SELECT value FROM mark_history ORDER BY id').all();
    assert.deepEqual(history, [{ value: 7 }, { value: 8 }, { value: null }]);
  });

  it('keeps the history append-only', (t) => {
    const db = setup(t);
    db.prepare("INSERT INTO marks (expert_id, entry_id, criterion_id, value, updated_at) VALUES ('x', 'e', 'q', 7, 'now')").run();
    assert.throws(() => db.prepare('UPDATE mark_history SET value = 1').run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM mark_history').run(), /append-only/);
    assert.equal((db.prepare('SELECT count(*) AS n FROM mark_history').get() as { n: number }).n, 1);
  });

  it('refuses a mark of the wrong type (STRICT) and one for an unknown entry (foreign key)', (t) => {
    const db = setup(t);
    assert.throws(() => db.prepare("INSERT INTO marks (expert_id, entry_id, criterion_id, value, updated_at) VALUES ('x', 'e', 'q', 'seven', 'now')").run(), /cannot store TEXT value in REAL column/);
    assert.throws(() => db.prepare("INSERT INTO marks (expert_id, entry_id, criterion_id, value, updated_at) VALUES ('x', 'nobody', 'q', 7, 'now')").run(), /FOREIGN KEY/);
  });

  it('refuses an entry whose category belongs to another nomination', (t) => {
    const db = setup(t);
    assert.throws(() => db.prepare("INSERT INTO entries (id, nomination_id, category_id, position, title) VALUES ('e2', 'n2', 'k', 1, 'У2')").run(), /FOREIGN KEY/);
  });

  it('refuses an assignment with no scope or two', (t) => {
    const db = setup(t);
    assert.throws(() => db.prepare("INSERT INTO assignments (expert_id) VALUES ('x')").run(), /CHECK/);
    assert.throws(() => db.prepare("INSERT INTO assignments (expert_id, nomination_id, entry_id) VALUES ('x', 'n', 'e')").run(), /CHECK/);
    db.prepare("INSERT INTO assignments (expert_id, category_id) VALUES ('x', 'k')").run();
    assert.throws(() => db.prepare("INSERT INTO assignments (expert_id, category_id) VALUES ('x', 'k')").run(), /UNIQUE/);
  });

  it('refuses a scale whose maximum is not above its minimum, and a weight of zero', (t) => {
    const db = setup(t);
    assert.throws(() => db.prepare("INSERT INTO criteria (id, nomination_id, position, title, scale_min, scale_max, scale_step, weight) VALUES ('q2', 'n', 1, 'К', 5, 5, 1, 1)").run(), /CHECK/);
    assert.throws(() => db.prepare("INSERT INTO criteria (id, nomination_id, position, title, scale_min, scale_max, scale_step, weight) VALUES ('q3', 'n', 2, 'К', 0, 5, 1, 0)").run(), /CHECK/);
  });
});
