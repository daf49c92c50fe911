import { readFileSync } from 'node:fs';

/** Small helpers for timings: a monotonic clock in milliseconds and summaries of samples. */

export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Runs `fn` and returns its result with the milliseconds it took. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = now();
  const value = fn();
  return { value, ms: now() - start };
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
}

/** Nearest-rank percentiles (p99 of 10,000 samples is the 9,900th smallest). */
export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  const total = sorted.reduce((a, b) => a + b, 0);
  return { count: sorted.length, mean: sorted.length ? total / sorted.length : Number.NaN, p50: rank(50), p99: rank(99), max: sorted.at(-1) ?? Number.NaN, total };
}

/** Peak resident set of this process so far, in bytes: VmHWM where /proc has it, else maxRSS. */
export function peakRss(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1]) return Number(match[1]) * 1024;
  } catch {
    // Not Linux: fall back below.
  }
  return process.resourceUsage().maxRSS * 1024;
}
