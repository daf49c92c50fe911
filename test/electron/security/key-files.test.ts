import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { writeDemo } from '../../../electron/services/demo/demo.ts';
import { KeyStore } from '../../../electron/services/keys/key-store.ts';
import { createKeyFile, unlockKeyFile } from '../../../electron/services/signing/key-file.ts';
import { generateKey } from '../../../electron/services/signing/keys.ts';
import { NewKey } from '../../../shared/domain/publishing.ts';
import { fieldProblems } from '../../../shared/validation.ts';
import { jurybox, runCli } from '../../helpers/cli.ts';
import { userError } from '../../helpers/errors.ts';
import { tempDir } from '../../helpers/temp.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * Runs jurybox in a real terminal (script(1) gives it one) and types each of `answers` once the
 * next prompt has appeared; returns what the terminal showed.
 */
function typeAtPrompt(args: string[], answers: string[]): Promise<string> {
  const command = [process.execPath, jurybox, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, LANG: 'C' }, stdio: ['pipe', 'pipe', 'inherit'] });
  let shown = '';
  let prompts = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    const seen = (shown.match(/: (?=\r?\n|$)/g) ?? []).length;
    while (prompts < Math.min(seen, answers.length)) child.stdin.write(answers[prompts++] ?? '');
  });
  // A prompt that never came (or a key file that never opened) fails the test; it never hangs it.
  const timer = setTimeout(() => child.kill(), 30_000);
  return new Promise((resolve) => child.on('close', () => (clearTimeout(timer), resolve(shown))));
}

const posix = process.platform !== 'win32';

/** Every key file under `dir` is owner-only, and so is `dir`. */
function assertOwnerOnly(dir: string): void {
  assert.equal(modeOf(dir).toString(8), '700', dir);
  const keys = readdirSync(dir).filter((name) => name.endsWith('.key'));
  assert.ok(keys.length > 0, `key files in ${dir}`);
  for (const name of keys) assert.equal(modeOf(join(dir, name)).toString(8), '600', name);
}

describe('key files at rest', { skip: !posix && 'file modes are POSIX' }, () => {
  it('the key store writes each key owner-only, in a folder only its owner may enter, and tightens an older looser folder', (t) => {
    const home = tempDir(t);
    const store = new KeyStore(join(home, 'keys'));
    store.create({ label: 'Эксперт', passphrase: 'восемь знаков', useOs: false });
    assertOwnerOnly(store.dir);
    const older = new KeyStore(join(home, 'older-keys'));
    mkdirSync(older.dir, { mode: 0o755 });
    chmodSync(older.dir, 0o755);
    older.create({ label: 'Эксперт', passphrase: 'восемь знаков', useOs: false });
    assertOwnerOnly(older.dir);
    // A store an earlier version left looser, whose keys are only ever listed and used: closed when listed.
    chmodSync(older.dir, 0o755);
    assert.equal(older.list().length, 1);
    assert.equal(modeOf(older.dir).toString(8), '700');
  });

  it('jurybox keygen writes the key owner-only and makes its folder owner-only', (t) => {
    const dir = join(tempDir(t), 'usb', 'keys');
    const result = runCli(['keygen', '--out', join(dir, 'organiser.key'), '--label', 'Оргкомитет'], { JURYBOX_PASSPHRASE: 'долгий пароль' });
    assert.equal(result.status, 0, result.stderr);
    assertOwnerOnly(dir);
  });

  it('the demo writes its keys owner-only, in an owner-only folder', (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-28T09:00:00.000Z' });
    assertOwnerOnly(demo.keys);
  });
});

