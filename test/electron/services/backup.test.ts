import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { BackupReason, BackupView } from '../../../shared/domain/backup.ts';
import { APPLICATION_ID, openDatabase } from '../../../electron/db/connection.ts';
import { latestVersion } from '../../../electron/db/migrations/index.ts';
import { backup } from '../../../electron/services/backup/backup.ts';
import { backupFolder, expiredBackups, listBackups } from '../../../electron/services/backup/files.ts';
import { BackupSchedule, type BackupClock } from '../../../electron/services/backup/schedule.ts';
import { verifyBackup } from '../../../electron/services/backup/verify.ts';
import { restore } from '../../../electron/services/backup/workspace-file.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { demoWorkspace } from '../../helpers/demo.ts';
import { userError, userErrorOf } from '../../helpers/errors.ts';
import { tempDir } from '../../helpers/temp.ts';
import { migratedFrom } from '../db/migrate-from.ts';

const WRITER = fileURLToPath(new URL('../../helpers/mark-writer.ts', import.meta.url));
// The demo scorer (smirnov) is assigned this entry.
const MARK = { entryId: 'entry-yugra-urai', criterionId: 'crit-net-services' };

/** A clock whose time and timer the test turns by hand. */
function handClock(start: string) {
  let now = new Date(start);
  const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const clock: BackupClock = {
    now: () => now,
    every(ms, run) {
      const timer = { ms, run, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  };
  return {
    clock,
    timers,
    /** Moves time on and fires every timer still running. */
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
      for (const timer of timers) if (!timer.cancelled) timer.run();
    },
  };
}

function readValue(path: string): number | null {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare("SELECT value FROM marks WHERE expert_id = 'smirnov' AND entry_id = ? AND criterion_id = ?").get(MARK.entryId, MARK.criterionId) as { value: number } | undefined;
    return row?.value ?? null;
  } finally {
    db.close();
  }
}

/** Overwrites two pages in the middle of a file with garbage, as a failing disk might. */
function damage(path: string): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(path).size / 2 / 4096) * 4096);
  closeSync(fd);
}

/** Marks whose value differs from the last change recorded for them in mark_history: a torn copy shows some. */
const DISAGREEING = `
  SELECT count(*) AS n FROM mark_history h
  LEFT JOIN marks m USING (expert_id, entry_id, criterion_id)
  WHERE h.id = (SELECT max(id) FROM mark_history g WHERE g.expert_id = h.expert_id AND g.entry_id = h.entry_id AND g.criterion_id = h.criterion_id)
    AND h.value IS NOT m.value`;

