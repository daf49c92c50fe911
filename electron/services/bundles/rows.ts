import type { ResultBundle } from '../../../shared/formats/payloads.ts';

/**
 * What the chair's workspace stores of a bundle: who, which, and its marks and notes as columns.
 * Columns cross from the judging thread to the storing one about ten times faster than a million
 * mark objects (structured clone), and the store binds them as they are.
 */
export interface BundleRows {
  expertId: string;
  sequence: number;
  draft: boolean;
  packageRevision: number;
  marks: { entryIds: string[]; criterionIds: string[]; values: Float64Array; comments: string[] };
  notes: { entryIds: string[]; kinds: ('comment' | 'conflict' | 'abstention')[]; texts: string[] };
}

/** The rows of a parsed bundle: its marks, then its notes (entry comments, declared conflicts, abstentions, in that order). */
export function rowsOf(bundle: ResultBundle): BundleRows {
  const { marks } = bundle;
  const notes: BundleRows['notes'] = { entryIds: [], kinds: [], texts: [] };
  const note = (entryId: string, kind: 'comment' | 'conflict' | 'abstention', text: string) => {
    notes.entryIds.push(entryId);
    notes.kinds.push(kind);
    notes.texts.push(text);
  };
  for (const c of bundle.entryComments) note(c.entryId, 'comment', c.comment);
  for (const c of bundle.conflicts) note(c.entryId, 'conflict', c.reason);
  for (const a of bundle.abstentions) note(a.entryId, 'abstention', a.reason);
  return {
    expertId: bundle.expertId,
    sequence: bundle.sequence,
    draft: bundle.draft,
    packageRevision: bundle.package.revision,
    marks: {
      entryIds: marks.map((m) => m.entryId),
      criterionIds: marks.map((m) => m.criterionId),
      values: Float64Array.from(marks, (m) => m.value),
      comments: marks.map((m) => m.comment),
    },
    notes,
  };
}
