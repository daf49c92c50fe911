import type { Db } from '../../db/connection.ts';
import { groupTitle } from '../../../shared/domain/chair.ts';
import { namedEntries, settleTies, type ContestNames } from '../../../shared/domain/ties.ts';
import { AppError } from '../../../shared/errors.ts';
import type { CategoryResult } from '../../../shared/formats/payloads.ts';
import { audit } from './audit.ts';
import { currentResults } from './views.ts';

export interface TieRequest {
  nominationId: string;
  categoryId: string | null;
  /** The tied entries in the order the chair decided, first place first. */
  entryIds: string[];
  reason: string;
}

/**
 * What the journal says of a decision: its group, the place the tie shared, the order decided by
 * names and ids (a reader of the journal should not need the contest file), and the reason.
 */
function journalDetail(contest: ContestNames, decision: TieRequest, place: number | null, id: number): Record<string, unknown> {
  return { id, nominationId: decision.nominationId, categoryId: decision.categoryId, place, order: namedEntries(contest, decision.entryIds), reason: decision.reason };
}

/**
 * Records the chair's order for entries the tie-break chain left tied. The entries must be exactly
 * one group still tied in the current results, and the reason is required (settleTies, as for a
 * decisions file): both go into the audit log and into the signed results.
 */
export function decideTie(db: Db, request: TieRequest, now: string): number {
  const decision = { ...request, reason: request.reason.trim() };
  const { results, sources } = currentResults(db);
  const { problems, settled } = settleTies(sources.contest, results, [decision]);
  const [problem] = problems;
  if (problem) throw new AppError(problem.key, problem.params);
  return db.transaction(() => {
    const id = Number(
      db.prepare('INSERT INTO tie_decisions (nomination_id, category_id, entry_ids, reason, decided_at) VALUES (?, ?, ?, ?, ?)').run(decision.nominationId, decision.categoryId, JSON.stringify(decision.entryIds), decision.reason, now)
        .lastInsertRowid,
    );
    audit(db, now, 'tie.decided', groupTitle(sources.contest, decision.nominationId, decision.categoryId), journalDetail(sources.contest, decision, settled[0]?.tie.place ?? null, id));
    return id;
  })();
}

/**
 * The place a decision's tie shared: the first place its entries hold while it settles their tie.
 * Null for a decision the marks have overtaken (it settles nothing, so its entries' places are not its tie's).
 */
function placeOf(results: readonly CategoryResult[], decision: TieRequest, applies: boolean): number | null {
  if (!applies) return null;
  const group = results.find((r) => r.nominationId === decision.nominationId && r.categoryId === decision.categoryId);
  const places = (group?.ranked ?? []).filter((r) => decision.entryIds.includes(r.entryId) && r.place !== null).map((r) => r.place as number);
  return places.length > 0 ? Math.min(...places) : null;
}

/** Takes a tie decision back (the tie is open again); the audit log keeps both. */
export function withdrawTie(db: Db, id: number, now: string): void {
  const row = db.prepare('SELECT nomination_id, category_id, entry_ids, reason FROM tie_decisions WHERE id = ?').get(id) as
    | { nomination_id: string; category_id: string | null; entry_ids: string; reason: string }
    | undefined;
  if (!row) throw new AppError('tie.unknownDecision', { id });
  const decision = { nominationId: row.nomination_id, categoryId: row.category_id, entryIds: JSON.parse(row.entry_ids) as string[], reason: row.reason };
  const { results, sources, applied } = currentResults(db);
  const place = placeOf(results, decision, applied.some((d) => d.id === id));
  db.transaction(() => {
    db.prepare('DELETE FROM tie_decisions WHERE id = ?').run(id);
    audit(db, now, 'tie.withdrawn', groupTitle(sources.contest, row.nomination_id, row.category_id), journalDetail(sources.contest, decision, place, id));
  })();
}
