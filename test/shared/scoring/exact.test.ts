import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RULES, type ScoringRules } from '../../../shared/domain/contest.ts';
import { seeded } from '../../../shared/random.ts';
import { round6, scoreCategory, type CategoryInput } from '../../../shared/scoring/aggregate.ts';
import { exact, ratio, sqrtRound6 } from '../../../shared/scoring/exact.ts';
import { decimalOf, handRound6, handScores } from '../../helpers/scoring-reference.ts';

type Random = () => number;
const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

describe('rounding to 6 decimals', () => {
  it('rounds the decimal a value is written as, a half away from zero, as a hand computation does', () => {
    // Each of these is exactly halfway in decimal; in binary most are stored a little low or high.
    const table: [string, number][] = [
      ['1.0000025', 1.000003],
      ['-1.0000025', -1.000003],
      ['2.6750005', 2.675001],
      ['0.0078125', 0.007813],
      ['-0.0078125', -0.007813],
      ['0.0000005', 0.000001],
      ['-0.0000005', -0.000001],
      ['1.0000015', 1.000002],
      ['123456.0000005', 123456.000001],
      ['0.3750625', 0.375063],
      ['8.1234565', 8.123457],
      ['1.23456749', 1.234567],
      ['-1.23456751', -1.234568],
      ['0.00000049', 0],
      ['59.5', 59.5],
    ];
    for (const [text, expected] of table) assert.equal(round6(Number(text)), expected, text);
    assert.ok(Object.is(round6(-1e-9), 0), 'never −0');
  });

  it('agrees with a BigInt hand computation on 5,000 seeded decimals with 7 to 9 places, many of them halves', () => {
    const random = seeded(61);
    for (let n = 0; n < 5_000; n += 1) {
      const places = 7 + Math.floor(random() * 3);
      const digits = String(Math.floor(random() * 10 ** (places - 1))).padStart(places - 1, '0') + (random() < 0.6 ? '5' : String(Math.floor(random() * 10)));
      const whole = pick(random, ['0', '1', '7', '59', '100', '2674', '99999']);
      const text = `${random() < 0.3 ? '-' : ''}${whole}.${digits}`;
      assert.equal(round6(Number(text)), handRound6(decimalOf(Number(text))), text);
    }
  });

  it('rounds a square root exactly, halves included, with no floating point', () => {
    // √2 = 1.41421356…; 1.0000005² = 1.00000100000025, so its root is exactly halfway; 0.0000005² likewise.
    assert.equal(sqrtRound6(exact(2)), 1.414214);
    assert.equal(sqrtRound6(exact(1.00000100000025)), 1.000001);
    assert.equal(sqrtRound6(ratio(1n, 4_000_000_000_000n)), 0.000001);
    assert.equal(sqrtRound6(ratio(200n, 3n)), 8.164966);
    assert.equal(sqrtRound6(exact(0)), 0);
  });
});

/** A random category whose means land on 7th-decimal halves now and then: decimal weights and steps, 2–8 experts. */
function decimalCategory(random: Random): CategoryInput {
  const scales = [
    { min: 0, max: 10, step: 1 },
    { min: 0, max: 10, step: 0.1 },
    { min: 1, max: 5, step: 0.25 },
    { min: 0, max: 10, step: 0.5 },
    { min: -5, max: 5, step: 0.5 },
    { min: 0, max: 1, step: 0.001 },
  ];
  const criteria = ['a', 'b', 'c'].slice(0, 1 + Math.floor(random() * 3)).map((id) => ({ id, weight: pick(random, [0.1, 0.2, 0.3, 0.125, 0.7, 1.3, 0.005]), scale: pick(random, scales) }));
  const entries = ['P', 'Q', 'R', 'S'].map((id) => ({ id, appliedOn: null, applicationNo: null }));
  const experts = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'].slice(0, pick(random, [2, 3, 4, 6, 7, 8]));
  const marks = entries.flatMap((e) =>
    experts.flatMap((expertId) =>
      criteria.map((c) => {
        const steps = Math.round((c.scale.max - c.scale.min) / c.scale.step);
        const value = Number((c.scale.min + Math.floor(random() * (steps + 1)) * c.scale.step).toPrecision(12));
        return { expertId, entryId: e.id, criterionId: c.id, value };
      }),
    ),
  );
  return { criteria, entries, marks, minEvaluations: 1 };
}

describe('scores computed exactly', () => {
  it('give what a hand computation in decimals gives, on 600 seeded categories (mean, median, trimmed; both orders)', () => {
    const random = seeded(14);
    for (let n = 0; n < 600; n += 1) {
      const input = decimalCategory(random);
      const rules: ScoringRules = {
        ...DEFAULT_RULES,
        method: pick(random, ['mean', 'median', 'trimmed'] as const),
        trim: pick(random, [0, 1, 2]),
        order: pick(random, ['expertTotals', 'criterionFirst'] as const),
      };
      const hand = handScores(input, { method: rules.method as 'mean' | 'median' | 'trimmed', trim: rules.trim, order: rules.order });
      for (const got of scoreCategory(input, rules)) {
        const want = hand.get(got.entryId);
        assert.deepEqual({ score: got.score, normalised: got.normalised, criteria: got.criteria }, want, `category ${n}, ${got.entryId}, ${JSON.stringify(rules)}`);
      }
    }
  });

  it('round a mean that is exactly halfway at the 7th decimal away from zero (weight 0.125, step 0.001)', () => {
    // Totals 0.125 × 3.001 = 0.375125 and 0.125 × 3 = 0.375; mean 0.3750625 → 0.375063.
    const input: CategoryInput = {
      criteria: [{ id: 'q', weight: 0.125, scale: { min: 0, max: 10, step: 0.001 } }],
      entries: [{ id: 'X', appliedOn: null, applicationNo: null }],
      marks: [
        { expertId: 'e1', entryId: 'X', criterionId: 'q', value: 3.001 },
        { expertId: 'e2', entryId: 'X', criterionId: 'q', value: 3 },
      ],
      minEvaluations: 1,
    };
    assert.equal(scoreCategory(input, DEFAULT_RULES)[0]?.score, 0.375063);
  });
});
