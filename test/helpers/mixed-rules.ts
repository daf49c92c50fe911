import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { Workspace } from '../../electron/services/workspace.ts';
import { tempDir } from './temp.ts';

/**
 * A workspace scoring for x1, whose rules overlap: the category k1 and, inside it, the entry e1 on
 * its own; the entry e4 of category k2; the whole nomination n2. Contest order: e1 e2 e3 e4 e5 f1
 * f2; e1, e2, e5 are in k1 and e3, e4 in k2. q1 asks for a comment on marks below 3.
 */
export function mixedRulesWorkspace(t: TestContext): Workspace {
  const criteria = [
    { id: 'q1', title: 'Польза', scale: { min: 0, max: 10, step: 1 }, weight: 1, commentBelow: 3 },
    { id: 'q2', title: 'Качество', scale: { min: 0, max: 10, step: 1 }, weight: 1 },
  ];
  const entry = (id: string, nominationId: string, categoryId: string | null) => ({ id, nominationId, categoryId, title: `Участник ${id}`, region: 'Тула' });
  const ws = Workspace.create(
    join(tempDir(t), 'mixed.sqlite'),
    {
      contest: { id: 'mixed', title: 'Конкурс', year: 2027 },
      nominations: [
        { id: 'n1', title: 'Первая', categories: [{ id: 'k1', title: 'Малые' }, { id: 'k2', title: 'Крупные' }], criteria },
        { id: 'n2', title: 'Вторая', criteria: criteria.map((c) => ({ ...c, id: `${c.id}b` })) },
      ],
      entries: [entry('e1', 'n1', 'k1'), entry('e2', 'n1', 'k1'), entry('e3', 'n1', 'k2'), entry('e4', 'n1', 'k2'), entry('e5', 'n1', 'k1'), entry('f1', 'n2', null), entry('f2', 'n2', null)],
      experts: [{ id: 'x1', name: 'Эксперт', region: 'Москва' }],
      assignments: [
        { expertId: 'x1', categoryId: 'k1' },
        { expertId: 'x1', entryId: 'e1' },
        { expertId: 'x1', entryId: 'e4' },
        { expertId: 'x1', nominationId: 'n2' },
      ],
    },
    { scorerId: 'x1' },
  );
  t.after(() => ws.close());
  return ws;
}
