import { existsSync, renameSync, rmSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { ContestDefinition, type ContestInfo } from '../../shared/domain/contest.ts';
import type {
  EntryDetail,
  EntryList,
  EntryStatus,
  ExpertRef,
  NominationProgress,
  Progress,
  SavedMark,
  WorkspaceSummary,
} from '../../shared/domain/views.ts';
import { scaleProblem, snapToScale } from '../../shared/scoring/scale.ts';
import { openDatabase, type Db } from '../db/connection.ts';
import { readContest, toContestInfo, toEntry, writeContest, type ExpertRow } from '../db/queries/contest.ts';
import { scoringQueries, type ScorerEntryRow, type ScoringQueries } from '../db/queries/scoring.ts';
import { ContestEditor } from './editor/editor.ts';
import { abstain, declareConflict, setEntryComment, setMarkComment, withdrawAbstention, withdrawConflict } from './expert/decisions.ts';
import { fingerprintOf, publicKeyFromBase64 } from './signing/keys.ts';
import { checkWriteTarget } from './user-files.ts';

const SCORER_KEY = 'scorer_expert_id';

export type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

const listItem = (r: ScorerEntryRow) => ({
  id: r.id,
  nominationId: r.nomination_id,
  categoryId: r.category_id,
  title: r.title,
  organisation: r.organisation,
  region: r.region,
  status: statusOf(r),
  marked: r.marked,
  criteria: r.criteria,
});

/** A criterion of an entry the scorer still has to finish (Workspace.unfinished). */
export interface UnfinishedCriterion {
  entryId: string;
  entryTitle: string;
  criterion: string;
  /** Null: no mark yet; else a mark below the criterion's comment threshold. */
  value: number | null;
  comment: string;
}

const toExpertRef = (r: ExpertRow): ExpertRef => ({ id: r.id, name: r.name, organisation: r.organisation, region: r.region, role: r.role });

function statusOf(row: ScorerEntryRow): EntryStatus {
  if (row.conflicted) return 'conflict';
  if (row.abstained) return 'abstained';
  if (row.marked === 0) return 'notStarted';
  return row.marked < row.criteria ? 'incomplete' : 'complete';
}

function progressOf(rows: ScorerEntryRow[]): Progress {
  const p: Progress = { assigned: 0, complete: 0, incomplete: 0, conflicted: 0, abstained: 0 };
  for (const row of rows) {
    const status = statusOf(row);
    if (status === 'conflict') {
      p.conflicted += 1;
      continue;
    }
    p.assigned += 1;
    if (status === 'complete') p.complete += 1;
    if (status === 'incomplete') p.incomplete += 1;
    if (status === 'abstained') p.abstained += 1;
  }
  return p;
}

/**
 * One contest workspace: a SQLite file holding the contest and the marks given in it. Every
 * read model the UI needs and every mark it saves go through here; the database is never
 * reached around it.
 */
export class Workspace {
  readonly path: string;
  readonly db: Db;
  /** The organiser's edits to the contest. */
  readonly editor: ContestEditor;
  private readonly q: ScoringQueries;
  private readonly clock: Clock;

  private constructor(path: string, db: Db, clock: Clock) {
    this.path = path;
    this.db = db;
    this.q = scoringQueries(db);
    this.clock = clock;
    this.editor = new ContestEditor(db, clock, (key) => fingerprintOf(publicKeyFromBase64(key)));
  }

  /** Opens an existing workspace; refuses files that are not workspaces or hold no contest. */
  static open(path: string, clock: Clock = systemClock): Workspace {
    const db = openDatabase(path);
    const ws = new Workspace(path, db, clock);
    if (!ws.q.contest()) {
      db.close();
      throw new AppError('workspace.noContest', { path });
    }
    return ws;
  }

  /**
   * Creates a workspace holding `definition`. The file appears whole or not at all: it is built
   * under a temporary name and renamed into place. An existing file is never overwritten.
   */
  static create(path: string, definition: unknown, options: { scorerId?: string; clock?: Clock; prepare?: (db: Db) => void } = {}): Workspace {
    checkWriteTarget(path);
    if (existsSync(path)) throw new AppError('workspace.exists', { path });
    const parsed = ContestDefinition.safeParse(definition);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new AppError('workspace.invalidContest', { issues });
    }
    const clock = options.clock ?? systemClock;
    const temp = `${path}.${process.pid}.partial`;
    try {
      const db = openDatabase(temp, { create: true });
      try {
        db.transaction(() => {
          writeContest(db, parsed.data, clock());
          if (options.scorerId) scoringQueries(db).setMeta(SCORER_KEY, options.scorerId);
          options.prepare?.(db);
        })();
      } finally {
        db.close();
      }
      renameSync(temp, path);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
    }
    return Workspace.open(path, clock);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The whole contest definition as stored. */
  definition(): ContestDefinition {
    const def = readContest(this.db);
    if (!def) throw new AppError('workspace.noContest', { path: this.path });
    return def;
  }

  private scorer(): ExpertRow | null {
    const id = this.q.getMeta(SCORER_KEY);
    return id === null ? null : this.q.expert(id);
  }

  private requireScorer(): ExpertRow {
    const scorer = this.scorer();
    if (!scorer) throw new AppError('scoring.noScorer');
    return scorer;
  }

  private contest(): ContestInfo {
    const row = this.q.contest();
    if (!row) throw new AppError('workspace.noContest', { path: this.path });
    return toContestInfo(row);
  }

  /** Who this workspace is for: the organiser (who builds the contest), one expert, or the chair. */
  kind(): 'organiser' | 'expert' | 'chair' {
    const kind = this.q.getMeta('kind');
    return kind === 'expert' || kind === 'chair' ? kind : 'organiser';
  }

  /** The expert this workspace scores for, when it was made from a contest package; else null. */
  expertId(): string | null {
    return this.q.getMeta('kind') === 'expert' ? this.q.getMeta(SCORER_KEY) : null;
  }

  summary(): WorkspaceSummary {
    const scorer = this.scorer();
    return {
      path: this.path,
      kind: this.kind(),
      contest: this.contest(),
      counts: this.q.counts(),
      experts: this.q.experts().map(toExpertRef),
      scorer: scorer ? toExpertRef(scorer) : null,
    };
  }

  setScorer(expertId: string): WorkspaceSummary {
    if (this.expertId() !== null) throw new AppError('scoring.fixedScorer');
    if (!this.q.expert(expertId)) throw new AppError('scoring.unknownExpert', { expertId });
    this.q.setMeta(SCORER_KEY, expertId);
    return this.summary();
  }

  /** The scorer's entries in list order; none while no scorer is chosen. */
  private scorerEntries(): ScorerEntryRow[] {
    const scorer = this.scorer();
    return scorer ? this.q.scorerEntries(scorer.id) : [];
  }

  overview(): NominationProgress[] {
    const rows = this.scorerEntries();
    const criteriaCounts = this.q.criterionCounts();
    const categories = this.q.categories();
    return this.q.nominations().map((n) => {
      const mine = rows.filter((r) => r.nomination_id === n.id);
      return {
        id: n.id,
        title: n.title,
        description: n.description,
        criteriaCount: criteriaCounts.get(n.id) ?? 0,
        categories: categories
          .filter((c) => c.nomination_id === n.id)
          .map((c) => ({ id: c.id, title: c.title, description: c.description, progress: progressOf(mine.filter((r) => r.category_id === c.id)) })),
        uncategorised: progressOf(mine.filter((r) => r.category_id === null)),
        progress: progressOf(mine),
      };
    });
  }

  private nominationAndCategory(nominationId: string, categoryId: string | null) {
    const nomination = this.q.nomination(nominationId);
    if (!nomination) throw new AppError('scoring.unknownNomination', { nominationId });
    const category = categoryId === null ? null : this.q.category(categoryId, nominationId);
    if (categoryId !== null && !category) throw new AppError('scoring.unknownCategory', { categoryId, nominationId });
    return {
      nomination: { id: nomination.id, title: nomination.title },
      category: category ? { id: category.id, title: category.title } : null,
    };
  }

  /** Every entry assigned to the scorer, in contest order, for search and filters. */
  myEntries() {
    return this.scorerEntries().map(listItem);
  }

  /** The scorer's entries in one nomination and category, in contest order: the first `first` of them, or all. */
  entries(nominationId: string, categoryId: string | null, first: number | null = null): EntryList {
    const place = this.nominationAndCategory(nominationId, categoryId);
    const scorer = this.scorer();
    if (!scorer) return { ...place, entries: [], total: 0 };
    const entries = this.q.placeEntries(scorer.id, nominationId, categoryId, first).map(listItem);
    const total = first === null || entries.length < first ? entries.length : this.q.placeCount(scorer.id, nominationId, categoryId);
    return { ...place, entries, total };
  }

  entry(entryId: string): EntryDetail {
    const row = this.q.entry(entryId);
    if (!row) throw new AppError('scoring.unknownEntry', { entryId });
    const scorer = this.scorer();
    const place = this.nominationAndCategory(row.nomination_id, row.category_id);
    const conflict = scorer ? this.q.conflict(scorer.id, entryId) : null;
    const assigned = scorer ? this.q.isAssigned(scorer.id, entryId) : false;
    // Neighbours skip conflicted and abstained entries: nothing to score there, so keyboard flow passes them by.
    const neighbours = scorer && assigned ? this.q.neighbours(scorer.id, row) : { previousId: null, nextId: null };
    return {
      entry: toEntry(row, this.q.materialsOf(entryId)),
      ...place,
      criteria: this.q.criteriaOf(row.nomination_id),
      marks: scorer ? this.q.marksOf(scorer.id, entryId).map((m) => ({ entryId, criterionId: m.criterion_id, value: m.value, comment: m.comment, savedAt: m.updated_at })) : [],
      assigned,
      conflict: conflict ? { source: conflict.source, reason: conflict.reason } : null,
      entryComment: scorer ? this.q.entryComment(scorer.id, entryId) : '',
      abstention: scorer ? this.q.abstention(scorer.id, entryId) : null,
      expertMode: this.expertId() !== null,
      ...neighbours,
    };
  }

  /**
   * What the scorer has left to do, one row per criterion of an entry they can score: no mark yet,
   * or a mark below the criterion's comment threshold (whose comment the caller checks). Conflicted
   * and abstained entries are left out. One query, whatever the number of entries.
   */
  unfinished(): UnfinishedCriterion[] {
    const scorer = this.scorer();
    if (!scorer) return [];
    return this.q.unfinished(scorer.id).map((r) => ({ entryId: r.entry_id, entryTitle: r.entry_title, criterion: r.criterion_title, value: r.value, comment: r.comment ?? '' }));
  }

  /**
   * Saves one of the scorer's marks (null removes it). Returns only once the change is committed
   * with synchronous=FULL, so what the UI then shows as saved is on disk.
   */
  setMark(input: { entryId: string; criterionId: string; value: number | null }): SavedMark {
    const scorer = this.requireScorer();
    const entry = this.q.entry(input.entryId);
    if (!entry) throw new AppError('scoring.unknownEntry', { entryId: input.entryId });
    const criterion = this.q.criterion(input.criterionId, entry.nomination_id);
    if (!criterion) throw new AppError('scoring.unknownCriterion', { criterionId: input.criterionId, entry: entry.title });
    if (!this.q.isAssigned(scorer.id, entry.id)) throw new AppError('scoring.notAssigned', { entry: entry.title, expert: scorer.name });
    if (this.q.conflict(scorer.id, entry.id)) throw new AppError('scoring.conflict', { entry: entry.title, expert: scorer.name });
    if (this.q.abstention(scorer.id, entry.id)) throw new AppError('scoring.abstained', { entry: entry.title });
    const savedAt = this.clock();
    if (input.value === null) {
      this.q.clearMark(scorer.id, entry.id, criterion.id);
      return { entryId: entry.id, criterionId: criterion.id, value: null, comment: '', savedAt };
    }
    const problem = scaleProblem(input.value, criterion.scale);
    if (problem) {
      throw new AppError(`scale.${problem}`, { criterion: criterion.title, value: input.value, ...criterion.scale });
    }
    const value = snapToScale(input.value, criterion.scale);
    this.q.setMark(scorer.id, entry.id, criterion.id, value, savedAt);
    return { entryId: entry.id, criterionId: criterion.id, value, comment: this.q.markOf(scorer.id, entry.id, criterion.id)?.comment ?? '', savedAt };
  }

  /** The scorer and an entry assigned to them: what every decision about an entry needs. */
  private scorerAndEntry(entryId: string) {
    const scorer = this.requireScorer();
    const entry = this.q.entry(entryId);
    if (!entry) throw new AppError('scoring.unknownEntry', { entryId });
    if (!this.q.isAssigned(scorer.id, entry.id)) throw new AppError('scoring.notAssigned', { entry: entry.title, expert: scorer.name });
    return { scorer, entry };
  }

  /** The comment on one mark (the mark must exist); every change goes into the mark's history. */
  commentMark(input: { entryId: string; criterionId: string; comment: string }): SavedMark {
    const { scorer, entry } = this.scorerAndEntry(input.entryId);
    const savedAt = this.clock();
    setMarkComment(this.db, scorer.id, entry.id, input.criterionId, input.comment, savedAt);
    const mark = this.q.markOf(scorer.id, entry.id, input.criterionId);
    return { entryId: entry.id, criterionId: input.criterionId, value: mark?.value ?? null, comment: mark?.comment ?? '', savedAt };
  }

  commentEntry(entryId: string, comment: string): { savedAt: string } {
    const { scorer, entry } = this.scorerAndEntry(entryId);
    const savedAt = this.clock();
    setEntryComment(this.db, scorer.id, entry.id, comment, savedAt);
    return { savedAt };
  }

  /** The expert's own decision about an entry: declare or withdraw a conflict, abstain or take it back. */
  decide(entryId: string, decision: { kind: 'declareConflict' | 'abstain'; reason: string } | { kind: 'withdrawConflict' | 'withdrawAbstention' }): EntryDetail {
    const { scorer, entry } = this.scorerAndEntry(entryId);
    if (this.expertId() === null) throw new AppError('scoring.expertOnly');
    const now = this.clock();
    switch (decision.kind) {
      case 'declareConflict':
        declareConflict(this.db, scorer.id, entry.id, decision.reason, now);
        break;
      case 'withdrawConflict':
        withdrawConflict(this.db, scorer.id, entry.id, now);
        break;
      case 'abstain':
        abstain(this.db, scorer.id, entry.id, decision.reason, now);
        break;
      case 'withdrawAbstention':
        withdrawAbstention(this.db, scorer.id, entry.id);
        break;
    }
    return this.entry(entry.id);
  }
}
