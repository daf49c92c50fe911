import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ContestInfo} from '../../../shared/domain/contest.ts';
import { Entry, Expert, type ConflictDecision } from '../../../shared/domain/contest.ts';
import {
  ContestInfoInput,
  EntryInput,
  ExpertInput,
  NominationInput,
  type AssignmentMatrix,
  type AssignmentScope,
  type EditorOverview,
  type EntryView,
  type ExpertView,
} from '../../../shared/domain/editor.ts';
import { readContest, toContestInfo, toExpert, type ContestRow, type ExpertRow } from '../../db/queries/contest.ts';
import { refreshConflicts } from '../../db/queries/conflicts.ts';
import { editorQueries, type EditorQueries } from '../../db/queries/editor.ts';
import { decideConflict, readMatrix, setAssignment } from './assignments.ts';
import { deleteEntry, deleteExpert, importItems, listEntries, saveEntry } from './items.ts';
import { deleteNomination, moveNomination, readNomination, saveNomination } from './nominations.ts';

/** How the editor shows an enrolled key; supplied by the signing layer. */
export type Fingerprint = (publicKeyBase64: string) => string;

/**
 * The organiser's edits to the contest in a workspace. Every write validates its input with the
 * contest definition's schemas, runs in one transaction, and keeps the derived conflicts of
 * interest up to date. A workspace made from a contest package (an expert's) is read-only.
 */
export class ContestEditor {
  private readonly db: Db;
  private readonly q: EditorQueries;
  private readonly now: () => string;
  private readonly fingerprint: Fingerprint;

  constructor(db: Db, now: () => string, fingerprint: Fingerprint) {
    this.db = db;
    this.q = editorQueries(db);
    this.now = now;
    this.fingerprint = fingerprint;
  }

  private writable(): void {
    const kind = (this.db.prepare("SELECT value FROM meta WHERE key = 'kind'").get() as { value: string } | undefined)?.value;
    if (kind === 'expert' || kind === 'chair') throw new AppError('editor.readOnly');
  }

  /** A fresh id, unused by any nomination, category, criterion, entry or expert. */
  private readonly newId = (prefix: string): string => {
    for (;;) {
      const id = `${prefix}-${randomBytes(5).toString('hex')}`;
      if (!this.q.idTaken(id)) return id;
    }
  };

  private contestRow(): ContestRow {
    const row = this.db.prepare('SELECT * FROM contests LIMIT 1').get() as ContestRow | undefined;
    if (!row) throw new AppError('workspace.notOpen');
    return row;
  }

  overview(): EditorOverview {
    const def = readContest(this.db);
    if (!def) throw new AppError('workspace.notOpen');
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      info: def.contest,
      nominations: def.nominations,
      counts: { entries: def.entries.length, experts: def.experts.length, enrolled: count('SELECT count(*) AS n FROM enrolments') },
      lastRevision: (this.db.prepare('SELECT max(revision) AS r FROM publications').get() as { r: number | null }).r,
    };
  }

  saveInfo(input: unknown): ContestInfo {
    this.writable();
    const info = ContestInfoInput.parse(input);
    const id = this.contestRow().id;
    this.db
      .prepare('UPDATE contests SET title = ?, year = ?, place = ?, starts_on = ?, ends_on = ?, description = ?, is_demo = ? WHERE id = ?')
      .run(info.title, info.year, info.place, info.startsOn, info.endsOn, info.description, info.isDemo ? 1 : 0, id);
    return toContestInfo(this.contestRow());
  }

  saveNomination(input: unknown) {
    this.writable();
    return saveNomination(this.db, this.q, NominationInput.parse(input), this.newId, this.contestRow().id);
  }

  deleteNomination(id: string): void {
    this.writable();
    deleteNomination(this.db, this.q, id);
  }

  moveNomination(id: string, delta: -1 | 1): void {
    this.writable();
    moveNomination(this.db, id, delta);
  }

  nomination(id: string) {
    return readNomination(this.db, id);
  }

  entries(nominationId: string | null): EntryView[] {
    return listEntries(this.db, this.q, nominationId);
  }

  saveEntry(input: unknown): Entry {
    this.writable();
    const parsed = EntryInput.parse(input);
    const entry = Entry.parse({ ...parsed, id: parsed.id ?? this.newId('entry') });
    this.db.transaction(() => {
      saveEntry(this.db, this.q, entry);
      refreshConflicts(this.db, this.now(), { entryId: entry.id });
    })();
    return entry;
  }

  deleteEntry(id: string): void {
    this.writable();
    deleteEntry(this.db, this.q, id);
  }

  experts(): ExpertView[] {
    const enrolments = new Map(
      (this.db.prepare('SELECT expert_id, public_key, enrolled_at, confirmed_at FROM enrolments').all() as { expert_id: string; public_key: string; enrolled_at: string; confirmed_at: string }[]).map((e) => [
        e.expert_id,
        { fingerprint: this.fingerprint(e.public_key), enrolledAt: e.enrolled_at, confirmedAt: e.confirmed_at },
      ]),
    );
    const marks = this.q.expertMarkCounts();
    return (this.db.prepare('SELECT * FROM experts ORDER BY position').all() as ExpertRow[]).map((r) => ({
      ...toExpert(r),
      enrolment: enrolments.get(r.id) ?? null,
      marks: marks.get(r.id) ?? 0,
    }));
  }

  saveExpert(input: unknown): Expert {
    this.writable();
    const parsed = ExpertInput.parse(input);
    const expert = Expert.parse({ ...parsed, id: parsed.id ?? this.newId('expert') });
    this.db.transaction(() => {
      this.q.saveExpert(expert);
      refreshConflicts(this.db, this.now(), { expertId: expert.id });
    })();
    return expert;
  }

  deleteExpert(id: string): void {
    this.writable();
    deleteExpert(this.db, this.q, id);
  }

  /** Imports validated items, giving new ones their ids; all or none. Returns how many. */
  importItems(kind: 'entries' | 'experts', items: (Entry | Expert)[]): number {
    this.writable();
    this.db.transaction(() => {
      importItems(this.db, this.q, kind, items);
      refreshConflicts(this.db, this.now());
    })();
    return items.length;
  }

  /** An id for an imported item (import converts rows before they are stored). */
  idFor(kind: 'entries' | 'experts'): string {
    return this.newId(kind === 'entries' ? 'entry' : 'expert');
  }

  matrix(nominationId: string, categoryId: string | null): AssignmentMatrix {
    return readMatrix(this.db, nominationId, categoryId);
  }

  setAssignment(expertId: string, scope: AssignmentScope, assigned: boolean): void {
    this.writable();
    setAssignment(this.db, expertId, scope, assigned);
  }

  decideConflict(expertId: string, entryId: string, decision: Pick<ConflictDecision, 'kind' | 'reason'> | null): void {
    this.writable();
    this.db.transaction(() => {
      decideConflict(this.db, expertId, entryId, decision, this.now());
      refreshConflicts(this.db, this.now(), { expertId, entryId });
    })();
  }
}
