import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

// `npm install --package-lock-only` never notices a stale lock: npm marks a package's install script
// (better-sqlite3's binding.gyp) only when it unpacks the package. So this installs for real, from
// npm's cache alone (CI's `npm ci` has just filled it), without running any package's scripts.
describe('package-lock.json', () => {
  it('stays byte for byte as committed after npm install on a fresh clone', { timeout: 180_000 }, (t) => {
    const dir = tempDir(t, 'jurybox-lock-');
    for (const name of ['package.json', 'package-lock.json', '.npmrc']) {
      if (existsSync(join(repoRoot, name))) copyFileSync(join(repoRoot, name), join(dir, name));
    }
    const npm = spawnSync('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', timeout: 170_000 });
    if (npm.status !== 0 && /ENOTCACHED/.test(npm.stderr)) return t.skip('npm cache lacks some packages; run npm ci first');
    assert.equal(npm.status, 0, npm.stderr);
    const committed = readFileSync(join(repoRoot, 'package-lock.json'), 'utf8');
    const after = readFileSync(join(dir, 'package-lock.json'), 'utf8');
    const firstDifference = after.split('\n').findIndex((line, i) => line !== committed.split('\n')[i]);
    assert.ok(after === committed, `npm install changed package-lock.json at line ${firstDifference + 1}: ${after.split('\n')[firstDifference]?.trim()}`);
  });
});
