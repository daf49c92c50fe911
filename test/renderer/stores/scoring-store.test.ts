import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createDispatcher } from '../../../electron/api/dispatch.ts';
import { Session } from '../../../electron/api/session.ts';
import { AppData } from '../../../electron/services/app-data.ts';
import { KeyStore } from '../../../electron/services/keys/key-store.ts';

// The store talks to a real session on a real demo workspace, through the same bridge the desktop
// app's preload gives the window; the store's own code is the only part that is not the app's.
const home = mkdtempSync(join(tmpdir(), 'jurybox-scoring-store-'));
const session = new Session({ appData: new AppData(home), keyStore: new KeyStore(join(home, 'keys')), version: '0.0.0-test' });
const dispatch = createDispatcher(session.handlers(), { checkOutputs: true });
const bridge = new Proxy({}, { get: (_target, channel: string) => (input: unknown) => dispatch(channel, input) });
const storage = new Map<string, string>();
Object.assign(globalThis, {
  window: { location: { hash: '' }, addEventListener: () => {}, jurybox: bridge },
  localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
  document: { documentElement: { lang: 'ru' } },
});
const { useScoringStore } = await import('../../../renderer/stores/scoring-store.ts');

const URAI = 'entry-yugra-urai';
const SERVICES = 'crit-net-services';
const FEEDBACK = 'crit-net-feedback';
/** Longer than any pause in typing the store ever waited for before saving. */
const PAUSE_MS = 400;

const store = () => useScoringStore.getState();
const field = (criterionId: string) => store().fields[criterionId];
/** Types `text` one key at a time, pausing between keys the way a person does. */
async function typeSlowly(criterionId: string, text: string): Promise<void> {
  for (let i = 1; i <= text.length; i += 1) {
    store().edit(criterionId, text.slice(0, i));
    await sleep(PAUSE_MS);
  }
}

let workspacePath = '';
/** What the workspace file holds for one of the scorer's marks, and every value it ever had. */
function onDisk(expertId: string, entryId: string, criterionId: string): { value: number | null; history: (number | null)[] } {
  const db = new Database(workspacePath, { readonly: true });
  try {
    const row = db.prepare('SELECT value FROM marks WHERE expert_id = ? AND entry_id = ? AND criterion_id = ?').get(expertId, entryId, criterionId) as { value: number } | undefined;
    const history = db.prepare('SELECT value FROM mark_history WHERE expert_id = ? AND entry_id = ? AND criterion_id = ? ORDER BY id').all(expertId, entryId, criterionId) as { value: number | null }[];
    return { value: row?.value ?? null, history: history.map((h) => h.value) };
  } finally {
    db.close();
  }
}
const status = async (entryId: string) => ((await store().settle(), await dispatch('scoring:mine', {})) as { value: { id: string; status: string }[] }).value.find((e) => e.id === entryId)?.status;

before(async () => {
  const opened = await dispatch('workspace:openDemo', {});
  assert.ok(opened.ok);
  workspacePath = (opened.value as { path: string }).path;
});
after(() => {
  session.close();
  rmSync(home, { recursive: true, force: true });
});

