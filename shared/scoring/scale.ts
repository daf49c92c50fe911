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

// Steps like 0.1 are not exact in binary; a value counts as on-step when it is within this
// fraction of a step from a grid point. Far below any step a contest would use.
const STEP_TOLERANCE = 1e-9;

/** Checks `value` against `scale`; returns the first problem found, or null. */
export function scaleProblem(value: number, scale: Scale): ScaleProblem | null {
  if (!Number.isFinite(value)) return 'notNumber';
  if (value < scale.min - STEP_TOLERANCE * scale.step) return 'belowMin';
  if (value > scale.max + STEP_TOLERANCE * scale.step) return 'aboveMax';
  const steps = (value - scale.min) / scale.step;
  if (Math.abs(steps - Math.round(steps)) > STEP_TOLERANCE * Math.max(1, Math.abs(steps))) return 'offStep';
  return null;
}

/** Snaps a value that passed `scaleProblem` to the exact grid value, so 0.30000000000000004 is stored as 0.3. */
export function snapToScale(value: number, scale: Scale): number {
  const steps = Math.round((value - scale.min) / scale.step);
  return Number((scale.min + steps * scale.step).toPrecision(12));
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