/** Starts the crash harness's writer on `path` and resolves once it has saved `acks` marks. */
async function startWriter(t: TestContext, path: string, acks: number) {
  const child = spawn(process.execPath, [WRITER, path, '11'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  t.after(async () => {
    child.kill('SIGKILL');
    await exited;
  });
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('\n').filter((line) => line.startsWith('ack ')).length;
      if (seen >= acks) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the writer stopped (${code}) after ${seen} marks`)));
  });
  return {
    stop: () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

describe('backups', () => {
  it('copies a workspace while another process saves marks, each copy one consistent state', { timeout: 60_000 }, async (t) => {
    const seed = demoWorkspace(t);
    const path = seed.path;
    seed.close();
    const writer = await startWriter(t, path, 20);
    const db = openDatabase(path);
    t.after(() => db.close());
    const lastChange = () => (db.prepare('SELECT max(id) AS id FROM mark_history').get() as { id: number }).id;
    const before = lastChange();
    const copies: { made: BackupView; atStart: number }[] = [];
    for (let i = 0; i < 5; i += 1) {
      const atStart = lastChange();
      copies.push({ made: await backup(db, 'manual'), atStart });
    }
    assert.ok(lastChange() > before, 'the writer kept saving while the copies were made');
    await writer.stop();
    for (const { made, atStart } of copies) {
      const copy = new Database(made.path, { readonly: true });
      try {
        assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok', made.name);
        assert.equal((copy.prepare(DISAGREEING).get() as { n: number }).n, 0, `${made.name}: marks agree with their history`);
        const held = (copy.prepare('SELECT max(id) AS id FROM mark_history').get() as { id: number }).id;
        assert.ok(held >= atStart, `${made.name} holds every change committed before it began (${held} < ${atStart})`);
        assert.equal(copy.pragma('journal_mode', { simple: true }), 'delete', 'a backup is one file, no -wal beside it');
      } finally {
        copy.close();
      }
    }
    assert.deepEqual(readdirSync(backupFolder(path)).sort(), copies.map((c) => c.made.name).sort(), 'nothing but the finished copies in the folder');
  });

  it('names each copy by its UTC time and reason, in a folder beside the workspace', async (t) => {
    const ws = demoWorkspace(t);
    const made = await backup(ws.db, 'before-import', { now: () => new Date('2026-09-29T10:15:00.123Z') });
    assert.equal(made.path, join(ws.path, '..', 'demo.backups', 'demo-2026-09-29T10-15-00.123Z-before-import.sqlite'));
    assert.deepEqual({ reason: made.reason, createdAt: made.createdAt }, { reason: 'before-import', createdAt: '2026-09-29T10:15:00.123Z' });
    // The same moment again (an import right after another): a name of its own, nothing overwritten.
    const again = await backup(ws.db, 'before-import', { now: () => new Date('2026-09-29T10:15:00.123Z') });
    assert.equal(again.name, 'demo-2026-09-29T10-15-00.124Z-before-import.sqlite');
    assert.deepEqual(listBackups(ws.path).map((b) => b.name), [again.name, made.name]);
  });

  it('keeps twelve scheduled copies plus the newest of each of seven days, ten before imports, and every manual one', () => {
    const view = (reason: BackupReason, at: string): BackupView => ({ name: `w-${at}-${reason}`, path: `/b/w-${at}-${reason}`, reason, createdAt: at, bytes: 1 });
    const list: BackupView[] = [];
    // Today: 20 scheduled copies ten minutes apart; the nine days before: three a day.
    for (let i = 0; i < 20; i += 1) list.push(view('scheduled', new Date(Date.UTC(2026, 8, 30, 16, 0) - i * 600_000).toISOString()));
    for (let day = 29; day >= 21; day -= 1) for (const hour of [18, 12, 9]) list.push(view('scheduled', new Date(Date.UTC(2026, 8, day, hour)).toISOString()));
    for (let i = 0; i < 12; i += 1) list.push(view('before-import', new Date(Date.UTC(2026, 8, 10, 12, i)).toISOString()));
    for (let i = 0; i < 30; i += 1) list.push(view('manual', new Date(Date.UTC(2026, 7, 1 + i)).toISOString()));
    list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));

    const expired = new Set(expiredBackups(list).map((b) => b.name));
    const kept = list.filter((b) => !expired.has(b.name));
    const scheduled = kept.filter((b) => b.reason === 'scheduled').map((b) => b.createdAt);
    // The twelve newest of today, then 18:00 of each of the six days before (today is the seventh day).
    assert.deepEqual(scheduled.slice(0, 12), list.filter((b) => b.reason === 'scheduled').slice(0, 12).map((b) => b.createdAt));
    assert.deepEqual(scheduled.slice(12), [29, 28, 27, 26, 25, 24].map((d) => new Date(Date.UTC(2026, 8, d, 18)).toISOString()));
    assert.equal(kept.filter((b) => b.reason === 'before-import').length, 10);
    assert.ok(expired.has(view('before-import', new Date(Date.UTC(2026, 8, 10, 12, 0)).toISOString()).name), 'the oldest imports go first');
    assert.equal(kept.filter((b) => b.reason === 'manual').length, 30);
  });

  it('deletes what retention lets go as each new copy is made', async (t) => {
    const ws = demoWorkspace(t);
    let at = Date.UTC(2026, 8, 29, 9, 0);
    const next = () => new Date((at += 600_000));
    await backup(ws.db, 'manual', { now: next });
    for (let i = 0; i < 14; i += 1) await backup(ws.db, 'scheduled', { now: next });
    const left = listBackups(ws.path);
    assert.equal(left.filter((b) => b.reason === 'scheduled').length, 12);
    assert.equal(left.filter((b) => b.reason === 'manual').length, 1);
    assert.equal(left.at(-1)?.reason, 'manual', 'the oldest of all is the manual copy; the two oldest scheduled went');
    assert.equal(readdirSync(backupFolder(ws.path)).length, 13);
  });

  it('refuses a damaged copy, naming the file and what is wrong with it', async (t) => {
    const ws = demoWorkspace(t);
    const made = await backup(ws.db, 'manual');
    const expected = { applicationId: APPLICATION_ID, maxVersion: latestVersion, contest: true };
    assert.equal(verifyBackup(made.path, expected).contestId, ws.summary().contest.id);

    const broken = join(tempDir(t), 'broken.sqlite');
    copyFileSync(made.path, broken);
    damage(broken);
    const error = userError(() => verifyBackup(broken, expected));
    assert.equal(error.code, 'backup.damaged');
    assert.equal(error.params.file, broken);
    assert.match(String(error.params.problem), /malformed/);

    const text = join(tempDir(t), 'notes.sqlite');
    copyFileSync(fileURLToPath(import.meta.url), text);
    assert.deepEqual(userError(() => verifyBackup(text, expected)), { code: 'backup.unreadable', params: { file: text, problem: 'file is not a database' } });

    const foreign = join(tempDir(t), 'other.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x INTEGER) STRICT');
    other.close();
    assert.deepEqual(userError(() => verifyBackup(foreign, expected)), { code: 'backup.foreign', params: { file: foreign } });
    assert.equal(userError(() => verifyBackup(made.path, { ...expected, userVersion: latestVersion - 10 })).code, 'backup.otherVersion');
  });

  it('brings back the marks of a copy and keeps the state it replaced as a copy of its own', async (t) => {
    const ws = demoWorkspace(t);
    ws.setMark({ ...MARK, value: 8 });
    const made = await backup(ws.db, 'manual');
    ws.setMark({ ...MARK, value: 3 });
    ws.close();

    const outcome = await restore(ws.path, made.path);
    assert.equal(readValue(ws.path), 8);
    assert.ok(outcome.saved, 'the state before was saved');
    assert.equal(outcome.saved.reason, 'before-restore');
    assert.equal(readValue(outcome.saved.path), 3);
    assert.equal(outcome.keptAside, null);
    // The workspace opens as before, with the history of the mark as it was in the copy.
    const again = Workspace.open(ws.path);
    t.after(() => again.close());
    assert.equal(again.entry(MARK.entryId).marks.find((m) => m.criterionId === MARK.criterionId)?.value, 8);
  });

  it('changes nothing when the copy to restore is damaged, and says which file and why', async (t) => {
    const ws = demoWorkspace(t);
    ws.setMark({ ...MARK, value: 8 });
    const made = await backup(ws.db, 'manual');
    ws.setMark({ ...MARK, value: 3 });
    ws.close();
    damage(made.path);
    const bytes = readFileSync(ws.path);

    const error = await userErrorOf(restore(ws.path, made.path));
    assert.equal(error.code, 'backup.damaged');
    assert.equal(error.params.file, made.path);
    assert.ok(readFileSync(ws.path).equals(bytes), 'the workspace file is byte for byte as it was');
    assert.equal(readValue(ws.path), 3);
    assert.deepEqual(listBackups(ws.path).map((b) => b.reason), ['manual'], 'no copy was made before a restore that did not happen');
  });

  it('refuses to restore a copy of another contest or the workspace onto itself', async (t) => {
    const ws = demoWorkspace(t);
    const made = await backup(ws.db, 'manual');
    const other = Workspace.create(join(tempDir(t), 'other.sqlite'), { contest: { id: 'contest-other', title: 'Другой', year: 2026 }, nominations: [], entries: [], experts: [], assignments: [] });
    other.close();
    const error = await userErrorOf(restore(other.path, made.path));
    assert.deepEqual(error, { code: 'backup.otherContest', params: { file: made.path, backup: ws.summary().contest.id, path: other.path, contest: 'contest-other' } });
    assert.equal((await userErrorOf(restore(ws.path, ws.path))).code, 'backup.sameFile');
  });

  it('keeps a damaged workspace aside, untouched, and puts the copy in its place', async (t) => {
    const ws = demoWorkspace(t);
    ws.setMark({ ...MARK, value: 8 });
    const made = await backup(ws.db, 'manual');
    ws.close();
    damage(ws.path);
    const damaged = readFileSync(ws.path);

    const outcome = await restore(ws.path, made.path);
    assert.equal(outcome.saved, null);
    assert.ok(outcome.keptAside && readFileSync(outcome.keptAside).equals(damaged), 'the damaged file kept byte for byte');
    assert.equal(dirname(outcome.keptAside), backupFolder(ws.path));
    assert.match(basename(outcome.keptAside), /^demo-.+-damaged\.sqlite$/);
    assert.equal(readValue(ws.path), 8);
  });

  it('backs up a workspace with data before migrating it, and a fresh one not at all', (t) => {
    const db = migratedFrom(t, 40, 50);
    const [made, ...more] = listBackups(db.name);
    assert.equal(more.length, 0);
    assert.equal(made?.reason, 'before-migration');
    const copy = new Database(made?.path ?? '', { readonly: true });
    t.after(() => copy.close());
    assert.equal(copy.pragma('user_version', { simple: true }), 40, 'the copy is the file as it was before');
    assert.deepEqual(copy.prepare('SELECT value FROM marks').all(), [{ value: 5 }]);
    assert.equal(db.pragma('user_version', { simple: true }), 50);

    const fresh = demoWorkspace(t);
    assert.equal(existsSync(backupFolder(fresh.path)), false, 'a file made by this version needs no copy');
    Workspace.open(fresh.path).close();
    assert.equal(existsSync(backupFolder(fresh.path)), false, 'nor does opening a file already up to date');
  });

  it('makes a scheduled copy every ten minutes only when the workspace changed since any copy', async (t) => {
    const ws = demoWorkspace(t);
    const time = handClock('2026-09-29T09:00:00.000Z');
    const failures: unknown[] = [];
    const schedule = new BackupSchedule(ws.db, { clock: time.clock, onError: (error) => failures.push(error) });
    t.after(() => schedule.stop());
    const reasons = () => listBackups(ws.path).map((b) => b.reason);
    assert.deepEqual(time.timers.map((x) => x.ms), [600_000]);

    time.advance(600_000);
    await schedule.settled();
    assert.deepEqual(reasons(), [], 'nothing changed since the workspace was opened');

    ws.setMark({ ...MARK, value: 8 });
    time.advance(600_000);
    await schedule.settled();
    assert.deepEqual(reasons(), ['scheduled']);
    assert.equal(listBackups(ws.path)[0]?.createdAt, '2026-09-29T09:20:00.000Z');

    time.advance(600_000);
    await schedule.settled();
    assert.deepEqual(reasons(), ['scheduled'], 'unchanged since the last copy');

    ws.setMark({ ...MARK, value: 9 });
    await schedule.take('before-import');
    time.advance(600_000);
    await schedule.settled();
    assert.deepEqual(reasons(), ['before-import', 'scheduled'], 'the copy before the import already holds the change');

    await schedule.stop();
    assert.equal(time.timers[0]?.cancelled, true, 'the timer is cleared when the workspace closes');
    ws.setMark({ ...MARK, value: 10 });
    assert.equal(await schedule.tick(), null);
    assert.deepEqual(failures, []);
  });
});
