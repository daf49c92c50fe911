import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RULES, type ScoringRules } from '../../../shared/domain/contest.ts';
import { seeded } from '../../../shared/random.ts';
import { scoreCategory } from '../../../shared/scoring/aggregate.ts';
import { collectEvaluations, compareIds, type CategoryInput, type Panel } from '../../../shared/scoring/evaluations.ts';
import { rankCategory, type TieDecision } from '../../../shared/scoring/rank.ts';
import { entryDisagreement, expertSeverity, icc, kendallW, methodSensitivity, outlierMarks } from '../../../shared/scoring/statistics.ts';
import { referenceCompareIds, referencePanel } from '../../helpers/scoring-reference.ts';

type Random = () => number;

const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

/** Ids from a small alphabet that makes prefixes, case and code-point order matter (an astral character, a character above the surrogates, a lone surrogate). */
function id(random: Random): string {
  const parts = ['a', 'b', 'B', 'Z', '0', '9', '-', 'é', '\uFF5E', '\u{1F600}', '\u{10000}', '\uD800', 'ab'];
  let out = pick(random, parts);
  while (random() < 0.5) out += pick(random, parts);
  return out;
}

function distinct(random: Random, n: number): string[] {
  const ids = new Set<string>();
  while (ids.size < n) ids.add(id(random));
  return [...ids];
}

/**
 * A random category: entries with and without application dates, criteria on decimal weights and
 * steps, experts who evaluate some entries fully, some partly, some not at all (a complete block
 * now and then), and marks the category must skip (another entry, another criterion).
 */
function randomCategory(random: Random): CategoryInput {
  const scales = [
    { min: 0, max: 10, step: 1 },
    { min: 0, max: 10, step: 0.5 },
    { min: 1, max: 5, step: 0.1 },
    { min: 0, max: 3, step: 1 },
  ];
  const criteria = distinct(random, 1 + Math.floor(random() * 4)).map((cid) => ({ id: cid, weight: pick(random, [1, 2, 0.1, 0.7, 1.3, 3]), scale: pick(random, scales) }));
  const entries = distinct(random, Math.floor(random() * 12)).map((eid) => ({ id: eid, appliedOn: random() < 0.2 ? null : `2024-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 3)}`, applicationNo: null }));
  const experts = distinct(random, 1 + Math.floor(random() * 8));
  const full = random() < 0.5;
  const marks: CategoryInput['marks'] = [];
  for (const entry of entries) {
    for (const expertId of experts) {
      if (!full && random() < 0.3) continue;
      for (const c of criteria) {
        if (!full && random() < 0.05) continue; // an incomplete evaluation
        const steps = Math.round((c.scale.max - c.scale.min) / c.scale.step);
        // Few distinct values, so that scores tie and the chain, the decisions and the ranks' ties are exercised.
        const value = Number((c.scale.min + Math.floor(random() * Math.min(steps + 1, 4)) * c.scale.step).toPrecision(12));
        marks.push({ expertId, entryId: entry.id, criterionId: c.id, value });
      }
    }
  }
  if (random() < 0.3) marks.push({ expertId: pick(random, experts), entryId: 'elsewhere', criterionId: criteria[0]?.id ?? 'x', value: 1 });
  if (random() < 0.3 && entries[0]) marks.push({ expertId: pick(random, experts), entryId: entries[0].id, criterionId: 'not-a-criterion', value: 1 });
  for (let i = marks.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [marks[i], marks[j]] = [marks[j] as CategoryInput['marks'][number], marks[i] as CategoryInput['marks'][number]];
  }
  return { criteria, entries, marks, minEvaluations: 1 + Math.floor(random() * 3) };
}

function randomRules(random: Random, input: CategoryInput): ScoringRules {
  const chain: ScoringRules['tieBreak'] = [];
  if (random() < 0.5 && input.criteria[0]) chain.push({ kind: 'criterion', criterionId: pick(random, input.criteria).id });
  if (random() < 0.5) chain.push({ kind: 'applicationDate' });
  return {
    ...DEFAULT_RULES,
    method: pick(random, ['mean', 'median', 'trimmed', 'normalised'] as const),
    trim: pick(random, [0, 1, 2]),
    order: pick(random, ['expertTotals', 'criterionFirst'] as const),
    tieBreak: chain,
    tolerance: pick(random, [0, 10, 30]),
  };
}

