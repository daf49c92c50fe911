import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.ts';
import { APPLICATION_ID, openDatabase } from '../../../electron/db/connection.ts';
import { checkOrder, latestVersion, migrate, migrations, type Migration } from '../../../electron/db/migrations/index.ts';
import { tempDir } from '../../helpers/temp.ts';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return `${error.code} ${JSON.stringify(error.params)}`;
    throw error;
  }
  throw new Error('expected a user error');
};

describe('workspace file', () => {
  it('is created with WAL, synchronous=FULL, foreign keys and the latest schema', (t) => {
    const path = join(tempDir(t), 'w.sqlite');
    const db = openDatabase(path, { create: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), 2);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('user_version', { simple: true }), latestVersion);
    assert.equal(db.pragma('application_id', { simple: true }), APPLICATION_ID);
    db.close();
  });

  it('makes every table STRICT', (t) => {
    const db = openDatabase(join(tempDir(t), 'w.sqlite'), { create: true });
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
    assert.ok(tables.length >= 10);
    assert.deepEqual(tables.filter((x) => x.strict !== 1).map((x) => x.name), []);
    db.close();
  });

  it('refuses a file that does not exist, unless creating', (t) => {
    const path = join(tempDir(t), 'missing.sqlite');
    assert.equal(codeOf(() => openDatabase(path)), `workspace.notFound ${JSON.stringify({ path })}`);
  });

  it('refuses a file that is not SQLite, naming it', (t) => {
    const path = join(tempDir(t), 'notes.sqlite');
    writeFileSync(path, 'these are not marks');
    assert.equal(codeOf(() => openDatabase(path)), `workspace.notSqlite ${JSON.stringify({ path })}`);
  });

  it('refuses another program’s SQLite database and leaves it untouched', (t) => {
    const path = join(tempDir(t), 'other.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE songs (title TEXT)');
    other.close();
    assert.equal(codeOf(() => openDatabase(path)), `workspace.foreign ${JSON.stringify({ path })}`);
    const after = new Database(path);
    assert.deepEqual(after.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all(), [{ name: 'songs' }]);
    assert.equal(after.pragma('user_version', { simple: true }), 0);
    after.close();
  });

  it('refuses a workspace made by a newer JuryBox with the versions in the message', (t) => {
    const path = join(tempDir(t), 'future.sqlite');
    openDatabase(path, { create: true }).close();
    const db = new Database(path);
    db.pragma(`user_version = ${latestVersion + 990}`);
    db.close();
    assert.equal(codeOf(() => openDatabase(path)), `workspace.tooNew ${JSON.stringify({ path, version: latestVersion + 990, supported: latestVersion })}`);
  });
});

describe('migration runner', () => {
  it('refuses a list whose versions do not strictly increase', () => {
    const step = (version: number): Migration => ({ version, name: `m${version}`, up: () => {} });
    assert.throws(() => checkOrder([step(10), step(10)]), /out of order/);
    assert.throws(() => checkOrder([step(20), step(10)]), /out of order/);
    assert.doesNotThrow(() => checkOrder(migrations));
  });

  it('runs pending migrations in one transaction: a failing step leaves the file as it was', (t) => {
    const db = new Database(join(tempDir(t), 'w.sqlite'));
    const list: Migration[] = [
      { version: 10, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 20, name: 'broken', up: (d) => d.exec('CREATE TABLE b (x INTEGER) STRICT; THIS IS NOT SQL') },
    ];
    assert.throws(() => migrate(db, { path: 'w.sqlite', list }));
    assert.equal(db.pragma('user_version', { simple: true }), 0);
    assert.deepEqual(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all(), []);
    db.close();
  });

  it('migrates an older file step by step up to the latest', (t) => {
    const path = join(tempDir(t), 'w.sqlite');
    const db = new Database(path);
    const list: Migration[] = [
      { version: 10, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 20, name: 'b', up: (d) => d.exec('ALTER TABLE a ADD COLUMN y INTEGER NOT NULL DEFAULT 7') },
    ];
    migrate(db, { path, list, targetVersion: 10 });
    db.prepare('INSERT INTO a (x) VALUES (1)').run();
    migrate(db, { path, list });
    assert.equal(db.pragma('user_version', { simple: true }), 20);
    assert.deepEqual(db.prepare('SELECT x, y FROM a').all(), [{ x: 1, y: 7 }]);
    db.close();
  });
});
