import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RULES, type ScoringRules } from '../../../shared/domain/contest.ts';
import { seeded } from '../../../shared/random.ts';
import { compareIds, mean, median, round6, scoreCategory, trimmedMean, type CategoryInput } from '../../../shared/scoring/aggregate.ts';
import { exact } from '../../../shared/scoring/exact.ts';
import { handCategoryMean } from '../../helpers/scoring-reference.ts';

type Criteria = CategoryInput['criteria'];
/** marks[expert][entry] = the expert's marks on the entry, in criterion order (null: no mark). */
type Table = Record<string, Record<string, (number | null)[]>>;

function category(criteria: Criteria, marks: Table, minEvaluations = 1): CategoryInput {
  const entryIds = [...new Set(Object.values(marks).flatMap((byEntry) => Object.keys(byEntry)))];
  return {
    criteria,
    entries: entryIds.map((id) => ({ id, appliedOn: null, applicationNo: null })),
    marks: Object.entries(marks).flatMap(([expertId, byEntry]) =>
      Object.entries(byEntry).flatMap(([entryId, values]) =>
        values.flatMap((value, i) => (value === null ? [] : [{ expertId, entryId, criterionId: criteria[i]?.id ?? '', value }])),
      ),
    ),
    minEvaluations,
  };
}
const one = (max: number): Criteria => [{ id: 'q', weight: 1, scale: { min: 0, max, step: 1 } }];
const rules = (over: Partial<ScoringRules>): ScoringRules => ({ ...DEFAULT_RULES, ...over });
const score = (input: CategoryInput, r: ScoringRules, id: string) => scoreCategory(input, r).find((e) => e.entryId === id);
const order = (input: CategoryInput, r: ScoringRules): string[] =>
  scoreCategory(input, r)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
    .map((e) => e.entryId);
const close = (actual: number | null | undefined, expected: number): void =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= 1e-6, `${actual} ≉ ${expected}`);

describe('summaries', () => {
  const xs = (...values: number[]) => values.map(exact);

  it('takes the mean and the median exactly', () => {
    assert.deepEqual(mean(xs(1, 2, 6)), exact(3));
    assert.deepEqual(median(xs(9, 1, 5)), exact(5));
    assert.deepEqual(median(xs(4, 1, 3, 10)), exact(3.5)); // (3 + 4) / 2
    // In binary (0.7 + 0.7 + 0.7) / 3 is 0.6999999999999998; in decimals it is 0.7.
    assert.deepEqual(mean(xs(0.7, 0.7, 0.7)), exact(0.7));
    assert.deepEqual(mean(xs(0.1, 0.2)), exact(0.15));
    assert.throws(() => mean([]), RangeError);
  });

  it('drops the k lowest and k highest for the trimmed mean', () => {
    // 3, 7, 8, 9, 20 with k = 1: drop 3 and 20, mean of 7, 8, 9 = 24 / 3 = 8 (the mean would be 47 / 5 = 9.4).
    assert.deepEqual(trimmedMean(xs(20, 7, 3, 9, 8), 1), { value: exact(8), fallback: false });
    // k = 2: only 8 is left.
    assert.deepEqual(trimmedMean(xs(20, 7, 3, 9, 8), 2), { value: exact(8), fallback: false });
    // n = 2 ≤ 2k = 2: nothing would be left, so the plain mean (4 + 10) / 2 = 7, and it says so.
    assert.deepEqual(trimmedMean(xs(4, 10), 1), { value: exact(7), fallback: true });
    assert.deepEqual(trimmedMean(xs(4, 10), 0), { value: exact(7), fallback: false });
  });
});

describe('rounding and order', () => {
  it('rounds to 6 decimals, a decimal half away from zero, and never reports −0', () => {
    // 0.0078125 × 10⁶ = 7812.5: halfway, so away from zero on either side.
    assert.equal(round6(0.0078125), 0.007813);
    assert.equal(round6(-0.0078125), -0.007813);
    assert.equal(round6(1.23456749), 1.234567);
    // Halfway is judged on the decimal: 1.0000025 is stored a little low, but it is written 1.0000025.
    assert.equal(round6(1.0000025), 1.000003);
    assert.equal(round6(2 / 3), 0.666667);
    assert.ok(Object.is(round6(-1e-9), 0));
  });

  it('orders ids by code point, not by UTF-16 unit or locale', () => {
    // U+FF5E < U+1F600, although the emoji's first UTF-16 unit (0xD83D) is below 0xFF5E.
    assert.ok(compareIds('\uFF5E', '\u{1F600}') < 0);
    assert.ok(compareIds('B', 'a') < 0);
    assert.ok(compareIds('a', 'ab') < 0);
    assert.equal(compareIds('x', 'x'), 0);
  });
});

