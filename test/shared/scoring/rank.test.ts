import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RULES, type ScoringRules, type TieBreak } from '../../../shared/domain/contest.ts';
import type { CategoryInput } from '../../../shared/scoring/aggregate.ts';
import { rankCategory, type RankedEntry } from '../../../shared/scoring/rank.ts';
import { entryDisagreement, expertSeverity, icc, kendallW, methodSensitivity, outlierMarks } from '../../../shared/scoring/statistics.ts';
import { seeded } from '../../../shared/random.ts';

const ten = { min: 0, max: 10, step: 1 };
const criteria: CategoryInput['criteria'] = [
  { id: 'a', weight: 1, scale: ten },
  { id: 'b', weight: 1, scale: ten },
];

/** One entry per row: its application date and each expert's marks (a, b); null: no mark. */
function category(rows: Record<string, { on?: string | null; marks: Record<string, (number | null)[]> }>, minEvaluations = 1): CategoryInput {
  return {
    criteria,
    entries: Object.entries(rows).map(([id, row]) => ({ id, appliedOn: row.on ?? null, applicationNo: null })),
    marks: Object.entries(rows).flatMap(([entryId, row]) =>
      Object.entries(row.marks).flatMap(([expertId, values]) =>
        values.flatMap((value, i) => (value === null ? [] : [{ expertId, entryId, criterionId: criteria[i]?.id ?? '', value }])),
      ),
    ),
    minEvaluations,
  };
}
const chain = (...tieBreak: TieBreak[]): ScoringRules => ({ ...DEFAULT_RULES, tieBreak });
const places = (entries: RankedEntry[]): [string, number | null, RankedEntry['decidedBy']][] => entries.map((e) => [e.entryId, e.place, e.decidedBy]);

describe('rank a category', () => {
  // One expert; totals: A 15, P 12 (a 7, b 5), Q 12 (a 5, b 7), R 12 (a 5, b 7), D 10.
  const tied = category({
    A: { marks: { e: [8, 7] } },
    P: { on: '2024-03-02', marks: { e: [7, 5] } },
    Q: { on: '2024-03-01', marks: { e: [5, 7] } },
    R: { on: null, marks: { e: [5, 7] } },
    D: { marks: { e: [5, 5] } },
  });

  it('leaves equal scores unresolved without a chain: a shared place, listed, and the next place skipped', () => {
    const { ranked, unresolvedTies } = rankCategory(tied, chain());
    assert.deepEqual(places(ranked), [
      ['A', 1, 'score'],
      ['P', 2, null],
      ['Q', 2, null],
      ['R', 2, null],
      ['D', 5, 'score'],
    ]);
    assert.deepEqual(unresolvedTies, [['P', 'Q', 'R']]);
    assert.deepEqual(ranked[1]?.tiedWith, ['Q', 'R']);
  });

  it('breaks a tie by the higher aggregated mark on a criterion, then by the earlier application', () => {
    // b: Q 7, R 7, P 5 → {Q, R} before P. Then dates: Q 2024-03-01 before R (no date, last).
    const { ranked, unresolvedTies } = rankCategory(tied, chain({ kind: 'criterion', criterionId: 'b' }, { kind: 'applicationDate' }));
    assert.deepEqual(places(ranked), [
      ['A', 1, 'score'],
      ['Q', 2, 'tieBreak'],
      ['R', 3, 'tieBreak'],
      ['P', 4, 'tieBreak'],
      ['D', 5, 'score'],
    ]);
    assert.deepEqual(unresolvedTies, []);
    assert.deepEqual(ranked[1]?.tiedWith, ['P', 'R']);
  });

  it('breaks a tie by application date alone, an entry without a date last', () => {
    const { ranked } = rankCategory(tied, chain({ kind: 'applicationDate' }));
    assert.deepEqual(ranked.slice(1, 4).map((e) => e.entryId), ['Q', 'P', 'R']);
  });

  it('keeps what the chain cannot separate, and lets the chair decide exactly that set', () => {
    // Criterion a: P 7 before Q 5 = R 5; Q and R stay tied.
    const rules = chain({ kind: 'criterion', criterionId: 'a' });
    const open = rankCategory(tied, rules);
    assert.deepEqual(places(open.ranked).slice(1, 4), [
      ['P', 2, 'tieBreak'],
      ['Q', 3, null],
      ['R', 3, null],
    ]);
    assert.deepEqual(open.unresolvedTies, [['Q', 'R']]);
    // A decision on another set (here all three) does not apply; one on {Q, R} in any order does, in its order.
    const decided = rankCategory(tied, rules, [
      { entryIds: ['P', 'Q', 'R'], reason: 'stale' },
      { entryIds: ['R', 'Q'], reason: 'R presented the stronger portfolio at the hearing' },
    ]);
    assert.deepEqual(places(decided.ranked).slice(1, 5), [
      ['P', 2, 'tieBreak'],
      ['R', 3, 'chair'],
      ['Q', 4, 'chair'],
      ['D', 5, 'score'],
    ]);
    assert.deepEqual(decided.unresolvedTies, []);
    // Without a recorded reason a decision is not a decision.
    assert.deepEqual(rankCategory(tied, rules, [{ entryIds: ['R', 'Q'], reason: ' ' }]).unresolvedTies, [['Q', 'R']]);
  });

  it('flags an entry below the minimum evaluations instead of ranking it', () => {
    // minEvaluations 2. X: e1, e2 complete. Y: e1 complete, e2 marked only a (not an evaluation) → 1 → flagged,
    // although its score 20 is the highest. Z: e1, e2 complete → ranked 2nd; no place is left empty for Y.
    const input = category(
      {
        X: { marks: { e1: [8, 8], e2: [6, 6] } },
        Y: { marks: { e1: [10, 10], e2: [10, null] } },
        Z: { marks: { e1: [5, 5], e2: [5, 5] } },
      },
      2,
    );
    const { ranked, flagged } = rankCategory(input, DEFAULT_RULES);
    assert.deepEqual(places(ranked), [
      ['X', 1, 'score'],
      ['Z', 2, 'score'],
    ]);
    assert.deepEqual(flagged.map((e) => [e.entryId, e.place, e.evaluations, e.score]), [['Y', null, 1, 20]]);
  });
});

