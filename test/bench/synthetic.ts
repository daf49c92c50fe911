import type { ContestDefinitionInput } from '../../shared/domain/contest.ts';
import { seeded } from '../../shared/random.ts';
import { snapToScale } from '../../shared/scoring/scale.ts';

/**
 * A synthetic contest of any size, and the marks its experts give, both pure functions of the size
 * and the seed: every process of the benchmark (and the raw-insert baseline) rebuilds the same rows
 * without passing them around. Names say they are synthetic; no region or organisation of an
 * expert equals an entry's, so no automatic conflict of interest removes a mark.
 */

export interface BenchSize {
  experts: number;
  entries: number;
  criteria: number;
  /** Experts per entry. */
  perEntry: number;
  /** Categories of the single nomination; entries fill them in contiguous blocks (0: no categories, one list). */
  categories: number;
  seed: number;
}

export const NOMINATION = 'nom-bench';
export const expertId = (x: number): string => `x${String(x + 1).padStart(5, '0')}`;
export const entryId = (e: number): string => `e${String(e + 1).padStart(6, '0')}`;
export const criterionId = (c: number): string => `c${String(c + 1).padStart(3, '0')}`;
export const categoryId = (k: number): string => `cat-${k + 1}`;

/** Criteria alternate between two scales and three weights, as real nominations mix them. */
export const scaleOf = (c: number) => (c % 2 === 0 ? { min: 0, max: 10, step: 1 } : { min: 1, max: 5, step: 1 });
const weightOf = (c: number): number => 1 + (c % 3);
const categoryOf = (size: BenchSize, e: number): number => Math.floor((e * size.categories) / size.entries);

/**
 * The contest definition. `assign: 'entries'` gives each entry to `perEntry` experts round-robin
 * (entry e to experts e·E … e·E+E−1 modulo N), one assignment row per expert and entry;
 * `assign: 'nomination'` gives every expert the whole nomination.
 */
export function syntheticContest(size: BenchSize, assign: 'entries' | 'nomination'): ContestDefinitionInput {
  const assignments: ContestDefinitionInput['assignments'] =
    assign === 'nomination'
      ? Array.from({ length: size.experts }, (_, x) => ({ expertId: expertId(x), nominationId: NOMINATION }))
      : Array.from({ length: size.entries }, (_, e) => expertsOf(size, e).map((x) => ({ expertId: expertId(x), entryId: entryId(e) }))).flat();
  return {
    contest: { id: 'bench', title: 'Синтетический конкурс (бенчмарк)', year: 2027, description: 'Сгенерирован test/bench: все участники и эксперты вымышлены.' },
    nominations: [
      {
        id: NOMINATION,
        title: 'Синтетическая номинация',
        minEvaluations: Math.min(3, size.perEntry),
        categories: Array.from({ length: size.categories }, (_, k) => ({ id: categoryId(k), title: `Категория ${k + 1}` })),
        criteria: Array.from({ length: size.criteria }, (_, c) => ({ id: criterionId(c), title: `Критерий ${c + 1}`, scale: scaleOf(c), weight: weightOf(c) })),
        rules: { method: 'mean', order: 'expertTotals', tieBreak: [{ kind: 'criterion', criterionId: criterionId(0) }, { kind: 'applicationDate' }] },
      },
    ],
    entries: Array.from({ length: size.entries }, (_, e) => ({
      id: entryId(e),
      nominationId: NOMINATION,
      categoryId: size.categories === 0 ? null : categoryId(categoryOf(size, e)),
      title: `Участник ${String(e + 1).padStart(6, '0')}`,
      organisation: `Синтетический МФЦ № ${e + 1}`,
      region: `Регион ${String((e % 85) + 1).padStart(2, '0')}`,
      applicationNo: `A-${e + 1}`,
      appliedOn: `2027-01-${String((e % 28) + 1).padStart(2, '0')}`,
    })),
    experts: Array.from({ length: size.experts }, (_, x) => ({
      id: expertId(x),
      name: `Эксперт ${x + 1}`,
      organisation: `Синтетическое ведомство ${(x % 40) + 1}`,
      region: 'Федеральный уровень',
    })),
    assignments,
  };
}

/** The experts of entry `e` under round-robin assignment. */
export function expertsOf(size: BenchSize, e: number): number[] {
  return Array.from({ length: size.perEntry }, (_, j) => (e * size.perEntry + j) % size.experts);
}

/** The entries of each expert under round-robin assignment, in contest order. */
export function entriesByExpert(size: BenchSize): number[][] {
  const mine: number[][] = Array.from({ length: size.experts }, () => []);
  for (let e = 0; e < size.entries; e += 1) for (const x of expertsOf(size, e)) mine[x]?.push(e);
  return mine;
}

/** The marks: each entry has a quality, each expert a severity, each mark a little noise. */
export interface MarkModel {
  value(x: number, e: number, c: number): number;
}

export function markModel(size: BenchSize): MarkModel {
  const random = seeded(size.seed);
  const quality = Float64Array.from({ length: size.entries }, () => 0.3 + random() * 0.6);
  const severity = Float64Array.from({ length: size.experts }, () => (random() - 0.5) * 0.2);
  const noise = (x: number, e: number, c: number): number => {
    // A cheap integer hash, so any process can recompute any single mark.
    let h = Math.imul(x + 1, 0x9e3779b1) ^ Math.imul(e + 1, 0x85ebca6b) ^ Math.imul(c + 1, 0xc2b2ae35) ^ size.seed;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296 - 0.5;
  };
  return {
    value(x, e, c) {
      const scale = scaleOf(c);
      const share = Math.min(1, Math.max(0, (quality[e] ?? 0.5) + (severity[x] ?? 0) + noise(x, e, c) * 0.3));
      return snapToScale(scale.min + share * (scale.max - scale.min), scale);
    },
  };
}