describe('a mark in the scoring store', () => {
  it('is not saved while it is typed: «1», «2» on a 0–10 scale saves nothing and shows 12 as not saved', async () => {
    await store().load(URAI);
    await typeSlowly(SERVICES, '12');
    assert.deepEqual(onDisk('smirnov', URAI, SERVICES), { value: null, history: [] }, 'no prefix of 12 reached the file');
    assert.equal(field(SERVICES)?.state.kind, 'invalid');
    assert.equal(store().commit(SERVICES), false, 'committing 12 is refused');
    await store().settle();
    assert.deepEqual(onDisk('smirnov', URAI, SERVICES), { value: null, history: [] });
    assert.equal(await status(URAI), 'notStarted', 'the entry does not count as scored');
    assert.deepEqual(store().unsaved(), [SERVICES]);
  });

  it('saves a valid value only when committed, once, and says so only then', async () => {
    await store().load(URAI);
    await typeSlowly(FEEDBACK, '10');
    assert.deepEqual(onDisk('smirnov', URAI, FEEDBACK), { value: null, history: [] }, 'typing alone saves nothing, not even the valid prefix 1');
    assert.equal(field(FEEDBACK)?.state.kind, 'unsaved');
    assert.equal(store().commit(FEEDBACK), true);
    assert.equal(field(FEEDBACK)?.state.kind, 'pending');
    await store().settle();
    assert.deepEqual(onDisk('smirnov', URAI, FEEDBACK), { value: 10, history: [10] });
    assert.equal(field(FEEDBACK)?.state.kind, 'saved');
    assert.deepEqual(store().unsaved(), []);
  });

  it('keeps the saved mark on disk under an invalid edit, and discarding the edit shows it again', async () => {
    await store().load(URAI);
    store().edit(SERVICES, '8');
    store().commit(SERVICES);
    await store().settle();
    assert.equal(onDisk('smirnov', URAI, SERVICES).value, 8);
    for (const text of ['80', '-1', '8,3', 'восемь', '8 5']) {
      store().edit(SERVICES, text);
      assert.equal(field(SERVICES)?.state.kind, 'invalid', text);
      assert.equal(store().commit(SERVICES), false, text);
      await store().settle();
      assert.deepEqual(onDisk('smirnov', URAI, SERVICES), { value: 8, history: [8] }, `${text} left the saved 8 alone`);
      assert.equal(field(SERVICES)?.saved, 8);
    }
    assert.deepEqual(await store().beforeLeave(), [SERVICES], 'leaving would ask about it');
    store().discard();
    assert.equal(field(SERVICES)?.text, '8');
    assert.equal(field(SERVICES)?.state.kind, 'saved');
    assert.deepEqual(await store().beforeLeave(), []);
  });

  it('keeps saves in the order they were committed, and says «saved» only of what the input shows', async () => {
    const SCHEDULE = 'crit-net-schedule';
    await store().load(URAI);
    for (const text of ['3', '4']) {
      store().edit(SCHEDULE, text);
      store().commit(SCHEDULE);
    }
    store().edit(SCHEDULE, '5');
    assert.equal(field(SCHEDULE)?.state.kind, 'unsaved');
    store().edit(SCHEDULE, '4');
    assert.equal(field(SCHEDULE)?.state.kind, 'pending', '4 is on its way');
    store().edit(SCHEDULE, '5');
    await store().settle();
    assert.deepEqual(onDisk('smirnov', URAI, SCHEDULE), { value: 4, history: [3, 4] });
    assert.equal(field(SCHEDULE)?.state.kind, 'unsaved', '5 was only typed');
    assert.equal(field(SCHEDULE)?.text, '5');
    store().edit(SCHEDULE, '4');
    assert.equal(field(SCHEDULE)?.state.kind, 'saved');
  });

  it('commits a step of ↑ or ↓ at once, clamped to the scale', async () => {
    await store().load(URAI);
    store().step(FEEDBACK, -1);
    await store().settle();
    assert.equal(onDisk('smirnov', URAI, FEEDBACK).value, 9);
    store().edit(FEEDBACK, '15');
    store().step(FEEDBACK, 1);
    await store().settle();
    assert.equal(onDisk('smirnov', URAI, FEEDBACK).value, 10, '↑ from 15 lands on the top of the scale');
    assert.equal(field(FEEDBACK)?.text, '10');
  });

  it('takes decimals with a comma or a point on a half-step scale, refuses off-step ones, and clears on an empty commit', async () => {
    await dispatch('scoring:setScorer', { expertId: 'popov' });
    const mine = (await dispatch('scoring:mine', {})) as { value: { id: string; nominationId: string }[] };
    const entryId = mine.value.find((e) => e.nominationId === 'nom-specialist')?.id ?? '';
    await store().load(entryId);
    const id = store().detail?.criteria[0]?.id ?? '';
    assert.deepEqual(store().detail?.criteria[0]?.scale, { min: 1, max: 5, step: 0.5 });

    await typeSlowly(id, '3,5');
    assert.equal(onDisk('popov', entryId, id).value, null, '3 and 3, were never saved on the way');
    store().commit(id);
    await store().settle();
    assert.deepEqual(onDisk('popov', entryId, id), { value: 3.5, history: [3.5] });
    assert.equal(field(id)?.text, '3,5');

    for (const text of ['3,2', '0,5', '5,5', '3,', ',', '3,5,1']) {
      store().edit(id, text);
      assert.equal(store().commit(id), false, text);
    }
    store().edit(id, '4.5');
    store().commit(id);
    await store().settle();
    assert.equal(onDisk('popov', entryId, id).value, 4.5);
    assert.equal(field(id)?.text, '4,5', 'shown the way the language writes it once saved');

    store().edit(id, '');
    assert.equal(field(id)?.state.kind, 'unsaved', 'an emptied field is not cleared until committed');
    assert.equal(onDisk('popov', entryId, id).value, 4.5);
    assert.equal(store().commit(id), true);
    await store().settle();
    assert.equal(onDisk('popov', entryId, id).value, null);
    assert.equal(field(id)?.state.kind, 'cleared');
    assert.equal(await status(entryId), 'notStarted');
  });
});
