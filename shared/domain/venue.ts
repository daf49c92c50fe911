import { z } from 'zod';
import { CategoryResult, ContestSummary, type MergedResults } from '../formats/payloads.ts';
import { Awards, Id, ScoringRules } from './contest.ts';
import { groupTitle } from './chair.ts';
import { openTies } from './ties.ts';

/**
 * The venue's view of signed merged results: everything the protocol, the spreadsheets and the
 * ceremony show, with titles resolved, made from the .jbmerged file alone (`venueOf`).
 */

export const RankedEntry = CategoryResult.shape.ranked.element.extend({
  title: z.string(),
  organisation: z.string(),
  region: z.string(),
  applicationNo: z.string().nullable(),
});
export type RankedEntry = z.infer<typeof RankedEntry>;

export const VenueGroup = z.object({
  nominationId: Id,
  categoryId: Id.nullable(),
  nominationTitle: z.string(),
  categoryTitle: z.string().nullable(),
  /** "Nomination › Category", or the nomination alone. */
  title: z.string(),
  rules: ScoringRules,
  awards: Awards,
  minEvaluations: z.number().int(),
  ranked: z.array(RankedEntry),
  flagged: z.array(z.object({ entryId: Id, title: z.string(), organisation: z.string(), region: z.string(), score: z.number().nullable(), evaluations: z.number().int(), trimFallback: z.literal(true).optional() })),
  /** The chair's decisions on ties in this group, each with the order decided (titles) and the reason. */
  ties: z.array(z.object({ entryIds: z.array(Id), titles: z.array(z.string()), reason: z.string() })),
  /**
   * Ties left open: the place shared, the entries by id and title. `jurybox merge` and the app refuse
   * to sign while one is open; results signed by older versions may hold some.
   */
  unresolvedTies: z.array(z.object({ place: z.number().int().nullable(), entryIds: z.array(Id), titles: z.array(z.string()) })),
  statistics: CategoryResult.shape.statistics,
});
export type VenueGroup = z.infer<typeof VenueGroup>;

export const VenueView = z.object({
  contest: ContestSummary.shape.info,
  /** The .jbmerged file: its name, SHA-256, and the chair's signature. */
  file: z.object({ name: z.string(), digest: z.string() }),
  signedAt: z.string(),
  chair: z.object({ name: z.string(), fingerprint: z.string() }),
  packages: z.array(z.object({ revision: z.number().int(), digest: z.string() })),
  bundles: z.array(z.object({ expertId: Id, expertName: z.string(), sequence: z.number().int(), digest: z.string(), draft: z.boolean() })),
  /** The jury as the contest lists it; `counted`: their results are among those merged. */
  commission: z.array(z.object({ id: Id, name: z.string(), organisation: z.string(), position: z.string(), role: z.enum(['expert', 'chair']), counted: z.boolean() })),
  /** Criteria of each nomination, by nomination id (for the raw marks and the methods). */
  criteria: z.record(z.string(), z.array(ContestSummary.shape.nominations.element.shape.criteria.element)),
  groups: z.array(VenueGroup),
});
export type VenueView = z.infer<typeof VenueView>;

/** A character of the results that the protocol's fonts lack, with its code ("U+4E2D"), which the PDF prints in its place. */
export const UnprintableChar = z.object({ char: z.string(), code: z.string() });
export type UnprintableChar = z.infer<typeof UnprintableChar>;

/** What the venue has open: the view, and whether the raw marks are at hand (they are in a chair's workspace). */
export const VenueCurrent = z.object({
  view: VenueView,
  marks: z.boolean(),
  source: z.enum(['file', 'chair']),
  /** The open workspace is a chair's with results it signed (a file chosen instead can give way to them). */
  ownSigned: z.boolean(),
  /** Where exports go unless the user says otherwise: beside the chair's workspace, or the app's exports folder. */
  defaultDir: z.string(),
  /** Characters the protocol (PDF) will write as codes, said before it is written. */
  unprintable: z.array(UnprintableChar),
});
export type VenueCurrent = z.infer<typeof VenueCurrent>;

