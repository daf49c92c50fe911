import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { publishProblems } from '../../shared/domain/contest.ts';
import type { EnrolmentPreview, PublicationView, PublishRequest, PublishStatus, SignedBy, UploadedFile } from '../../shared/domain/publishing.ts';
import type { KeyStore } from '../services/keys/key-store.ts';
import { publications, publish } from '../services/package/contest-package.ts';
import { checkEnrolment, confirmEnrolment, type EnrolmentCheck } from '../services/package/enrolment.ts';
import type { Workspace } from '../services/workspace.ts';
import { chosenKey } from './expert.ts';

/** The organiser's publishing desk: the package's next revision, the keys that sign it, enrolments. */

export function publishStatus(ws: Workspace, keys: KeyStore): PublishStatus {
  const def = ws.definition();
  const published = publications(ws.db);
  const next = (published[0]?.revision ?? 0) + 1;
  const count = (sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;
  return {
    problems: publishProblems(def),
    publications: published.map(({ organiserKey: _key, ...p }) => p),
    nextRevision: next,
    pinnedFingerprint: published.at(-1)?.fingerprint ?? null,
    signerKeyId: keys.withFingerprint(published.at(-1)?.fingerprint ?? null),
    enrolled: count('SELECT count(*) AS n FROM enrolments'),
    experts: def.experts.length,
    defaultPath: join(dirname(ws.path), `${def.contest.id}-r${next}.jbcontest`),
  };
}

/** Signs the next revision with the chosen key, named by its label in the package. */
export function runPublish(ws: Workspace, keys: KeyStore, request: z.output<typeof PublishRequest>): PublicationView & { signer: SignedBy } {
  const { key, signer } = chosenKey(keys, request);
  const { organiserKey: _key, ...done } = publish(ws.db, key, { path: resolve(request.path), organiserName: signer.label, now: new Date().toISOString() });
  return { ...done, signer };
}

function view(fileName: string, checked: EnrolmentCheck): EnrolmentPreview {
  return {
    fileName,
    expertId: checked.enrolment.expertId,
    expertName: checked.expertName,
    nameInFile: checked.enrolment.name,
    nameMatches: checked.nameMatches,
    fingerprint: checked.fingerprint,
    createdAt: checked.enrolment.createdAt,
    status: checked.status,
  };
}

export function previewEnrolment(ws: Workspace, file: z.output<typeof UploadedFile>): EnrolmentPreview {
  return view(file.fileName, checkEnrolment(ws.db, Buffer.from(file.content, 'base64'), file.fileName));
}

export function acceptEnrolment(ws: Workspace, file: z.output<typeof UploadedFile>): EnrolmentPreview {
  return view(file.fileName, confirmEnrolment(ws.db, Buffer.from(file.content, 'base64'), file.fileName, new Date().toISOString()));
}
