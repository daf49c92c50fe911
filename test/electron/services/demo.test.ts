import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContestDefinition } from '../../../shared/domain/contest.ts';
import { demoContest } from '../../../electron/services/demo/demo.ts';
import { autoConflictFields } from '../../../shared/domain/conflicts.ts';

const demo = ContestDefinition.parse(demoContest());
const isDemoText = (text: string) => /демо/i.test(text);

describe('demo contest', () => {
  it('has the three nominations the seed names, in its words', () => {
    assert.deepEqual(demo.nominations.map((n) => n.title), ['Лучшая региональная сеть МФЦ', 'Лучший универсальный специалист МФЦ', 'Лучший проект МФЦ']);
    assert.equal(demo.contest.title, 'Лучший многофункциональный центр России');
    assert.equal(demo.contest.isDemo, true);
  });

  it('has the seed’s category, and marks the categories it adds as demo assumptions', () => {
    const categories = demo.nominations[0]?.categories ?? [];
    assert.equal(categories[0]?.title, 'Малая региональная сеть МФЦ');
    for (const c of categories.slice(1)) assert.ok(isDemoText(c.description), c.title);
  });

  it('uses every criterion the seed names, each with rubric bands', () => {
    const titles = demo.nominations.flatMap((n) => n.criteria.map((c) => c.title.toLowerCase()));
    for (const named of [
      'разнообразие предоставляемых услуг',
      'отзывы заявителей',
      'удобство графика работы и доступность',
      'наличие и качество дистанционных форм обслуживания граждан',
      'дополнительные услуги и сервисы',
      'уровень цифровизации',
      'профессионализм',
    ]) {
      assert.ok(titles.includes(named), named);
    }
    for (const c of demo.nominations.flatMap((n) => n.criteria)) assert.ok(c.rubric.length >= 3, c.title);
  });

  it('has at least 30 entries, including those the seed names, and marks invented ones', () => {
    assert.ok(demo.entries.length >= 30);
    const titles = demo.entries.map((e) => e.title);
    for (const named of ['Филиал МФЦ Югры в г. Ханты-Мансийске', 'Филиал МФЦ Югры в г. Урае', 'Филиал МФЦ Югры в г. Лангепасе', 'Сергей Волков']) {
      assert.ok(titles.includes(named), named);
    }
    const invented = demo.entries.filter((e) => !/Югры|Волков/.test(e.title));
    assert.ok(invented.length > 0);
    for (const e of invented) assert.ok(isDemoText(e.title) && isDemoText(e.description), e.title);
  });

  it('has at least 8 experts, all invented and saying so, with one chair', () => {
    assert.ok(demo.experts.length >= 8);
    for (const x of demo.experts) assert.ok(isDemoText(x.name), x.name);
    assert.equal(demo.experts.filter((x) => x.role === 'chair').length, 1);
  });

  it('gives every entry enough experts without a conflict of interest', () => {
    const categoryOf = new Map(demo.entries.map((e) => [e.id, e.categoryId]));
    for (const entry of demo.entries) {
      const nomination = demo.nominations.find((n) => n.id === entry.nominationId);
      const scorers = demo.experts.filter((x) =>
        demo.assignments.some(
          (a) =>
            a.expertId === x.id &&
            (('nominationId' in a && a.nominationId === entry.nominationId) ||
              ('categoryId' in a && a.categoryId === categoryOf.get(entry.id)) ||
              ('entryId' in a && a.entryId === entry.id)),
        ) && autoConflictFields(x, entry).length === 0,
      );
      assert.ok(scorers.length >= (nomination?.minEvaluations ?? 1), `${entry.title}: ${scorers.length}`);
    }
  });
});
