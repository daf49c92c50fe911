import { z } from 'zod';
import { Awards, ContestDefinition, ContestInfo, Id, ScoringRules } from '../domain/contest.ts';

/**
 * An Ed25519 public key: its 32 raw bytes in canonical standard base64 (44 characters). The last
 * letter carries two unused bits, which must be zero: otherwise one key has four spellings, and a
 * roster could list the same key for two experts.
 */
export const PublicKey = z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'expected the 32-byte Ed25519 public key in canonical base64');

const Moment = z.iso.datetime();

/** An enrolled expert: the key that will sign the expert's result bundles. */
export const RosterEntry = z.object({ expertId: Id, publicKey: PublicKey, enrolledAt: Moment }).strict();
export type RosterEntry = z.infer<typeof RosterEntry>;

/**
 * The contest package: the whole contest as the organiser published it, its revision, and the
 * roster of enrolled experts' keys. Signed by the organiser's key, which it also names; experts pin
 * that key the first time they open a package of the contest.
 */
export const ContestPackage = z
  .object({
    format: z.literal('jurybox.contest'),
    version: z.literal(1),
    revision: z.number().int().min(1).max(1_000_000),
    publishedAt: Moment,
    organiser: z.object({ name: z.string().trim().max(300), publicKey: PublicKey }).strict(),
    contest: ContestDefinition,
    roster: z.array(RosterEntry).max(10_000),
  })
  .strict()
  .superRefine((pkg, ctx) => {
    const experts = new Set(pkg.contest.experts.map((x) => x.id));
    const ids = new Set<string>();
    const keys = new Set<string>();
    pkg.roster.forEach((r, i) => {
      if (!experts.has(r.expertId)) ctx.addIssue({ code: 'custom', path: ['roster', i, 'expertId'], message: `unknown expert "${r.expertId}"` });
      if (ids.has(r.expertId)) ctx.addIssue({ code: 'custom', path: ['roster', i, 'expertId'], message: `expert "${r.expertId}" is listed twice` });
      if (keys.has(r.publicKey)) ctx.addIssue({ code: 'custom', path: ['roster', i, 'publicKey'], message: 'the same key is listed for two experts' });
      if (r.publicKey === pkg.organiser.publicKey) ctx.addIssue({ code: 'custom', path: ['roster', i, 'publicKey'], message: 'an expert may not use the organiser’s key' });
      ids.add(r.expertId);
      keys.add(r.publicKey);
    });
  });
export type ContestPackage = z.infer<typeof ContestPackage>;

/**
 * An enrolment: an expert's new public key, signed by that same key (which proves the expert holds
 * the private half). The organiser confirms its fingerprint with the expert before it enters the roster.
 */
export const Enrolment = z
  .object({
    format: z.literal('jurybox.enrolment'),
    version: z.literal(1),
    contestId: Id,
    expertId: Id,
    name: z.string().trim().min(1).max(300),
    publicKey: PublicKey,
    createdAt: Moment,
  })
  .strict();
export type Enrolment = z.infer<typeof Enrolment>;

const Comment = z.string().max(5_000);
const Reason = z.string().trim().min(1).max(1_000);

/**
 * A result bundle: one expert's marks for one contest, signed by the expert's enrolled key. It names
 * the exact package (revision and SHA-256 of the file) the marks were given against, and a sequence
 * number: a later bundle of the same expert (higher sequence) replaces an earlier one.
 */
