import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { ContestDefinitionInput } from '../../shared/domain/contest.ts';
import { Workspace } from '../../electron/services/workspace.ts';
import { tempDir } from './temp.ts';

/** A small contest that can be published: one nomination, two entries, two experts. */
export function smallContest(): ContestDefinitionInput {
  return {
    contest: { id: 'small', title: 'Малый конкурс', year: 2027 },
    nominations: [{ id: 'n1', title: 'Номинация', criteria: [{ id: 'q1', title: 'Польза', scale: { min: 0, max: 10, step: 1 }, weight: 1 }] }],
    entries: [
      { id: 'e1', nominationId: 'n1', title: 'Участник один', region: 'Тула' },
      { id: 'e2', nominationId: 'n1', title: 'Участник два', region: 'Орёл' },
    ],
    experts: [
      { id: 'x1', name: 'Эксперт Первый', region: 'Москва' },
      { id: 'x2', name: 'Эксперт Второй', region: 'Тула' },
    ],
    assignments: [{ expertId: 'x1', nominationId: 'n1' }, { expertId: 'x2', nominationId: 'n1' }],
  };
}

/** A workspace holding `definition` (the small contest by default), closed when the test ends. */
export function contestWorkspace(t: TestContext, definition: ContestDefinitionInput = smallContest()): Workspace {
  const ws = Workspace.create(join(tempDir(t), 'contest.sqlite'), definition);
  t.after(() => ws.close());
  return ws;
}