describe('the worked example of docs/scoring.md', () => {
  it('ranks P before Q on criterion a and flags R', () => {
    // a: weight 2, b: weight 1, both 0–10; mean of expert totals; chain: criterion a, then application date; minimum 2.
    //   P: e1 (8, 6) = 22, e2 (7, 8) = 22, e3 (9, 4) = 22 → 22;  a: (8 + 7 + 9)/3 = 8
    //   Q: e1 (6, 9) = 21, e2 (8, 7) = 23, e3 (7, 8) = 22 → 22;  a: (6 + 8 + 7)/3 = 7
    //   R: e1 (9, 9) = 27, e2 marked only a → 1 evaluation < 2 → flagged
    // Normalised: 22 / 30 × 100 = 73.333333.
    const weighted: CategoryInput['criteria'] = [
      { id: 'a', weight: 2, scale: ten },
      { id: 'b', weight: 1, scale: ten },
    ];
    const marks = (expertId: string, entryId: string, a: number, b: number | null) => [
      { expertId, entryId, criterionId: 'a', value: a },
      ...(b === null ? [] : [{ expertId, entryId, criterionId: 'b', value: b }]),
    ];
    const input: CategoryInput = {
      criteria: weighted,
      entries: [
        { id: 'P', appliedOn: '2024-02-01', applicationNo: null },
        { id: 'Q', appliedOn: '2024-01-15', applicationNo: null },
        { id: 'R', appliedOn: null, applicationNo: null },
      ],
      marks: [marks('e1', 'P', 8, 6), marks('e2', 'P', 7, 8), marks('e3', 'P', 9, 4), marks('e1', 'Q', 6, 9), marks('e2', 'Q', 8, 7), marks('e3', 'Q', 7, 8), marks('e1', 'R', 9, 9), marks('e2', 'R', 5, null)].flat(),
      minEvaluations: 2,
    };
    const result = rankCategory(input, chain({ kind: 'criterion', criterionId: 'a' }, { kind: 'applicationDate' }));
    assert.deepEqual(result, {
      ranked: [
        { entryId: 'P', evaluations: 3, score: 22, normalised: 73.333333, criteria: { a: 8, b: 6 }, trimFallback: false, place: 1, tiedWith: ['Q'], decidedBy: 'tieBreak' },
        { entryId: 'Q', evaluations: 3, score: 22, normalised: 73.333333, criteria: { a: 7, b: 8 }, trimFallback: false, place: 2, tiedWith: ['P'], decidedBy: 'tieBreak' },
      ],
      flagged: [{ entryId: 'R', evaluations: 1, score: 27, normalised: 90, criteria: { a: 9, b: 9 }, trimFallback: false, place: null, tiedWith: [], decidedBy: null }],
      unresolvedTies: [],
    });
  });
});

function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('determinism', () => {
  it('gives bit-identical results for the same marks and entries in any order (50 seeded shuffles)', () => {
    // Decimal weights and half steps, so sums in another order would round differently in binary.
    const random = seeded(20240601);
    const half = { min: 0, max: 10, step: 0.5 };
    const input: CategoryInput = {
      criteria: [
        { id: 'c1', weight: 0.1, scale: half },
        { id: 'c2', weight: 0.7, scale: half },
        { id: 'c3', weight: 1.3, scale: { min: 1, max: 5, step: 0.1 } },
      ],
      entries: Array.from({ length: 9 }, (_, i) => ({ id: `entry-${i}`, appliedOn: `2024-0${1 + (i % 3)}-1${i % 2}`, applicationNo: null })),
      marks: [],
      minEvaluations: 3,
    };
    for (const entry of input.entries) {
      for (const expertId of ['ex-a', 'ex-b', 'ex-c', 'ex-d', 'ex-e', 'ex-f']) {
        for (const c of input.criteria) {
          if (random() < 0.04) continue; // some incomplete evaluations
          const steps = Math.round((c.scale.max - c.scale.min) / c.scale.step);
          const value = Number((c.scale.min + Math.floor(random() * (steps + 1)) * c.scale.step).toPrecision(12));
          input.marks.push({ expertId, entryId: entry.id, criterionId: c.id, value });
        }
      }
    }
    const everything = (i: CategoryInput): string =>
      JSON.stringify([
        ...(['mean', 'median', 'trimmed', 'normalised'] as const).flatMap((method) =>
          (['expertTotals', 'criterionFirst'] as const).map((order) => {
            const rules: ScoringRules = { ...DEFAULT_RULES, method, order, tieBreak: [{ kind: 'criterion', criterionId: 'c3' }, { kind: 'applicationDate' }] };
            return [rankCategory(i, rules, [{ entryIds: ['entry-1', 'entry-2'], reason: 'r' }]), methodSensitivity(i, rules)];
          }),
        ),
        [expertSeverity(i), entryDisagreement(i, 20), outlierMarks(i), kendallW(i), icc(i)],
      ]);
    const reference = everything(input);
    for (let n = 0; n < 50; n += 1) {
      assert.equal(everything({ ...input, marks: shuffled(input.marks, random), entries: shuffled(input.entries, random) }), reference, `shuffle ${n}`);
    }
  });
});
