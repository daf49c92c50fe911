import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import type { FinaliseRequest, FinaliseStatus, FinalisationView, KeyCheckView, VerdictView } from '../../shared/domain/chair.ts';
import type { SignedBy } from '../../shared/domain/publishing.ts';
import { AppError } from '../../shared/errors.ts';
import { auditLog } from '../services/chair/audit.ts';
import { finalise, finaliseStatus } from '../services/chair/finalise.ts';
import { checkKey, confirmKey, importBundles } from '../services/chair/intake.ts';
import { chairSources } from '../services/chair/sources.ts';
import { applyPackage, createFromPackage } from '../services/expert/packages.ts';
import type { KeyStore } from '../services/keys/key-store.ts';
import { openPackage } from '../services/package/contest-package.ts';
import { Workspace } from '../services/workspace.ts';
import { chosenKey } from './expert.ts';

/** The chair's desk: the chair's workspace from a package, bundle intake in batches, keys, signing. */

/** Where the chair's workspace for a contest lives in the app's data folder. */
export function openForChair(contestsDir: string, fileName: string, content: string): string {
  const pkg = openPackage(fileName, Buffer.from(content, 'base64'));
  const path = join(contestsDir, pkg.payload.contest.contest.id, 'chair.sqlite');
  const now = new Date().toISOString();
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    createFromPackage(path, pkg, { kind: 'chair' }, now).close();
    return path;
  }
  const ws = Workspace.open(path);
  try {
    if (ws.kind() !== 'chair') throw new AppError('chair.notChair');
    applyPackage(ws, pkg, fileName, now);
  } finally {
    ws.close();
  }
  return path;
}

/** The open workspace when it is a chair's, or a user error saying what it is instead. */
export function chairWorkspace(ws: Workspace): Workspace {
  if (ws.kind() !== 'chair') throw new AppError('chair.notChair');
  return ws;
}

/** Most files one import may stage, and most bytes: a national contest's bundles fit many times over. */
const MAX_BATCH_FILES = 5_000;
const MAX_BATCH_BYTES = 2 * 1024 ** 3;

/** Staging folders not yet removed; whatever the process leaves, it removes them as it exits. */
const staging = new Set<string>();
const removeStaging = (dir: string) => {
  staging.delete(dir);
  rmSync(dir, { recursive: true, force: true });
};
process.once('exit', () => {
  for (const dir of staging) removeStaging(dir);
});

interface Batch {
  id: string;
  /** The batch's own folder, where each file is written as it arrives (never kept in memory). */
  dir: string;
  files: { file: string; path: string }[];
  names: Set<string>;
  bytes: number;
}

/**
 * Bundles arrive one file per call, so the page can show progress while it sends a folder of them;
 * nothing is judged or stored until the whole batch is imported, in one transaction. Each file is
 * written to a temporary folder as it arrives and read again, one at a time, by the import; the
 * folder goes with the import, the next batch, a discard, or the process.
 */
export class BundleIntake {
  private batch: Batch | null = null;

  begin(): { batch: string } {
    this.drop();
    const dir = mkdtempSync(join(tmpdir(), 'jurybox-bundles-'));
    staging.add(dir);
    this.batch = { id: randomUUID(), dir, files: [], names: new Set(), bytes: 0 };
    return { batch: this.batch.id };
  }

  private current(id: string): Batch {
    if (this.batch?.id !== id) throw new AppError('bundles.noBatch');
    return this.batch;
  }

  stage(id: string, fileName: string, content: string): { staged: number } {
    const batch = this.current(id);
    const bytes = Buffer.from(content, 'base64');
    if (batch.files.length >= MAX_BATCH_FILES || batch.bytes + bytes.length > MAX_BATCH_BYTES) throw new AppError('bundles.batchTooLarge', { files: MAX_BATCH_FILES });
    // The same name twice (two folders with kim.jbresult): keep both, told apart by a number.
    let file = fileName;
    for (let n = 2; batch.names.has(file); n += 1) file = `${fileName} (${n})`;
    // Named by number: the file's own name is only shown, never used as a path.
    const path = join(batch.dir, `${String(batch.files.length + 1).padStart(5, '0')}.jbresult`);
    writeFileSync(path, bytes, { flag: 'wx' });
    batch.files.push({ file, path });
    batch.names.add(file);
    batch.bytes += bytes.length;
    return { staged: batch.files.length };
  }

  commit(ws: Workspace, id: string): VerdictView[] {
    const batch = this.current(id);
    const db = chairWorkspace(ws).db;
    const verdicts = importBundles(db, batch.files, new Date().toISOString());
    this.drop();
    const names = new Map(chairSources(db).contest.experts.map((x) => [x.id, x.name]));
    return verdicts.map((v) => ({
      file: v.file,
      status: v.status,
      expertId: v.expertId,
      expertName: v.expertId ? (names.get(v.expertId) ?? null) : null,
      sequence: v.sequence,
      draft: v.draft,
      packageRevision: v.packageRevision,
      digest: v.digest,
      reason: v.reason ? { key: v.reason.code, params: v.reason.params } : null,
    }));
  }

  discard(id: string): void {
    if (this.batch?.id === id) this.drop();
  }

  /** The batch and its files, gone. */
  private drop(): void {
    if (this.batch) removeStaging(this.batch.dir);
    this.batch = null;
  }
}

export function checkEnrolment(ws: Workspace, fileName: string, content: string): KeyCheckView {
  return checkKey(chairWorkspace(ws).db, Buffer.from(content, 'base64'), fileName);
}

export function confirmEnrolmentKey(ws: Workspace, fileName: string, content: string): KeyCheckView {
  return confirmKey(chairWorkspace(ws).db, Buffer.from(content, 'base64'), fileName, new Date().toISOString());
}

export function signResults(ws: Workspace, keys: KeyStore, request: z.output<typeof FinaliseRequest>): FinalisationView & { signer: SignedBy } {
  const db = chairWorkspace(ws).db;
  const { key, signer } = chosenKey(keys, request);
  return { ...finalise(db, key, { path: resolve(request.path), chairName: request.chairName, now: new Date().toISOString() }), signer };
}

/** What the finalise screen shows, with the key of this computer's store the roster names for the chair. */
export function finaliseView(ws: Workspace, keys: KeyStore): FinaliseStatus {
  const status = finaliseStatus(chairWorkspace(ws).db, defaultResultsPath(ws));
  return { ...status, signerKeyId: keys.withFingerprint(status.rosterFingerprint) };
}

export const defaultResultsPath = (ws: Workspace): string => join(dirname(ws.path), `results-${new Date().toISOString().slice(0, 10)}.jbmerged`);

export const auditView = (ws: Workspace) => auditLog(chairWorkspace(ws).db);
