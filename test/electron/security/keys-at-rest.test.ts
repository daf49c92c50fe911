import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace } from '../../../electron/services/workspace.ts';
import { unlockKeyFile } from '../../../electron/services/signing/key-file.ts';
import { fingerprintOf, generateKey, pkcs8Of, type Ed25519Key } from '../../../electron/services/signing/keys.ts';
import { runCli, startServe, type CliResult, type RunningServe } from '../../helpers/cli.ts';
import { smallContest } from '../../helpers/contest.ts';
import { tempDir } from '../../helpers/temp.ts';

/** One encoding of a secret, as the bytes it would leave in a file or a log. */
interface Needle {
  encoding: string;
  bytes: Buffer;
}

/**
 * Base64 of `raw` as it would read at any position inside a longer base64 text: for each of the
 * three alignments, the characters that depend on `raw`'s bytes alone.
 */
function base64Anywhere(raw: Buffer, alphabet: 'base64' | 'base64url'): Needle[] {
  return [0, 1, 2].map((shift) => {
    const text = Buffer.concat([Buffer.alloc(shift), raw]).toString(alphabet).replace(/=+$/, '');
    // The first group mixes in the bytes before; the last character mixes in the bits after.
    return { encoding: `${alphabet}, ${shift} byte(s) in`, bytes: Buffer.from(text.slice(shift === 0 ? 0 : 4, -1)) };
  });
}

/** Every form a 32-byte key is likely to take when it is written down: raw, hex, base64 (any alignment, both alphabets), a byte list. */
function encodingsOf(raw: Buffer): Needle[] {
  return [
    { encoding: 'raw bytes', bytes: raw },
    { encoding: 'hex', bytes: Buffer.from(raw.toString('hex')) },
    { encoding: 'HEX', bytes: Buffer.from(raw.toString('hex').toUpperCase()) },
    ...base64Anywhere(raw, 'base64'),
    ...base64Anywhere(raw, 'base64url'),
    { encoding: 'byte list (a Buffer as JSON)', bytes: Buffer.from([...raw].join(',')) },
  ];
}

