import { z } from 'zod';
import { Base64 } from '../formats/dsse.ts';
import { Id } from './contest.ts';

/** A signing key as the UI sees it: never its private half. */
export const KeyView = z.object({
  keyId: z.string(),
  fingerprint: z.string(),
  label: z.string(),
  publicKey: z.string(),
  protection: z.enum(['passphrase', 'os']),
  demo: z.boolean(),
  createdAt: z.string(),
});
export type KeyView = z.infer<typeof KeyView>;

export const KeyList = z.object({ keys: z.array(KeyView), canUseOs: z.boolean() });
export type KeyList = z.infer<typeof KeyList>;

/**
 * The fewest characters a new key's passphrase may have: the key file may be copied off the
 * machine, and then only the passphrase guards it. Demo keys are the one exception (key-file.ts);
 * key files sealed before the rule still open.
 */
export const MIN_PASSPHRASE = 8;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A passphrase's length as that rule counts it: characters as the user sees them (grapheme
 * clusters: 👍🏽 is one, not two code points; a combining accent adds none), spaces around it left out.
 */
export const passphraseLength = (passphrase: string): number => [...graphemes.segment(passphrase.normalize('NFC').trim())].length;

export const NewKey = z
  .object({
    label: z.string().trim().min(1).max(200),
    /** 'os': sealed by the desktop's keystore; 'passphrase': by the passphrase given. */
    protection: z.enum(['os', 'passphrase']),
    passphrase: z.string().max(1_000).nullable().default(null),
  })
  .strict()
  .superRefine((k, ctx) => {
    if (k.protection !== 'passphrase' || passphraseLength(k.passphrase ?? '') >= MIN_PASSPHRASE) return;
    // As a string too short, so the form shows the usual "at least 8 characters" beside the field.
    ctx.addIssue({ code: 'too_small', origin: 'string', minimum: MIN_PASSPHRASE, inclusive: true, input: k.passphrase, path: ['passphrase'], message: `a passphrase has at least ${MIN_PASSPHRASE} characters` });
  });

/** The key that made a signature, as the form shows it afterwards: its label and fingerprint. */
export const SignedBy = z.object({ label: z.string(), fingerprint: z.string() });
export type SignedBy = z.infer<typeof SignedBy>;

export const PublicationView = z.object({
  revision: z.number().int(),
  publishedAt: z.string(),
  fingerprint: z.string(),
  digest: z.string(),
  path: z.string(),
});
export type PublicationView = z.infer<typeof PublicationView>;

/** A revision just published, and the key that signed it. */
export const SignedPublication = PublicationView.extend({ signer: SignedBy });
export type SignedPublication = z.infer<typeof SignedPublication>;

export const PublishStatus = z.object({
  /** What stops publishing, as message keys. */
  problems: z.array(z.object({ key: z.string(), params: z.record(z.string(), z.string()) })),
  publications: z.array(PublicationView),
  nextRevision: z.number().int(),
  /** The organiser key the first revision pinned, if any: later ones must use it. */
  pinnedFingerprint: z.string().nullable(),
  /** The key of this computer's key store with that fingerprint, if any: the form offers it first. */
  signerKeyId: z.string().nullable(),
  enrolled: z.number().int(),
  experts: z.number().int(),
  defaultPath: z.string(),
});
export type PublishStatus = z.infer<typeof PublishStatus>;

/** Sign with a key of the key store (keyId) or with a key file on disk (keyFile). */
export const PublishRequest = z
  .object({
    keyId: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
    keyFile: z.string().min(1).max(4096).nullable().default(null),
    passphrase: z.string().max(1_000).nullable().default(null),
    path: z.string().min(1).max(4096),
  })
  .strict()
  .refine((r) => (r.keyId === null) !== (r.keyFile === null), { message: 'give exactly one of keyId and keyFile' });

/** A file the page read and hands over whole. */
export const UploadedFile = z.object({ fileName: z.string().min(1).max(300), content: Base64.max(200_000) }).strict();

export const EnrolmentPreview = z.object({
  fileName: z.string(),
  expertId: Id,
  expertName: z.string(),
  nameInFile: z.string(),
  nameMatches: z.boolean(),
  fingerprint: z.string(),
  createdAt: z.string(),
  status: z.enum(['new', 'same', 'replaces']),
});
export type EnrolmentPreview = z.infer<typeof EnrolmentPreview>;
