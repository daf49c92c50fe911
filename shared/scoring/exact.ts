/*
 * Exact arithmetic for the scoring (docs/scoring.md §1, §5). Marks, weights and scale bounds are
 * decimals with a few places, but a binary double cannot hold 0.1 or 0.7, so (0.7 + 0.7 + 0.7) / 3
 * is not 0.7 in floating point, and a difference of one ulp can become a whole standard deviation or
 * flip a half when rounding. Here every value is the decimal it is written as, kept as a fraction of
 * BigInts: sums, means, medians, variances and ratios are exact, equality and zero are exact, and
 * rounding sees the true 7th decimal. Only square roots leave this arithmetic (the normalised
 * method), and they say so where they do.
 */

/** A rational number p / q in lowest terms, q > 0. Values are immutable; equal values have equal p and q. */
export interface Exact {
  readonly p: bigint;
  readonly q: bigint;
}

export const ZERO: Exact = { p: 0n, q: 1n };

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** 2⁵³: integers up to it are exact doubles. */
const SAFE = 2n ** 53n;

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** p / q in lowest terms (q ≠ 0). */
export function ratio(p: bigint, q: bigint): Exact {
  if (q === 0n) throw new RangeError('division by zero');
  if (q < 0n) [p, q] = [-p, -q];
  if (q === 1n) return { p, q };
  const g = gcd(p, q);
  return g === 1n ? { p, q } : { p: p / g, q: q / g };
}

export const integer = (n: number | bigint): Exact => ({ p: BigInt(n), q: 1n });

