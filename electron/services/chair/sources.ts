import type { Db } from '../../db/connection.ts';
import type { ContestDefinition } from '../../../shared/domain/contest.ts';
import type { ResultBundle } from '../../../shared/formats/payloads.ts';
import type { OpenedPackage } from '../package/contest-package.ts';
import { latestContest } from './coverage.ts';
import { judgeContext } from './intake.ts';
import type { MergeSources } from './merge.ts';
import type { Tie } from './results.ts';

export interface HeldTie extends Tie {
  id: number;
  decidedAt: string;
}

/** The chair's tie decisions, oldest first. */
export function heldTies(db: Db): HeldTie[] {
  const rows = db.prepare('SELECT id, nomination_id, category_id, entry_ids, reason, decided_at FROM tie_decisions ORDER BY id').all() as {
    id: number;
    nomination_id: string;
    category_id: string | null;
    entry_ids: string;
    reason: string;
    decided_at: string;
  }[];
  return rows.map((r) => ({ id: r.id, nominationId: r.nomination_id, categoryId: r.category_id, entryIds: JSON.parse(r.entry_ids) as string[], reason: r.reason, decidedAt: r.decided_at }));
}

/** Everything a chair's workspace holds that results are computed from: packages, the bundles that stand, keys, ties. */
export function chairSources(db: Db): Omit<MergeSources, 'ties'> & { contest: ContestDefinition; packages: OpenedPackage[]; ties: HeldTie[] } {
  const { packages, confirmedKeys } = judgeContext(db);
  const contest = latestContest(db, packages);
  const rows = db.prepare("SELECT digest, expert_id, sequence, draft FROM bundles WHERE status = 'current' ORDER BY expert_id").all() as { digest: string; expert_id: string; sequence: number; draft: number }[];
  const marks = db.prepare('SELECT expert_id, entry_id, criterion_id, value, comment FROM bundle_marks ORDER BY expert_id, entry_id, criterion_id').all() as {
    expert_id: string;
    entry_id: string;
    criterion_id: string;
    value: number;
    comment: string;
  }[];
  const byExpert = new Map<string, ResultBundle['marks']>();
  for (const m of marks) {
    const list = byExpert.get(m.expert_id) ?? [];
    if (list.length === 0) byExpert.set(m.expert_id, list);
    list.push({ entryId: m.entry_id, criterionId: m.criterion_id, value: m.value, comment: m.comment });
  }
  const bundles = rows.map((r) => ({ expertId: r.expert_id, sequence: r.sequence, digest: r.digest, draft: r.draft === 1, marks: byExpert.get(r.expert_id) ?? [] }));
  return { contest, packages, bundles, confirmedKeys: confirmedKeys ?? new Map(), ties: heldTies(db) };
}
