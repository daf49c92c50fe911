import type { Db } from '../connection.ts';
import { autoConflictFields, conflictKey } from '../../../shared/domain/conflicts.ts';

interface PartyRow {
  id: string;
  region: string;
  organisation: string;
}

/** Groups ids by the normalised value of one field, leaving out empty values. */
function index(rows: PartyRow[], field: 'region' | 'organisation'): Map<string, PartyRow[]> {
  const map = new Map<string, PartyRow[]>();
  for (const row of rows) {
    const key = conflictKey(row[field]);
    if (key === '') continue;
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

/** Recompute for one expert, one entry, or (empty) the whole contest. */
export interface ConflictScope {
  expertId?: string;
  entryId?: string;
}

/**
 * Recomputes the derived conflicts of interest: the automatic ones (same region or organisation)
 * minus those the organiser waived, plus those the organiser added. Conflicts an expert declared
 * are left as they are. Runs inside the caller's transaction when there is one.
 */
export function refreshConflicts(db: Db, now: string, scope: ConflictScope = {}): void {
  const experts = db.prepare(`SELECT id, region, organisation FROM experts ${scope.expertId ? 'WHERE id = @expertId' : ''}`).all(scope) as PartyRow[];
  const entries = db.prepare(`SELECT id, region, organisation FROM entries ${scope.entryId ? 'WHERE id = @entryId' : ''}`).all(scope) as PartyRow[];
  const where = [scope.expertId ? 'expert_id = @expertId' : '', scope.entryId ? 'entry_id = @entryId' : ''].filter(Boolean);
  const decisions = db.prepare(`SELECT expert_id, entry_id, kind, reason, decided_at FROM conflict_decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).all(scope) as {
    expert_id: string;
    entry_id: string;
    kind: 'conflict' | 'waiver';
    reason: string;
    decided_at: string;
  }[];
  const waived = new Set(decisions.filter((d) => d.kind === 'waiver').map((d) => `${d.expert_id}\0${d.entry_id}`));
  const byRegion = index(entries, 'region');
  const byOrganisation = index(entries, 'organisation');
  const insert = db.prepare('INSERT OR REPLACE INTO conflicts (expert_id, entry_id, source, reason, created_at) VALUES (?, ?, ?, ?, ?)');
  const declared = db.prepare("SELECT 1 FROM conflicts WHERE expert_id = ? AND entry_id = ? AND source = 'declared'");

  db.transaction(() => {
    db.prepare(`DELETE FROM conflicts WHERE source IN ('auto', 'organiser') ${where.length ? `AND ${where.join(' AND ')}` : ''}`).run(scope);
    for (const expert of experts) {
      const candidates = new Map<string, PartyRow>();
      for (const entry of [...(byRegion.get(conflictKey(expert.region)) ?? []), ...(byOrganisation.get(conflictKey(expert.organisation)) ?? [])]) {
        candidates.set(entry.id, entry);
      }
      for (const entry of candidates.values()) {
        if (waived.has(`${expert.id}\0${entry.id}`) || declared.get(expert.id, entry.id)) continue;
        insert.run(expert.id, entry.id, 'auto', autoConflictFields(expert, entry).join(','), now);
      }
    }
    for (const d of decisions) {
      if (d.kind === 'conflict' && !declared.get(d.expert_id, d.entry_id)) insert.run(d.expert_id, d.entry_id, 'organiser', d.reason, d.decided_at);
    }
  })();
}
