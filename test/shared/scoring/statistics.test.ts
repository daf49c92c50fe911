import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RULES } from '../../../shared/domain/contest.ts';
import type { CategoryInput } from '../../../shared/scoring/aggregate.ts';
import { entryDisagreement, expertSeverity, icc, kendallW, methodSensitivity, outlierMarks } from '../../../shared/scoring/statistics.ts';

/** One criterion q, weight 1, scale 0–max: an expert's normalised total is mark / max × 100. */
function category(rows: Record<string, Record<string, number>>, max = 10): CategoryInput {
  return {
    criteria: [{ id: 'q', weight: 1, scale: { min: 0, max, step: 1 } }],
    entries: Object.keys(rows).map((id) => ({ id, appliedOn: null, applicationNo: null })),
    marks: Object.entries(rows).flatMap(([entryId, byExpert]) => Object.entries(byExpert).map(([expertId, value]) => ({ expertId, entryId, criterionId: 'q', value }))),
    minEvaluations: 1,
  };
}
/** Rows of a table: entries t1…, experts j1…. */
function table(rows: number[][]): CategoryInput {
  return category(Object.fromEntries(rows.map((row, i) => [`t${i + 1}`, Object.fromEntries(row.map((v, j) => [`j${j + 1}`, v]))])));
}

describe('expert severity and entry disagreement', () => {
  // Normalised totals (mark × 10):  A: X 80, Y 60;  B: X 60, Y 40;  C: X 70.
  // Entry means: X (80 + 60 + 70)/3 = 70, Y (60 + 40)/2 = 50.
  const input = category({ X: { A: 8, B: 6, C: 7 }, Y: { A: 6, B: 4 } });

  it('measures each expert against the entry means', () => {
    // A: mean(80 − 70, 60 − 50) = 10, spread sd(80, 60) = 10. B: −10, 10. C: 70 − 70 = 0, one evaluation so spread 0.
    assert.deepEqual(expertSeverity(input), [
      { expertId: 'A', evaluations: 2, severity: 10, spread: 10 },
      { expertId: 'B', evaluations: 2, severity: -10, spread: 10 },
      { expertId: 'C', evaluations: 1, severity: 0, spread: 0 },
    ]);
  });

  it('flags an entry whose range exceeds the tolerance', () => {
    // X: range 80 − 60 = 20, sd √((100 + 100 + 0)/3) = 8.164966. Y: range 20, sd 10.
    assert.deepEqual(entryDisagreement(input, 15), [
      { entryId: 'X', evaluations: 3, sd: 8.164966, range: 20, flagged: true },
      { entryId: 'Y', evaluations: 2, sd: 10, range: 20, flagged: true },
    ]);
    // Strictly above: a range equal to the tolerance is not flagged.
    assert.deepEqual(entryDisagreement(input, 20).map((e) => e.flagged), [false, false]);
  });
});

describe('outlier marks', () => {
  it('finds marks more than 0.4 × the scale from the median of their entry and criterion', () => {
    // Scale 0–10: the limit is 4. X: 2, 7, 8 → median 7; 2 is 5 away → outlier.
    // Y: 3, 7, 8 → median 7; 3 is exactly 4 away → not (strictly more than).
    const input = category({ X: { A: 2, B: 7, C: 8 }, Y: { A: 3, B: 7, C: 8 } });
    assert.deepEqual(outlierMarks(input), [{ entryId: 'X', criterionId: 'q', expertId: 'A', value: 2, median: 7, deviation: -5 }]);
  });
});

