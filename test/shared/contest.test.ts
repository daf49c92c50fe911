import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContestDefinition, type ContestDefinitionInput } from '../../shared/domain/contest.ts';
import { demoContest } from '../../electron/services/demo/demo.ts';

function problems(input: unknown): string[] {
  const result = ContestDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

function small(): ContestDefinitionInput {
  return {
    contest: { id: 'c1', title: 'Конкурс' },
    nominations: [
      {
        id: 'n1',
        title: 'Номинация',
        categories: [{ id: 'k1', title: 'Категория' }],
        criteria: [{ id: 'q1', title: 'Критерий', scale: { min: 0, max: 10, step: 1 }, weight: 1 }],
      },
      { id: 'n2', title: 'Другая', criteria: [{ id: 'q2', title: 'Критерий', scale: { min: 0, max: 5, step: 1 }, weight: 1 }] },
    ],
    entries: [{ id: 'e1', nominationId: 'n1', categoryId: 'k1', title: 'Участник' }],
    experts: [{ id: 'x1', name: 'Эксперт' }],
    assignments: [{ expertId: 'x1', nominationId: 'n1' }],
  };
}

describe('contest definition', () => {
  it('accepts the demo contest and a minimal one', () => {
    assert.deepEqual(problems(demoContest()), []);
    assert.deepEqual(problems(small()), []);
  });

  it('names the field of a step that does not divide the range', () => {
    const def = small();
    def.nominations[0]!.criteria![0]!.scale = { min: 0, max: 10, step: 3 };
    assert.deepEqual(problems(def), ['nominations.0.criteria.0.scale.step: the step must divide the range from minimum to maximum']);
  });

  it('refuses a weight of zero or less', () => {
    const def = small();
    def.nominations[0]!.criteria![0]!.weight = 0;
    assert.equal(problems(def).length, 1);
    assert.match(problems(def)[0] ?? '', /^nominations\.0\.criteria\.0\.weight: /);
  });

  it('refuses a rubric band outside the scale', () => {
    const def = small();
    def.nominations[0]!.criteria![0]!.rubric = [{ from: 8, to: 12, text: 'слишком' }];
    assert.deepEqual(problems(def), ['nominations.0.criteria.0.rubric.0: a rubric band must lie within the scale, from ≤ to']);
  });

  it('refuses duplicate ids and dangling references, naming each place', () => {
    const def = small();
    def.entries.push({ id: 'e1', nominationId: 'n2', categoryId: 'k1', title: 'Дубль' });
    def.assignments.push({ expertId: 'nobody', entryId: 'e9' });
    assert.deepEqual(problems(def), [
      'entries.1.id: duplicate id "e1"',
      'entries.1.categoryId: category "k1" is not in nomination "n2"',
      'assignments.1.expertId: unknown expert "nobody"',
      'assignments.1.entryId: unknown entry "e9"',
    ]);
  });

  it('refuses an assignment that names two scopes at once', () => {
    const def = small();
    def.assignments = [{ expertId: 'x1', nominationId: 'n1', entryId: 'e1' } as never];
    assert.equal(problems(def).length > 0, true);
  });
});
