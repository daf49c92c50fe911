import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import type { EnrolRequest, PackagePreview, SubmitRequest, SubmitStatus } from '../../shared/domain/expert.ts';
import type { SignedBy } from '../../shared/domain/publishing.ts';
import { describeKeyFile, keyFileText, type KeyStore } from '../services/keys/key-store.ts';
import { applyPackage, createExpertWorkspace, currentPackage, heldPackage } from '../services/expert/packages.ts';
import { missingWork, submissions, submit, type Submission } from '../services/expert/submit.ts';
import { openPackage, type OpenedPackage } from '../services/package/contest-package.ts';
import { writeEnrolment } from '../services/package/enrolment.ts';
import { unlockKeyFile } from '../services/signing/key-file.ts';
import { fingerprintOf, publicKeyFromBase64, type Ed25519Key } from '../services/signing/keys.ts';
import { checkNewFile } from '../services/user-files.ts';
import { Workspace } from '../services/workspace.ts';

/** The expert's desk: opening packages, signing result bundles and enrolments. */

export function previewPackage(fileName: string, content: string): PackagePreview {
  const opened = openPackage(fileName, Buffer.from(content, 'base64'));
  const enrolled = new Set(opened.payload.roster.map((r) => r.expertId));
  return {
    fileName,
    contestId: opened.payload.contest.contest.id,
    title: opened.payload.contest.contest.title,
    revision: opened.payload.revision,
    organiserName: opened.payload.organiser.name,
    fingerprint: opened.fingerprint,
    experts: opened.payload.contest.experts.map((x) => ({ id: x.id, name: x.name, organisation: x.organisation, enrolled: enrolled.has(x.id) })),
  };
}

/** Where an expert's workspace for a contest lives in the app's data folder. */
export const expertWorkspacePath = (contestsDir: string, pkg: OpenedPackage, expertId: string): string =>
  join(contestsDir, pkg.payload.contest.contest.id, `${expertId}.sqlite`);

/**
 * The expert's workspace for this package: made on the first package of a contest, or brought to
 * this newer revision when it exists (with the pinned key and revision checks). Returns its path.
 */
export function openForExpert(contestsDir: string, fileName: string, content: string, expertId: string): string {
  const pkg = openPackage(fileName, Buffer.from(content, 'base64'));
  const path = expertWorkspacePath(contestsDir, pkg, expertId);
  const now = new Date().toISOString();
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    createExpertWorkspace(path, pkg, expertId, now).close();
    return path;
  }
  const ws = Workspace.open(path);
  try {
    applyPackage(ws, pkg, fileName, now);
  } finally {
    ws.close();
  }
  return path;
}

/** A signing key the user chose, unlocked, and what the form shows of it once it has signed. */
export interface ChosenKey {
  key: Ed25519Key;
  signer: SignedBy;
}

/** Unlocks the signing key the user chose: one from the key store, or a key file on disk. */
export function chosenKey(keys: KeyStore, request: { keyId: string | null; keyFile: string | null; passphrase: string | null }): ChosenKey {
  if (request.keyId !== null) {
    const key = keys.unlock(request.keyId, request.passphrase);
    return { key, signer: { label: keys.list().find((k) => k.keyId === request.keyId)?.label ?? '', fingerprint: fingerprintOf(key.publicKey) } };
  }
  const path = resolve(request.keyFile ?? '');
  const text = keyFileText(path);
  const { label } = describeKeyFile(text, path);
  const key = unlockKeyFile(text, request.passphrase ? { passphrase: request.passphrase } : {}, path);
  return { key, signer: { label, fingerprint: fingerprintOf(key.publicKey) } };
}

function packageHeld(ws: Workspace): OpenedPackage {
  const pkg = heldPackage(ws.db);
  if (!pkg) throw new AppError('submit.notExpertWorkspace');
  return pkg;
}

export function submitStatus(ws: Workspace, keys: KeyStore): SubmitStatus {
  const expertId = ws.expertId();
  const pkg = currentPackage(ws.db);
  if (expertId === null || pkg === null) throw new AppError('submit.notExpertWorkspace');
  const held = submissions(ws);
  const roster = packageHeld(ws).payload.roster.find((r) => r.expertId === expertId);
  const next = (held[0]?.sequence ?? 0) + 1;
  const rosterFingerprint = roster ? fingerprintOf(publicKeyFromBase64(roster.publicKey)) : null;
  return {
    missing: missingWork(ws),
    submissions: held,
    nextSequence: next,
    packageRevision: pkg.revision,
    rosterFingerprint,
    signerKeyId: keys.withFingerprint(rosterFingerprint),
    defaultPath: join(dirname(ws.path), `${expertId}-${next}.jbresult`),
    expertName: ws.summary().scorer?.name ?? expertId,
  };
}

export function runSubmit(ws: Workspace, keys: KeyStore, request: z.output<typeof SubmitRequest>): Submission & { signer: SignedBy } {
  const { key, signer } = chosenKey(keys, request);
  return { ...submit(ws, key, { path: resolve(request.path), draft: request.draft, now: new Date().toISOString() }), signer };
}

/** Writes this expert's enrolment for the contest the workspace holds, signed by the chosen key. */
export function exportEnrolment(ws: Workspace, keys: KeyStore, request: z.output<typeof EnrolRequest>): { path: string; fingerprint: string } {
  const expertId = ws.expertId();
  if (expertId === null) throw new AppError('submit.notExpertWorkspace');
  const path = resolve(request.path);
  checkNewFile(path);
  const { key } = chosenKey(keys, request);
  const pkg = packageHeld(ws);
  return writeEnrolment(pkg.payload, ws.summary().contest.title, expertId, key, { path, now: new Date().toISOString() });
}

export function updatePackage(ws: Workspace, fileName: string, content: string) {
  return applyPackage(ws, openPackage(fileName, Buffer.from(content, 'base64')), fileName, new Date().toISOString());
}
