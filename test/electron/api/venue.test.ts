import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import ExcelJS from 'exceljs';
import { createDispatcher } from '../../../electron/api/dispatch.ts';
import { Session } from '../../../electron/api/session.ts';
import { AppData } from '../../../electron/services/app-data.ts';
import { writeDemo } from '../../../electron/services/demo/demo.ts';
import { KeyStore } from '../../../electron/services/keys/key-store.ts';
import type { Channel } from '../../../shared/api/channels.ts';
import type { Input, Output } from '../../../shared/api/contract.ts';
import { resignedDemoResults } from '../../helpers/resigned.ts';
import { tempDir } from '../../helpers/temp.ts';

function session(t: TestContext) {
  const home = tempDir(t);
  const s = new Session({ appData: new AppData(home), keyStore: new KeyStore(join(home, 'keys')), version: 'test' });
  t.after(() => s.close());
  const dispatch = createDispatcher(s.handlers(), { checkOutputs: true });
  return async <C extends Channel>(channel: C, input: Input<C> | Record<string, never> = {}): Promise<Output<C>> => {
    const reply = await dispatch(channel, input);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value as Output<C>;
  };
}

const b64 = (path: string) => readFileSync(path).toString('base64');

describe('the venue', () => {
  it('opens signed results from a file with no workspace, resolving every title, and refuses a tampered one', async (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-30T09:00:00.000Z' });
    const call = session(t);
    assert.equal(await call('venue:current'), null);
    const view = await call('venue:open', { fileName: 'results.jbmerged', content: b64(demo.results) });
    assert.equal(view.contest.title, 'Лучший многофункциональный центр России');
    assert.equal(view.groups.length, 5);
    const project = view.groups.find((g) => g.nominationId === 'nom-project');
    assert.equal(project?.ties.length, 1);
    assert.deepEqual(project?.ranked.slice(0, 3).map((r) => r.award), [{ kind: 'place', place: 1 }, { kind: 'place', place: 2 }, { kind: 'place', place: 3 }]);
    const large = view.groups.find((g) => g.categoryId === 'cat-network-large');
    assert.deepEqual(large?.ranked.map((r) => r.award?.kind ?? null), ['place', 'laureate', null, null, null]);
    const current = await call('venue:current');
    assert.equal(current?.source, 'file');
    assert.equal(current?.marks, false);

    const bytes = readFileSync(demo.results);
    const at = bytes.indexOf('"sig": "') + 9;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    await assert.rejects(call('venue:open', { fileName: 'forged.jbmerged', content: bytes.toString('base64') }), { code: 'file.badSignature' });
    await assert.rejects(call('venue:export', { format: 'marks-csv', lang: 'ru', path: join(tempDir(t), 'm.csv') }), { code: 'venue.noMarks' });
    await assert.rejects(call('venue:window'), { code: 'venue.noWindow' });
  });

  it('gives a chair’s workspace its latest signed results with the marks of exactly the bundles signed', async (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-30T09:00:00.000Z' });
    const call = session(t);
    await call('chair:open', { fileName: 'contest.jbcontest', content: b64(demo.package) });
    assert.equal(await call('venue:current'), null);
    const { batch } = await call('bundles:begin');
    for (const path of demo.bundles) await call('bundles:stage', { batch, fileName: path.slice(path.lastIndexOf('/') + 1), content: b64(path) });
    await call('bundles:import', { batch });
    const results = await call('chair:results');
    const tie = results.groups.flatMap((g) => g.unresolvedTies.map((entryIds) => ({ g, entryIds })))[0];
    assert.ok(tie);
    await call('tie:decide', { nominationId: tie.g.nominationId, categoryId: tie.g.categoryId, entryIds: tie.entryIds, reason: 'Решение комиссии' });
    const path = join(tempDir(t), 'r.jbmerged');
    await call('final:sign', { keyFile: join(demo.keys, 'chair.key'), passphrase: 'demo', path, chairName: 'Председатель' });
    const current = await call('venue:current');
    assert.ok(current);
    assert.equal(current.source, 'chair');
    assert.equal(current?.marks, true);
    assert.equal(current?.view.chair.name, 'Председатель');
    assert.equal(current?.view.file.name, 'r.jbmerged');

    // Every export of these results, written where asked (folders made), each read back.
    const out = join(tempDir(t), 'протокол', 'итоги');
    const written = async (format: 'pdf' | 'xlsx' | 'csv' | 'marks-csv', name: string) => {
      const reply = await call('venue:export', { format, lang: 'ru', present: null, path: join(out, name) });
      assert.equal(reply.path, join(out, name));
      const bytes = readFileSync(reply.path);
      assert.equal(reply.bytes, bytes.length);
      return bytes;
    };
    const winner = current.view.groups[0]?.ranked[0]?.title ?? '?';
    const pdf = await written('pdf', 'protocol.pdf');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await written('xlsx', 'results.xlsx')) as unknown as ExcelJS.Buffer);
    const marksSheet = book.worksheets.at(-1);
    const marks = marksSheet?.actualRowCount ?? 0;
    const csv = (await written('csv', 'results.csv')).toString('utf8');
    assert.ok(csv.startsWith('\uFEFF') && csv.includes(winner), 'UTF-8 with BOM, the winner named');
    const marksCsv = (await written('marks-csv', 'marks.csv')).toString('utf8').trim().split(/\r?\n/);
    assert.equal(marksCsv.length, marks, 'the same marks, with a header row each, in the workbook and the CSV');
    assert.ok(marks > 100);
  });
});