describe("Kendall's W", () => {
  it('matches a hand computation with ties', () => {
    // Normalised totals rank like the marks (1 = highest, ties share the average rank):
    //        A  B  C  D        ranks            T = Σ(t³ − t)
    //   e1   9  7  5  3        1   2   3   4    0
    //   e2   8  8  4  2        1.5 1.5 3   4    2³ − 2 = 6
    //   e3   7  5  5  6        1   3.5 3.5 2    6
    // R: A 3.5, B 7, C 9.5, D 10 (sum 30 = m·n(n+1)/2); R̄ = m(n + 1)/2 = 3·5/2 = 7.5.
    // S = (−4)² + (−0.5)² + 2² + 2.5² = 16 + 0.25 + 4 + 6.25 = 26.5.
    // W = 12·26.5 / (3²·(4³ − 4) − 3·12) = 318 / (540 − 36) = 318/504 = 0.630952; χ² = m(n − 1)W = 9·318/504 = 5.678571.
    const input = category({ A: { e1: 9, e2: 8, e3: 7 }, B: { e1: 7, e2: 8, e3: 5 }, C: { e1: 5, e2: 4, e3: 5 }, D: { e1: 3, e2: 2, e3: 6 } });
    assert.deepEqual(kendallW(input), { defined: true, w: 0.630952, chiSquare: 5.678571, m: 3, n: 4, experts: ['e1', 'e2', 'e3'] });
  });

  it('uses only the experts who evaluated every entry, and says when W is undefined', () => {
    // e2 did not evaluate B, so only e1 is in the complete block.
    assert.deepEqual(kendallW(category({ A: { e1: 9, e2: 8 }, B: { e1: 7 } })), { defined: false, reason: 'fewExperts' });
    assert.deepEqual(kendallW(category({ A: { e1: 9, e2: 8 } })), { defined: false, reason: 'fewEntries' });
    // Everyone ties everything: T = 2³ − 2 = 6 per expert, 2²·6 − 2·12 = 0.
    assert.deepEqual(kendallW(category({ A: { e1: 5, e2: 7 }, B: { e1: 5, e2: 7 } })), { defined: false, reason: 'noVariance' });
    // Perfect agreement is 1.
    const perfect = kendallW(category({ A: { e1: 9, e2: 8 }, B: { e1: 2, e2: 3 } }));
    assert.ok(perfect.defined);
    assert.equal(perfect.w, 1);
  });
});

