import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace } from '../../../electron/services/workspace.ts';
import { demoWorkspace } from '../../helpers/demo.ts';
import { mixedRulesWorkspace } from '../../helpers/mixed-rules.ts';
import { tempDir } from '../../helpers/temp.ts';
import { userError } from '../../helpers/errors.ts';

// The demo scorer is smirnov: assigned the whole network and project nominations.
const ENTRY = 'entry-yugra-urai';
const CRITERION = 'crit-net-services';

describe('workspace', () => {
  it('keeps a saved mark after the file is closed and opened again', (t) => {
    const ws = demoWorkspace(t);
    const saved = ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: 7 });
    assert.equal(saved.value, 7);
    ws.close();
    const again = Workspace.open(ws.path);
    t.after(() => again.close());
    const detail = again.entry(ENTRY);
    assert.deepEqual(detail.marks.map((m) => [m.criterionId, m.value, m.savedAt]), [[CRITERION, 7, saved.savedAt]]);
  });

  it('refuses marks off the scale or off its step, naming the criterion', (t) => {
    const ws = demoWorkspace(t);
    assert.deepEqual(userError(() => ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: 11 })), {
      code: 'scale.aboveMax',
      params: { criterion: 'Разнообразие предоставляемых услуг', value: 11, min: 0, max: 10, step: 1 },
    });
    assert.equal(userError(() => ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: 7.5 })).code, 'scale.offStep');
    assert.equal(userError(() => ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: -1 })).code, 'scale.belowMin');
    assert.deepEqual(ws.entry(ENTRY).marks, []);
  });

  it('refuses a value a hair off the grid instead of saving the grid point next to it', (t) => {
    const ws = demoWorkspace(t);
    const refusal = (value: number) => userError(() => ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value })).code;
    for (const value of [1e-300, 1e-10, 7.000000001, 6.9999999999]) assert.equal(refusal(value), 'scale.offStep', String(value));
    assert.equal(refusal(10.000000001), 'scale.aboveMax');
    assert.equal(refusal(-1e-300), 'scale.belowMin');
    assert.deepEqual(ws.entry(ENTRY).marks, []);
    assert.ok(Object.is(ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: -0 }).value, 0));
  });

  it('accepts half steps where the scale has them', (t) => {
    const ws = demoWorkspace(t);
    ws.setScorer('popov');
    assert.equal(ws.setMark({ entryId: 'entry-spec-kuznetsova', criterionId: 'crit-spec-professionalism', value: 4.5 }).value, 4.5);
    assert.equal(userError(() => ws.setMark({ entryId: 'entry-spec-kuznetsova', criterionId: 'crit-spec-professionalism', value: 4.25 })).code, 'scale.offStep');
  });

  it('refuses a criterion of another nomination, an unassigned entry and a conflicted one', (t) => {
    const ws = demoWorkspace(t);
    assert.equal(userError(() => ws.setMark({ entryId: ENTRY, criterionId: 'crit-spec-professionalism', value: 3 })).code, 'scoring.unknownCriterion');
    assert.equal(userError(() => ws.setMark({ entryId: 'entry-volkov', criterionId: 'crit-spec-professionalism', value: 3 })).code, 'scoring.notAssigned');
    ws.setScorer('yakovleva'); // from Yugra, like the Urai branch
    assert.deepEqual(ws.entry(ENTRY).conflict, { source: 'auto', reason: 'region' });
    assert.equal(userError(() => ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: 3 })).code, 'scoring.conflict');
    assert.equal(userError(() => ws.setMark({ entryId: 'nope', criterionId: CRITERION, value: 3 })).code, 'scoring.unknownEntry');
  });

  it('honours an assignment of a single entry', (t) => {
    const ws = demoWorkspace(t);
    ws.setScorer('popov'); // assigned the Urai branch alone in the network nomination
    const network = ws.overview().find((n) => n.id === 'nom-network');
    assert.equal(network?.progress.assigned, 1);
    assert.equal(ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: 5 }).value, 5);
    assert.equal(userError(() => ws.setMark({ entryId: 'entry-yugra-khanty', criterionId: CRITERION, value: 5 })).code, 'scoring.notAssigned');
  });

  it('records clearing a mark in its history', (t) => {
    const ws = demoWorkspace(t);
    ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: 7 });
    ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: 9 });
    const cleared = ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: null });
    assert.equal(cleared.value, null);
    assert.deepEqual(ws.entry(ENTRY).marks, []);
    const history = ws.db.prepare('SELECT value FROM mark_history WHERE entry_id = ? ORDER BY id').all(ENTRY);
    assert.deepEqual(history, [{ value: 7 }, { value: 9 }, { value: null }]);
  });

  it('counts progress per nomination and category from the marks given', (t) => {
    const ws = demoWorkspace(t);
    const criteria = ws.entry(ENTRY).criteria;
    for (const c of criteria) ws.setMark({ entryId: ENTRY, criterionId: c.id, value: 6 });
    ws.setMark({ entryId: 'entry-yugra-khanty', criterionId: CRITERION, value: 6 });
    const network = ws.overview().find((n) => n.id === 'nom-network');
    assert.deepEqual(network?.progress, { assigned: 18, complete: 1, incomplete: 1, conflicted: 0, abstained: 0 });
    assert.deepEqual(network?.categories.find((c) => c.id === 'cat-network-small')?.progress, { assigned: 7, complete: 1, incomplete: 1, conflicted: 0, abstained: 0 });
    const list = ws.entries('nom-network', 'cat-network-small').entries;
    assert.deepEqual(list.slice(0, 3).map((e) => e.status), ['incomplete', 'complete', 'notStarted']);
  });

  it('leads from entry to entry within the category, skipping conflicted ones', (t) => {
    const ws = demoWorkspace(t);
    const first = ws.entry('entry-yugra-khanty');
    assert.equal(first.previousId, null);
    assert.equal(first.nextId, 'entry-yugra-urai');
    ws.setScorer('nurmukhametov'); // from Bashkortostan: conflicted with the Agidel network
    const list = ws.entries('nom-network', 'cat-network-large').entries.map((e) => e.id);
    assert.deepEqual(list.slice(0, 2), ['entry-bashkortostan', 'entry-tatarstan']);
    assert.equal(ws.entry('entry-tatarstan').previousId, null);
  });

  it('lists each entry once however many rules give it to the scorer, in contest order', (t) => {
    const ws = mixedRulesWorkspace(t);
    assert.deepEqual(ws.myEntries().map((e) => e.id), ['e1', 'e2', 'e4', 'e5', 'f1', 'f2']);
    assert.deepEqual(ws.entries('n1', 'k1').entries.map((e) => e.id), ['e1', 'e2', 'e5']);
    assert.deepEqual(ws.entries('n1', 'k2').entries.map((e) => e.id), ['e4']);
    assert.deepEqual(ws.entries('n2', null).entries.map((e) => e.id), ['f1', 'f2']);
    assert.deepEqual(ws.entries('n1', null).entries, []);
    assert.deepEqual([ws.entry('e3').assigned, ws.entry('e4').assigned], [false, true]);
  });

  it('gives the first entries of a list on request, with the count of all of them', (t) => {
    const ws = mixedRulesWorkspace(t);
    const firstTwo = ws.entries('n1', 'k1', 2);
    assert.deepEqual(firstTwo.entries.map((e) => e.id), ['e1', 'e2']);
    assert.equal(firstTwo.total, 3);
    assert.deepEqual(ws.entries('n1', 'k1', 3).entries.map((e) => e.id), ['e1', 'e2', 'e5']);
    assert.deepEqual(ws.entries('n1', 'k1', 50), ws.entries('n1', 'k1'));
    assert.equal(ws.entries('n1', 'k1').total, 3);
    assert.equal(ws.entries('n1', null, 1).total, 0);
  });

  it('finds the neighbours of an entry among the scorer’s own in its category, passing an abstained one, and none for an entry not assigned', (t) => {
    const ws = mixedRulesWorkspace(t);
    ws.db.prepare("INSERT INTO abstentions (expert_id, entry_id, reason, created_at) VALUES ('x1', 'e2', 'Не успел', 'now')").run();
    const around = (id: string) => {
      const detail = ws.entry(id);
      return [detail.previousId, detail.nextId];
    };
    assert.deepEqual(around('e1'), [null, 'e5']);
    assert.deepEqual(around('e2'), ['e1', 'e5'], 'the abstained entry itself still leads on');
    assert.deepEqual(around('e5'), ['e1', null]);
    assert.deepEqual(around('e4'), [null, null]);
    assert.deepEqual(around('e3'), [null, null]);
    assert.deepEqual(around('f2'), ['f1', null]);
  });

  it('refuses to score before a scorer is chosen', (t) => {
    const dir = tempDir(t);
    const ws = Workspace.create(join(dir, 'w.sqlite'), (demoWorkspace(t).definition()));
    t.after(() => ws.close());
    assert.equal(ws.summary().scorer, null);
    assert.equal(userError(() => ws.setMark({ entryId: ENTRY, criterionId: CRITERION, value: 1 })).code, 'scoring.noScorer');
    assert.equal(userError(() => ws.setScorer('nobody')).code, 'scoring.unknownExpert');
  });

  it('never overwrites an existing file, and leaves nothing behind when the contest is invalid', (t) => {
    const ws = demoWorkspace(t);
    assert.equal(userError(() => Workspace.create(ws.path, ws.definition())).code, 'workspace.exists');
    const dir = tempDir(t);
    const broken = { ...ws.definition(), experts: [] };
    const error = userError(() => Workspace.create(join(dir, 'w.sqlite'), broken));
    assert.equal(error.code, 'workspace.invalidContest');
    assert.match(String(error.params.issues), /assignments\.0\.expertId: unknown expert/);
    assert.deepEqual(readdirSync(dir), []);
    assert.equal(existsSync(join(dir, 'w.sqlite')), false);
  });

  it('reads back exactly the contest it was created with', (t) => {
    const ws = demoWorkspace(t);
    const dir = tempDir(t);
    const copy = Workspace.create(join(dir, 'copy.sqlite'), ws.definition());
    t.after(() => copy.close());
    assert.deepEqual(copy.definition(), ws.definition());
  });
});
