import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scaleProblem, snapToScale, stepDividesRange, stepValue } from '../../shared/scoring/scale.ts';
import { expertScore } from '../../shared/scoring/score.ts';

const ten = { min: 0, max: 10, step: 1 };
const half = { min: 1, max: 5, step: 0.5 };
const tenth = { min: 0, max: 1, step: 0.1 };

describe('scale', () => {
  it('accepts every value on the grid and nothing off it', () => {
    assert.equal(scaleProblem(0, ten), null);
    assert.equal(scaleProblem(10, ten), null);
    assert.equal(scaleProblem(-1, ten), 'belowMin');
    assert.equal(scaleProblem(11, ten), 'aboveMax');
    assert.equal(scaleProblem(7.5, ten), 'offStep');
    assert.equal(scaleProblem(Number.NaN, ten), 'notNumber');
    assert.equal(scaleProblem(Number.POSITIVE_INFINITY, ten), 'notNumber');
    assert.equal(scaleProblem(4.5, half), null);
    assert.equal(scaleProblem(4.25, half), 'offStep');
    assert.equal(scaleProblem(0.5, half), 'belowMin');
  });

  it('reads a value as the decimal it is written as, so a hair off the grid is off the grid', () => {
    assert.equal(scaleProblem(0.3, tenth), null);
    assert.equal(scaleProblem(0.7, tenth), null);
    assert.equal(scaleProblem(0.35, tenth), 'offStep');
    // Each of these was once taken for the grid point next to it and saved as that point.
    for (const value of [1e-300, 1e-10, 7.000000001, 7.0000000001]) assert.equal(scaleProblem(value, ten), 'offStep', String(value));
    assert.equal(scaleProblem(4.50000000001, half), 'offStep');
    assert.equal(scaleProblem(10.000000001, ten), 'aboveMax');
    assert.equal(scaleProblem(-1e-300, ten), 'belowMin');
    // Binary noise is a different decimal too: no part of the app makes it, and a bundle carrying it is refused.
    assert.equal(scaleProblem(0.1 + 0.2, tenth), 'offStep');
    assert.equal(scaleProblem(-0, ten), null);
  });

  it('snaps to the exact grid value, whatever binary noise the arithmetic left', () => {
    assert.equal(snapToScale(0.1 + 0.2, tenth), 0.3);
    assert.equal(snapToScale(0.7000000000000001, tenth), 0.7);
    const fine = { min: 0, max: 1e6, step: 1e-9 };
    const value = snapToScale(999_999.123456789, fine);
    assert.equal(scaleProblem(value, fine), null, String(value));
    assert.ok(Object.is(snapToScale(-0, ten), 0));
  });

  it('steps by one grid step and stays within the scale', () => {
    assert.equal(stepValue(4.5, 1, half), 5);
    assert.equal(stepValue(5, 1, half), 5);
    assert.equal(stepValue(1, -1, half), 1);
    assert.equal(stepValue(null, 1, ten), 0);
    assert.equal(stepValue(null, -1, ten), 10);
  });

  it('knows whether a step divides the range', () => {
    assert.equal(stepDividesRange(ten), true);
    assert.equal(stepDividesRange({ min: 0, max: 10, step: 3 }), false);
    assert.equal(stepDividesRange(tenth), true);
  });
});

describe('expert score', () => {
  const criteria = [
    { id: 'a', weight: 1, scale: ten },
    { id: 'b', weight: 2, scale: half },
  ];

  it('is the weighted sum, its maximum and its place on 0–100', () => {
    const score = expertScore(criteria, new Map([['a', 8], ['b', 3]]));
    // (8 + 2·(3 − 1)) / (10 + 2·(5 − 1)) × 100 = 12/18 × 100 = 200/3, computed exactly and shown as the nearest double.
    assert.deepEqual(score, { total: 8 + 2 * 3, max: 10 + 2 * 5, normalised: 200 / 3 });
  });

  it('is absent until every criterion has a mark', () => {
    assert.equal(expertScore(criteria, new Map([['a', 8]])), null);
  });
});
