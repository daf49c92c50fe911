import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { HandedFile } from '../../shared/domain/opened.ts';
import type { WorkspaceSummary } from '../../shared/domain/views.ts';

// The renderer's side of opened files, under Node: the desktop app's preload bridge is a stand-in
// that answers `opened:take` with what the test hands over; the address is a plain object.
let handed: HandedFile[] = [];
const location = { hash: '' };
(globalThis as { window?: unknown }).window = {
  location,
  addEventListener: () => {},
  jurybox: { 'opened:take': async () => ({ ok: true, value: handed.splice(0) }) },
};
const { collectHandedFiles, useOpenedStore } = await import('../../renderer/opened-files.ts');
const { useNoticeStore } = await import('../../renderer/stores/notice-store.ts');
const { useWorkspaceStore } = await import('../../renderer/stores/workspace-store.ts');

const file = (kind: 'contest' | 'enrolment' | 'result' | 'merged', fileName: string, text = fileName): HandedFile => ({ ok: true, kind, fileName, content: Buffer.from(text).toString('base64') });

/** A workspace of one kind is open (only its kind matters here), or none. */
const openWorkspace = (kind: WorkspaceSummary['kind'] | null) => useWorkspaceStore.setState({ summary: kind ? ({ kind } as WorkspaceSummary) : null });

const waitingNames = () => Object.entries(useOpenedStore.getState().waiting).flatMap(([kind, files]) => files.map((f) => `${kind} ${f.name}`));

describe('files the system handed over, in the window', () => {
  beforeEach(() => {
    location.hash = '#/contest';
    useOpenedStore.setState({ waiting: { contest: [], enrolment: [], result: [], merged: [] } });
    useNoticeStore.setState({ error: null });
  });

  it('goes to the chair’s intake with an expert’s results when the chair’s workspace is open, the bytes as they were read', async () => {
    openWorkspace('chair');
    handed = [file('result', 'kim.jbresult', 'signed bytes')];
    await collectHandedFiles();
    assert.equal(location.hash, '#/chair/intake');
    const [waiting] = useOpenedStore.getState().waiting.result;
    assert.equal(waiting?.name, 'kim.jbresult');
    assert.equal(await waiting?.text(), 'signed bytes');
  });

  it('keeps an expert’s results and key waiting, where it stays, until the right workspace is open', async () => {
    openWorkspace('expert');
    handed = [file('result', 'kim.jbresult'), file('enrolment', 'kim.jbenrol')];
    await collectHandedFiles();
    assert.equal(location.hash, '#/contest');
    assert.deepEqual(waitingNames(), ['enrolment kim.jbenrol', 'result kim.jbresult']);
  });

  it('goes to the last file it can open, whatever came after it', async () => {
    openWorkspace(null);
    handed = [file('contest', 'contest.jbcontest'), file('merged', 'results.jbmerged'), file('result', 'kim.jbresult')];
    await collectHandedFiles();
    assert.equal(location.hash, '#/venue');
    assert.deepEqual(waitingNames(), ['contest contest.jbcontest', 'result kim.jbresult', 'merged results.jbmerged']);
  });

  it('shows why a file was refused, naming it, and opens the rest', async () => {
    openWorkspace('organiser');
    const error = { code: 'opened.unknownKind', params: { file: '/home/anna/notes.txt' }, message: 'JuryBox cannot open the file /home/anna/notes.txt' };
    handed = [{ ok: false, fileName: 'notes.txt', error }, file('enrolment', 'kim.jbenrol')];
    await collectHandedFiles();
    const shown = useNoticeStore.getState().error as { code: string; params: unknown };
    assert.equal(shown.code, 'opened.unknownKind');
    assert.deepEqual(shown.params, { file: '/home/anna/notes.txt' });
    assert.equal(location.hash, '#/organise/enrolments');
  });

  it('keeps one of the same file handed twice, but both of two files with one name, and gives each once to the screen that takes them', async () => {
    openWorkspace('chair');
    handed = [file('result', 'kim.jbresult', 'sequence 1'), file('result', 'kim.jbresult', 'sequence 1'), file('result', 'lee.jbresult')];
    await collectHandedFiles();
    // Kim's correction, from another folder: the same name and size, other bytes.
    handed = [file('result', 'kim.jbresult', 'sequence 1'), file('result', 'kim.jbresult', 'sequence 2')];
    await collectHandedFiles();
    const taken = useOpenedStore.getState().take('result');
    assert.deepEqual(await Promise.all(taken.map(async (f) => `${f.name}: ${await f.text()}`)), ['kim.jbresult: sequence 1', 'lee.jbresult: lee.jbresult', 'kim.jbresult: sequence 2']);
    assert.deepEqual(useOpenedStore.getState().take('result'), []);
  });
});
