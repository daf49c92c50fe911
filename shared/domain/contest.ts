import { z } from 'zod';
import { stepDividesRange } from '../scoring/scale.ts';

/**
 * The contest definition: everything an organiser authors. It is what the demo builds, what a
 * workspace stores, and (from the organiser issue on) the payload of the signed contest package,
 * so its limits are the limits of a file that travels.
 */

/** Stable identifiers: they travel between workspaces, so they are short ASCII, never row numbers. */
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected 1–64 letters, digits, ".", "_" or "-"');
export type Id = z.infer<typeof Id>;

const Title = z.string().trim().min(1).max(300);
const Text = z.string().max(20_000);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const Amount = z.number().min(-1e6).max(1e6);

/** What a level or band of a criterion's scale looks like ("what a 9–10 looks like"). */
export const RubricBand = z.object({
  from: Amount,
  to: Amount,
  text: z.string().trim().min(1).max(2_000),
});
export type RubricBand = z.infer<typeof RubricBand>;

const CriterionFields = z.object({
  id: Id,
  title: Title,
  description: Text.default(''),
  group: z.string().trim().max(300).nullable().default(null),
  scale: z.object({ min: Amount, max: Amount, step: z.number().positive().max(1e6) }),
  weight: z.number().positive().max(1000),
  /** Marks below this value need a comment; null when comments are never required. */
  commentBelow: Amount.nullable().default(null),
  rubric: z.array(RubricBand).max(50).default([]),
});

function checkCriterion(c: z.output<typeof CriterionFields>, ctx: z.RefinementCtx): void {
  if (c.scale.max <= c.scale.min) {
    ctx.addIssue({ code: 'custom', path: ['scale', 'max'], message: 'the scale maximum must be above its minimum', params: { key: 'validation.scaleMax' } });
  } else if (!stepDividesRange(c.scale)) {
    ctx.addIssue({ code: 'custom', path: ['scale', 'step'], message: 'the step must divide the range from minimum to maximum', params: { key: 'validation.stepDivides' } });
  }
  c.rubric.forEach((band, i) => {
    if (band.to < band.from || band.from < c.scale.min || band.to > c.scale.max) {
      ctx.addIssue({ code: 'custom', path: ['rubric', i], message: 'a rubric band must lie within the scale, from ≤ to', params: { key: 'validation.bandOutside' } });
    }
  });
}

export const Criterion = CriterionFields.superRefine(checkCriterion);
/** A criterion being edited: new ones have no id yet. */
export const CriterionDraft = CriterionFields.extend({ id: Id.optional() }).superRefine((c, ctx) => checkCriterion({ ...c, id: c.id ?? '' }, ctx));
export type Criterion = z.infer<typeof Criterion>;

/** Who besides the places is honoured: nobody, the next `count` entries, or every entry at or above `score` (0–100). */
export const Laureates = z.union([
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('count'), count: z.number().int().min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('threshold'), score: z.number().min(0).max(100) }).strict(),
]);
export type Laureates = z.infer<typeof Laureates>;

/** The awards of a category: prize places 1 to `places`, then laureates (docs/scoring.md §9). */
export const Awards = z
  .object({
    places: z.number().int().min(1).max(3).default(3),
    laureates: Laureates.default({ kind: 'none' }),
  })
  .strict();
export type Awards = z.infer<typeof Awards>;
export const DEFAULT_AWARDS: Awards = Awards.parse({});

export const Category = z.object({
  id: Id,
  title: Title,
  description: Text.default(''),
  /** The category's own awards; null: the nomination's. */
  awards: Awards.nullable().default(null),
});
export type Category = z.infer<typeof Category>;

/** One step of the tie-break chain: a criterion (the higher aggregated mark wins), or the earlier application. */
export const TieBreak = z.union([z.object({ kind: z.literal('criterion'), criterionId: Id }).strict(), z.object({ kind: z.literal('applicationDate') }).strict()]);
export type TieBreak = z.infer<typeof TieBreak>;

/**
 * How a nomination's marks become a ranking (docs/scoring.md): the aggregation method across experts,
 * k for the trimmed mean, the order of aggregation, the tie-break chain, and the disagreement
 * tolerance (in points of the 0–100 scale) above which an entry is flagged.
 */
export const ScoringRules = z
  .object({
    method: z.enum(['mean', 'median', 'trimmed', 'normalised']).default('mean'),
    trim: z.number().int().min(0).max(10).default(1),
    order: z.enum(['expertTotals', 'criterionFirst']).default('expertTotals'),
    tieBreak: z.array(TieBreak).max(50).default([]),
    tolerance: z.number().min(0).max(100).default(30),
  })
  .strict();