export const ExportFormat = z.enum(['pdf', 'xlsx', 'csv', 'marks-csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/**
 * An export: the format, its language, the commission members present (null: everyone counted and
 * the chair), where to write it, and the SHA-256 of the results file the screen shows (`view.file.digest`),
 * so that an export is never made from another file than the one the user sees.
 */
export const VenueExport = z
  .object({
    format: ExportFormat,
    lang: z.enum(['ru', 'en']),
    present: z.array(Id).max(10_000).nullable().default(null),
    path: z.string().min(1).max(4096),
    digest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict();

/** One mark as the spreadsheets list it: who, what, which criterion, the value and the comment. */
export const RawMark = z.object({
  expertId: Id,
  expertName: z.string(),
  nominationTitle: z.string(),
  categoryTitle: z.string().nullable(),
  entryId: Id,
  entryTitle: z.string(),
  criterionId: Id,
  criterionTitle: z.string(),
  value: z.number(),
  comment: z.string(),
});
export type RawMark = z.infer<typeof RawMark>;

/** The venue's view of merged results: every id resolved to its title from the contest summary they carry. */
export function venueOf(merged: MergedResults, file: { name: string; digest: string; fingerprint: string }): VenueView {
  const { contest } = merged;
  const entry = new Map(contest.entries.map((e) => [e.id, e]));
  const expert = new Map(contest.experts.map((x) => [x.id, x]));
  const titleOf = (id: string) => entry.get(id)?.title ?? id;
  const counted = new Set(merged.bundles.filter((b) => !b.draft).map((b) => b.expertId));
  return {
    contest: contest.info,
    file: { name: file.name, digest: file.digest },
    signedAt: merged.createdAt,
    chair: { name: merged.chair.name, fingerprint: file.fingerprint },
    packages: merged.packages,
    bundles: merged.bundles.map((b) => ({ ...b, expertName: expert.get(b.expertId)?.name ?? b.expertId })),
    commission: contest.experts.map((x) => ({ id: x.id, name: x.name, organisation: x.organisation, position: x.position, role: x.role, counted: counted.has(x.id) })),
    criteria: Object.fromEntries(contest.nominations.map((n) => [n.id, n.criteria])),
    groups: merged.results.map((r) => {
      const nomination = contest.nominations.find((n) => n.id === r.nominationId);
      const about = (id: string) => ({ title: titleOf(id), organisation: entry.get(id)?.organisation ?? '', region: entry.get(id)?.region ?? '' });
      return {
        nominationId: r.nominationId,
        categoryId: r.categoryId,
        nominationTitle: nomination?.title ?? r.nominationId,
        categoryTitle: r.categoryId ? (nomination?.categories.find((c) => c.id === r.categoryId)?.title ?? r.categoryId) : null,
        title: groupTitle(contest, r.nominationId, r.categoryId),
        rules: r.rules,
        awards: r.awards,
        minEvaluations: r.minEvaluations,
        ranked: r.ranked.map((x) => ({ ...x, ...about(x.entryId), applicationNo: entry.get(x.entryId)?.applicationNo ?? null })),
        flagged: r.flagged.map((x) => ({ ...x, ...about(x.entryId) })),
        ties: merged.ties.filter((t) => t.nominationId === r.nominationId && t.categoryId === r.categoryId).map((t) => ({ entryIds: t.entryIds, titles: t.entryIds.map(titleOf), reason: t.reason })),
        unresolvedTies: openTies([r]).map((tie) => ({ place: tie.place, entryIds: tie.entryIds, titles: tie.entryIds.map(titleOf) })),
        statistics: r.statistics,
      };
    }),
  };
}

/** The marks of the bundles merged, one row each, ordered by expert, entry and criterion as the contest lists them. */
export function rawMarksOf(merged: Pick<MergedResults, 'contest'>, bundles: readonly { expertId: string; marks: readonly { entryId: string; criterionId: string; value: number; comment: string }[] }[]): RawMark[] {
  const { contest } = merged;
  const expertAt = new Map(contest.experts.map((x, i) => [x.id, i]));
  const entryAt = new Map(contest.entries.map((e, i) => [e.id, i]));
  const entries = new Map(contest.entries.map((e) => [e.id, e]));
  const nominations = new Map(contest.nominations.map((n) => [n.id, n]));
  const criteria = new Map(contest.nominations.flatMap((n) => n.criteria.map((c, i) => [c.id, { title: c.title, at: i }] as const)));
  const names = new Map<string, string>();
  for (const x of contest.experts) if (!names.has(x.id)) names.set(x.id, x.name);
  const rows = bundles.flatMap((b) =>
    b.marks.map((m): RawMark => {
      const entry = entries.get(m.entryId);
      const nomination = entry ? nominations.get(entry.nominationId) : undefined;
      return {
        expertId: b.expertId,
        expertName: names.get(b.expertId) ?? b.expertId,
        nominationTitle: nomination?.title ?? '',
        categoryTitle: entry?.categoryId ? (nomination?.categories.find((c) => c.id === entry.categoryId)?.title ?? null) : null,
        entryId: m.entryId,
        entryTitle: entry?.title ?? m.entryId,
        criterionId: m.criterionId,
        criterionTitle: criteria.get(m.criterionId)?.title ?? m.criterionId,
        value: m.value,
        comment: m.comment,
      };
    }),
  );
  const key = (r: RawMark) => [expertAt.get(r.expertId) ?? 0, entryAt.get(r.entryId) ?? 0, criteria.get(r.criterionId)?.at ?? 0] as const;
  return rows.sort((a, b) => {
    const [x1, x2, x3] = key(a);
    const [y1, y2, y3] = key(b);
    return x1 - y1 || x2 - y2 || x3 - y3;
  });
}