describe('the venue in a workspace', () => {
  it('shows the chair’s own latest signed results, never a file opened earlier from the start screen', async (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-30T09:00:00.000Z' });
    const call = session(t);
    // The start screen: the demo's results file, opened for the venue without a workspace.
    await call('venue:open', { fileName: 'results.jbmerged', content: b64(demo.results) });
    assert.equal((await call('venue:current'))?.view.file.name, 'results.jbmerged');

    // The chair's workspace has signed nothing yet: its venue has nothing to show, and nothing to export.
    await call('chair:open', { fileName: 'contest.jbcontest', content: b64(demo.package) });
    assert.equal(await call('venue:current'), null);
    await assert.rejects(call('venue:export', { format: 'csv', lang: 'ru', path: join(tempDir(t), 'r.csv') }), { code: 'venue.noResults' });

    // Once the chair signs, the venue names that file, its signer, its time and its digest, with the marks at hand.
    const { batch } = await call('bundles:begin');
    for (const path of demo.bundles) await call('bundles:stage', { batch, fileName: path.slice(path.lastIndexOf('/') + 1), content: b64(path) });
    await call('bundles:import', { batch });
    for (const g of (await call('chair:results')).groups) {
      for (const entryIds of g.unresolvedTies) await call('tie:decide', { nominationId: g.nominationId, categoryId: g.categoryId, entryIds, reason: 'Решение комиссии' });
    }
    const signed = await call('final:sign', { keyFile: join(demo.keys, 'chair.key'), passphrase: 'demo', path: join(tempDir(t), 'chair-signed.jbmerged'), chairName: 'Председатель' });
    const own = await call('venue:current');
    assert.equal(own?.source, 'chair');
    assert.equal(own?.marks, true);
    assert.deepEqual(own?.view.file, { name: 'chair-signed.jbmerged', digest: signed.digest });
    assert.equal(own?.view.chair.name, 'Председатель');
    assert.equal(own?.view.signedAt, signed.createdAt);
    const marks = await call('venue:export', { format: 'marks-csv', lang: 'ru', present: null, path: join(tempDir(t), 'marks.csv') });
    assert.ok(marks.bytes > 1000);

    // Another file chosen in the workspace is used there until the chair goes back to the workspace's own.
    await call('venue:open', { fileName: 'other.jbmerged', content: b64(demo.results) });
    assert.equal((await call('venue:current'))?.view.file.name, 'other.jbmerged');
    await call('venue:reset');
    assert.equal((await call('venue:current'))?.view.file.digest, signed.digest);

    // Back on the start screen, the file opened there is the one shown again.
    await call('workspace:close');
    const start = await call('venue:current');
    assert.equal(start?.source, 'file');
    assert.equal(start?.view.file.name, 'results.jbmerged');
  });

  it('keeps a file chosen in a workspace with that workspace: one made anew at the same path starts from its own results', async (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-30T09:00:00.000Z' });
    const call = session(t);
    const { path } = await call('chair:open', { fileName: 'contest.jbcontest', content: b64(demo.package) });
    await call('venue:open', { fileName: 'chosen.jbmerged', content: b64(demo.results) });
    assert.equal((await call('venue:current'))?.view.file.name, 'chosen.jbmerged');
    // The chair starts over: the workspace file goes, and opening the package makes a new one where it was.
    await call('workspace:close');
    rmSync(path);
    assert.equal((await call('chair:open', { fileName: 'contest.jbcontest', content: b64(demo.package) })).path, path);
    assert.equal(await call('venue:current'), null);
  });

  it('refuses in a workspace the results of another contest, naming the file and both contests', async (t) => {
    const dir = tempDir(t);
    const demo = writeDemo(dir, { now: '2026-09-30T09:00:00.000Z' });
    const other = resignedDemoResults(dir, join(dir, 'other.jbmerged'), (p) => ({ ...p, contestId: 'other-contest', contest: { ...p.contest, info: { ...p.contest.info, title: 'Другой конкурс' } } }));
    const call = session(t);
    await call('chair:open', { fileName: 'contest.jbcontest', content: b64(demo.package) });
    await assert.rejects(call('venue:open', { fileName: 'other.jbmerged', content: b64(other) }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'venue.otherContest');
      assert.match(error.message, /other\.jbmerged.*“Другой конкурс”.*“Лучший многофункциональный центр России”/);
      return true;
    });
    assert.equal(await call('venue:current'), null);
    // With no workspace open, any verified results file is the venue's.
    await call('workspace:close');
    assert.equal((await call('venue:open', { fileName: 'other.jbmerged', content: b64(other) })).contest.title, 'Другой конкурс');
  });

  it('writes an export only from the file the screen shows: one changed since (another tab, a new signing) is refused', async (t) => {
    const dir = tempDir(t);
    const demo = writeDemo(dir, { now: '2026-09-30T09:00:00.000Z' });
    const retitled = resignedDemoResults(dir, join(dir, 'retitled.jbmerged'), (p) => ({ ...p, contest: { ...p.contest, info: { ...p.contest.info, title: 'Переименованный' } } }));
    const call = session(t);
    const shown = await call('venue:open', { fileName: 'results.jbmerged', content: b64(demo.results) });
    const path = join(tempDir(t), 'results.csv');
    const written = await call('venue:export', { format: 'csv', lang: 'ru', path, digest: shown.file.digest });
    assert.equal(written.path, path);
    // Another tab of the same session opens another file: this screen still shows the first.
    await call('venue:open', { fileName: 'retitled.jbmerged', content: b64(retitled) });
    await assert.rejects(call('venue:export', { format: 'pdf', lang: 'ru', path: join(tempDir(t), 'protocol.pdf'), digest: shown.file.digest }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'venue.changed');
      assert.match(error.message, /retitled\.jbmerged/);
      return true;
    });
  });

  it('gives a results file chosen in the chair’s workspace the experts’ marks when the workspace holds every bundle it names', async (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-30T09:00:00.000Z' });
    const call = session(t);
    await call('chair:open', { fileName: 'contest.jbcontest', content: b64(demo.package) });
    const { batch } = await call('bundles:begin');
    for (const path of demo.bundles) await call('bundles:stage', { batch, fileName: path.slice(path.lastIndexOf('/') + 1), content: b64(path) });
    await call('bundles:import', { batch });
    // The demo's results were signed from the very bundles this workspace took in.
    await call('venue:open', { fileName: 'results.jbmerged', content: b64(demo.results) });
    const current = await call('venue:current');
    assert.equal(current?.source, 'file');
    assert.equal(current?.marks, true);
    const written = await call('venue:export', { format: 'marks-csv', lang: 'ru', path: join(tempDir(t), 'marks.csv') });
    const rows = readFileSync(written.path, 'utf8').trim().split(/\r?\n/);
    const marks = demo.bundles.reduce((n, path) => n + (JSON.parse(Buffer.from(JSON.parse(readFileSync(path, 'utf8')).payload, 'base64').toString('utf8')) as { marks: unknown[] }).marks.length, 0);
    assert.equal(rows.length, marks + 1, 'a header and one row per mark');
  });
});
