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

export const Criterion = z
  .object({
    id: Id,
    title: Title,
    description: Text.default(''),
    group: z.string().trim().max(300).nullable().default(null),
    scale: z.object({ min: Amount, max: Amount, step: z.number().positive().max(1e6) }),
    weight: z.number().positive().max(1000),
    /** Marks below this value need a comment; null when comments are never required. */
    commentBelow: Amount.nullable().default(null),
    rubric: z.array(RubricBand).max(50).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.scale.max <= c.scale.min) {
      ctx.addIssue({ code: 'custom', path: ['scale', 'max'], message: 'the scale maximum must be above its minimum' });
    } else if (!stepDividesRange(c.scale)) {
      ctx.addIssue({ code: 'custom', path: ['scale', 'step'], message: 'the step must divide the range from minimum to maximum' });
    }
    c.rubric.forEach((band, i) => {
      if (band.to < band.from || band.from < c.scale.min || band.to > c.scale.max) {
        ctx.addIssue({ code: 'custom', path: ['rubric', i], message: 'a rubric band must lie within the scale, from ≤ to' });
      }
    });
  });
export type Criterion = z.infer<typeof Criterion>;

export const Category = z.object({ id: Id, title: Title, description: Text.default('') });
export type Category = z.infer<typeof Category>;

export const Nomination = z.object({
  id: Id,
  title: Title,
  description: Text.default(''),
  /** Fewer evaluations than this and the entry is flagged, not silently ranked. */
  minEvaluations: z.number().int().min(1).max(1000).default(3),
  categories: z.array(Category).max(200).default([]),
  criteria: z.array(Criterion).min(1).max(200),
});
export type Nomination = z.infer<typeof Nomination>;

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
  nominations: z.array(Nomination).min(1).max(200),
  entries: z.array(Entry).max(100_000),
  experts: z.array(Expert).max(10_000),
  assignments: z.array(Assignment).max(1_000_000),
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
}
