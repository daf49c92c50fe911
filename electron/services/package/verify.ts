import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import type { FileKind } from '../../../shared/formats/dsse.ts';
import type { Params } from '../../../shared/i18n/index.ts';
import { readEnvelopeFile } from '../signing/envelope.ts';
import { packageFrom } from './contest-package.ts';
import { enrolmentFrom } from './enrolment.ts';

/** The verdict on one file: what it is, who signed it, and, when refused, why. */
export interface Verdict {
  file: string;
  kind: FileKind | null;
  ok: boolean;
  /** The signer's fingerprint, for comparing by phone. */
  signer: string | null;
  /** What identifies this file among its kind: the revision of a package, the expert of an enrolment. */
  details: Params;
  reason: { code: string; params: Params } | null;
}

/**
 * Verifies one file that travels, whatever its kind, on its own: the envelope is intact and signed
 * by the key it names, and the payload is what its kind must hold. (Whether that key is the right
 * one is a matter of the fingerprint, or, for bundles, of the contest's roster.)
 */
export function verifyFile(file: string): Verdict {
  let kind: FileKind | null = null;
  try {
    const envelope = readEnvelopeFile(file);
    kind = envelope.kind;
    switch (envelope.kind) {
      case 'contest': {
        const pkg = packageFrom(envelope, file);
        return { file, kind, ok: true, signer: pkg.fingerprint, details: { revision: pkg.payload.revision, contest: pkg.payload.contest.contest.title, roster: pkg.payload.roster.length }, reason: null };
      }
      case 'enrolment': {
        const opened = enrolmentFrom(envelope, readFileSync(file), file);
        return { file, kind, ok: true, signer: opened.fingerprint, details: { expert: opened.enrolment.expertId, name: opened.enrolment.name }, reason: null };
      }
    }
  } catch (error) {
    if (error instanceof AppError) return { file, kind, ok: false, signer: null, details: {}, reason: { code: error.code, params: error.params } };
    throw error;
  }
}
