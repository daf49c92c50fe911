import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors.ts';
import { PAYLOAD_TYPES } from '../../../../shared/formats/dsse.ts';
import {
  checkSignature,
  MAX_FILE_BYTES,
  parsePayload,
  peekPublicKey,
  readEnvelope,
  readEnvelopeFile,
  writeEnvelope,
} from '../../../../electron/services/signing/envelope.ts';
import { generateKey, keyIdOf, publicKeyToBase64 } from '../../../../electron/services/signing/keys.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { userError } from '../../../helpers/errors.ts';

const signer = generateKey();

const Greeting = z
  .object({ format: z.literal('test.greeting'), publicKey: z.string(), to: z.string(), lines: z.array(z.string()), marks: z.array(z.number()) })
  .strict();

const greeting = {
  format: 'test.greeting',
  publicKey: publicKeyToBase64(signer.publicKey),
  to: 'Жюри конкурса «Лучший МФЦ»',
  lines: ['Оценки выставлены по всем критериям.', 'Signed with Ed25519 over PAE.'],
  marks: [7, 8.5, 10, 0],
};
const payload = Buffer.from(JSON.stringify(greeting), 'utf8');

/** An envelope as text, fields given as raw JSON so that a test can break them. */
function envelopeText(fields: { payloadType?: string; payload?: string; signatures?: string; extra?: string }): Buffer {
  const type = fields.payloadType ?? JSON.stringify(PAYLOAD_TYPES.enrolment);
  const body = fields.payload ?? JSON.stringify(payload.toString('base64'));
  return Buffer.from(`{"payloadType": ${type}, "payload": ${body}, "signatures": ${fields.signatures ?? '[]'}${fields.extra ?? ''}}`);
}

function signatureOf(bytes: Buffer): { keyid: string; sig: string } {
  const opened = readEnvelope(bytes, 'x');
  return { keyid: opened.keyid, sig: opened.signature.toString('base64') };
}

/** The same bytes in base64 whose unused bits before the padding are not zero. */
function withPaddingBitsSet(canonical: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const at = canonical.indexOf('=') - 1;
  return canonical.slice(0, at) + alphabet[alphabet.indexOf(canonical.charAt(at)) + 1] + canonical.slice(at + 1);
}

