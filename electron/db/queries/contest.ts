import type { Db } from '../connection.ts';
import { Awards, DEFAULT_AWARDS, DEFAULT_RULES, ScoringRules, type Assignment, type ConflictDecision, type ContestDefinition, type ContestInfo, type Criterion, type Entry, type Expert, type Material, type Nomination } from '../../../shared/domain/contest.ts';
import { syncContest } from './sync.ts';

/**
 * Rows of the contest tables exactly as stored, and the one place where they are mapped to and
 * from the contest definition.
 */
export interface ContestRow {
  id: string;
  title: string;
  year: number | null;
  place: string;
  starts_on: string | null;
  ends_on: string | null;
  description: string;
  is_demo: 0 | 1;
}
export interface NominationRow {
  id: string;
  contest_id: string;
  position: number;
  title: string;
  description: string;
  min_evaluations: number;
  /** JSON of ScoringRules; '{}' (the defaults) in files made before rules existed. */
  rules: string;
  /** JSON of Awards; '{}' (the defaults) in files made before awards existed. */
  awards: string;
}

/** A nomination's scoring rules as stored; anything unreadable falls back to the defaults. */
export function rulesOf(row: Pick<NominationRow, 'rules'>): ScoringRules {
  const parsed = ScoringRules.safeParse(JSON.parse(row.rules || '{}'));
  return parsed.success ? parsed.data : DEFAULT_RULES;
}
export interface CategoryRow {
  id: string;
  nomination_id: string;
  position: number;
  title: string;
  description: string;
  /** JSON of Awards, or null: the nomination's. */
  awards: string | null;
}

/** Awards as stored: a nomination's ('{}' gives the defaults), or a category's own (null: none). */
export function awardsOf(json: string): Awards;
export function awardsOf(json: string | null): Awards | null;
export function awardsOf(json: string | null): Awards | null {
  if (json === null) return null;
  const parsed = Awards.safeParse(JSON.parse(json || '{}'));
  return parsed.success ? parsed.data : DEFAULT_AWARDS;
}
export interface CriterionRow {
  id: string;
  nomination_id: string;
  position: number;
  group_title: string | null;
  title: string;
  description: string;
  scale_min: number;
  scale_max: number;
  scale_step: number;
  weight: number;
  comment_below: number | null;
}
export interface RubricBandRow {
  criterion_id: string;
  position: number;
  from_value: number;
  to_value: number;
  text: string;
}
export interface EntryRow {
  id: string;
  nomination_id: string;
  category_id: string | null;
  position: number;
  title: string;
  organisation: string;
  region: string;
  description: string;
  application_no: string | null;
  applied_on: string | null;
}
export interface MaterialRow {
  entry_id: string;
  position: number;
  kind: 'link' | 'file';
  title: string;
  ref: string;
}
export interface ExpertRow {
  id: string;
  position: number;
  name: string;
  organisation: string;
  region: string;
  job_title: string;
  role: 'expert' | 'chair';
}

export const toContestInfo = (r: ContestRow): ContestInfo => ({
  id: r.id,
  title: r.title,
  year: r.year,
  place: r.place,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  description: r.description,
  isDemo: r.is_demo === 1,
});

export const toMaterial = (m: MaterialRow): Material => ({ kind: m.kind, title: m.title, ref: m.ref });

export const toEntry = (r: EntryRow, materials: MaterialRow[]): Entry => ({
  id: r.id,
  nominationId: r.nomination_id,
  categoryId: r.category_id,
  title: r.title,
  organisation: r.organisation,
  region: r.region,
  description: r.description,
  applicationNo: r.application_no,
  appliedOn: r.applied_on,
  materials: materials.map(toMaterial),
});

export const toExpert = (r: ExpertRow): Expert => ({
  id: r.id,
  name: r.name,
  organisation: r.organisation,
  region: r.region,
  position: r.job_title,
  role: r.role,
});

