import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pkg from '../../../package.json' with { type: 'json' };
import { Workspace } from '../../../electron/services/workspace.ts';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/temp.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('jurybox command', () => {
  it('prints its help and exits 0', () => {
    const result = runCli(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Usage: jurybox <command>/);
    assert.match(result.stdout, /demo --out DIR/);
    assert.match(result.stdout, /serve \[--workspace FILE\] \[--port N\]/);
  });

  it('prints the version from package.json', () => {
    assert.equal(runCli(['--version']).stdout.trim(), pkg.version);
  });

  it('exits 2 with a message on an unknown command or option', () => {
    const unknown = runCli(['frobnicate']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown command “frobnicate”/);
    const option = runCli(['demo', '--colour', 'red']);
    assert.equal(option.status, 2);
    assert.match(option.stderr, /Unknown option '--colour'.*jurybox demo --help/s);
    assert.equal(runCli(['demo']).status, 2);
  });

  it('writes the demo workspace, which then opens with the demo contest', (t) => {
    const dir = tempDir(t);
    const result = runCli(['demo', '--out', dir]);
    assert.equal(result.status, 0, result.stderr);
    const path = join(dir, 'demo.sqlite');
    assert.match(result.stdout, new RegExp(`Workspace: ${escape(path)}`));
    const ws = Workspace.open(path);
    t.after(() => ws.close());
    assert.equal(ws.summary().contest.title, 'Лучший многофункциональный центр России');
    assert.ok(ws.summary().counts.entries >= 30);
  });

  it('refuses to overwrite an existing demo, naming the file, and leaves it as it was', (t) => {
    const dir = tempDir(t);
    runCli(['demo', '--out', dir]);
    const path = join(dir, 'demo.sqlite');
    const before = readFileSync(path);
    const again = runCli(['demo', '--out', dir]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, new RegExp(`The file ${escape(path)} already exists`));
    assert.deepEqual(readFileSync(path), before);
    const forced = runCli(['demo', '--out', dir, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(statSync(path).size > 0);
  });

  it('speaks Russian when asked or when the locale is Russian', (t) => {
    const dir = tempDir(t);
    assert.match(runCli(['demo', '--out', dir, '--lang', 'ru']).stdout, /Демонстрационный конкурс записан/);
    assert.equal(existsSync(join(dir, 'contest.jbcontest')), true);
    assert.match(runCli(['demo', '--out', dir], { LANG: 'ru_RU.UTF-8' }).stderr, /уже существует и не будет перезаписан/);
    assert.equal(runCli(['--help', '--lang', 'de']).status, 2);
    // Before the command too, as the usage lists --lang among every command's options.
    const other = tempDir(t);
    assert.match(runCli(['--lang', 'ru', 'demo', '--out', other]).stdout, /Демонстрационный конкурс записан/);
    assert.match(runCli(['--lang=en', 'demo', '--out', other], { LANG: 'ru_RU.UTF-8' }).stderr, /already exists/);
  });

  it('refuses to serve a workspace that does not exist, naming it', (t) => {
    const path = join(tempDir(t), 'nowhere.sqlite');
    const result = runCli(['serve', '--workspace', path]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`File not found: ${escape(path)}`));
  });

  it('refuses a port that is not a port', () => {
    const result = runCli(['serve', '--port', 'eighty']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /The port must be a number from 0 to 65535, got “eighty”/);
  });
});