describe('signed envelopes', () => {
  it('reads back, verifies and parses what it wrote', (t) => {
    const path = join(tempDir(t), 'greeting.jbenrol');
    const bytes = writeEnvelope('enrolment', payload, signer);
    writeFileSync(path, bytes);
    const opened = readEnvelopeFile(path, 'enrolment');
    assert.equal(opened.kind, 'enrolment');
    assert.equal(opened.payloadType, PAYLOAD_TYPES.enrolment);
    assert.deepEqual(opened.payload, payload);
    assert.equal(opened.keyid, keyIdOf(signer.publicKey));
    assert.equal(opened.digest, createHash('sha256').update(bytes).digest('hex'));
    checkSignature(opened, signer.publicKey, path);
    assert.deepEqual(parsePayload(opened, Greeting, path), greeting);
  });

  it('lays the file out one field per line, for grep and cut', () => {
    const lines = writeEnvelope('contest', payload, signer).toString('utf8').split('\n');
    assert.equal(lines.length, 8);
    assert.equal(lines[0], '{');
    assert.equal(lines[1], `  "payloadType": "${PAYLOAD_TYPES.contest}",`);
    assert.equal(lines[2], `  "payload": "${payload.toString('base64')}",`);
    assert.equal(lines[3], '  "signatures": [');
    assert.match(lines[4] ?? '', /^ {4}\{ "keyid": "[0-9a-f]{64}", "sig": "[A-Za-z0-9+/]{86}==" \}$/);
    assert.deepEqual(lines.slice(5), ['  ]', '}', '']);
  });

  it('refuses a file signed by another key that claims to be ours', () => {
    const other = generateKey();
    const forged = writeEnvelope('enrolment', payload, other).toString('utf8').replace(keyIdOf(other.publicKey), keyIdOf(signer.publicKey));
    const opened = readEnvelope(Buffer.from(forged), 'forged.jbenrol');
    assert.deepEqual(userError(() => checkSignature(opened, signer.publicKey, 'forged.jbenrol')), { code: 'file.badSignature', params: { file: 'forged.jbenrol' } });
  });

  it('refuses a file whose keyid names another key', () => {
    const opened = readEnvelope(writeEnvelope('enrolment', payload, generateKey()), 'a.jbenrol');
    assert.deepEqual(userError(() => checkSignature(opened, signer.publicKey, 'a.jbenrol')), { code: 'file.otherSigner', params: { file: 'a.jbenrol' } });
  });

  it('refuses every single-bit change anywhere in a real file', (t) => {
    const path = join(tempDir(t), 'greeting.jbenrol');
    writeFileSync(path, writeEnvelope('enrolment', payload, signer));
    const original = readFileSync(path);
    assert.ok(payload.length > 200 && original.length > 400, `a file of ${original.length} bytes`);
    const accepted: string[] = [];
    for (let at = 0; at < original.length; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const bytes = Buffer.from(original);
        bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
        try {
          const opened = readEnvelope(bytes, path);
          checkSignature(opened, signer.publicKey, path);
          parsePayload(opened, Greeting, path);
          accepted.push(`byte ${at} bit ${bit}`);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
        }
      }
    }
    assert.deepEqual(accepted, []);
  });

  it('refuses a file over the cap of its kind before reading it', (t) => {
    const dir = tempDir(t);
    const small = join(dir, 'big.jbenrol');
    writeFileSync(small, Buffer.alloc(MAX_FILE_BYTES.enrolment + 1, 0x20));
    assert.deepEqual(userError(() => readEnvelopeFile(small, 'enrolment')), {
      code: 'file.tooLarge',
      params: { file: small, size: MAX_FILE_BYTES.enrolment + 1, max: MAX_FILE_BYTES.enrolment },
    });
    // Node cannot read a file of 8 GiB into one buffer: a read would fail otherwise than "too large".
    const huge = join(dir, 'huge.jbcontest');
    writeFileSync(huge, '');
    truncateSync(huge, 8 * 1024 ** 3);
    assert.equal(userError(() => readEnvelopeFile(huge)).code, 'file.tooLarge');
    assert.equal(userError(() => readEnvelope(Buffer.alloc(MAX_FILE_BYTES.enrolment + 1), 'x', 'enrolment')).code, 'file.tooLarge');
  });

  it('reads a contest package of tens of megabytes', () => {
    const large = Buffer.from(JSON.stringify({ blob: 'x'.repeat(24 * 1024 * 1024) }));
    const opened = readEnvelope(writeEnvelope('contest', large, signer), 'large.jbcontest', 'contest');
    checkSignature(opened, signer.publicKey, 'large.jbcontest');
    assert.equal(opened.payload.length, large.length);
  });

  it('refuses a missing file by name', (t) => {
    const path = join(tempDir(t), 'nowhere.jbcontest');
    assert.deepEqual(userError(() => readEnvelopeFile(path)), { code: 'file.notFound', params: { file: path } });
  });

  it('refuses text that is not UTF-8, or not strict JSON', () => {
    const good = writeEnvelope('enrolment', payload, signer);
    assert.equal(userError(() => readEnvelope(Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), good]), 'bom')).code, 'file.notJson');
    assert.deepEqual(userError(() => readEnvelope(Buffer.concat([good, Buffer.of(0xff)]), 'f')), { code: 'file.notUtf8', params: { file: 'f' } });
    assert.deepEqual(userError(() => readEnvelope(Buffer.concat([good, Buffer.from('{}')]), 'f')), { code: 'file.notJson', params: { file: 'f', position: good.length + 1 } });
  });

  it('refuses a field given twice', () => {
    const { keyid, sig } = signatureOf(writeEnvelope('enrolment', payload, signer));
    const twice = envelopeText({ signatures: JSON.stringify([{ keyid, sig }]), extra: `, "payload": ${JSON.stringify(Buffer.from('{}').toString('base64'))}` });
    assert.deepEqual(userError(() => readEnvelope(twice, 'twice')), { code: 'file.duplicateKey', params: { file: 'twice', key: 'payload' } });
  });

  it('refuses fields the envelope does not have, and missing ones', () => {
    const { keyid, sig } = signatureOf(writeEnvelope('enrolment', payload, signer));
    const extra = userError(() => readEnvelope(envelopeText({ signatures: JSON.stringify([{ keyid, sig }]), extra: ', "comment": "hi"' }), 'extra'));
    assert.equal(extra.code, 'file.notEnvelope');
    assert.match(String(extra.params.issues), /comment/);
    const inSignature = userError(() => readEnvelope(envelopeText({ signatures: JSON.stringify([{ keyid, sig, cert: 'x' }]) }), 'x'));
    assert.match(String(inSignature.params.issues), /^signatures\.0: .*cert/);
    const missing = userError(() => readEnvelope(Buffer.from(JSON.stringify({ payloadType: PAYLOAD_TYPES.enrolment, payload: '' })), 'x'));
    assert.match(String(missing.params.issues), /^signatures: /);
  });

  it('refuses two signatures, and none', () => {
    const one = signatureOf(writeEnvelope('enrolment', payload, signer));
    const two = envelopeText({ signatures: JSON.stringify([one, signatureOf(writeEnvelope('enrolment', payload, generateKey()))]) });
    assert.deepEqual(userError(() => readEnvelope(two, 'two')), { code: 'file.signatureCount', params: { file: 'two', count: 2 } });
    assert.equal(userError(() => readEnvelope(envelopeText({ signatures: '[]' }), 'none')).code, 'file.notEnvelope');
  });

  it('refuses base64 that a lenient decoder would read the same', () => {
    const short = Buffer.from('{"a":1}'); // 7 bytes: the base64 ends in "="
    const { keyid, sig } = signatureOf(writeEnvelope('enrolment', short, signer));
    const lenient = withPaddingBitsSet(short.toString('base64'));
    assert.deepEqual(Buffer.from(lenient, 'base64'), short);
    const text = envelopeText({ payload: JSON.stringify(lenient), signatures: JSON.stringify([{ keyid, sig }]) });
    assert.deepEqual(userError(() => readEnvelope(text, 'pad')), { code: 'file.badBase64', params: { file: 'pad', field: 'payload' } });
    const badSig = envelopeText({ payload: JSON.stringify(short.toString('base64')), signatures: JSON.stringify([{ keyid, sig: withPaddingBitsSet(sig) }]) });
    assert.deepEqual(userError(() => readEnvelope(badSig, 'sig')), { code: 'file.badBase64', params: { file: 'sig', field: 'signatures.0.sig' } });
    const unpadded = envelopeText({ payload: JSON.stringify(short.toString('base64').replace(/=+$/, '')), signatures: JSON.stringify([{ keyid, sig }]) });
    assert.equal(userError(() => readEnvelope(unpadded, 'x')).code, 'file.notEnvelope');
  });

  it('refuses a signature that is not 64 bytes', () => {
    const { keyid, sig } = signatureOf(writeEnvelope('enrolment', payload, signer));
    const short = Buffer.from(sig, 'base64').subarray(0, 63).toString('base64');
    assert.deepEqual(userError(() => readEnvelope(envelopeText({ signatures: JSON.stringify([{ keyid, sig: short }]) }), 's')), {
      code: 'file.badSignatureLength',
      params: { file: 's', size: 63 },
    });
  });

  it('refuses an unknown payload type, and a kind other than the one expected', () => {
    const unknown = envelopeText({ payloadType: '"application/json"', signatures: JSON.stringify([signatureOf(writeEnvelope('enrolment', payload, signer))]) });
    assert.deepEqual(userError(() => readEnvelope(unknown, 'u')), { code: 'file.unknownType', params: { file: 'u', type: '"application/json"' } });
    const contest = writeEnvelope('contest', payload, signer);
    assert.deepEqual(userError(() => readEnvelope(contest, 'c.jbenrol', 'enrolment')), {
      code: 'file.wrongKind',
      params: { file: 'c.jbenrol', expected: '.jbenrol', actual: '.jbcontest' },
    });
  });

  it('refuses a payload its schema refuses, listing the issues', () => {
    const opened = readEnvelope(writeEnvelope('enrolment', Buffer.from(JSON.stringify({ ...greeting, marks: ['x'] })), signer), 'p');
    checkSignature(opened, signer.publicKey, 'p');
    const error = userError(() => parsePayload(opened, Greeting, 'p'));
    assert.equal(error.code, 'file.invalidPayload');
    assert.match(String(error.params.issues), /^marks\.0: /);
    const twice = readEnvelope(writeEnvelope('enrolment', Buffer.from('{"a": 1, "a": 2}'), signer), 'p');
    assert.deepEqual(userError(() => parsePayload(twice, Greeting, 'p')), { code: 'file.duplicateKey', params: { file: 'p', key: 'a' } });
  });

  it('reads the signer’s key a self-signed file names, and nothing else', () => {
    const opened = readEnvelope(writeEnvelope('enrolment', payload, signer), 'e');
    const named = peekPublicKey(opened, ['publicKey'], 'e');
    assert.deepEqual(named, signer.publicKey);
    checkSignature(opened, named, 'e');
    const nested = readEnvelope(writeEnvelope('contest', Buffer.from(JSON.stringify({ organiser: { publicKey: greeting.publicKey } })), signer), 'c');
    assert.deepEqual(peekPublicKey(nested, ['organiser', 'publicKey'], 'c'), signer.publicKey);
    assert.deepEqual(userError(() => peekPublicKey(opened, ['organiser', 'publicKey'], 'e')), { code: 'file.noPublicKey', params: { file: 'e', field: 'organiser.publicKey' } });
    const bad = readEnvelope(writeEnvelope('enrolment', Buffer.from('{"publicKey": "AAAA"}'), signer), 'b');
    assert.equal(userError(() => peekPublicKey(bad, ['publicKey'], 'b')).code, 'file.noPublicKey');
  });

  it('refuses to write a file larger than its kind allows', () => {
    const error = userError(() => writeEnvelope('enrolment', Buffer.alloc(MAX_FILE_BYTES.enrolment), signer, 'out.jbenrol'));
    assert.equal(error.code, 'file.tooLargeToWrite');
    assert.equal(error.params.file, 'out.jbenrol');
  });
});