export type ScoringRules = z.infer<typeof ScoringRules>;
export const DEFAULT_RULES: ScoringRules = ScoringRules.parse({});

export const Nomination = z.object({
  id: Id,
  title: Title,
  description: Text.default(''),
  /** Fewer evaluations than this and the entry is flagged, not silently ranked. */
  minEvaluations: z.number().int().min(1).max(1000).default(3),
  categories: z.array(Category).max(200).default([]),
  /** May be empty while the contest is a draft; publishing requires criteria (see publishProblems). */
  criteria: z.array(Criterion).max(200).default([]),
  rules: ScoringRules.default(DEFAULT_RULES),
  /** The awards of each category (unless it has its own), and of entries without a category. */
  awards: Awards.default(DEFAULT_AWARDS),
});
export type Nomination = z.infer<typeof Nomination>;

/** A material of an entry: a web link, or a reference to a file handed over with the application. */
export const Material = z
  .object({
    kind: z.enum(['link', 'file']),
    title: z.string().trim().max(300).default(''),
    ref: z.string().trim().min(1).max(2_000),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'link' && !/^https?:\/\/\S+$/i.test(m.ref)) {
      ctx.addIssue({ code: 'custom', path: ['ref'], message: 'a link must start with http:// or https://', params: { key: 'validation.link' } });
    }
  });
export type Material = z.infer<typeof Material>;

export const Entry = z.object({
  id: Id,
  nominationId: Id,
  categoryId: Id.nullable().default(null),
  title: Title,
  organisation: z.string().trim().max(500).default(''),
  region: z.string().trim().max(200).default(''),
  description: Text.default(''),
  applicationNo: z.string().trim().max(100).nullable().default(null),
  appliedOn: IsoDate.nullable().default(null),
  materials: z.array(Material).max(100).default([]),
});
export type Entry = z.infer<typeof Entry>;

export const ExpertRole = z.enum(['expert', 'chair']);
export type ExpertRole = z.infer<typeof ExpertRole>;

export const Expert = z.object({
  id: Id,
  name: Title,
  organisation: z.string().trim().max(500).default(''),
  region: z.string().trim().max(200).default(''),
  position: z.string().trim().max(300).default(''),
  role: ExpertRole.default('expert'),
});
export type Expert = z.infer<typeof Expert>;

/** One assignment rule: an expert scores a whole nomination, a whole category, or one entry. */
export const Assignment = z.union([
  z.object({ expertId: Id, nominationId: Id }).strict(),
  z.object({ expertId: Id, categoryId: Id }).strict(),
  z.object({ expertId: Id, entryId: Id }).strict(),
]);
export type Assignment = z.infer<typeof Assignment>;

/**
 * The organiser's decision on one expert and entry: `conflict` adds a conflict of interest the
 * automatic rule does not see; `waiver` lifts an automatic one. Both need a reason.
 */
export const ConflictDecision = z.object({
  expertId: Id,
  entryId: Id,
  kind: z.enum(['conflict', 'waiver']),
  reason: z.string().trim().min(1).max(1_000),
});
export type ConflictDecision = z.infer<typeof ConflictDecision>;

export const ContestInfo = z.object({
  id: Id,
  title: Title,
  year: z.number().int().min(1900).max(2200).nullable().default(null),
  place: z.string().trim().max(300).default(''),
  startsOn: IsoDate.nullable().default(null),
  endsOn: IsoDate.nullable().default(null),
  description: Text.default(''),
  /** Demo contests say so on every screen. */
  isDemo: z.boolean().default(false),
});
export type ContestInfo = z.infer<typeof ContestInfo>;

const ContestDefinitionShape = z.object({
  contest: ContestInfo,
  nominations: z.array(Nomination).max(200),
  entries: z.array(Entry).max(100_000),
  experts: z.array(Expert).max(10_000),
  assignments: z.array(Assignment).max(1_000_000),
  conflicts: z.array(ConflictDecision).max(1_000_000).default([]),
});

export const ContestDefinition = ContestDefinitionShape.superRefine(checkReferences);
export type ContestDefinition = z.infer<typeof ContestDefinition>;
export type ContestDefinitionInput = z.input<typeof ContestDefinition>;

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