describe('the passphrase of a new key', () => {
  it('has at least 8 characters, in the key store, in the form’s schema and in jurybox keygen; nothing is written otherwise', (t) => {
    const store = new KeyStore(join(tempDir(t), 'keys'));
    assert.deepEqual(userError(() => store.create({ label: 'Эксперт', passphrase: 'семь зн', useOs: false })), { code: 'key.shortPassphrase', params: { file: 'Эксперт', min: 8 } });
    assert.equal(existsSync(store.dir) && readdirSync(store.dir).length > 0, false);
    // Spaces around the words do not count towards the eight.
    assert.equal(userError(() => store.create({ label: 'Эксперт', passphrase: '  семь зн  ', useOs: false })).code, 'key.shortPassphrase');
    assert.equal(store.create({ label: 'Эксперт', passphrase: 'восемь з', useOs: false }).protection, 'passphrase');

    const problems = (passphrase: string | null, protection: 'os' | 'passphrase' = 'passphrase') => {
      const parsed = NewKey.safeParse({ label: 'Эксперт', protection, passphrase });
      return parsed.success ? [] : fieldProblems(parsed.error).map((p) => [p.path, p.key, p.params.min]);
    };
    assert.deepEqual(problems('семь зн'), [['passphrase', 'validation.tooShort', 8]]);
    assert.deepEqual(problems(null), [['passphrase', 'validation.tooShort', 8]]);
    assert.deepEqual(problems('восемь з'), []);
    assert.deepEqual(problems(null, 'os'), []);

    const out = join(tempDir(t), 'short.key');
    const keygen = runCli(['keygen', '--out', out, '--label', 'Оргкомитет'], { JURYBOX_PASSPHRASE: 'short' });
    assert.equal(keygen.status, 1);
    assert.match(keygen.stderr, /at least 8 characters/);
    assert.equal(existsSync(out), false);
  });

  it('counts characters as the user sees them, not the code points behind them', (t) => {
    const store = new KeyStore(join(tempDir(t), 'keys'));
    // Four thumbs with a skin tone are eight code points; eight combining accents are no letter at all.
    for (const short of ['👍🏽👍🏽👍🏽👍🏽', '\u0301'.repeat(8), 'ä'.normalize('NFD').repeat(7)]) {
      assert.equal(userError(() => store.create({ label: 'Эксперт', passphrase: short, useOs: false })).code, 'key.shortPassphrase', JSON.stringify(short));
      assert.deepEqual(fieldProblems(NewKey.safeParse({ label: 'Эксперт', protection: 'passphrase', passphrase: short }).error ?? assert.fail()).map((p) => p.key), ['validation.tooShort']);
    }
    assert.equal(store.create({ label: 'Эксперт', passphrase: '👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽', useOs: false }).protection, 'passphrase');
  });

  it('typed at the prompt is what was meant: a backspace takes back a whole character, an arrow key adds nothing', { skip: !hasScript && 'needs script(1) for a terminal' }, async (t) => {
    const out = join(tempDir(t), 'typed.key');
    // 😀 then backspace, then an arrow key, typed twice (the passphrase and its confirmation).
    const keys = 'верно😀\x7fпароль\x1b[Dдлинный\r';
    const typed = await typeAtPrompt(['keygen', '--out', out, '--label', 'Ключ'], [keys, keys]);
    assert.match(typed, /Key written/, typed);
    assert.ok(unlockKeyFile(readFileSync(out, 'utf8'), { passphrase: 'вернопарольдлинный' }, out));
  });

  it('may be the demo’s public "demo" for demo keys only, and a key file sealed earlier with a short passphrase still opens', (t) => {
    const key = generateKey();
    assert.equal(userError(() => createKeyFile(key, { label: 'Ключ', passphrase: 'demo' })).code, 'key.shortPassphrase');
    const demoKey = createKeyFile(key, { label: 'Демо-ключ', passphrase: 'demo', demo: true });
    assert.ok(unlockKeyFile(demoKey, { passphrase: 'demo' }, 'demo.key').publicKey.equals(key.publicKey));
    // A key made before the rule: the same file, not marked demo (the mark is not sealed in, so it can be cleared).
    const older = JSON.stringify({ ...(JSON.parse(demoKey) as object), demo: false });
    assert.ok(unlockKeyFile(older, { passphrase: 'demo' }, 'older.key').publicKey.equals(key.publicKey));
    const demo = writeDemo(tempDir(t), { now: '2026-09-28T09:00:00.000Z' });
    const organiser = join(demo.keys, 'organiser.key');
    assert.ok(unlockKeyFile(readFileSync(organiser, 'utf8'), { passphrase: 'demo' }, organiser));
  });
});
