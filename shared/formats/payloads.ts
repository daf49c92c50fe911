import { z } from 'zod';
import { ContestDefinition, Id } from '../domain/contest.ts';

/** An Ed25519 public key: its 32 raw bytes in standard base64 (44 characters). */
export const PublicKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected the 32-byte Ed25519 public key in base64');

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
