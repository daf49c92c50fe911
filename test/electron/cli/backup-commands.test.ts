import assert from 'node:assert/strict';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { writeDemoWorkspace } from '../../../electron/services/demo/demo.ts';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/temp.ts';

const MARK = { entryId: 'entry-yugra-urai', criterionId: 'crit-net-services' };

/** The demo workspace with one mark given, closed, as a user's file on disk. */
function workspaceWithMark(t: TestContext, value: number): string {
  const ws = writeDemoWorkspace(tempDir(t));
  ws.setMark({ ...MARK, value });
  ws.close();
  return ws.path;
}

function setMark(path: string, value: number): void {
  const db = new Database(path);
  db.prepare("UPDATE marks SET value = ? WHERE expert_id = 'smirnov' AND entry_id = ? AND criterion_id = ?").run(value, MARK.entryId, MARK.criterionId);
  db.close();
}

function markOf(path: string): number | undefined {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM marks WHERE expert_id = 'smirnov' AND entry_id = ? AND criterion_id = ?").get(MARK.entryId, MARK.criterionId) as { value: number } | undefined)?.value;
  } finally {
    db.close();
  }
}

/** The copy a `jurybox backup` run says it made. */
function madeBy(stdout: string): string {
  const match = /^Copy made and checked: (.+\.sqlite) \(\d+(\.\d)? KB\)$/m.exec(stdout);
  assert.ok(match?.[1], stdout);
  return match[1];
}

describe('jurybox backup and restore', () => {
  it('makes a checked copy in the folder beside the workspace, and lists the copies', (t) => {
    const path = workspaceWithMark(t, 8);
    const run = runCli(['backup', path]);
    assert.equal(run.status, 0, run.stderr);
    const copy = madeBy(run.stdout);
    assert.match(copy, /\/demo\.backups\/demo-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-manual\.sqlite$/);
    assert.equal(markOf(copy), 8);

    const list = runCli(['backup', path, '--list']);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /^Backups of .+demo\.sqlite in .+demo\.backups:$/m);
    assert.match(list.stdout, new RegExp(`by hand {2}\\d+ KB {2}${copy.split('/').at(-1)?.replace(/\./g, '\\.')}$`, 'm'));
    const russian = runCli(['backup', path, '--list', '--lang', 'ru']);
    assert.match(russian.stdout, /вручную {2}\d+ КБ/);
  });

  it('says there are no copies yet', (t) => {
    const path = workspaceWithMark(t, 8);
    const list = runCli(['backup', '--list', path]);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /^The workspace .+demo\.sqlite has no backups \(folder .+demo\.backups\)\.$/m);
  });

  it('restores a copy: the mark comes back, and the state it replaced is kept as a copy', (t) => {
    const path = workspaceWithMark(t, 8);
    const copy = madeBy(runCli(['backup', path]).stdout);
    setMark(path, 3);

    const run = runCli(['restore', path, copy]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(markOf(path), 8);
    assert.ok(run.stdout.includes(`The workspace ${path} is restored from ${copy}.`), run.stdout);
    const saved = /^The state before is saved: (.+-before-restore\.sqlite)$/m.exec(run.stdout)?.[1];
    assert.ok(saved && existsSync(saved), run.stdout);
    assert.equal(markOf(saved), 3);
  });

  it('refuses a damaged copy with exit status 1, naming the file, and changes nothing', (t) => {
    const path = workspaceWithMark(t, 8);
    const copy = madeBy(runCli(['backup', path]).stdout);
    setMark(path, 3);
    const fd = openSync(copy, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(copy).size / 2 / 4096) * 4096);
    closeSync(fd);
    const before = readFileSync(path);

    const run = runCli(['restore', path, copy]);
    assert.equal(run.status, 1);
    assert.equal(run.stderr.trim(), `Error: The backup ${copy} is damaged: SQLite’s integrity check found errors (database disk image is malformed). Nothing was changed.`);
    assert.ok(readFileSync(path).equals(before));
    assert.equal(markOf(path), 3);
  });

  it('refuses to back up a file that is not a workspace', (t) => {
    const dir = tempDir(t);
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'not a database at all');
    const run = runCli(['backup', text]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /notes\.sqlite is not a JuryBox workspace/);
    assert.equal(existsSync(join(dir, 'notes.backups')), false);
  });

  it('answers a wrong call with exit status 2 and the usage, and explains itself with --help', () => {
    assert.deepEqual(runCli(['backup']).status, 2);
    const restore = runCli(['restore', 'only-one.sqlite']);
    assert.equal(restore.status, 2);
    assert.match(restore.stderr, /jurybox restore FILE BACKUP/);
    const help = runCli(['restore', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /The backup is checked first/);
    assert.match(runCli(['--help']).stdout, /backup FILE \[--list\]/);
  });
});
