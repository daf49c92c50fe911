import { z } from 'zod';
import { CategoryResult } from '../formats/payloads.ts';
import { Base64 } from '../formats/dsse.ts';
import { Id, ScoringRules } from './contest.ts';
import { SignedBy } from './publishing.ts';

/** The chair's view: what arrived, what stands, and what the rankings are. */

export const CoverageState = z.enum(['notAssigned', 'missing', 'partial', 'draft', 'complete', 'conflict', 'abstained']);
export type CoverageState = z.infer<typeof CoverageState>;

export const Coverage = z.object({
  nomination: z.object({ id: Id, title: z.string(), minEvaluations: z.number().int() }),
  experts: z.array(z.object({ id: Id, name: z.string() })),
  entries: z.array(z.object({ id: Id, title: z.string(), evaluations: z.number().int() })),
  /** cells[expert][entry], in the order of `experts` and `entries`. */
  cells: z.array(z.array(CoverageState)),
});
export type Coverage = z.infer<typeof Coverage>;

/** How a ranked group is named: the nomination, and its category when it has one. */
export function groupTitle(contest: { nominations: readonly { id: string; title: string; categories: readonly { id: string; title: string }[] }[] }, nominationId: string, categoryId: string | null): string {
  const nomination = contest.nominations.find((n) => n.id === nominationId);
  if (!nomination) return nominationId;
  const category = categoryId ? nomination.categories.find((c) => c.id === categoryId) : undefined;
  return category ? `${nomination.title} › ${category.title}` : nomination.title;
}

/** A message for the user: its key and parameters (translated where it is shown). */
export const Message = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type Message = z.infer<typeof Message>;

/** A bundle file the page read, whole (a result bundle is at most 32 MiB). */
export const BundleUpload = z.object({ fileName: z.string().min(1).max(1_000), content: Base64.max(45_000_000) }).strict();

/** The verdict on one file of an import, as the chair sees it. */
export const VerdictView = z.object({
  file: z.string(),
  status: z.enum(['accepted', 'superseded', 'duplicate', 'refused']),
  expertId: Id.nullable(),
  expertName: z.string().nullable(),
  sequence: z.number().int().nullable(),
  draft: z.boolean(),
  packageRevision: z.number().int().nullable(),
  digest: z.string().nullable(),
  reason: Message.nullable(),
});
export type VerdictView = z.infer<typeof VerdictView>;

/** An expert's key handed over in an enrolment: on the roster, confirmed before, or new (to compare by phone). */
export const KeyCheckView = z.object({ expertId: Id, name: z.string(), fingerprint: z.string(), status: z.enum(['roster', 'confirmed', 'new']) });
export type KeyCheckView = z.infer<typeof KeyCheckView>;

/** What the chair holds: each expert's standing bundle, keys confirmed, and the package revisions. */
export const ChairStatus = z.object({
  contestTitle: z.string(),
  revisions: z.array(z.number().int()),
  experts: z.array(
    z.object({
      id: Id,
      name: z.string(),
      organisation: z.string(),
      bundle: z.object({ sequence: z.number().int(), draft: z.boolean(), packageRevision: z.number().int(), fileName: z.string(), importedAt: z.string(), digest: z.string() }).nullable(),
      superseded: z.number().int(),
      /** The fingerprint of a key the chair confirmed for this expert, if any. */
      confirmedKey: z.string().nullable(),
    }),
  ),
});
export type ChairStatus = z.infer<typeof ChairStatus>;

export const TieDecisionView = z.object({ id: z.number().int(), entryIds: z.array(Id), reason: z.string(), decidedAt: z.string(), applies: z.boolean() });
export type TieDecisionView = z.infer<typeof TieDecisionView>;

/** One nomination × category of the results, as computed now from the bundles that stand. */
export const GroupView = CategoryResult.extend({
  title: z.string(),
  decisions: z.array(TieDecisionView),
});
export type GroupView = z.infer<typeof GroupView>;

export const ResultsView = z.object({
  groups: z.array(GroupView),
  /** The entries named in the results, by id. */
  entries: z.record(z.string(), z.object({ title: z.string(), applicationNo: z.string().nullable(), region: z.string() })),
  /** Criterion titles by id (the tie-break chains name criteria). */
  criteria: z.record(z.string(), z.string()),
  /** Standing bundles whose marks count (drafts never count). */
  counted: z.number().int(),
  drafts: z.number().int(),
});
export type ResultsView = z.infer<typeof ResultsView>;

/** An agreement coefficient: its value (with `outOfRange` when it lies below 0 or above 1, docs/scoring.md §7), or why it is undefined. */
const Agreement = z.union([
  z.object({ defined: z.literal(true), value: z.number(), outOfRange: z.enum(['belowZero', 'aboveOne']).nullable(), detail: z.record(z.string(), z.number()) }),
  z.object({ defined: z.literal(false), reason: z.enum(['fewExperts', 'fewEntries', 'noVariance', 'zeroDenominator']) }),
]);
export type Agreement = z.infer<typeof Agreement>;

