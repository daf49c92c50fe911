import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { ContestDefinition } from '../../../shared/domain/contest.ts';
import { ContestEditor } from '../../../electron/services/editor/editor.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { demoWorkspace } from '../../helpers/demo.ts';
import { tempDir } from '../../helpers/temp.ts';
import { userError } from '../../helpers/errors.ts';

const criterion = (title: string) => ({ title, scale: { min: 0, max: 10, step: 1 }, weight: 1 });

/** An empty organiser workspace and its editor. */
function blank(t: TestContext): { ws: Workspace; editor: ContestEditor } {
  const ws = Workspace.create(join(tempDir(t), 'new.sqlite'), { contest: { id: 'c1', title: 'Новый конкурс' }, nominations: [], entries: [], experts: [], assignments: [] });
  t.after(() => ws.close());
  return { ws, editor: new ContestEditor(ws.db, () => '2026-11-25T10:00:00.000Z', (key) => `fp:${key.slice(0, 4)}`) };
}

describe('contest editor', () => {
  it('builds a contest from nothing that passes the contest definition’s checks', (t) => {
    const { ws, editor } = blank(t);
    const n = editor.saveNomination({ title: 'Лучший проект', categories: [{ title: 'Малые' }, { title: 'Большие' }], criteria: [criterion('Польза'), criterion('Новизна')] });
    assert.match(n.id, /^nom-[0-9a-f]{10}$/);
    assert.deepEqual(n.categories.map((c) => c.title), ['Малые', 'Большие']);
    const entry = editor.saveEntry({ nominationId: n.id, categoryId: n.categories[0]?.id ?? null, title: 'Проект А', region: 'Тула' });
    editor.saveExpert({ name: 'Эксперт', region: 'Тула' });
    assert.equal(editor.entries(null)[0]?.id, entry.id);
    assert.equal(ContestDefinition.safeParse(ws.definition()).success, true);
    assert.deepEqual(editor.overview().counts, { entries: 1, experts: 1, enrolled: 0 });
  });

  it('keeps ids of categories and criteria across edits and stores the new order', (t) => {
    const { editor } = blank(t);
    const n = editor.saveNomination({ title: 'Н', categories: [{ title: 'А' }, { title: 'Б' }], criteria: [criterion('К1'), criterion('К2')] });
    const [a, b] = n.categories;
    const again = editor.saveNomination({ ...n, categories: [b, a], criteria: [...n.criteria].reverse() });
    assert.deepEqual(again.categories.map((c) => c.id), [b?.id, a?.id]);
    assert.deepEqual(again.criteria.map((c) => c.title), ['К2', 'К1']);
  });

  it('stores a nomination’s awards and a category’s own, and the defaults where none are given', (t) => {
    const { editor } = blank(t);
    const n = editor.saveNomination({ title: 'Н', categories: [{ title: 'А' }, { title: 'Б', awards: { places: 1, laureates: { kind: 'count', count: 2 } } }], criteria: [criterion('К')] });
    assert.deepEqual(n.awards, { places: 3, laureates: { kind: 'none' } });
    assert.deepEqual(n.categories.map((c) => c.awards), [null, { places: 1, laureates: { kind: 'count', count: 2 } }]);
    const again = editor.saveNomination({ ...n, awards: { places: 2, laureates: { kind: 'threshold', score: 75 } }, categories: n.categories.map((c) => ({ ...c, awards: null })) });
    assert.deepEqual(editor.nomination(again.id).awards, { places: 2, laureates: { kind: 'threshold', score: 75 } });
    assert.deepEqual(editor.nomination(again.id).categories.map((c) => c.awards), [null, null]);
  });

  it('refuses to remove a category that has entries, a criterion with marks, or a scale below marks given', (t) => {
    const ws = demoWorkspace(t);
    const editor = new ContestEditor(ws.db, () => 'now', (k) => k);
    const network = editor.nomination('nom-network');
    assert.equal(userError(() => editor.saveNomination({ ...network, categories: network.categories.slice(1) })).code, 'editor.categoryHasEntries');
    ws.setMark({ entryId: 'entry-yugra-urai', criterionId: 'crit-net-services', value: 9 });
    assert.equal(userError(() => editor.saveNomination({ ...network, criteria: network.criteria.slice(1) })).code, 'editor.criterionHasMarks');
    const narrowed = network.criteria.map((c, i) => (i === 0 ? { ...c, scale: { min: 0, max: 5, step: 1 }, rubric: [] } : c));
    assert.equal(userError(() => editor.saveNomination({ ...network, criteria: narrowed })).code, 'editor.scaleExcludesMarks');
    assert.deepEqual(editor.nomination('nom-network'), network, 'a refused save changes nothing');
  });

  it('refuses a new step or minimum that leaves a mark given between its grid points', (t) => {
    const ws = demoWorkspace(t);
    const editor = new ContestEditor(ws.db, () => 'now', (k) => k);
    const network = editor.nomination('nom-network');
    ws.setMark({ entryId: 'entry-yugra-urai', criterionId: 'crit-net-services', value: 9 });
    const withScale = (scale: { min: number; max: number; step: number }) => network.criteria.map((c, i) => (i === 0 ? { ...c, scale, rubric: [] } : c));
    for (const scale of [{ min: 0, max: 10, step: 2 }, { min: 0.5, max: 9.5, step: 1 }]) {
      assert.deepEqual(userError(() => editor.saveNomination({ ...network, criteria: withScale(scale) })), {
        code: 'editor.scaleExcludesMarks', params: { criterion: network.criteria[0]?.title, count: 1 },
      }, JSON.stringify(scale));
    }
    assert.deepEqual(editor.nomination('nom-network'), network, 'a refused save changes nothing');
    assert.equal(editor.saveNomination({ ...network, criteria: withScale({ min: 1, max: 10, step: 0.5 }) }).criteria[0]?.scale.step, 0.5, 'a finer grid holds the mark');
  });

  it('refuses to delete what has marks, and to move a scored entry to another nomination', (t) => {
    const ws = demoWorkspace(t);
    const editor = new ContestEditor(ws.db, () => 'now', (k) => k);
    ws.setMark({ entryId: 'entry-yugra-urai', criterionId: 'crit-net-services', value: 9 });
    assert.equal(userError(() => editor.deleteEntry('entry-yugra-urai')).code, 'editor.entryHasMarks');
    assert.equal(userError(() => editor.deleteExpert('smirnov')).code, 'editor.expertHasMarks');
    const urai = editor.entries('nom-network').find((e) => e.id === 'entry-yugra-urai');
    assert.equal(urai?.marks, 1);
    assert.equal(userError(() => editor.saveEntry({ ...urai, nominationId: 'nom-project', categoryId: null })).code, 'editor.entryHasMarks');
    editor.deleteEntry('entry-altai');
    assert.equal(editor.entries(null).some((e) => e.id === 'entry-altai'), false);
  });

  it('finds conflicts when an expert or entry changes, and lets the organiser waive or add one with a reason', (t) => {
    const { editor } = blank(t);
    const n = editor.saveNomination({ title: 'Н', criteria: [criterion('К')] });
    const entry = editor.saveEntry({ nominationId: n.id, title: 'МФЦ Тулы', region: 'Тульская область' });
    const expert = editor.saveExpert({ name: 'Иванов', region: 'тульская  область' });
    const other = editor.saveExpert({ name: 'Петров', region: 'Москва' });
    const conflicts = () => editor.matrix(n.id, null).conflicts.map((c) => `${c.expertId}:${c.source}:${c.reason}`);
    assert.deepEqual(conflicts(), [`${expert.id}:auto:region`]);
    editor.decideConflict(expert.id, entry.id, { kind: 'waiver', reason: 'работает в другом ведомстве' });
    editor.decideConflict(other.id, entry.id, { kind: 'conflict', reason: 'бывший сотрудник' });
    assert.deepEqual(conflicts(), [`${other.id}:organiser:бывший сотрудник`]);
    assert.deepEqual(editor.matrix(n.id, null).waivers, [{ expertId: expert.id, entryId: entry.id, reason: 'работает в другом ведомстве' }]);
    editor.decideConflict(expert.id, entry.id, null);
    editor.saveExpert({ ...other, region: 'Тульская область' });
    assert.deepEqual(conflicts().sort(), [`${expert.id}:auto:region`, `${other.id}:organiser:бывший сотрудник`].sort());
  });

  it('assigns by nomination, category or entry, and shows it in the matrix', (t) => {
    const ws = demoWorkspace(t);
    const editor = new ContestEditor(ws.db, () => 'now', (k) => k);
    editor.setAssignment('kim', { categoryId: 'cat-network-small' }, true);
    editor.setAssignment('popov', { entryId: 'entry-altai' }, true);
    const matrix = editor.matrix('nom-network', 'cat-network-small');
    assert.equal(matrix.entries.length, 7);
    assert.equal(matrix.experts.find((x) => x.id === 'kim')?.wholeCategory, true);
    assert.equal(matrix.experts.find((x) => x.id === 'smirnov')?.wholeNomination, true);
    assert.ok(matrix.single.some((s) => s.expertId === 'popov' && s.entryId === 'entry-altai'));
    assert.ok(matrix.conflicts.some((c) => c.expertId === 'yakovleva' && c.source === 'auto'));
    editor.setAssignment('popov', { entryId: 'entry-altai' }, false);
    assert.equal(editor.matrix('nom-network', 'cat-network-small').single.some((s) => s.entryId === 'entry-altai'), false);
  });

  it('imports all items or none', (t) => {
    const { editor } = blank(t);
    const n = editor.saveNomination({ title: 'Н', criteria: [criterion('К')] });
    const good = { id: editor.idFor('entries'), nominationId: n.id, categoryId: null, title: 'Хороший', organisation: '', region: '', description: '', applicationNo: null, appliedOn: null, materials: [] };
    const bad = { ...good, id: editor.idFor('entries'), nominationId: 'nom-none', title: 'Плохой' };
    assert.equal(userError(() => editor.importItems('entries', [good, bad])).code, 'scoring.unknownNomination');
    assert.deepEqual(editor.entries(null), []);
    assert.equal(editor.importItems('entries', [good]), 1);
  });

  it('refuses every change in a workspace made from a contest package', (t) => {
    const { ws, editor } = blank(t);
    ws.db.prepare("INSERT INTO meta (key, value) VALUES ('kind', 'expert')").run();
    assert.equal(userError(() => editor.saveNomination({ title: 'Н' })).code, 'editor.readOnly');
    assert.equal(userError(() => editor.saveExpert({ name: 'Э' })).code, 'editor.readOnly');
  });

  it('moves nominations up and down', (t) => {
    const ws = demoWorkspace(t);
    const editor = new ContestEditor(ws.db, () => 'now', (k) => k);
    editor.moveNomination('nom-project', -1);
    assert.deepEqual(editor.overview().nominations.map((n) => n.id), ['nom-network', 'nom-project', 'nom-specialist']);
    editor.moveNomination('nom-network', -1);
    assert.deepEqual(editor.overview().nominations.map((n) => n.id), ['nom-network', 'nom-project', 'nom-specialist']);
  });
});
