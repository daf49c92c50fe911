import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { jurybox, repoRoot } from '../helpers/cli.ts';

// The machine's own Node, when it is older than JuryBox needs (Debian's is 20).
const OLD_NODE = '/usr/bin/node';
const oldVersion = existsSync(OLD_NODE) ? spawnSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim() : '';
const [major = 0, minor = 0] = oldVersion.split('.').map(Number);
const skip = oldVersion === '' ? `no ${OLD_NODE} on this machine` : major > 22 || (major === 22 && minor >= 18) ? `${OLD_NODE} is ${oldVersion}, not an old Node` : false;

/** Runs `command` with the old Node (and the npm beside it) first on PATH, as a user with only that Node would. */
function withOldNode(command: string, args: string[]) {
  const PATH = `${dirname(OLD_NODE)}:/bin`;
  return spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', env: { PATH, HOME: process.env.HOME, LANG: 'C' }, timeout: 60_000 });
}

const SENTENCE = new RegExp(`^JuryBox needs Node\\.js 22\\.18 or newer \\(this is ${oldVersion.replaceAll('.', '\\.')}\\); install Node\\.js 24 from nodejs\\.org\\.$`);

function assertOneSentence(result: SpawnSyncReturns<string>): void {
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  assert.equal(result.status, 1, result.stderr);
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0] ?? '', SENTENCE);
  assert.doesNotMatch(result.stdout + result.stderr, /^\s+at /m);
}

// Every script, not a list of them: a script added later without the check fails here.
const scripts = Object.keys((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

describe('an older Node.js', { skip }, () => {
  for (const script of scripts) {
    it(`npm run ${script} prints one sentence and exits 1`, { skip: existsSync(`${dirname(OLD_NODE)}/npm`) ? false : 'no npm beside the old Node' }, () => {
      assertOneSentence(withOldNode(`${dirname(OLD_NODE)}/npm`, ['run', script]));
    });
  }

  it('npx jurybox prints one sentence and exits 1', () => {
    assertOneSentence(withOldNode(OLD_NODE, [jurybox, '--help']));
  });

  it('speaks Russian where the locale is Russian', () => {
    const result = spawnSync(OLD_NODE, [jurybox, '--help'], { encoding: 'utf8', env: { LANG: 'ru_RU.UTF-8' } });
    assert.equal(result.status, 1);
    assert.equal(result.stderr.trim(), `Для JuryBox нужен Node.js 22.18 или новее (здесь ${oldVersion}); установите Node.js 24 с nodejs.org.`);
  });
});