/** The needles of a private key: its 32-byte seed in every encoding, and its PKCS#8 DER and PEM. */
function privateNeedles(key: Ed25519Key): Needle[] {
  const seed = Buffer.from(key.privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  assert.equal(seed.length, 32);
  const der = pkcs8Of(key);
  const pem = String(key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return [
    ...encodingsOf(seed),
    { encoding: 'PKCS#8 DER', bytes: der },
    { encoding: 'PKCS#8 DER, hex', bytes: Buffer.from(der.toString('hex')) },
    { encoding: 'PKCS#8 PEM body', bytes: Buffer.from(der.toString('base64')) },
    { encoding: 'PKCS#8 PEM', bytes: Buffer.from(pem.trim()) },
  ];
}

interface Haystack {
  name: string;
  bytes: Buffer;
}

const filesUnder = (dir: string): Haystack[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => ({ name: join(d.parentPath, d.name), bytes: readFileSync(join(d.parentPath, d.name)) }));

/** "where: what" for every needle found in a haystack. */
const hits = (haystacks: Haystack[], needles: Needle[]): string[] =>
  haystacks.flatMap((h) => needles.filter((n) => h.bytes.includes(n.bytes)).map((n) => `${h.name}: ${n.encoding}`));

/** Calls the browser host's API as the UI does, and returns the value or fails with the error. */
async function call<T>(serve: RunningServe, channel: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${serve.origin}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${serve.token}` }, body: JSON.stringify(input) });
  const reply = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  assert.ok(reply.ok, `${channel}: ${reply.error?.message}`);
  return reply.value;
}

const upload = (path: string) => ({ fileName: basename(path), content: readFileSync(path).toString('base64') });

function cli(logs: Haystack[], args: string[], passphrase: string): CliResult {
  const result = runCli(args, { JURYBOX_PASSPHRASE: passphrase });
  logs.push({ name: `jurybox ${args[0]} (stdout)`, bytes: Buffer.from(result.stdout) }, { name: `jurybox ${args[0]} (stderr)`, bytes: Buffer.from(result.stderr) });
  assert.equal(result.status, 0, result.stderr);
  return result;
}

describe('private keys at rest', () => {
  it('finds a private key in every form it looks for, wherever it sits in a file', () => {
    const key = generateKey();
    const seed = Buffer.from(key.privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    const der = pkcs8Of(key);
    const among = (text: string | Buffer) => Buffer.concat([randomBytes(7), Buffer.from(text), randomBytes(7)]);
    const writings: Record<string, Buffer> = {
      'raw bytes': among(seed),
      hex: among(`key=${seed.toString('hex')};`),
      HEX: among(seed.toString('hex').toUpperCase()),
      'a Buffer as JSON': among(JSON.stringify({ key: seed })),
      'PKCS#8 PEM': among(String(key.privateKey.export({ type: 'pkcs8', format: 'pem' }))),
      'PKCS#8 DER in hex': among(der.toString('hex')),
      'JWK': among(JSON.stringify(key.privateKey.export({ format: 'jwk' }))),
    };
    // Inside a longer base64 text, at each of the three alignments, in both alphabets.
    for (const before of [1, 2, 3, 4]) {
      const around = Buffer.concat([randomBytes(before), seed, randomBytes(5)]);
      writings[`base64, ${before} byte(s) before`] = among(around.toString('base64'));
      writings[`base64url, ${before} byte(s) before`] = among(around.toString('base64url'));
    }
    for (const [writing, bytes] of Object.entries(writings)) assert.notDeepEqual(hits([{ name: writing, bytes }], privateNeedles(key)), [], writing);
    assert.deepEqual(hits([{ name: 'another key', bytes: among(pkcs8Of(generateKey())) }], privateNeedles(key)), []);
  });

  it('leaves no private key in plain text in app data, workspaces, key stores or logs, through the organiser’s, the expert’s and the chair’s work', async (t) => {
    const home = tempDir(t); // the app's data folder: key store, experts' and chair's workspaces
    const organiser = tempDir(t);
    const expert = tempDir(t);
    const chair = tempDir(t);
    const folders = [home, organiser, expert, chair];
    const pass = { organiser: `орг-${randomBytes(6).toString('hex')}`, expert: `эксп-${randomBytes(6).toString('hex')}`, chair: `пред-${randomBytes(6).toString('hex')}` };
    const logs: Haystack[] = [];
    // Every file of every folder, read at moments when workspaces are open (so their -wal files are there) and at the end.
    const snapshots: Haystack[] = [];
    const snapshot = (moment: string) => snapshots.push(...folders.flatMap(filesUnder).map((f) => ({ ...f, name: `${f.name} (${moment})` })));

    // The organiser, with the CLI: a key, the contest, revision 1.
    const contestPath = join(organiser, 'contest.sqlite');
    Workspace.create(contestPath, smallContest()).close();
    const organiserKey = join(organiser, 'organiser.key');
    cli(logs, ['keygen', '--out', organiserKey, '--label', 'Оргкомитет'], pass.organiser);
    cli(logs, ['publish', '--workspace', contestPath, '--key', organiserKey, '--out', join(organiser, 'r1.jbcontest')], pass.organiser);

    // The expert, in the UI's API: a key in the app's key store, the package, an enrolment.
    const serve = await startServe([], { JURYBOX_HOME: home });
    t.after(() => serve.stop());
    const made = await call<{ keyId: string }>(serve, 'keys:create', { label: 'Эксперт Первый', protection: 'passphrase', passphrase: pass.expert });
    const expertWs = await call<{ path: string }>(serve, 'package:open', { ...upload(join(organiser, 'r1.jbcontest')), expertId: 'x1' });
    const signer = { keyId: made.keyId, keyFile: null, passphrase: pass.expert };
    const enrolment = join(expert, 'x1.jbenrol');
    await call(serve, 'enrol:export', { ...signer, path: enrolment });

    // The organiser takes the enrolment in (in the UI) and publishes revision 2 (with the CLI).
    await call(serve, 'workspace:open', { path: contestPath });
    await call(serve, 'enrol:confirm', upload(enrolment));
    snapshot('the organiser’s workspace open');
    await call(serve, 'workspace:open', { path: expertWs.path });
    cli(logs, ['publish', '--workspace', contestPath, '--key', organiserKey, '--out', join(organiser, 'r2.jbcontest')], pass.organiser);

    // The expert scores and signs the results.
    await call(serve, 'package:update', upload(join(organiser, 'r2.jbcontest')));
    await call(serve, 'marks:set', { entryId: 'e1', criterionId: 'q1', value: 7 });
    await call(serve, 'marks:set', { entryId: 'e2', criterionId: 'q1', value: 5 });
    const bundle = join(expert, 'x1-1.jbresult');
    await call(serve, 'submit:run', { ...signer, path: bundle, draft: false });
    snapshot('the expert’s workspace open');

    // The chair: a key made with the CLI; the bundle taken in and the results signed in the UI, and again with the CLI.
    const chairKey = join(chair, 'chair.key');
    cli(logs, ['keygen', '--out', chairKey, '--label', 'Председатель'], pass.chair);
    await call(serve, 'chair:open', upload(join(organiser, 'r2.jbcontest')));
    const { batch } = await call<{ batch: string }>(serve, 'bundles:begin');
    await call(serve, 'bundles:stage', { batch, ...upload(bundle) });
    const verdicts = await call<{ status: string }[]>(serve, 'bundles:import', { batch });
    assert.equal(verdicts[0]?.status, 'accepted');
    await call(serve, 'final:sign', { keyId: null, keyFile: chairKey, passphrase: pass.chair, path: join(chair, 'results.jbmerged'), chairName: 'Председатель жюри' });
    cli(logs, ['merge', '--contest', join(organiser, 'r2.jbcontest'), '--key', chairKey, '--out', join(chair, 'cli.jbmerged'), bundle], pass.chair);
    snapshot('the chair’s workspace open');
    await serve.stop();
    snapshot('the host stopped');
    logs.push({ name: 'jurybox serve (stdout and stderr)', bytes: Buffer.from(serve.output()) });

    // The private keys, from their key files, with their passphrases.
    const keyStoreFile = join(home, 'keys', `${made.keyId}.key`);
    const keys = {
      organiser: unlockKeyFile(readFileSync(organiserKey, 'utf8'), { passphrase: pass.organiser }, organiserKey),
      expert: unlockKeyFile(readFileSync(keyStoreFile, 'utf8'), { passphrase: pass.expert }, keyStoreFile),
      chair: unlockKeyFile(readFileSync(chairKey, 'utf8'), { passphrase: pass.chair }, chairKey),
    };
    const secrets = Object.entries(keys).flatMap(([who, key]) => privateNeedles(key).map((n) => ({ ...n, encoding: `${who}'s private key, ${n.encoding}` })));
    const passphrases = Object.entries(pass).map(([who, text]) => ({ encoding: `${who}'s passphrase`, bytes: Buffer.from(text) }));

    // What was scanned: the key files, every workspace with its -wal file while open, and the logs.
    const names = snapshots.map((s) => s.name);
    for (const file of [keyStoreFile, organiserKey, chairKey, `${contestPath}-wal`, `${expertWs.path}-wal`, join(home, 'contests', 'small', 'chair.sqlite-wal')]) {
      assert.ok(names.some((name) => name.startsWith(`${file} (`)), `scanned ${file}`);
    }
    assert.equal(logs.length, 2 * 5 + 1);

    assert.deepEqual(hits([...snapshots, ...logs], [...secrets, ...passphrases]), []);

    // The same scan finds every public key (in key files, packages, workspaces), and the logs are the real ones.
    for (const [who, key] of Object.entries(keys)) {
      assert.notDeepEqual(hits(snapshots, encodingsOf(key.publicKey)), [], `${who}'s public key found`);
    }
    for (const key of [keys.organiser, keys.chair]) assert.ok(logs.some((log) => log.bytes.includes(fingerprintOf(key.publicKey))), 'keygen printed the fingerprint');
    assert.ok(logs.some((log) => log.bytes.includes(serve.url)), 'the host printed its address');
  });
});
