import type { Exact } from './exact.ts';
import { scorer } from './score.ts';

export { round6 } from './exact.ts';

/**
 * Everything the scoring of one nomination × category needs (docs/scoring.md). Marks come from the
 * bundles that stand (never drafts), in any order: the result never depends on it.
 */
export interface CategoryInput {
  /** The nomination's criteria, in their order: sums over criteria run in this order. */
  criteria: { id: string; weight: number; scale: { min: number; max: number; step: number } }[];
  /** The entries of one nomination × category. */
  entries: { id: string; appliedOn: string | null; applicationNo: string | null }[];
  marks: { expertId: string; entryId: string; criterionId: string; value: number }[];
  /** Fewer evaluations than this and an entry is flagged, not ranked. */
  minEvaluations: number;
}

/** One expert's complete set of marks for one entry. */
export interface Evaluation {
  expertId: string;
  entryId: string;
  /** The marks, one per criterion, in criterion order. */
  marks: number[];
  /** The same marks, exactly: the decimals they are written as. */
  exactMarks: Exact[];
  /** Σ weight × mark, exactly (shared/scoring/exact.ts). */
  total: Exact;
  /** Σ weight × (mark − min) / Σ weight × (max − min) × 100, exactly. */
  normalised: Exact;
}

/** The complete evaluations of a category, laid out in the fixed order every computation follows. */
export interface Panel {
  /** What the panel was built from. */
  input: CategoryInput;
  criteria: CategoryInput['criteria'];
  /** The category's entries, by id. */
  entryIds: string[];
  /** Experts with at least one mark on an entry and criterion of the category, by id. */
  expertIds: string[];
  /** Every complete evaluation, by entry id, then expert id. */
  evaluations: Evaluation[];
  /** Per entry id, its evaluations by expert id (an empty list for an entry nobody evaluated). */
  byEntry: Map<string, Evaluation[]>;
  /** Per expert id, their evaluations by entry id. */
  byExpert: Map<string, Evaluation[]>;
}

/**
 * Orders two strings by Unicode code point (never by locale), so the order is the same on every
 * machine; for the ASCII ids JuryBox uses it is plain byte order.
 */
export function compareIds(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  if (i === n) {
    if (a.length === b.length) return 0;
    if (n > 0 && isSurrogate(a.charCodeAt(n - 1))) return compareCodePoints(a, b);
    return a.length < b.length ? -1 : 1;
  }
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  // Outside the surrogates a UTF-16 unit is its code point, and the prefix before it is the same
  // sequence of code points in both; only a surrogate pair needs to be read as one code point.
  if (!isSurrogate(x) && !isSurrogate(y)) return x - y;
  return compareCodePoints(a, b);
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done === true || y.done === true) return (x.done === true ? 0 : 1) - (y.done === true ? 0 : 1);
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

/**
 * Groups the marks into evaluations. Marks on entries or criteria outside the category are not
 * its business and are skipped; an expert's marks on an entry count only when every criterion has
 * one (a partial evaluation would score an entry by what is missing). Two marks for the same expert,
 * entry and criterion cannot be ordered, and a value that is not a finite number cannot be sorted,
 * so both are refused (import already rejects them).
 *
 * Build the panel once and pass it to the ranking and to every statistic: each of them takes a
 * panel in place of the input, and grouping is most of the work.
 */
export function collectEvaluations(input: CategoryInput): Panel {
  // A slot per criterion id; marks[i] of an evaluation is its mark on criteria[i], read from the slot of its id.
  const slotOf = new Map<string, number>();
  for (const c of input.criteria) if (!slotOf.has(c.id)) slotOf.set(c.id, slotOf.size);
  const order = input.criteria.map((c) => slotOf.get(c.id) ?? 0);
  const entryIds = [...new Set(input.entries.map((e) => e.id))].sort(compareIds);
  if (entryIds.length !== input.entries.length) throw new Error('scoring: an entry is listed twice');
  const { grouped, experts } = groupMarks(input.marks, entryIds, slotOf);
  const expertIds = [...experts].sort(compareIds);
  const position = new Map(expertIds.map((id, i) => [id, i]));
  const at = (id: string): number => position.get(id) ?? 0;
  const byEntry = new Map<string, Evaluation[]>(entryIds.map((id) => [id, []]));
  const byExpert = new Map<string, Evaluation[]>(expertIds.map((id) => [id, []]));
  const evaluations: Evaluation[] = [];
  const scoreOf = scorer(input.criteria);
  for (const entryId of entryIds) {
    const ofEntry = grouped.get(entryId) ?? new Map<string, Held>();
    for (const expertId of [...ofEntry.keys()].sort((a, b) => at(a) - at(b))) {
      const held = ofEntry.get(expertId);
      if (held === undefined || held.filled < slotOf.size) continue;
      const marks = order.map((slot) => held.values[slot] ?? 0);
      const score = scoreOf(marks);
      if (score === null) continue;
      const ev: Evaluation = { expertId, entryId, marks, exactMarks: score.marks, total: score.total, normalised: score.normalised };
      evaluations.push(ev);
      byEntry.get(entryId)?.push(ev);
      byExpert.get(expertId)?.push(ev);
    }
  }
  return { input, criteria: input.criteria, entryIds, expertIds, evaluations, byEntry, byExpert };
}

/** One expert's marks on one entry so far, by criterion slot (NaN where none yet). */
interface Held {
  values: Float64Array;
  filled: number;
}

/**
 * The marks of the category by entry, then expert: only the pairs that exist, so the work follows
 * the marks rather than entries × experts. Refuses a mark that is not a number and a second mark
 * for the same expert, entry and criterion.
 */
function groupMarks(marks: CategoryInput['marks'], entryIds: readonly string[], slotOf: ReadonlyMap<string, number>): { grouped: Map<string, Map<string, Held>>; experts: Set<string> } {
  const grouped = new Map<string, Map<string, Held>>(entryIds.map((id) => [id, new Map()]));
  const experts = new Set<string>();
  for (const m of marks) {
    const ofEntry = grouped.get(m.entryId);
    const slot = slotOf.get(m.criterionId);
    if (ofEntry === undefined || slot === undefined) continue;
    if (!Number.isFinite(m.value)) throw new Error(`scoring: the mark of ${m.expertId} for ${m.entryId}/${m.criterionId} is not a number`);
    experts.add(m.expertId);
    let held = ofEntry.get(m.expertId);
    if (held === undefined) {
      held = { values: new Float64Array(slotOf.size).fill(Number.NaN), filled: 0 };
      ofEntry.set(m.expertId, held);
    }
    if (!Number.isNaN(held.values[slot])) throw new Error(`scoring: two marks from ${m.expertId} for ${m.entryId}/${m.criterionId}`);
    held.values[slot] = m.value;
    held.filled += 1;
  }
  return { grouped, experts };
}

/** What the ranking and the statistics take: a category's input, or its panel built once by collectEvaluations. */
export type Scorable = CategoryInput | Panel;

/** The panel of `x`: `x` itself when it already is one. */
export function panelOf(x: Scorable): Panel {
  return 'byEntry' in x ? x : collectEvaluations(x);
}

/** The experts who evaluated every entry of the category, by id: the complete block agreement statistics need. */
export function completeBlock(panel: Panel): string[] {
  return panel.expertIds.filter((id) => (panel.byExpert.get(id)?.length ?? 0) === panel.entryIds.length);
}
