import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeEnvelope } from '../../../../electron/services/signing/envelope.ts';
import { generateKey, publicKeyPem } from '../../../../electron/services/signing/keys.ts';
import { tempDir } from '../../../helpers/temp.ts';

const DOC = new URL('../../../../docs/formats.md', import.meta.url);
const HEADING = '## Verify a file with openssl and base64 alone';

/** The first bash block under the walk-through heading of docs/formats.md. */
function walkThrough(): string {
  const doc = readFileSync(DOC, 'utf8');
  const section = doc.slice(doc.indexOf(HEADING));
  assert.ok(section.startsWith(HEADING), `docs/formats.md has the heading "${HEADING}"`);
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, 'the walk-through has a bash block');
  return block;
}

const runs = (command: string, args: string[]) => spawnSync(command, args).status === 0;
const hasTools = runs('bash', ['--version']) && runs('openssl', ['version']);

function run(dir: string, file: string, pub: string): { status: number | null; output: string } {
  const result = spawnSync('bash', ['-c', walkThrough()], { cwd: dir, env: { ...process.env, FILE: file, PUB: pub }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const payload = Buffer.from(JSON.stringify({ format: 'jurybox.enrolment', name: 'Смирнов Алексей Викторович', note: 'проверка openssl' }), 'utf8');

describe('the openssl walk-through in docs/formats.md', { skip: hasTools ? false : 'needs bash and openssl' }, () => {
  it('verifies a real file signed by JuryBox', (t) => {
    const dir = tempDir(t);
    const key = generateKey();
    writeFileSync(join(dir, 'signed.jbenrol'), writeEnvelope('enrolment', payload, key));
    writeFileSync(join(dir, 'signer.pem'), publicKeyPem(key.publicKey));
    const result = run(dir, join(dir, 'signed.jbenrol'), join(dir, 'signer.pem'));
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /Signature Verified Successfully/);
    assert.deepEqual(readFileSync(join(dir, 'payload.bin')), payload);
  });

  it('makes openssl refuse a file with one payload byte changed', (t) => {
    const dir = tempDir(t);
    const key = generateKey();
    const text = writeEnvelope('enrolment', payload, key).toString('utf8');
    const changed = Buffer.from(payload);
    changed[10] = (changed[10] ?? 0) ^ 0x01;
    writeFileSync(join(dir, 'changed.jbenrol'), text.replace(payload.toString('base64'), changed.toString('base64')));
    writeFileSync(join(dir, 'signer.pem'), publicKeyPem(key.publicKey));
    const result = run(dir, join(dir, 'changed.jbenrol'), join(dir, 'signer.pem'));
    assert.notEqual(result.status, 0);
    assert.doesNotMatch(result.output, /Signature Verified Successfully/);
    assert.match(result.output, /Signature Verification Failure/);
  });

  it('stops at the keyid when the PEM is another key', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'signed.jbenrol'), writeEnvelope('enrolment', payload, generateKey()));
    writeFileSync(join(dir, 'other.pem'), publicKeyPem(generateKey().publicKey));
    const result = run(dir, join(dir, 'signed.jbenrol'), join(dir, 'other.pem'));
    assert.notEqual(result.status, 0);
    assert.match(result.output, /is not the key in/);
  });
});
