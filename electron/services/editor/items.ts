import type { Db } from '../../db/connection.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Entry, Expert } from '../../../shared/domain/contest.ts';
import type { EntryView } from '../../../shared/domain/editor.ts';
import { groupBy, toEntry, type EntryRow, type MaterialRow } from '../../db/queries/contest.ts';
import type { EditorQueries } from '../../db/queries/editor.ts';

/** Entries in contest order (of one nomination, when given), each with how many marks it has. */
export function listEntries(db: Db, q: EditorQueries, nominationId: string | null): EntryView[] {
  const rows = (nominationId === null
    ? db.prepare('SELECT * FROM entries ORDER BY position').all()
    : db.prepare('SELECT * FROM entries WHERE nomination_id = ? ORDER BY position').all(nominationId)) as EntryRow[];
  const materials = groupBy(db.prepare('SELECT * FROM entry_materials ORDER BY entry_id, position').all() as MaterialRow[], (m) => m.entry_id);
  const marks = q.entryMarkCounts();
  return rows.map((r) => ({ ...toEntry(r, materials.get(r.id) ?? []), marks: marks.get(r.id) ?? 0 }));
}

/** The entry's nomination must exist and its category, if any, must belong to that nomination. */
export function checkPlace(db: Db, entry: Pick<Entry, 'nominationId' | 'categoryId' | 'title'>): void {
  if (!db.prepare('SELECT 1 FROM nominations WHERE id = ?').get(entry.nominationId)) {
    throw new AppError('scoring.unknownNomination', { nominationId: entry.nominationId });
  }
  if (entry.categoryId !== null && !db.prepare('SELECT 1 FROM categories WHERE id = ? AND nomination_id = ?').get(entry.categoryId, entry.nominationId)) {
    throw new AppError('scoring.unknownCategory', { categoryId: entry.categoryId, nominationId: entry.nominationId });
  }
}

/** Saves an entry; an entry that has marks keeps its nomination (its marks belong to those criteria). */
export function saveEntry(db: Db, q: EditorQueries, entry: Entry): void {
  checkPlace(db, entry);
  const before = db.prepare('SELECT nomination_id AS n FROM entries WHERE id = ?').get(entry.id) as { n: string } | undefined;
  if (before && before.n !== entry.nominationId) {
    const count = q.marksOfEntry(entry.id);
    if (count > 0) throw new AppError('editor.entryHasMarks', { entry: entry.title, count });
  }
  q.saveEntry(entry);
}

export function deleteEntry(db: Db, q: EditorQueries, id: string): void {
  const row = db.prepare('SELECT title FROM entries WHERE id = ?').get(id) as { title: string } | undefined;
  if (!row) throw new AppError('scoring.unknownEntry', { entryId: id });
  const count = q.marksOfEntry(id);
  if (count > 0) throw new AppError('editor.entryHasMarks', { entry: row.title, count });
  db.prepare('DELETE FROM entries WHERE id = ?').run(id);
}

export function deleteExpert(db: Db, q: EditorQueries, id: string): void {
  const row = db.prepare('SELECT name FROM experts WHERE id = ?').get(id) as { name: string } | undefined;
  if (!row) throw new AppError('scoring.unknownExpert', { expertId: id });
  const count = q.marksOfExpert(id);
  if (count > 0) throw new AppError('editor.expertHasMarks', { expert: row.name, count });
  db.transaction(() => {
    db.prepare("DELETE FROM meta WHERE key = 'scorer_expert_id' AND value = ?").run(id);
    db.prepare('DELETE FROM conflicts WHERE expert_id = ?').run(id);
    db.prepare('DELETE FROM experts WHERE id = ?').run(id);
  })();
}

/** Adds many entries or experts at once: all of them or, on any failure, none. */
export function importItems(db: Db, q: EditorQueries, kind: 'entries' | 'experts', items: (Entry | Expert)[]): void {
  db.transaction(() => {
    for (const item of items) {
      if (kind === 'entries') {
        checkPlace(db, item as Entry);
        q.saveEntry(item as Entry);
      } else {
        q.saveExpert(item as Expert);
      }
    }
  })();
}