function checkUnique(items: { id: string; path: Path }[], ctx: Ctx): void {
  const seen = new Set<string>();
  for (const { id, path } of items) {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate id "${id}"` });
    seen.add(id);
  }
}

/** Every id is unique within its kind, and every reference points at something that exists. */
function checkReferences(def: z.output<typeof ContestDefinitionShape>, ctx: Ctx): void {
  const noms = def.nominations;
  const categories = noms.flatMap((n, ni) => n.categories.map((c, ci) => ({ id: c.id, nominationId: n.id, path: ['nominations', ni, 'categories', ci, 'id'] })));
  checkUnique(noms.map((n, i) => ({ id: n.id, path: ['nominations', i, 'id'] })), ctx);
  checkUnique(categories, ctx);
  checkUnique(noms.flatMap((n, ni) => n.criteria.map((c, ci) => ({ id: c.id, path: ['nominations', ni, 'criteria', ci, 'id'] }))), ctx);
  checkUnique(def.entries.map((e, i) => ({ id: e.id, path: ['entries', i, 'id'] })), ctx);
  checkUnique(def.experts.map((e, i) => ({ id: e.id, path: ['experts', i, 'id'] })), ctx);

  const nominationIds = new Set(noms.map((n) => n.id));
  const categoryOwner = new Map(categories.map((c) => [c.id, c.nominationId]));
  const entryIds = new Set(def.entries.map((e) => e.id));
  const expertIds = new Set(def.experts.map((e) => e.id));
  const problem = (path: Path, message: string): void => ctx.addIssue({ code: 'custom', path, message });

  noms.forEach((n, ni) => {
    const own = new Set(n.criteria.map((c) => c.id));
    n.rules.tieBreak.forEach((tb, ti) => {
      if (tb.kind === 'criterion' && !own.has(tb.criterionId)) problem(['nominations', ni, 'rules', 'tieBreak', ti], `criterion "${tb.criterionId}" is not in nomination "${n.id}"`);
    });
  });

  def.entries.forEach((e, i) => {
    if (!nominationIds.has(e.nominationId)) problem(['entries', i, 'nominationId'], `unknown nomination "${e.nominationId}"`);
    else if (e.categoryId !== null && categoryOwner.get(e.categoryId) !== e.nominationId) {
      problem(['entries', i, 'categoryId'], `category "${e.categoryId}" is not in nomination "${e.nominationId}"`);
    }
  });
  def.assignments.forEach((a, i) => {
    if (!expertIds.has(a.expertId)) problem(['assignments', i, 'expertId'], `unknown expert "${a.expertId}"`);
    if ('nominationId' in a && !nominationIds.has(a.nominationId)) problem(['assignments', i, 'nominationId'], `unknown nomination "${a.nominationId}"`);
    if ('categoryId' in a && !categoryOwner.has(a.categoryId)) problem(['assignments', i, 'categoryId'], `unknown category "${a.categoryId}"`);
    if ('entryId' in a && !entryIds.has(a.entryId)) problem(['assignments', i, 'entryId'], `unknown entry "${a.entryId}"`);
  });
  const decided = new Set<string>();
  def.conflicts.forEach((c, i) => {
    if (!expertIds.has(c.expertId)) problem(['conflicts', i, 'expertId'], `unknown expert "${c.expertId}"`);
    if (!entryIds.has(c.entryId)) problem(['conflicts', i, 'entryId'], `unknown entry "${c.entryId}"`);
    const pair = `${c.expertId}\u0000${c.entryId}`;
    if (decided.has(pair)) problem(['conflicts', i], `a second decision for expert "${c.expertId}" and entry "${c.entryId}"`);
    decided.add(pair);
  });
}

/** Something that stops a draft from being published, as a message key and its parameters. */
export interface PublishProblem {
  key: 'publish.noNominations' | 'publish.noCriteria' | 'publish.noEntries' | 'publish.noExperts';
  params: Record<string, string>;
}

/** What stops a draft from being published: a package experts can score needs nominations with criteria, entries and experts. */
export function publishProblems(def: ContestDefinition): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (def.nominations.length === 0) problems.push({ key: 'publish.noNominations', params: {} });
  for (const n of def.nominations) if (n.criteria.length === 0) problems.push({ key: 'publish.noCriteria', params: { nomination: n.title } });
  if (def.entries.length === 0) problems.push({ key: 'publish.noEntries', params: {} });
  if (def.experts.length === 0) problems.push({ key: 'publish.noExperts', params: {} });
  return problems;
}
