import type { Db } from '../../db/connection.ts';
import { groupTitle } from '../../../shared/domain/chair.ts';
import { AppError } from '../../../shared/errors.ts';
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
 * Records the chair's order for entries the tie-break chain left tied. The entries must be exactly
 * one group still tied in the current results, and the reason is required: both go into the audit
 * log and into the signed results.
 */
export function decideTie(db: Db, request: TieRequest, now: string): number {
  const reason = request.reason.trim();
  const { results, sources } = currentResults(db);
  const group = results.find((r) => r.nominationId === request.nominationId && r.categoryId === request.categoryId);
  const title = groupTitle(sources.contest, request.nominationId, request.categoryId);
  if (!group) throw new AppError('tie.unknownGroup', { group: title });
  const wanted = [...request.entryIds].sort().join('\0');
  if (!group.unresolvedTies.some((tie) => [...tie].sort().join('\0') === wanted)) throw new AppError('tie.notTied', { group: title });
  if (reason === '') throw new AppError('tie.reasonRequired');
  return db.transaction(() => {
    const id = Number(
      db.prepare('INSERT INTO tie_decisions (nomination_id, category_id, entry_ids, reason, decided_at) VALUES (?, ?, ?, ?, ?)').run(request.nominationId, request.categoryId, JSON.stringify(request.entryIds), reason, now)
        .lastInsertRowid,
    );
    audit(db, now, 'tie.decided', title, { id, nominationId: request.nominationId, categoryId: request.categoryId, order: request.entryIds, reason });
    return id;
  })();
}

/** Takes a tie decision back (the tie is open again); the audit log keeps both. */
export function withdrawTie(db: Db, id: number, now: string): void {
  const row = db.prepare('SELECT nomination_id, category_id, entry_ids, reason FROM tie_decisions WHERE id = ?').get(id) as
    | { nomination_id: string; category_id: string | null; entry_ids: string; reason: string }
    | undefined;
  if (!row) throw new AppError('tie.unknownDecision', { id });
  const { sources } = currentResults(db);
  db.transaction(() => {
    db.prepare('DELETE FROM tie_decisions WHERE id = ?').run(id);
    audit(db, now, 'tie.withdrawn', groupTitle(sources.contest, row.nomination_id, row.category_id), { id, order: JSON.parse(row.entry_ids) as unknown, reason: row.reason });
  })();
}
