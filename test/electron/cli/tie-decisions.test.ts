import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mergedPayload, openMerged, standingFromFiles, writeMerged } from '../../../electron/services/chair/merge.ts';
import { bundleFiles } from '../../../electron/cli/commands/merge.ts';
import { DEMO_TWINS } from '../../../electron/services/demo/bundles.ts';
import { openPackage } from '../../../electron/services/package/contest-package.ts';
import { unlockKeyFile } from '../../../electron/services/signing/key-file.ts';
import { runCli } from '../../helpers/cli.ts';

const PASS = { JURYBOX_PASSPHRASE: 'demo' };
const [SIGN, POST] = DEMO_TWINS;
/** The twins as messages name them: title (id), ready for a regular expression. */
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SIGN_NAMED = esc(`Услуги на русском жестовом языке (демо) (${SIGN})`);
const POST_NAMED = esc(`Мобильный МФЦ в почтовых отделениях (демо) (${POST})`);

describe('jurybox merge with ties', () => {
  let dir = '';
  let n = 0;
  // One demo for the whole suite: writing it takes seconds; each test writes files of its own names.
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jurybox-ties-'));
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const contest = () => join(dir, 'contest.jbcontest');
  const bundles = () => join(dir, 'bundles');
  /** `jurybox merge` of the demo's bundles into a new file, with these extra arguments. */
  const merge = (extra: string[], env: NodeJS.ProcessEnv = PASS) => {
    const out = join(dir, `merged-${(n += 1)}.jbmerged`);
    return { out, ...runCli(['merge', '--contest', contest(), '--key', join(dir, 'keys', 'chair.key'), '--out', out, ...extra, bundles()], env) };
  };
  /** A decisions file with these decisions (the demo's contest unless said otherwise). */
  const decisionsFile = (decisions: unknown[], fields: Record<string, unknown> = {}): string => {
    const path = join(dir, `decisions-${(n += 1)}.json`);
    writeFileSync(path, JSON.stringify({ format: 'jurybox.tie-decisions', version: 1, contestId: 'mfc-best-2026', decisions, ...fields }, null, 2));
    return path;
  };
  const twins = (entryIds: string[], reason = 'Решение комиссии') => ({ nominationId: 'nom-project', categoryId: null, entryIds, reason });

  it('refuses to sign while a tie is open, before asking for the key: each open tie by group, place, names and ids, and how to decide it', () => {
    const refused = merge([], {});
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /Ties still open: 1\. Nothing written/);
    assert.match(refused.stderr, new RegExp(`Лучший проект МФЦ: place 1 shared by ${POST_NAMED}, ${SIGN_NAMED}`));
    assert.match(refused.stderr, /--decisions FILE/);
    assert.doesNotMatch(refused.stderr, /passphrase/i);
    assert.equal(existsSync(refused.out), false);
  });

  it('signs the decisions of a file exactly as the app records them, and recompute finds them IDENTICAL', () => {
    const decided = merge(['--decisions', join(dir, 'decisions.json')]);
    assert.equal(decided.status, 0, decided.stderr);
    assert.match(decided.stdout, new RegExp(`Лучший проект МФЦ: the chair’s order 1\\. ${POST_NAMED}, 2\\. ${SIGN_NAMED}; reason: .+`));
    // The demo's results were signed in a chair's workspace with the same decision: the same ties, the same rankings.
    const app = openMerged(join(dir, 'results.jbmerged')).payload;
    const cli = openMerged(decided.out).payload;
    assert.deepEqual(cli.ties, app.ties);
    assert.deepEqual(cli.results, app.results);
    assert.ok(cli.results.every((r) => r.unresolvedTies.length === 0));
    const same = runCli(['recompute', decided.out, '--contest', contest(), bundles()]);
    assert.equal(same.status, 0, same.stderr);
    assert.match(same.stdout, /IDENTICAL/);
  });

  it('refuses decisions that do not settle exactly the open ties, naming the file and the decision, and writes nothing', () => {
    const cases: [string, string, RegExp][] = [
      ['not JSON', (() => {
        const path = join(dir, 'broken.json');
        writeFileSync(path, '{ "format": ');
        return path;
      })(), /broken\.json.*JSON/],
      ['no reason', decisionsFile([{ nominationId: 'nom-project', categoryId: null, entryIds: [POST, SIGN] }]), /decisions-\d+\.json.*decisions\.0\.reason/],
      ['another format', decisionsFile([twins([POST, SIGN])], { format: 'jurybox.merged' }), /decisions-\d+\.json.*format/],
      ['another contest', decisionsFile([twins([POST, SIGN])], { contestId: 'other-contest' }), /decisions-\d+\.json.*other-contest.*mfc-best-2026/],
      ['an unknown group', decisionsFile([{ ...twins([POST, SIGN]), nominationId: 'nom-nothing' }]), /decisions-\d+\.json, decisions\[0\]: There is no group “nom-nothing” in the results/],
      ['a wrong set of entries', decisionsFile([twins([POST, 'entry-proj-outreach'])]), /decisions-\d+\.json, decisions\[0\]: In “Лучший проект МФЦ” there is no open tie of exactly these entries: .*entry-proj-outreach/],
      ['a tie decided twice', decisionsFile([twins([POST, SIGN]), twins([SIGN, POST])]), new RegExp(`decisions-\\d+\\.json, decisions\\[1\\]: In “Лучший проект МФЦ” the tie of ${SIGN_NAMED}, ${POST_NAMED} is already decided by decisions\\[0\\]`)],
      ['a group without a tie', decisionsFile([twins([POST, SIGN]), { nominationId: 'nom-network', categoryId: 'cat-network-small', entryIds: ['entry-altai', 'entry-chukotka'], reason: 'x' }]), /decisions\[1\]: In “Лучшая региональная сеть МФЦ › .+” there is no open tie/],
    ];
    for (const [what, file, message] of cases) {
      const refused = merge(['--decisions', file]);
      assert.equal(refused.status, 1, what);
      assert.match(refused.stderr, message, what);
      assert.equal(existsSync(refused.out), false, what);
    }
  });

  it('reads a decisions file saved with a byte-order mark and Windows line ends, as Notepad saves it', () => {
    const path = join(dir, 'notepad.json');
    writeFileSync(path, `\uFEFF${readFileSync(join(dir, 'decisions.json'), 'utf8').replaceAll('\n', '\r\n')}`);
    const decided = merge(['--decisions', path]);
    assert.equal(decided.status, 0, decided.stderr);
    assert.deepEqual(openMerged(decided.out).payload.ties, openMerged(join(dir, 'results.jbmerged')).payload.ties);
  });

  it('recompute checks each recorded decision against the ties open without it, and names a tie left open', () => {
    const pkg = openPackage(contest());
    const { bundles: standing } = standingFromFiles([pkg], bundleFiles([bundles()]));
    const key = unlockKeyFile(readFileSync(join(dir, 'keys', 'chair.key'), 'utf8'), { passphrase: 'demo' }, 'chair.key');
    const signed = (ties: ReturnType<typeof twins>[], name: string) => {
      const payload = mergedPayload({ packages: [pkg], bundles: standing, confirmedKeys: new Map(), ties }, { name: 'Председатель', publicKey: key.publicKey }, '2026-09-30T12:00:00.000Z');
      return writeMerged(payload, key, join(dir, name)).path;
    };
    // A decision on entries that were never tied changes no place, yet it would stand in the signed results as if taken.
    const bogus = signed([twins([POST, SIGN]), { nominationId: 'nom-project', categoryId: null, entryIds: ['entry-proj-outreach', 'entry-proj-feedback'], reason: 'Не было ничьей' }], 'bogus.jbmerged');
    const different = runCli(['recompute', bogus, '--contest', contest(), bundles()]);
    assert.equal(different.status, 1, different.stdout);
    assert.match(different.stderr, /DIFFERENT\n {2}In “Лучший проект МФЦ” there is no open tie of exactly these entries: .*entry-proj-outreach/);
    // Results signed with a tie left open (as merge once did) recompute the same, and say the tie is open.
    const open = signed([], 'open.jbmerged');
    const same = runCli(['recompute', open, '--contest', contest(), bundles()]);
    assert.equal(same.status, 0, same.stderr);
    assert.match(same.stdout, new RegExp(`Ties still open in the signed results: 1\\.\\n {2}Лучший проект МФЦ: place 1 shared by ${POST_NAMED}, ${SIGN_NAMED}`));
  });
});