export const ResultBundle = z
  .object({
    format: z.literal('jurybox.result'),
    version: z.literal(1),
    contestId: Id,
    package: z.object({ revision: z.number().int().min(1), digest: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    expertId: Id,
    sequence: z.number().int().min(1).max(1_000_000),
    /** An incomplete bundle, exported on purpose; the chair does not rank from it. */
    draft: z.boolean(),
    createdAt: Moment,
    marks: z.array(z.object({ entryId: Id, criterionId: Id, value: z.number(), comment: Comment }).strict()).max(1_000_000),
    entryComments: z.array(z.object({ entryId: Id, comment: Comment }).strict()).max(100_000),
    /** Conflicts of interest the expert declared (the automatic ones follow from the package). */
    conflicts: z.array(z.object({ entryId: Id, reason: Reason }).strict()).max(100_000),
    /** Entries the expert chose not to score, with a reason. */
    abstentions: z.array(z.object({ entryId: Id, reason: Reason }).strict()).max(100_000),
  })
  .strict()
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.marks.forEach((m, i) => {
      const key = `${m.entryId}\u0000${m.criterionId}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['marks', i], message: `a second mark for entry "${m.entryId}", criterion "${m.criterionId}"` });
      seen.add(key);
    });
    for (const list of ['entryComments', 'conflicts', 'abstentions'] as const) {
      const ids = new Set<string>();
      b[list].forEach((item, i) => {
        if (ids.has(item.entryId)) ctx.addIssue({ code: 'custom', path: [list, i, 'entryId'], message: `entry "${item.entryId}" is listed twice` });
        ids.add(item.entryId);
      });
    }
  });
export type ResultBundle = z.infer<typeof ResultBundle>;

const Digest = z.string().regex(/^[0-9a-f]{64}$/);
const Score = z.number().nullable();

/**
 * Results format 2: an entry whose nomination asks for the trimmed mean but whose evaluations were
 * too few to drop k on each side (n ≤ 2k) was scored by the plain mean, and says so. Absent otherwise.
 */
const TrimFallback = z.literal(true).optional();

/**
 * Results format 2: why an agreement coefficient is null (too few entries or experts in the complete
 * block, no variance, a zero denominator), or that its value lies outside 0–1 (docs/scoring.md §7).
 */
export const StatisticNote = z.enum(['fewEntries', 'fewExperts', 'noVariance', 'zeroDenominator', 'belowZero', 'aboveOne']);
export type StatisticNote = z.infer<typeof StatisticNote>;

/** A ranked entry's award: a prize place, laureate, or none. */
const Award = z.union([z.object({ kind: z.literal('place'), place: z.number().int().min(1).max(3) }).strict(), z.object({ kind: z.literal('laureate') }).strict()]).nullable();

/**
 * What merged results carry of the contest, so that the protocol, the spreadsheets and the ceremony
 * need no other file: the contest's details, nominations with categories and criteria, entries and
 * experts as the last package revision defines them.
 */
export const ContestSummary = z
  .object({
    info: ContestInfo.pick({ title: true, year: true, place: true, startsOn: true, endsOn: true, isDemo: true }).strict(),
    nominations: z.array(
      z
        .object({
          id: Id,
          title: z.string(),
          categories: z.array(z.object({ id: Id, title: z.string() }).strict()),
          criteria: z.array(z.object({ id: Id, title: z.string(), weight: z.number(), min: z.number(), max: z.number(), step: z.number() }).strict()),
        })
        .strict(),
    ),
    entries: z.array(
      z.object({ id: Id, nominationId: Id, categoryId: Id.nullable(), title: z.string(), organisation: z.string(), region: z.string(), applicationNo: z.string().nullable() }).strict(),
    ),
    experts: z.array(z.object({ id: Id, name: z.string(), organisation: z.string(), position: z.string(), role: z.enum(['expert', 'chair']) }).strict()),
  })
  .strict();
export type ContestSummary = z.infer<typeof ContestSummary>;

/** The summary of a contest definition that merged results carry. */
export function summaryOf(def: ContestDefinition): ContestSummary {
  const { title, year, place, startsOn, endsOn, isDemo } = def.contest;
  return {
    info: { title, year, place, startsOn, endsOn, isDemo },
    nominations: def.nominations.map((n) => ({
      id: n.id,
      title: n.title,
      categories: n.categories.map((c) => ({ id: c.id, title: c.title })),
      criteria: n.criteria.map((c) => ({ id: c.id, title: c.title, weight: c.weight, min: c.scale.min, max: c.scale.max, step: c.scale.step })),
    })),
    entries: def.entries.map((e) => ({ id: e.id, nominationId: e.nominationId, categoryId: e.categoryId, title: e.title, organisation: e.organisation, region: e.region, applicationNo: e.applicationNo })),
    experts: def.experts.map((x) => ({ id: x.id, name: x.name, organisation: x.organisation, position: x.position, role: x.role })),
  };
}

/** One nomination × category of the merged results: the rules used, the ranking, and a statistics summary. */
export const CategoryResult = z
  .object({
    nominationId: Id,
    categoryId: Id.nullable(),
    rules: ScoringRules,
    minEvaluations: z.number().int(),
    awards: Awards,
    ranked: z.array(
      z
        .object({
          entryId: Id,
          place: z.number().int().nullable(),
          score: Score,
          normalised: Score,
          evaluations: z.number().int(),
          decidedBy: z.enum(['score', 'tieBreak', 'chair']).nullable(),
          tiedWith: z.array(Id),
          award: Award,
          trimFallback: TrimFallback,
        })
        .strict(),
    ),
    flagged: z.array(z.object({ entryId: Id, score: Score, evaluations: z.number().int(), trimFallback: TrimFallback }).strict()),
    unresolvedTies: z.array(z.array(Id)),
    statistics: z
      .object({
        kendallW: Score,
        icc21: Score,
        icc2k: Score,
        disagreements: z.number().int(),
        outliers: z.number().int(),
        /** Format 2, always there: a note for each coefficient that is null or outside 0–1. */
        notes: z.object({ kendallW: StatisticNote.optional(), icc21: StatisticNote.optional(), icc2k: StatisticNote.optional() }).strict().optional(),
      })
      .strict(),
  })
  .strict();
export type CategoryResult = z.infer<typeof CategoryResult>;

/**
 * Merged results, signed by the jury chair: which package revisions and which bundles (by digest)
 * went in, the chair's tie decisions, and the rankings they give. Anyone holding the same package
 * and bundles can recompute `results` and must get exactly these.
 */
export const MergedResults = z
  .object({
    format: z.literal('jurybox.merged'),
    /**
     * 2 since results were computed exactly and carry the trimmed mean's fallback and the statistics'
     * notes; 1 before (binary floating point, neither field). Both are read; `recompute` compares a
     * version 1 file without the fields it did not have (docs/formats.md).
     */
    version: z.union([z.literal(1), z.literal(2)]),
    contestId: Id,
    /** The contest as the last package revision defines it, for the protocol and the ceremony. */
    contest: ContestSummary,
    /** Every package revision the bundles refer to; the results use the last. */
    packages: z.array(z.object({ revision: z.number().int().min(1), digest: Digest }).strict()).min(1),
    chair: z.object({ name: z.string().trim().max(300), publicKey: PublicKey }).strict(),
    createdAt: Moment,
    bundles: z.array(z.object({ expertId: Id, sequence: z.number().int().min(1), digest: Digest, draft: z.boolean() }).strict()),
    /** Keys missing from the roster that the chair accepted after comparing fingerprints. */
    confirmedKeys: z.array(z.object({ expertId: Id, publicKey: PublicKey }).strict()),
    ties: z.array(z.object({ nominationId: Id, categoryId: Id.nullable(), entryIds: z.array(Id).min(2), reason: Reason }).strict()),
    results: z.array(CategoryResult),
  })
  .strict();
export type MergedResults = z.infer<typeof MergedResults>;