/** The statistics of one group: severity, disagreement, outliers, agreement, method sensitivity, distributions. */
export const GroupStatistics = z.object({
  title: z.string(),
  rules: ScoringRules,
  /** Per expert: severity and spread, the mean of the expert's 0–100 totals (exact, rounded), and the totals for the chart. */
  experts: z.array(z.object({ id: Id, name: z.string(), evaluations: z.number().int(), severity: z.number().nullable(), spread: z.number().nullable(), mean: z.number().nullable(), totals: z.array(z.number()) })),
  entries: z.array(z.object({ id: Id, title: z.string(), evaluations: z.number().int(), sd: z.number().nullable(), range: z.number().nullable(), flagged: z.boolean() })),
  outliers: z.array(z.object({ entryId: Id, entryTitle: z.string(), criterionId: Id, criterionTitle: z.string(), expertId: Id, expertName: z.string(), value: z.number(), median: z.number(), deviation: z.number() })),
  kendallW: Agreement,
  icc21: Agreement,
  icc2k: Agreement,
  sensitivity: z.object({ methods: z.array(z.object({ method: ScoringRules.shape.method, winners: z.array(z.string()) })), changes: z.boolean() }),
  /** Per criterion: its scale, the mean and median of its marks (exact, rounded; null without marks), and the marks for the chart. */
  criteria: z.array(
    z.object({ id: Id, title: z.string(), min: z.number(), max: z.number(), step: z.number(), mean: z.number().nullable(), median: z.number().nullable(), values: z.array(z.number()) }),
  ),
});
export type GroupStatistics = z.infer<typeof GroupStatistics>;

/** Every mark and comment an entry received, by expert, from the bundles that stand. */
export const EntryMarks = z.object({
  entry: z.object({ id: Id, title: z.string(), applicationNo: z.string().nullable(), region: z.string(), nominationId: Id, categoryId: Id.nullable() }),
  group: z.string(),
  criteria: z.array(z.object({ id: Id, title: z.string(), weight: z.number(), min: z.number(), max: z.number() })),
  experts: z.array(
    z.object({
      id: Id,
      name: z.string(),
      state: CoverageState,
      draft: z.boolean(),
      marks: z.array(z.object({ criterionId: Id, value: z.number().nullable(), comment: z.string() })),
      total: z.number().nullable(),
      normalised: z.number().nullable(),
      comment: z.string(),
      conflict: z.string(),
      abstention: z.string(),
    }),
  ),
});
export type EntryMarks = z.infer<typeof EntryMarks>;

export const AuditView = z.object({ id: z.number().int(), at: z.string(), action: z.string(), subject: z.string(), detail: z.record(z.string(), z.unknown()) });
export type AuditView = z.infer<typeof AuditView>;

export const FinalisationView = z.object({ id: z.number().int(), createdAt: z.string(), digest: z.string(), path: z.string(), fingerprint: z.string(), bundles: z.number().int() });
export type FinalisationView = z.infer<typeof FinalisationView>;

/** Whether the results can be signed now, and what was signed before. */
export const FinaliseStatus = z.object({
  problems: z.array(Message),
  /** Things the chair should know before signing, which do not stop it (flagged entries, drafts left out). */
  warnings: z.array(Message),
  defaultPath: z.string(),
  /** The name the signed results give the chair: the roster's chair, if any. */
  chairName: z.string(),
  /** The fingerprint of the chair's key on the roster, if any, to pick the same key. */
  rosterFingerprint: z.string().nullable(),
  /** The key of this computer's key store with that fingerprint, if any: the form offers it first. */
  signerKeyId: z.string().nullable(),
  finalisations: z.array(FinalisationView),
});
export type FinaliseStatus = z.infer<typeof FinaliseStatus>;

/** Merged results just signed, and the key that signed them. */
export const SignedResults = FinalisationView.extend({ signer: SignedBy });
export type SignedResults = z.infer<typeof SignedResults>;

/** Sign the results with a key of the key store (keyId) or a key file on disk (keyFile). */
export const FinaliseRequest = z
  .object({
    keyId: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
    keyFile: z.string().min(1).max(4096).nullable().default(null),
    passphrase: z.string().max(1_000).nullable().default(null),
    path: z.string().min(1).max(4096),
    chairName: z.string().trim().min(1).max(300),
  })
  .strict();

export const TieRequest = z
  .object({ nominationId: Id, categoryId: Id.nullable(), entryIds: z.array(Id).min(2).max(1_000), reason: z.string().trim().min(1).max(2_000) })
  .strict();
