import { expertScore } from './score.ts';

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
  /** Σ weight × mark, summed in criterion order. */
  total: number;
  /** Σ weight × (mark − min) / Σ weight × (max − min) × 100. */
  normalised: number;
}

/** The complete evaluations of a category, laid out in the fixed order every computation follows. */
export interface Panel {
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
 * The one rounding rule of every reported value: `Math.round(x × 10⁶) / 10⁶` in IEEE-754 doubles.
 * x × 10⁶ is the double nearest the product; Math.round takes it to the nearest integer and a
 * product that is exactly halfway goes up, towards +∞ (0.0078125 → 0.007813, −0.0078125 →
 * −0.007812); the division gives the double nearest the 6-decimal result. −0 is reported as 0.
 */
export function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

/**
 * Groups the marks into evaluations. Marks on entries or criteria outside the category are not
 * its business and are skipped; an expert's marks on an entry count only when every criterion has
 * one (a partial evaluation would score an entry by what is missing). Two marks for the same expert,
 * entry and criterion cannot be ordered, and a value that is not a finite number cannot be sorted,
 * so both are refused (import already rejects them).
 */
export function collectEvaluations(input: CategoryInput): Panel {
  const criterionIds = new Set(input.criteria.map((c) => c.id));
  const entryIds = [...new Set(input.entries.map((e) => e.id))].sort(compareIds);
  if (entryIds.length !== input.entries.length) throw new Error('scoring: an entry is listed twice');
  const known = new Set(entryIds);
  const grouped = new Map<string, Map<string, number>>();
  const experts = new Set<string>();
  for (const m of input.marks) {
    if (!known.has(m.entryId) || !criterionIds.has(m.criterionId)) continue;
    if (!Number.isFinite(m.value)) throw new Error(`scoring: the mark of ${m.expertId} for ${m.entryId}/${m.criterionId} is not a number`);
    experts.add(m.expertId);
    const k = key(m.entryId, m.expertId);
    const marks = grouped.get(k) ?? new Map<string, number>();
    if (marks.has(m.criterionId)) throw new Error(`scoring: two marks from ${m.expertId} for ${m.entryId}/${m.criterionId}`);
    marks.set(m.criterionId, m.value);
    grouped.set(k, marks);
  }
  const expertIds = [...experts].sort(compareIds);
  const byEntry = new Map<string, Evaluation[]>(entryIds.map((id) => [id, []]));
  const byExpert = new Map<string, Evaluation[]>(expertIds.map((id) => [id, []]));
  const evaluations: Evaluation[] = [];
  for (const entryId of entryIds) {
    for (const expertId of expertIds) {
      const marks = grouped.get(key(entryId, expertId));
      const score = marks === undefined ? null : expertScore(input.criteria, marks);
      if (marks === undefined || score === null) continue;
      const ev: Evaluation = { expertId, entryId, marks: input.criteria.map((c) => marks.get(c.id) ?? 0), total: score.total, normalised: score.normalised };
      evaluations.push(ev);
      byEntry.get(entryId)?.push(ev);
      byExpert.get(expertId)?.push(ev);
    }
  }
  return { criteria: input.criteria, entryIds, expertIds, evaluations, byEntry, byExpert };
}

/** The experts who evaluated every entry of the category, by id: the complete block agreement statistics need. */
export function completeBlock(panel: Panel): string[] {
  return panel.expertIds.filter((id) => (panel.byExpert.get(id)?.length ?? 0) === panel.entryIds.length);
}
