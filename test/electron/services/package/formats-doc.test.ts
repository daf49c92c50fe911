import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeDemo } from '../../../../electron/services/demo/demo.ts';
import { verifyFiles } from '../../../../electron/services/package/verify.ts';
import { repoRoot } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

/** The bash block that follows a heading of docs/formats.md. */
function blockAfter(heading: string): string {
  const doc = readFileSync(join(repoRoot, 'docs', 'formats.md'), 'utf8');
  const after = doc.slice(doc.indexOf(heading));
  const match = /```bash\n([\s\S]*?)```/.exec(after);
  if (!match?.[1]) throw new Error(`no bash block after ${heading}`);
  return match[1];
}

const hasTools = spawnSync('bash', ['-c', 'command -v openssl']).status === 0;

describe('docs/formats.md', () => {
  it('verifies the demo’s contest package with openssl alone, showing the same fingerprint as jurybox verify', { skip: hasTools ? false : 'bash or openssl is not installed' }, (t) => {
    const dir = tempDir(t);
    writeDemo(dir);
    const script = blockAfter("### Verify the demo's package with openssl alone");
    const run = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Signature Verified Successfully/);
    const [verdict] = verifyFiles([join(dir, 'contest.jbcontest')]);
    assert.equal(run.stdout.match(/^fingerprint: (.*)$/m)?.[1], verdict?.signer);

    const file = join(dir, 'contest.jbcontest');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"payload": "') + 200;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(file, bytes);
    const tampered = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(tampered.status, 0);
  });
});