/** The message of the error `fn` throws, or null when it throws none. */
function messageOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Every result the scoring gives for a category, from its input or from a panel. */
function everything(category: CategoryInput | Panel, rules: ScoringRules, decisions: TieDecision[]): unknown {
  return {
    scores: scoreCategory(category, rules),
    ranking: rankCategory(category, rules, decisions),
    severity: expertSeverity(category),
    disagreement: entryDisagreement(category, rules.tolerance),
    outliers: outlierMarks(category),
    w: kendallW(category),
    icc: icc(category),
    sensitivity: methodSensitivity(category, rules),
  };
}

describe('the fast paths of the scoring', () => {
  it('order ids as the code-point reference does, sign and size, surrogates and prefixes included', () => {
    const random = seeded(7);
    for (let n = 0; n < 20_000; n += 1) {
      const a = id(random);
      const b = random() < 0.3 ? a + id(random) : id(random);
      assert.equal(compareIds(a, b), referenceCompareIds(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`);
      assert.equal(compareIds(b, a), referenceCompareIds(b, a), `${JSON.stringify(b)} ${JSON.stringify(a)}`);
    }
    for (const [a, b] of [['\uD83D', '\uD83D\uDE00'], ['x\uD83D', 'x\uD83D\uDE00'], ['\uFF5E', '\u{1F600}'], ['', ''], ['', 'a']] as const) {
      assert.equal(compareIds(a, b), referenceCompareIds(a, b));
      assert.equal(compareIds(b, a), referenceCompareIds(b, a));
    }
  });

  it('build the same panel as probing every entry × expert, on 300 seeded random categories', () => {
    const random = seeded(20261125);
    for (let n = 0; n < 300; n += 1) {
      const input = randomCategory(random);
      assert.deepEqual(collectEvaluations(input), referencePanel(input), `category ${n}`);
    }
  });

  it('give bit-identical results from the input, from its panel, and from the reference panel, on 300 seeded random categories', () => {
    const random = seeded(8);
    for (let n = 0; n < 300; n += 1) {
      const input = randomCategory(random);
      const rules = randomRules(random, input);
      const tied = rankCategory(referencePanel(input), rules).unresolvedTies;
      const decisions = tied.filter(() => random() < 0.7).map((ids) => ({ entryIds: [...ids].reverse(), reason: 'decided' }));
      const expected = everything(referencePanel(input), rules, decisions);
      // deepEqual is strict: numbers are compared with Object.is, so −0 and 0 differ, and so does any last bit.
      assert.deepEqual(everything(input, rules, decisions), expected, `category ${n} from its input`);
      assert.deepEqual(everything(collectEvaluations(input), rules, decisions), expected, `category ${n} from its panel`);
    }
  });

  it('refuse the same marks as the reference, with the same message', () => {
    const base = randomCategory(seeded(3));
    const entry = base.entries[0]?.id ?? 'e';
    const criterion = base.criteria[0]?.id ?? 'c';
    const input: CategoryInput = { ...base, entries: [{ id: entry, appliedOn: null, applicationNo: null }], marks: [] };
    const twice = { ...input, marks: [0, 1].map((value) => ({ expertId: 'x', entryId: entry, criterionId: criterion, value })) };
    const notANumber = { ...input, marks: [{ expertId: 'x', entryId: entry, criterionId: criterion, value: Number.NaN }] };
    const listedTwice = { ...input, entries: [...input.entries, ...input.entries] };
    for (const bad of [twice, notANumber, listedTwice]) {
      const expected = messageOf(() => referencePanel(bad));
      assert.notEqual(expected, null);
      assert.equal(messageOf(() => collectEvaluations(bad)), expected);
    }
  });
});
