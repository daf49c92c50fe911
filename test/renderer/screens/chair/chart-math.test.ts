import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { histogram, lanes, linear, meanOf, niceTicks, signed, truncate } from '../../../../renderer/screens/chair/chart-math.ts';

describe('chart geometry', () => {
  it('maps a domain onto a range, and a single point onto the middle', () => {
    const x = linear([0, 100], [40, 240]);
    assert.equal(x(0), 40);
    assert.equal(x(50), 140);
    assert.equal(x(100), 240);
    assert.equal(linear([5, 5], [0, 10])(7), 5);
  });

  it('puts round ticks on a 0–100 scale and on a criterion scale', () => {
    assert.deepEqual(niceTicks(0, 100, 6), [0, 20, 40, 60, 80, 100]);
    assert.deepEqual(niceTicks(0, 10, 6), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(niceTicks(1, 5, 6), [1, 2, 3, 4, 5]);
    assert.deepEqual(niceTicks(0, 0.5, 6), [0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    assert.deepEqual(niceTicks(3, 3), [3]);
  });

  it('spreads dots that would hide each other over lanes around the middle', () => {
    assert.deepEqual(lanes([10, 50, 90], 5), [0, 0, 0]);
    assert.deepEqual(lanes([50, 51, 52, 80], 5), [0, -1, 1, 0]);
    assert.deepEqual(lanes([52, 50, 51], 5), [1, 0, -1]);
  });

  it('keeps dots within the lanes it may use when many share one value', () => {
    const placed = lanes(new Array<number>(9).fill(40), 5, 3);
    assert.ok(placed.every((lane) => lane >= -1 && lane <= 1));
  });

  it('counts each mark of a whole-number scale in its own bar', () => {
    const bins = histogram([0, 3, 3, 5, 5, 5], { min: 0, max: 5, step: 1 });
    assert.deepEqual(bins.map((b) => b.from), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(bins.map((b) => b.count), [1, 0, 0, 2, 0, 3]);
  });

  it('gives a scale of half points one bar per value, labelled without float noise', () => {
    const bins = histogram([0.5, 0.5, 2], { min: 0, max: 2, step: 0.5 });
    assert.deepEqual(bins.map((b) => b.from), [0, 0.5, 1, 1.5, 2]);
    assert.deepEqual(bins.map((b) => b.count), [0, 2, 0, 0, 1]);
    assert.deepEqual(histogram([0.3], { min: 0, max: 1, step: 0.1 }).map((b) => b.from)[3], 0.3);
  });

  it('counts marks of a fine scale in ten equal bars, the top mark in the last', () => {
    const bins = histogram([0, 0.5, 7.5, 10], { min: 0, max: 10, step: 0.1 });
    assert.equal(bins.length, 10);
    assert.deepEqual(bins.map((b) => b.count), [2, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
    assert.equal(bins[9]?.to, 10);
  });

  it('gives no mean for no values', () => {
    assert.equal(meanOf([]), null);
    assert.equal(meanOf([1, 2, 6]), 3);
  });

  it('writes differences with a plus or a real minus, and zero without either', () => {
    const format = (x: number) => x.toFixed(1).replace('.', ',');
    assert.equal(signed(-6, format), '\u22126,0');
    assert.equal(signed(2.34, format), '+2,3');
    assert.equal(signed(-0.01, format), '0,0');
    assert.equal(signed(0, format), '0,0');
  });

  it('cuts long labels with an ellipsis and leaves short ones alone', () => {
    assert.equal(truncate('Ким Елена', 20), 'Ким Елена');
    assert.equal(truncate('Нурмухаметов Айдар Рустемович', 14), 'Нурмухаметов…');
  });
});
