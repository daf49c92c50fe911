/*
 * Geometry for the chair's statistics charts: plain functions of numbers, so they are tested
 * under Node and the components only draw what these give them.
 */

/** Maps `domain` onto `range` linearly; a degenerate domain maps everything to the middle of the range. */
export function linear([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (x: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (x) => r0 + (x - d0) * k;
}

/**
 * Round tick values from `min` to `max`, at most `most` of them, on a step of 1, 2 or 5 × 10ⁿ.
 * Ticks are rounded to the step's decimals so that 0.1 + 0.2 prints as 0.3.
 */
export function niceTicks(min: number, max: number, most = 6): number[] {
  if (!(max > min) || most < 2) return [min];
  const rough = (max - min) / (most - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(decimals)));
  return ticks;
}

/**
 * Lanes for a strip of dots so that dots closer than `gap` do not hide each other: the lane of
 * each value, in the order given, as 0, −1, 1, −2, 2 … from the middle of the strip. Values are
 * placed from the lowest; each takes the first lane whose last dot is at least `gap` below it.
 * Beyond `most` lanes dots share the least crowded lane (some overlap beats leaving the row).
 */
export function lanes(values: readonly number[], gap: number, most = 5): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const last: number[] = [];
  const result = new Array<number>(values.length).fill(0);
  for (const { v, i } of order) {
    let lane = last.findIndex((x) => v - x >= gap);
    if (lane === -1) lane = last.length < most ? last.length : last.indexOf(Math.min(...last));
    last[lane] = v;
    result[i] = lane % 2 === 0 ? lane / 2 : -(lane + 1) / 2;
  }
  return result;
}

/** A bar of a histogram: a single value (from = to) or the range [from, to), the last one closed. */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/**
 * How often each mark occurs on a criterion's scale. A scale of at most 21 values (min, min + step,
 * …, max) gets one bar per value; a finer one gets `parts` bars of equal width. Values outside the
 * scale are counted in the nearest bar.
 */
export function histogram(values: readonly number[], scale: { min: number; max: number; step: number }, parts = 10): Bin[] {
  const { min, max, step } = scale;
  const steps = Math.round((max - min) / step);
  if (steps + 1 <= 21) {
    // Each value rounded to the step's own decimals, so 0.1 + 0.2 labels a bar 0.3.
    const decimals = Math.max(0, ...[min, step].map((x) => (String(x).split('.')[1] ?? '').length));
    const bins = Array.from({ length: steps + 1 }, (_, i) => {
      const at = Number((min + i * step).toFixed(decimals));
      return { from: at, to: at, count: 0 };
    });
    for (const v of values) {
      const bin = bins[Math.min(Math.max(Math.round((v - min) / step), 0), steps)];
      if (bin) bin.count += 1;
    }
    return bins;
  }
  const width = (max - min) / parts;
  const bins = Array.from({ length: parts }, (_, i) => ({ from: min + i * width, to: i === parts - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const v of values) {
    const bin = bins[Math.min(Math.max(Math.floor((v - min) / width), 0), parts - 1)];
    if (bin) bin.count += 1;
  }
  return bins;
}

/** The mean of some numbers; null for none. */
export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * A signed difference as people write it: "+6,4", "−6,4" (a real minus sign) or "0". `format`
 * writes a magnitude in the user's language; a value that rounds to zero there gets no sign.
 */
export function signed(value: number, format: (magnitude: number) => string): string {
  const text = format(Math.abs(value));
  if (/^[0.,\s]*$/.test(text)) return text;
  return `${value < 0 ? '\u2212' : '+'}${text}`;
}

/** A label cut to `most` characters with an ellipsis, for a chart with no room to wrap text. */
export function truncate(text: string, most: number): string {
  const chars = [...text];
  return chars.length <= most ? text : `${chars.slice(0, most - 1).join('').trimEnd()}…`;
}
