import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { createDispatcher } from '../../../electron/api/dispatch.ts';
import { Session } from '../../../electron/api/session.ts';
import { AppData } from '../../../electron/services/app-data.ts';
import type { BackupClock } from '../../../electron/services/backup/schedule.ts';
import { writeDemo, writeDemoWorkspace } from '../../../electron/services/demo/demo.ts';
import { KeyStore } from '../../../electron/services/keys/key-store.ts';
import type { BackupList, RestoreOutcome } from '../../../shared/domain/backup.ts';
import { tempDir } from '../../helpers/temp.ts';

const MARK = { entryId: 'entry-yugra-urai', criterionId: 'crit-net-services' };

/** A timer the test fires by hand, and whether it was cleared. */
function handTimer() {
  const timer = { run: (): void => undefined, cleared: false, ms: 0 };
  const clock: BackupClock = {
    now: () => new Date(),
    every(ms, run) {
      Object.assign(timer, { run, ms, cleared: false });
      return () => {
        timer.cleared = true;
      };
    },
  };
  return { clock, timer };
}

function session(t: TestContext, clock?: BackupClock) {
  const home = tempDir(t);
  const s = new Session({ appData: new AppData(home), keyStore: new KeyStore(join(home, 'keys')), version: '0.0.0-test', ...(clock ? { backups: { clock } } : {}) });
  t.after(() => s.close());
  const dispatch = createDispatcher(s.handlers(), { checkOutputs: true });
  const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const reply = await dispatch(channel, input);
    if (!reply.ok) assert.fail(`${channel}: ${reply.error.message}`);
    return reply.value as T;
  };
  const refused = async (channel: string, input: unknown = {}) => {
    const reply = await dispatch(channel, input);
    assert.equal(reply.ok, false, `${channel} should be refused`);
    return reply.ok ? assert.fail() : reply.error;
  };
  /** A demo workspace of its own, opened: quicker than the start screen's demo, which also signs its files. */
  const openDemo = () => {
    const ws = writeDemoWorkspace(tempDir(t));
    ws.close();
    return call('workspace:open', { path: ws.path });
  };
  return { call, refused, openDemo };
}

const reasons = (list: BackupList) => list.backups.map((b) => b.reason);
const valueOf = (entry: { marks: { criterionId: string; value: number | null }[] }) => entry.marks.find((m) => m.criterionId === MARK.criterionId)?.value;
const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('backups over the contract', () => {
  it('makes a copy, lists it, and restores it: the workspace reopens with the mark as it was', async (t) => {
    const { call, openDemo } = session(t);
    await openDemo();
    await call('marks:set', { ...MARK, value: 8 });
    const made = await call<{ name: string; reason: string }>('backup:create');
    assert.equal(made.reason, 'manual');
    await call('marks:set', { ...MARK, value: 3 });

    const outcome = await call<RestoreOutcome>('backup:restore', { name: made.name });
    assert.equal(outcome.restored.name, made.name);
    assert.equal(outcome.saved?.reason, 'before-restore');
    assert.equal(outcome.summary.scorer?.id, 'smirnov');
    assert.equal(valueOf(await call('scoring:entry', { entryId: MARK.entryId })), 8);
    assert.deepEqual(reasons(await call('backup:list')), ['before-restore', 'manual']);

    // Undoing the restore is restoring the copy it made.
    await call('backup:restore', { name: outcome.saved?.name });
    assert.equal(valueOf(await call('scoring:entry', { entryId: MARK.entryId })), 3);
    // Marks go on being saved in the reopened workspace.
    assert.equal((await call<{ value: number }>('marks:set', { ...MARK, value: 9 })).value, 9);
  });

  it('restores only copies in the workspace’s own folder, named by file name', async (t) => {
    const { call, refused, openDemo } = session(t);
    await openDemo();
    const traversal = await refused('backup:restore', { name: '../../other/demo-2026-09-29T10-15-00.000Z-manual.sqlite' });
    assert.equal(traversal.code, 'error.invalidInput');
    const missing = await refused('backup:restore', { name: 'demo-2026-09-29T10-15-00.000Z-manual.sqlite' });
    assert.equal(missing.code, 'backup.notInFolder');
    assert.equal(missing.params.name, 'demo-2026-09-29T10-15-00.000Z-manual.sqlite');
    assert.equal((await call<{ path: string }>('workspace:current')).path.endsWith('demo.sqlite'), true, 'the workspace stays open');
  });

  it('backs up before a spreadsheet import that goes ahead, not before one with problems', async (t) => {
    const { call, refused, openDemo } = session(t);
    await openDemo();
    const bad = await call<{ importId: string; mapping: Record<string, number | null> }>('import:preview', { kind: 'experts', fileName: 'жюри.csv', content: csv('ФИО;Место работы\n;МФЦ Тюмени\n') });
    assert.equal((await refused('import:commit', { importId: bad.importId, mapping: bad.mapping })).code, 'import.notClean');
    assert.deepEqual(reasons(await call('backup:list')), []);

    const good = await call<{ importId: string; mapping: Record<string, number | null> }>('import:preview', { kind: 'experts', fileName: 'жюри.csv', content: csv('ФИО;Место работы\nИванова Анна;МФЦ Казани\n') });
    assert.deepEqual(await call('import:commit', { importId: good.importId, mapping: good.mapping }), { imported: 1 });
    const list = await call<BackupList>('backup:list');
    assert.deepEqual(reasons(list), ['before-import']);
    const copy = new Database(list.backups[0]?.path ?? '', { readonly: true });
    t.after(() => copy.close());
    assert.deepEqual(copy.prepare("SELECT id FROM experts WHERE name = 'Иванова Анна'").all(), [], 'the copy is of the workspace before the import');
  });

  it('backs up the chair’s workspace before taking in result bundles', async (t) => {
    const demo = writeDemo(tempDir(t), { now: '2026-09-28T09:00:00.000Z' });
    const { call } = session(t);
    await call('chair:open', { fileName: 'contest.jbcontest', content: readFileSync(demo.package).toString('base64') });
    const { batch } = await call<{ batch: string }>('bundles:begin');
    for (const path of demo.bundles) await call('bundles:stage', { batch, fileName: basename(path), content: readFileSync(path).toString('base64') });
    const verdicts = await call<{ status: string }[]>('bundles:import', { batch });
    assert.equal(verdicts.filter((v) => v.status === 'accepted').length, 9);
    assert.deepEqual(reasons(await call('backup:list')), ['before-import']);
  });

  it('backs up on the schedule while a workspace is open, and clears the timer when it closes', async (t) => {
    const { clock, timer } = handTimer();
    const { call, openDemo } = session(t, clock);
    await openDemo();
    assert.equal(timer.ms, 10 * 60_000);
    timer.run();
    await call('marks:set', { ...MARK, value: 8 });
    timer.run();
    // The scheduled copy is made in the background; the list shows it once it is done.
    for (let i = 0; i < 100 && reasons(await call('backup:list')).length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(reasons(await call('backup:list')), ['scheduled'], 'one copy: the first tick found nothing changed');
    await call('workspace:close');
    assert.equal(timer.cleared, true);
  });
});
