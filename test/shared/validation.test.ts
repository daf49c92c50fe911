import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NominationInput } from '../../shared/domain/editor.ts';
import { fieldProblems } from '../../shared/validation.ts';
import { translate } from '../../shared/i18n/index.ts';

describe('form validation', () => {
  it('names each field and says what is wrong, in the user’s language', () => {
    const result = NominationInput.safeParse({
      title: '',
      criteria: [{ title: 'Польза', scale: { min: 0, max: 10, step: 3 }, weight: 0 }],
    });
    assert.equal(result.success, false);
    const problems = result.success ? [] : fieldProblems(result.error);
    const shown = problems.map((p) => `${p.path}: ${translate('ru', p.key, p.params)}`).sort();
    assert.deepEqual(shown, [
      'criteria.0.scale.step: Шаг должен укладываться в диапазон шкалы целое число раз',
      'criteria.0.weight: Должно быть больше нуля',
      'title: Заполните поле',
    ]);
  });
});