describe('score a category', () => {
  it('scores the trimmed mean of expert totals and flags the fallback', () => {
    // X: five experts 3, 7, 8, 9, 20 → 8. Y: two experts 4, 10 → n ≤ 2k, plain mean 7, trimFallback.
    const input = category(one(20), {
      e1: { X: [3], Y: [4] },
      e2: { X: [7], Y: [10] },
      e3: { X: [8] },
      e4: { X: [9] },
      e5: { X: [20] },
    });
    const r = rules({ method: 'trimmed', trim: 1 });
    assert.deepEqual(score(input, r, 'X'), { entryId: 'X', evaluations: 5, score: 8, normalised: 40, criteria: { q: 8 }, trimFallback: false });
    assert.deepEqual(score(input, r, 'Y'), { entryId: 'Y', evaluations: 2, score: 7, normalised: 35, criteria: { q: 7 }, trimFallback: true });
    assert.equal(score(input, rules({ method: 'mean' }), 'X')?.score, 9.4);
  });

  it('counts only complete evaluations and places the score on 0–100 with weights and minimums', () => {
    // a: weight 2, scale 1–5; b: weight 1, scale 0–10. e1 gives a = 4, b = 6: total 2·4 + 6 = 14.
    // Σ w·min = 2·1 + 0 = 2, Σ w·(max − min) = 2·4 + 10 = 18, so (14 − 2) / 18 × 100 = 66.666667.
    // e2 marked only a: not an evaluation, ignored everywhere.
    const criteria: Criteria = [
      { id: 'a', weight: 2, scale: { min: 1, max: 5, step: 1 } },
      { id: 'b', weight: 1, scale: { min: 0, max: 10, step: 1 } },
    ];
    const input = category(criteria, { e1: { X: [4, 6] }, e2: { X: [1, null], Z: [2, null] } });
    assert.deepEqual(scoreCategory(input, DEFAULT_RULES), [
      { entryId: 'X', evaluations: 1, score: 14, normalised: 66.666667, criteria: { a: 4, b: 6 }, trimFallback: false },
      { entryId: 'Z', evaluations: 0, score: null, normalised: null, criteria: { a: null, b: null }, trimFallback: false },
    ]);
  });

  it('gives a different median when it aggregates criteria first', () => {
    // Criteria a, b, weight 1, scale 0–10.
    //        X: a  b  total    Y: a  b  total
    //   e1      9  1   10         3  3   6
    //   e2      1  9   10         3  3   6
    //   e3      2  2    4         3  3   6
    // expertTotals, median: X = median(10, 10, 4) = 10, Y = 6 → X first.
    // criterionFirst, median: X = median(9, 1, 2) + median(1, 9, 2) = 2 + 2 = 4, Y = 3 + 3 = 6 → Y first.
    // The mean is linear, so both orders give X = 24 / 3 = 8 = (12 + 12) / 3.
    const criteria: Criteria = ['a', 'b'].map((id) => ({ id, weight: 1, scale: { min: 0, max: 10, step: 1 } }));
    const input = category(criteria, { e1: { X: [9, 1], Y: [3, 3] }, e2: { X: [1, 9], Y: [3, 3] }, e3: { X: [2, 2], Y: [3, 3] } });
    const totals = rules({ method: 'median', order: 'expertTotals' });
    const first = rules({ method: 'median', order: 'criterionFirst' });
    assert.equal(score(input, totals, 'X')?.score, 10);
    assert.equal(score(input, totals, 'X')?.normalised, 50);
    assert.equal(score(input, first, 'X')?.score, 4);
    assert.deepEqual(score(input, totals, 'X')?.criteria, { a: 2, b: 2 });
    assert.deepEqual(order(input, totals), ['X', 'Y']);
    assert.deepEqual(order(input, first), ['Y', 'X']);
    assert.equal(score(input, rules({ method: 'mean', order: 'expertTotals' }), 'X')?.score, 8);
    assert.equal(score(input, rules({ method: 'mean', order: 'criterionFirst' }), 'X')?.score, 8);
  });

  it('removes an expert who is uniformly 2 points harsher when normalising', () => {
    // One criterion 0–10. C is 2 points harsher than the panel and has a conflict with Z:
    //        X  Y  Z
    //   A    8  5  8
    //   B    8  5  7
    //   C    6  3  —      (corrected by +2: 8, 5)
    // Mean: X = 22/3 = 7.333, Y = 13/3, Z = 15/2 = 7.5 → Z first, because only X and Y suffer from C.
    // The corrected panel's mean: X = 8, Z = 7.5, Y = 5 → X, Z, Y.
    // z per expert (population SD over the expert's own evaluations):
    //   A: μ = 7, σ = √((1 + 4 + 1)/3) = √2        → X 1/√2,  Y −2/√2,  Z 1/√2
    //   B: μ = 20/3, σ = √((16 + 25 + 1)/9/3) = √14/3 → X 4/√14, Y −5/√14, Z 1/√14
    //   C: μ = 4.5, σ = 1.5                          → X 1,     Y −1        (the same after +2: the shift is gone)
    // z̄: X = (1/√2 + 4/√14 + 1)/3 = 0.925384, Y = (−√2 − 5/√14 − 1)/3 = −1.250173, Z = (1/√2 + 1/√14)/2 = 0.487184
    // Back on the scale: μ = 50/8 = 6.25, σ = √(336/8 − 6.25²) = √2.9375 over all eight marks; score = μ + σ·z̄.
    const harsh = category(one(10), { A: { X: [8], Y: [5], Z: [8] }, B: { X: [8], Y: [5], Z: [7] }, C: { X: [6], Y: [3] } });
    const corrected = category(one(10), { A: { X: [8], Y: [5], Z: [8] }, B: { X: [8], Y: [5], Z: [7] }, C: { X: [8], Y: [5] } });
    const normalised = rules({ method: 'normalised' });
    const zbar = { X: (Math.SQRT1_2 + 4 / Math.sqrt(14) + 1) / 3, Y: (-Math.SQRT2 - 5 / Math.sqrt(14) - 1) / 3, Z: (Math.SQRT1_2 + 1 / Math.sqrt(14)) / 2 };
    close(zbar.X, 0.925384);
    for (const id of ['X', 'Y', 'Z'] as const) close(score(harsh, normalised, id)?.score, 6.25 + Math.sqrt(2.9375) * zbar[id]);
    assert.deepEqual(order(harsh, rules({ method: 'mean' })), ['Z', 'X', 'Y']);
    assert.deepEqual(order(corrected, rules({ method: 'mean' })), ['X', 'Z', 'Y']);
    assert.deepEqual(order(harsh, normalised), ['X', 'Z', 'Y']);
    // The corrected panel has the same z̄; only μ = 54/8 and σ = √(380/8 − 6.75²) = √1.9375 change.
    close(score(corrected, normalised, 'X')?.score, 6.75 + Math.sqrt(1.9375) * zbar.X);
  });

  it('gives z = 0 to an expert with a single evaluation', () => {
    // A: X 8, Y 4 → z ±1; D marked only Y (10) → z = 0. z̄: X = 1, Y = (−1 + 0)/2 = −0.5.
    // All values 8, 4, 10: μ = 22/3, σ = √((8² + 4² + 10²)/3 − (22/3)²) = √(180/3 − 484/9) = √(56/9).
    const input = category(one(10), { A: { X: [8], Y: [4] }, D: { Y: [10] } });
    const s = Math.sqrt(56 / 9);
    close(score(input, rules({ method: 'normalised' }), 'X')?.score, 22 / 3 + s);
    close(score(input, rules({ method: 'normalised' }), 'Y')?.score, 22 / 3 - 0.5 * s);
  });

  it('gives z = 0 to an expert whose totals are equal in decimal, so floating-point noise cannot move the winner', () => {
    // Weights 0.1, 0.2, 0.3; A gives X, Y and Z 0.7 each, by three different patterns:
    // (7, 0, 0) = 0.7, (1, 0, 2) = 0.1 + 0.6 = 0.7, (0, 2, 1) = 0.4 + 0.3 = 0.7. In binary (0.7 + 0.7 + 0.7)/3 ≠ 0.7.
    // B marked only Y (2, 2, 2) = 1.2: one evaluation, z = 0. C: X (0, 0, 0) = 0, Y (8, 0, 0) = 0.8 → z −1, +1.
    // z̄: X (0 − 1)/2 = −0.5, Y (0 + 0 + 1)/3 = 1/3, Z 0 → Y first. Z's score is μ itself: (2.1 + 1.2 + 0.8)/6 = 41/60.
    const criteria: Criteria = [0.1, 0.2, 0.3].map((weight, i) => ({ id: 'abc'.charAt(i), weight, scale: { min: 0, max: 10, step: 1 } }));
    const input = category(criteria, { A: { X: [7, 0, 0], Y: [1, 0, 2], Z: [0, 2, 1] }, B: { Y: [2, 2, 2] }, C: { X: [0, 0, 0], Y: [8, 0, 0] } });
    const normalised = rules({ method: 'normalised' });
    assert.deepEqual(order(input, normalised), ['Y', 'Z', 'X']);
    assert.equal(score(input, normalised, 'Z')?.score, 0.683333);
    // The same panel in whole numbers (weights × 10) has no rounding to suffer from and gives the same order.
    const whole = category(
      criteria.map((c) => ({ ...c, weight: c.weight * 10 })),
      { A: { X: [7, 0, 0], Y: [1, 0, 2], Z: [0, 2, 1] }, B: { Y: [2, 2, 2] }, C: { X: [0, 0, 0], Y: [8, 0, 0] } },
    );
    assert.deepEqual(order(whole, normalised), ['Y', 'Z', 'X']);
  });

  it('gives an entry marked only by an expert with equal values the category mean, on 300 seeded panels (3, 6, 7 experts; steps 0.1–1)', () => {
    const random = seeded(29);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    for (let n = 0; n < 300; n += 1) {
      const step = pick([0.1, 0.25, 0.5, 1]);
      const criteria: Criteria = [0.1, 0.2, 0.3].map((weight, i) => ({ id: 'abc'.charAt(i), weight, scale: { min: 0, max: 10, step } }));
      const on = (k: number) => Number((k * step).toPrecision(12));
      const order = pick(['expertTotals', 'criterionFirst'] as const);
      // A's base pattern, and two others with the same total: (a + 2s, b − s, c) and (a, b + 3s, c − 2s).
      const top = Math.round(10 / step) - 3;
      const [a, b, c] = [Math.min(Math.floor(random() * 10), top), Math.min(2 + Math.floor(random() * 8), top), Math.min(2 + Math.floor(random() * 8), top)];
      const patterns = [[a, b, c], [a + 2, b - 1, c], [a, b + 3, c - 2]].map((p) => p.map(on));
      const table: Table = { A: { only: patterns[0] as number[] } };
      const others = ['B', 'C', 'D', 'E', 'F', 'G'].slice(0, pick([2, 5, 6]));
      for (const entry of ['P', 'Q', 'R', 'S']) {
        (table.A as Table[string])[entry] = (order === 'expertTotals' ? pick(patterns) : patterns[0]) as number[];
        for (const x of others) if (random() < 0.8) (table[x] ??= {})[entry] = [0, 1, 2].map(() => on(Math.floor(random() * (10 / step + 1))));
      }
      const input = category(criteria, table);
      assert.equal(score(input, rules({ method: 'normalised', order }), 'only')?.score, handCategoryMean(input, order), `panel ${n}, ${order}, step ${step}`);
    }
  });

  it('standardises per criterion when criteria come first', () => {
    // a (weight 1) and b (weight 3), 0–10. With criterionFirst the score is Σ w × the criterion's normalised aggregate.
    const criteria: Criteria = [
      { id: 'a', weight: 1, scale: { min: 0, max: 10, step: 1 } },
      { id: 'b', weight: 3, scale: { min: 0, max: 10, step: 1 } },
    ];
    const input = category(criteria, { A: { X: [9, 2], Y: [5, 6], Z: [7, 7] }, B: { X: [6, 1], Y: [4, 3], Z: [5, 5] } });
    const r = rules({ method: 'normalised', order: 'criterionFirst' });
    for (const e of scoreCategory(input, r)) close(e.score, (e.criteria.a ?? 0) + 3 * (e.criteria.b ?? 0));
    // Criterion a alone: A's z are X 1.2247, Y −1.2247, Z 0 (μ 7, σ √(8/3)); B's the same (μ 5, σ √(2/3)),
    // so z̄(X) = 1.224745 and a = μ + σ·z̄ with μ = 36/6 = 6, σ = √((81+25+49+36+16+25)/6 − 36) = √(8/3).
    close(score(input, r, 'X')?.criteria.a ?? null, 6 + Math.sqrt(8 / 3) * Math.sqrt(1.5));
  });

  it('refuses two marks for the same expert, entry and criterion', () => {
    const input = category(one(10), { A: { X: [8] } });
    input.marks.push({ expertId: 'A', entryId: 'X', criterionId: 'q', value: 3 });
    assert.throws(() => scoreCategory(input, DEFAULT_RULES), /two marks/);
  });
});
