import type { CategoryInput, Evaluation, Panel } from '../../shared/scoring/evaluations.ts';

/*
 * The straightforward implementations the fast ones must agree with, bit for bit: the order of ids
 * read code point by code point, and the panel found by asking every entry × every expert of the
 * category for its marks. Kept here, in the tests only, as the definition of what is right.
 */

/** Unicode code-point order, one code point at a time. */
export function referenceCompareIds(a: string, b: string): number {
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

/** Σ weight × mark and the 0–100 total of one expert's marks on an entry, or null until every criterion has one. */
function expertScore(criteria: CategoryInput['criteria'], marks: ReadonlyMap<string, number>): { total: number; normalised: number } | null {
  let total = 0;
  let gained = 0;
  let span = 0;
  for (const c of criteria) {
    const mark = marks.get(c.id);
    if (mark === undefined) return null;
    total += c.weight * mark;
    gained += c.weight * (mark - c.scale.min);
    span += c.weight * (c.scale.max - c.scale.min);
  }
  if (criteria.length === 0) return null;
  return { total, normalised: span === 0 ? 0 : (gained / span) * 100 };
}

/** The panel of docs/scoring.md §1–2, found by probing every entry × every expert. */
export function referencePanel(input: CategoryInput): Panel {
  const key = (...parts: string[]) => parts.join('\u0000');
  const criterionIds = new Set(input.criteria.map((c) => c.id));
  const entryIds = [...new Set(input.entries.map((e) => e.id))].sort(referenceCompareIds);
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
  const expertIds = [...experts].sort(referenceCompareIds);
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
  return { input, criteria: input.criteria, entryIds, expertIds, evaluations, byEntry, byExpert };
}
