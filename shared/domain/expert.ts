import { z } from 'zod';
import { Base64 } from '../formats/dsse.ts';
import { Id } from './contest.ts';
import { SignedBy } from './publishing.ts';

/** A contest package the page read, whole (up to the 64 MiB cap of the format). */
export const PackageFile = z.object({ fileName: z.string().min(1).max(300), content: Base64.max(90_000_000) }).strict();

export const PackagePreview = z.object({
  fileName: z.string(),
  contestId: Id,
  title: z.string(),
  revision: z.number().int(),
  organiserName: z.string(),
  /** The organiser key's fingerprint, to compare by phone before trusting the package. */
  fingerprint: z.string(),
  experts: z.array(z.object({ id: Id, name: z.string(), organisation: z.string(), enrolled: z.boolean() })),
});
export type PackagePreview = z.infer<typeof PackagePreview>;

/** A mark a newer revision's scale no longer holds: cleared from the workspace (its history keeps it). */
export const ClearedMark = z.object({ entryId: Id, entry: z.string(), criterion: z.string(), value: z.number() });
export type ClearedMark = z.infer<typeof ClearedMark>;

/** A revision taken in; `cleared` names the marks to give again because their scale changed. */
export const PackageUpdate = z.object({ revision: z.number().int(), updated: z.boolean(), cleared: z.array(ClearedMark) });
export type PackageUpdate = z.infer<typeof PackageUpdate>;

export const EntryDecision = z.union([
  z.object({ kind: z.enum(['declareConflict', 'abstain']), reason: z.string().trim().min(1).max(1_000) }).strict(),
  z.object({ kind: z.enum(['withdrawConflict', 'withdrawAbstention']) }).strict(),
]);

export const MissingWork = z.object({ entryId: Id, title: z.string(), marks: z.array(z.string()), comments: z.array(z.string()) });

export const SubmissionView = z.object({
  sequence: z.number().int(),
  createdAt: z.string(),
  draft: z.boolean(),
  packageRevision: z.number().int(),
  digest: z.string(),
  path: z.string(),
});
export type SubmissionView = z.infer<typeof SubmissionView>;

export const SubmitStatus = z.object({
  missing: z.array(MissingWork),
  submissions: z.array(SubmissionView),
  nextSequence: z.number().int(),
  packageRevision: z.number().int(),
  /** The fingerprint of the key the package's roster holds for this expert, if any. */
  rosterFingerprint: z.string().nullable(),
  /** The key of this computer's key store with that fingerprint, if any: the form offers it first. */
  signerKeyId: z.string().nullable(),
  defaultPath: z.string(),
  expertName: z.string(),
});
export type SubmitStatus = z.infer<typeof SubmitStatus>;

/** A result bundle just signed, and the key that signed it. */
export const SignedSubmission = SubmissionView.extend({ signer: SignedBy });
export type SignedSubmission = z.infer<typeof SignedSubmission>;

/** Sign with a key of the key store (keyId) or a key file on disk (keyFile). */
const Signer = {
  keyId: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
  keyFile: z.string().min(1).max(4096).nullable().default(null),
  passphrase: z.string().max(1_000).nullable().default(null),
};

export const SubmitRequest = z.object({ ...Signer, path: z.string().min(1).max(4096), draft: z.boolean() }).strict();
export const EnrolRequest = z.object({ ...Signer, path: z.string().min(1).max(4096) }).strict();
