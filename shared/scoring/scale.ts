import { add, compare, div, exact, integer, mul, sub, toNumber } from './exact.ts';

/**
 * A criterion's scale: marks run from `min` to `max` in steps of `step`.
 * The same check runs in the renderer (instant feedback) and on the Node side (the authority).
 */
export interface Scale {
  min: number;
  max: number;
  step: number;
}

/** Why a value is not on a scale, or null when it is. */
export type ScaleProblem = 'notNumber' | 'belowMin' | 'aboveMax' | 'offStep';

/**
 * Checks `value` against `scale`; returns the first problem found, or null. Every number is read as
 * the decimal it is written as (`exact`), so 0.7 on a step of 0.1 is on the grid, while 7.000000001,
 * 1e-300 or 10.000000001 on a 0–10 scale are not: a mark is stored as given or refused, never moved
 * to a grid point next to it, and the chair's exact arithmetic only ever sees grid values.
 */
export function scaleProblem(value: number, scale: Scale): ScaleProblem | null {
  if (!Number.isFinite(value)) return 'notNumber';
  const given = exact(value);
  const min = exact(scale.min);
  if (compare(given, min) < 0) return 'belowMin';
  if (compare(given, exact(scale.max)) > 0) return 'aboveMax';
  if (!(scale.step > 0)) return 'offStep';
  return div(sub(given, min), exact(scale.step)).q === 1n ? null : 'offStep';
}

/**
 * The grid value nearest `value` (the result of arithmetic such as a step up), computed in decimals:
 * min + n × step, so stepping 0.6 up by 0.1 gives 0.7, never 0.7000000000000001.
 */
export function snapToScale(value: number, scale: Scale): number {
  const steps = Math.round((value - scale.min) / scale.step);
  return toNumber(add(exact(scale.min), mul(integer(steps), exact(scale.step)))) || 0;
}

/** Moves `value` by `delta` steps, clamped to the scale; an empty value starts from the nearest end. */
export function stepValue(value: number | null, delta: number, scale: Scale): number {
  if (value === null) return delta > 0 ? scale.min : scale.max;
  const moved = snapToScale(value + delta * scale.step, scale);
  return Math.min(scale.max, Math.max(scale.min, moved));
}

/** Whether `step` divides the range max − min into whole steps. */
export function stepDividesRange(scale: Scale): boolean {
  return scaleProblem(scale.max, scale) === null;
}
