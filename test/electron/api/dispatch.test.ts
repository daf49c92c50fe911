import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { AppError } from '../../../shared/errors.ts';
import { createDispatcher, type Handlers } from '../../../electron/api/dispatch.ts';
import { Session } from '../../../electron/api/session.ts';
import { AppData } from '../../../electron/services/app-data.ts';
import { KeyStore } from '../../../electron/services/keys/key-store.ts';
import { tempDir } from '../../helpers/temp.ts';

function session(t: TestContext): { session: Session; dispatch: ReturnType<typeof createDispatcher>; home: string } {
  const home = tempDir(t);
  const s = new Session({ appData: new AppData(home), keyStore: new KeyStore(join(home, 'keys')), version: '0.0.0-test' });
  t.after(() => s.close());
  return { session: s, dispatch: createDispatcher(s.handlers(), { checkOutputs: true }), home };
}

describe('dispatch', () => {
  it('refuses an unknown channel', async (t) => {
    const reply = await session(t).dispatch('fs:readFile', { path: '/etc/passwd' });
    assert.deepEqual(reply, { ok: false, error: { code: 'error.unknownChannel', params: { channel: 'fs:readFile' }, message: 'Unknown request fs:readFile' } });
  });

  it('refuses input that fails its schema before any service runs, naming the field', async (t) => {
    const { dispatch } = session(t);
    const reply = await dispatch('marks:set', { entryId: 'e', criterionId: 'c', value: 'ten' });
    assert.equal(reply.ok, false);
    assert.equal(!reply.ok && reply.error.code, 'error.invalidInput');
    assert.match(!reply.ok ? String(reply.error.params.issues) : '', /^value: /);
  });

  it('passes user errors through with their key and parameters', async (t) => {
    const reply = await session(t).dispatch('scoring:overview', {});
    assert.deepEqual(reply, { ok: false, error: { code: 'workspace.notOpen', params: {}, message: 'No workspace is open.' } });
  });

  it('turns an unexpected failure into an internal error and reports it', async () => {
    const logged: unknown[] = [];
    const handlers = { 'app:info': () => { throw new TypeError('boom'); } } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { logError: (_channel, error) => logged.push(error) });
    const reply = await dispatch('app:info', {});
    assert.equal(!reply.ok && reply.error.code, 'error.internal');
    assert.equal(logged.length, 1);
  });

  it('reports an unexpected failure with the text a file or a user gave shown inert: no control or bidi character, no line of its own', async () => {
    // A failure that quotes a file name (as Node's file errors do) with a colour change, a line that
    // looks like the log's own, and a bidi override; logged by the dispatcher's own default.
    const name = '/data/нет\u001b[31m\n[jurybox] ok\u202Eпапки/r2.jbcontest';
    const handlers = { 'app:info': () => { throw Object.assign(new Error(`ENOENT: no such file or directory, open '${name}'`), { code: 'ENOENT' }); } } as unknown as Handlers;
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const reply = await createDispatcher(handlers)('app:info', {});
      assert.equal(!reply.ok && reply.error.code, 'error.internal');
    } finally {
      process.stderr.write = write;
    }
    const log = written.join('');
    assert.match(log, /^\[jurybox\] app:info: Error: ENOENT: /);
    assert.ok(log.includes(String.raw`нет\x1b[31m\x0a[jurybox] ok\u{202E}папки`), log);
    assert.ok(!log.includes('\u001b') && !log.includes('\u202E') && !log.includes('\n[jurybox] ok'), log);
    // The stack's own lines stay lines.
    assert.match(log, /\n {4}at /);
  });

  it('does not log user errors as failures', async () => {
    const logged: unknown[] = [];
    const handlers = { 'app:info': () => { throw new AppError('workspace.notOpen'); } } as unknown as Handlers;
    await createDispatcher(handlers, { logError: (_c, e) => logged.push(e) })('app:info', {});
    assert.deepEqual(logged, []);
  });
});

describe('session over the contract', () => {
  it('opens the demo, scores through every channel, and every output matches its schema', async (t) => {
    const { dispatch, home } = session(t);
    const call = async (channel: string, input: unknown = {}) => {
      const reply = await dispatch(channel, input);
      if (!reply.ok) assert.fail(`${channel}: ${reply.error.message}`);
      return reply.value as never;
    };
    assert.deepEqual(await call('app:info'), { version: '0.0.0-test', canPickFiles: false, canOpenWindows: false });
    assert.equal(await call('workspace:current'), null);
    const summary: { path: string; scorer: { id: string } } = await call('workspace:openDemo');
    assert.equal(summary.path, join(home, 'demo', 'demo.sqlite'));
    assert.equal(summary.scorer.id, 'smirnov');
    const overview: { id: string }[] = await call('scoring:overview');
    assert.equal(overview.length, 3);
    const list: { entries: { id: string }[] } = await call('scoring:entries', { nominationId: 'nom-network', categoryId: 'cat-network-small' });
    const entryId = list.entries[0]?.id ?? '';
    const detail: { criteria: { id: string }[] } = await call('scoring:entry', { entryId });
    const saved: { value: number } = await call('marks:set', { entryId, criterionId: detail.criteria[0]?.id, value: 8 });
    assert.equal(saved.value, 8);
    const recent: { path: string }[] = await call('workspace:recent');
    assert.deepEqual(recent.map((r) => r.path), [summary.path]);
    assert.deepEqual(await call('workspace:pick'), { path: null });
    await call('scoring:setScorer', { expertId: 'kim' });
    assert.equal(await call('workspace:close'), null);
    // Opening the demo again keeps what was scored in it.
    await call('workspace:openDemo');
    await call('scoring:setScorer', { expertId: 'smirnov' });
    const again: { marks: { value: number }[] } = await call('scoring:entry', { entryId });
    assert.deepEqual(again.marks.map((m) => m.value), [8]);
  });

  it('keeps the open workspace when opening another one fails', async (t) => {
    const { session: s, dispatch } = session(t);
    s.openDemo();
    const reply = await dispatch('workspace:open', { path: join(tempDir(t), 'missing.sqlite') });
    assert.equal(!reply.ok && reply.error.code, 'workspace.notFound');
    assert.equal(s.current().summary().contest.id, 'mfc-best-2026');
  });
});