const POWERS = [1n];
/** 10ⁿ, kept once computed. */
function tenTo(n: number): bigint {
  while (POWERS.length <= n) POWERS.push((POWERS.at(-1) ?? 1n) * 10n);
  return POWERS[n] ?? 1n;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The decimal a number is written as: its shortest round-trip form (what `String(x)` prints, so
 * 0.1 is 1/10, not the binary 0.1000000000000000055…). A mark, weight or bound typed as a decimal
 * is exactly that decimal again.
 */
export function decimalOf(x: number): Exact {
  if (!Number.isFinite(x)) throw new RangeError(`${x} is not a finite number`);
  const match = DECIMAL.exec(String(x));
  if (!match) throw new RangeError(`cannot read ${x} as a decimal`);
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const shift = Number(exponent) - fraction.length;
  const digits = BigInt(sign + whole + fraction);
  return shift >= 0 ? integer(digits * tenTo(shift)) : ratio(digits, tenTo(-shift));
}

// Marks, weights and bounds take few distinct values; reading each once keeps a million marks fast.
const parsed = new Map<number, Exact>();
const PARSED_LIMIT = 100_000;

/** decimalOf, remembered: for the inputs (marks, weights, bounds), which repeat. */
export function exact(x: number): Exact {
  const known = parsed.get(x);
  if (known !== undefined) return known;
  const value = decimalOf(x);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(x, value);
  return value;
}

export function add(a: Exact, b: Exact): Exact {
  return a.q === b.q ? ratio(a.p + b.p, a.q) : ratio(a.p * b.q + b.p * a.q, a.q * b.q);
}

export const neg = (a: Exact): Exact => ({ p: -a.p, q: a.q });
export const sub = (a: Exact, b: Exact): Exact => add(a, neg(b));
export const mul = (a: Exact, b: Exact): Exact => ratio(a.p * b.p, a.q * b.q);
export const div = (a: Exact, b: Exact): Exact => ratio(a.p * b.q, a.q * b.p);
export const isZero = (a: Exact): boolean => a.p === 0n;
export const sign = (a: Exact): -1 | 0 | 1 => (a.p < 0n ? -1 : a.p > 0n ? 1 : 0);

/** Negative, zero or positive as a is below, equal to or above b. */
export function compare(a: Exact, b: Exact): number {
  if (a.q === b.q) return a.p < b.p ? -1 : a.p > b.p ? 1 : 0;
  const d = a.p * b.q - b.p * a.q;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/**
 * The exact sum. Being exact, it is the same in any order. Kept over a common denominator as it
 * goes (decimals share powers of ten), reduced once at the end.
 */
export function sum(xs: Iterable<Exact>): Exact {
  let p = 0n;
  let q = 1n;
  for (const x of xs) {
    if (x.q === q) p += x.p;
    else if (q % x.q === 0n) p += x.p * (q / x.q);
    else {
      const common = (q / gcd(q, x.q)) * x.q;
      p = p * (common / q) + x.p * (common / x.q);
      q = common;
    }
  }
  return ratio(p, q);
}

/** Σ a[i] × b[i], in one exact sum. */
export function dot(a: readonly Exact[], b: readonly Exact[]): Exact {
  return sum(a.map((x, i) => mul(x, b[i] ?? ZERO)));
}

/** The mean of one or more values. */
export function meanOf(xs: readonly Exact[]): Exact {
  if (xs.length === 0) throw new RangeError('mean of no values');
  return div(sum(xs), integer(xs.length));
}

/** x², without looking for a common factor: the square of a fraction in lowest terms is in lowest terms. */
export const square = (x: Exact): Exact => ({ p: x.p * x.p, q: x.q * x.q });

/** The population variance Σ (x − mean)² / n, as (n Σx² − (Σx)²) / n². Zero exactly when every value is the same. */
export function varianceOf(xs: readonly Exact[]): Exact {
  if (xs.length === 0) throw new RangeError('variance of no values');
  const n = integer(xs.length);
  const total = sum(xs);
  return div(sub(mul(n, sum(xs.map(square))), square(total)), square(n));
}

/** a − b as the nearest double, without reducing the exact difference first (for z-scores, which are doubles anyway). */
export function difference(a: Exact, b: Exact): number {
  return a.q === b.q ? toNumber({ p: a.p - b.p, q: a.q }) : toNumber({ p: a.p * b.q - b.p * a.q, q: a.q * b.q });
}

const decimalDigits = (x: bigint): number => abs(x).toString().length;

/**
 * The double nearest the value, for the one place that leaves exact arithmetic (square roots of
 * the normalised method) and for display. Correctly rounded when p and q fit in 53 bits; otherwise
 * from 20 significant digits, which is deterministic and far below anything reported.
 */
export function toNumber(a: Exact): number {
  if (abs(a.p) <= SAFE && a.q <= SAFE) return Number(a.p) / Number(a.q);
  const shift = Math.max(0, 20 - (decimalDigits(a.p) - decimalDigits(a.q)));
  return Number(`${(a.p * 10n ** BigInt(shift)) / a.q}e-${shift}`);
}

const MILLION = 1_000_000n;

/**
 * millionths as a double: the double nearest the 6-decimal value, never −0. Below 2⁵³ both m and
 * 10⁶ are exact doubles and IEEE division rounds correctly; above, the decimal string is parsed.
 */
const fromMillionths = (m: bigint): number => (m === 0n ? 0 : abs(m) <= SAFE ? Number(m) / 1e6 : Number(`${m}e-6`));

/**
 * Rounds to 6 decimals as a hand computation in decimals does: the digits after the 6th decide,
 * and a value exactly halfway goes away from zero (0.0000005 → 0.000001, −0.0000005 → −0.000001),
 * as Excel's ROUND and the school rule do. A number is first read as the decimal it is written as
 * (`exact`), so 1.0000025 is halfway although its double is a little below. Never returns −0.
 */
export function round6(x: Exact | number): number {
  const a = typeof x === 'number' ? exact(x) : x;
  const scaled = a.p * MILLION;
  let m = scaled / a.q;
  if (2n * abs(scaled % a.q) >= a.q) m += a.p < 0n ? -1n : 1n;
  return fromMillionths(m);
}

/** ⌊√n⌋ of a non-negative integer (Newton's method on BigInts). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/**
 * √a rounded to 6 decimals by the same rule, exactly: with A = p·q·10¹², √a × 10⁶ = √A / q, so the
 * rounded value is ⌊√A / q⌋ = ⌊⌊√A⌋ / q⌋, plus one when √A / q ≥ that + ½, i.e. 4A ≥ q²(2m + 1)².
 */
export function sqrtRound6(a: Exact): number {
  if (a.p < 0n) throw new RangeError('square root of a negative value');
  const big = a.p * a.q * MILLION * MILLION;
  let m = isqrt(big) / a.q;
  const up = 2n * m + 1n;
  if (4n * big >= a.q * a.q * up * up) m += 1n;
  return fromMillionths(m);
}

/** √a as a double (Math.sqrt of the nearest double): for the normalised method's σ, which has no exact value. */
export const sqrtNumber = (a: Exact): number => Math.sqrt(toNumber(a));
