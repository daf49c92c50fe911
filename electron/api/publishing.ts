import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { publishProblems } from '../../shared/domain/contest.ts';
import type { EnrolmentPreview, PublicationView, PublishRequest, PublishStatus, UploadedFile } from '../../shared/domain/publishing.ts';
import { describeKeyFile, type KeyStore } from '../services/keys/key-store.ts';
import { publications, publish } from '../services/package/contest-package.ts';
import { checkEnrolment, confirmEnrolment, type EnrolmentCheck } from '../services/package/enrolment.ts';
import { unlockKeyFile } from '../services/signing/key-file.ts';
import type { Workspace } from '../services/workspace.ts';

/** The organiser's publishing desk: the package's next revision, the keys that sign it, enrolments. */

export function publishStatus(ws: Workspace): PublishStatus {
  const def = ws.definition();
  const published = publications(ws.db);
  const next = (published[0]?.revision ?? 0) + 1;
  const count = (sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;
  return {
    problems: publishProblems(def),
    publications: published.map(({ organiserKey: _key, ...p }) => p),
    nextRevision: next,
    pinnedFingerprint: published.at(-1)?.fingerprint ?? null,
    enrolled: count('SELECT count(*) AS n FROM enrolments'),
    experts: def.experts.length,
    defaultPath: join(dirname(ws.path), `${def.contest.id}-r${next}.jbcontest`),
  };
}

export function runPublish(ws: Workspace, keys: KeyStore, request: z.output<typeof PublishRequest>): PublicationView {
  let key;
  let label;
  if (request.keyId !== null) {
    key = keys.unlock(request.keyId, request.passphrase);
    label = keys.list().find((k) => k.keyId === request.keyId)?.label ?? '';
  } else {
    const path = resolve(request.keyFile ?? '');
    if (!existsSync(path)) throw new AppError('file.notFound', { file: path });
    const text = readFileSync(path, 'utf8');
    label = describeKeyFile(text, path).label;
    key = unlockKeyFile(text, request.passphrase ? { passphrase: request.passphrase } : {}, path);
  }
  const { organiserKey: _key, ...done } = publish(ws.db, key, { path: resolve(request.path), organiserName: label, now: new Date().toISOString() });
  return done;
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