export function toCriterion(r: CriterionRow, bands: RubricBandRow[]): Criterion {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    group: r.group_title,
    scale: { min: r.scale_min, max: r.scale_max, step: r.scale_step },
    weight: r.weight,
    commentBelow: r.comment_below,
    rubric: bands.map((b) => ({ from: b.from_value, to: b.to_value, text: b.text })),
  };
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Criteria of every nomination, in order, with their rubric bands. */
export function readCriteria(db: Db): Map<string, Criterion[]> {
  const bands = groupBy(db.prepare('SELECT * FROM rubric_bands ORDER BY criterion_id, position').all() as RubricBandRow[], (b) => b.criterion_id);
  const rows = db.prepare('SELECT * FROM criteria ORDER BY nomination_id, position').all() as CriterionRow[];
  const byNomination = new Map<string, Criterion[]>();
  for (const [nominationId, list] of groupBy(rows, (r) => r.nomination_id)) {
    byNomination.set(nominationId, list.map((r) => toCriterion(r, bands.get(r.id) ?? [])));
  }
  return byNomination;
}

/** The contest as stored, or null in a workspace that holds none yet. */
export function readContestInfo(db: Db): ContestInfo | null {
  const row = db.prepare('SELECT * FROM contests LIMIT 1').get() as ContestRow | undefined;
  return row ? toContestInfo(row) : null;
}

/** Reads the whole contest definition back (the inverse of `writeContest`). */
export function readContest(db: Db): ContestDefinition | null {
  const contest = readContestInfo(db);
  if (!contest) return null;
  const criteria = readCriteria(db);
  const categories = groupBy(db.prepare('SELECT * FROM categories ORDER BY nomination_id, position').all() as CategoryRow[], (c) => c.nomination_id);
  const nominations = (db.prepare('SELECT * FROM nominations ORDER BY position').all() as NominationRow[]).map(
    (n): Nomination => ({
      id: n.id,
      title: n.title,
      description: n.description,
      minEvaluations: n.min_evaluations,
      categories: (categories.get(n.id) ?? []).map((c) => ({ id: c.id, title: c.title, description: c.description, awards: awardsOf(c.awards) })),
      criteria: criteria.get(n.id) ?? [],
      rules: rulesOf(n),
      awards: awardsOf(n.awards),
    }),
  );
  const materials = groupBy(db.prepare('SELECT * FROM entry_materials ORDER BY entry_id, position').all() as MaterialRow[], (m) => m.entry_id);
  const entries = (db.prepare('SELECT * FROM entries ORDER BY position').all() as EntryRow[]).map((e) => toEntry(e, materials.get(e.id) ?? []));
  const experts = (db.prepare('SELECT * FROM experts ORDER BY position').all() as ExpertRow[]).map(toExpert);
  const assignments = (
    db.prepare('SELECT expert_id, nomination_id, category_id, entry_id FROM assignments ORDER BY id').all() as {
      expert_id: string;
      nomination_id: string | null;
      category_id: string | null;
      entry_id: string | null;
    }[]
  ).map((a): Assignment => {
    if (a.nomination_id !== null) return { expertId: a.expert_id, nominationId: a.nomination_id };
    if (a.category_id !== null) return { expertId: a.expert_id, categoryId: a.category_id };
    return { expertId: a.expert_id, entryId: a.entry_id ?? '' };
  });
  const conflicts = (
    db.prepare('SELECT expert_id, entry_id, kind, reason FROM conflict_decisions ORDER BY expert_id, entry_id').all() as {
      expert_id: string;
      entry_id: string;
      kind: ConflictDecision['kind'];
      reason: string;
    }[]
  ).map((d): ConflictDecision => ({ expertId: d.expert_id, entryId: d.entry_id, kind: d.kind, reason: d.reason }));
  return { contest, nominations, entries, experts, assignments, conflicts };
}

/** Writes a validated contest definition into an empty workspace (see syncContest), with its conflicts of interest. */
export function writeContest(db: Db, def: ContestDefinition, now: string): void {
  syncContest(db, def, now);
}