describe('ICC', () => {
  it('reproduces Shrout & Fleiss (1979), Table 2: ICC(2,1) = .29, ICC(2,4) = .62', () => {
    // 6 targets × 4 judges. Published mean squares: BMS 11.24, JMS 32.49, EMS 1.02. We work on 0–100
    // totals (× 10), so mean squares are × 100; the ICCs are ratios and do not change.
    const result = icc(table([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]));
    assert.ok(result.defined && result.icc21.defined && result.icc2k.defined);
    assert.equal(result.icc21.value.toFixed(2), '0.29');
    assert.equal(result.icc2k.value.toFixed(2), '0.62');
    assert.deepEqual([result.bms / 100, result.jms / 100, result.ems / 100].map((x) => x.toFixed(2)), ['11.24', '32.49', '1.02']);
    assert.deepEqual([result.k, result.n], [4, 6]);
    // ICC(2,1) = (BMS − EMS) / (BMS + (k − 1)EMS + k(JMS − EMS)/n)
    //          = (11.2417 − 1.0194) / (11.2417 + 3·1.0194 + 4·(32.4861 − 1.0194)/6) = 10.2222 / 35.2778 = 0.2898
    // Exactly: BMS = 1349/120, EMS = 367/360, JMS = 1169.5/36 (× 100 on 0–100), ICC(2,1) = 368/1270 = 0.28976377…
    assert.deepEqual(result.icc21, { defined: true, value: 0.289764, outOfRange: null });
  });

  it('reports a value below zero and an ICC(2,k) above 1 with the reason, never as a reliability', () => {
    // 2 experts × 3 entries, 0–100 values: (10, 30), (30, 10), (20, 20). Entry means all 20 (BMS = 0), expert means
    // both 20 (JMS = 0), residuals ±10, ±10, 0 → EMS = 400 / 2 = 200.
    // ICC(2,1) = −200 / (200 + 2·(0 − 200)/3) = −200 / (200/3) = −3; ICC(2,k) = −200 / ((0 − 200)/3) = 3.
    const result = icc(table([[1, 3], [3, 1], [2, 2]]));
    assert.ok(result.defined);
    assert.deepEqual([result.bms, result.jms, result.ems], [0, 0, 200]);
    assert.deepEqual(result.icc21, { defined: true, value: -3, outOfRange: 'belowZero' });
    assert.deepEqual(result.icc2k, { defined: true, value: 3, outOfRange: 'aboveOne' });
    // 2 × 2 with opposite orders: ICC(2,1)'s denominator BMS + (k − 1 − k/n)EMS + k·JMS/n is 0 + 0·EMS + 0.
    const opposite = icc(table([[1, 3], [3, 1]]));
    assert.ok(opposite.defined);
    assert.deepEqual(opposite.icc21, { defined: false, reason: 'zeroDenominator' });
    assert.deepEqual(opposite.icc2k, { defined: true, value: 2, outOfRange: 'aboveOne' });
  });

  it('is undefined with fewer than two experts or entries, or without variance', () => {
    assert.deepEqual(icc(table([[5], [6]])), { defined: false, reason: 'fewExperts' });
    assert.deepEqual(icc(table([[5, 6]])), { defined: false, reason: 'fewEntries' });
    assert.deepEqual(icc(table([[5, 5], [5, 5]])), { defined: false, reason: 'noVariance' });
    // Each expert gives every entry the same value, experts differ: no entry differs from another.
    assert.deepEqual(icc(table([[5, 7], [5, 7]])), { defined: false, reason: 'noVariance' });
  });

  it('is undefined, no variance, when the values are equal in decimal though not in binary, and so is W', () => {
    // Weights 0.1, 0.2, 0.3 (span 6): every evaluation totals 0.7 by another pattern, so every 0–100 value is
    // 0.7 / 6 × 100 = 35/3; in binary some are 11.666666666666668 and some 11.666666666666666.
    const criteria = [0.1, 0.2, 0.3].map((weight, i) => ({ id: 'abc'.charAt(i), weight, scale: { min: 0, max: 10, step: 1 } }));
    const patterns = { e1: [[7, 0, 0], [1, 0, 2], [0, 2, 1]], e2: [[1, 3, 0], [7, 0, 0], [3, 2, 0]], e3: [[5, 1, 0], [0, 2, 1], [1, 0, 2]] };
    const input: CategoryInput = {
      criteria,
      entries: ['X', 'Y', 'Z'].map((id) => ({ id, appliedOn: null, applicationNo: null })),
      marks: Object.entries(patterns).flatMap(([expertId, rows]) =>
        rows.flatMap((marks, j) => marks.map((value, i) => ({ expertId, entryId: 'XYZ'.charAt(j), criterionId: 'abc'.charAt(i), value }))),
      ),
      minEvaluations: 1,
    };
    assert.deepEqual(icc(input), { defined: false, reason: 'noVariance' });
    assert.deepEqual(kendallW(input), { defined: false, reason: 'noVariance' });
  });
});

describe('method sensitivity', () => {
  it('says when the winner depends on the method', () => {
    // Scale 0–20. X: 3, 7, 8, 9, 20 → mean 9.4, median 8, trimmed (k = 1) 8. Y: 9 from everyone.
    // Normalised: each expert's z over (X, Y): e1–e3 X −1, Y +1; e4 equal → 0, 0; e5 X +1, Y −1.
    // z̄: X (−1 −1 −1 + 0 + 1)/5 = −0.4, Y +0.4. So mean → X; median, trimmed, normalised → Y.
    const input = category({ X: { e1: 3, e2: 7, e3: 8, e4: 9, e5: 20 }, Y: { e1: 9, e2: 9, e3: 9, e4: 9, e5: 9 } }, 20);
    assert.deepEqual(methodSensitivity(input, DEFAULT_RULES), {
      methods: [
        { method: 'mean', winners: ['X'] },
        { method: 'median', winners: ['Y'] },
        { method: 'trimmed', winners: ['Y'] },
        { method: 'normalised', winners: ['Y'] },
      ],
      changes: true,
    });
    const clear = category({ X: { e1: 9, e2: 8, e3: 9 }, Y: { e1: 2, e2: 3, e3: 2 } });
    assert.equal(methodSensitivity(clear, DEFAULT_RULES).changes, false);
  });
});
