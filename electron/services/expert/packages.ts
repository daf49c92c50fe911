import { audit } from '../chair/audit.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ClearedMark } from '../../../shared/domain/expert.ts';
import type { Db } from '../../db/connection.ts';
import { syncContest } from '../../db/queries/sync.ts';
import { openPackage, type OpenedPackage } from '../package/contest-package.ts';
import { fingerprintOf, publicKeyFromBase64, publicKeyToBase64 } from '../signing/keys.ts';
import { Workspace } from '../workspace.ts';

/** Meta keys of an expert's workspace. */
export const EXPERT_META = { kind: 'kind', expert: 'expert_id', organiserKey: 'organiser_key' } as const;

const meta = (db: Db, key: string): string | null => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
const setMeta = (db: Db, key: string, value: string): void => {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
};

/**
 * The newest package each open workspace holds, opened: verifying a national contest's package again
 * takes ~0.5 s, and every signature checks its roster. Kept by digest, so a newer revision replaces it.
 */
const openedPackages = new WeakMap<Db, OpenedPackage>();

function recordPackage(db: Db, pkg: OpenedPackage, now: string): void {
  db.prepare('INSERT INTO packages (revision, digest, organiser_key, opened_at, envelope) VALUES (?, ?, ?, ?, ?)').run(
    pkg.payload.revision, pkg.envelope.digest, publicKeyToBase64(pkg.organiserKey), now, pkg.bytes,
  );
  // Just verified: heldPackage need not verify it again (it checks the digest it holds).
  openedPackages.set(db, pkg);
}

/** Whether a workspace was made from a contest package for one expert (rather than by an organiser). */
export function expertOf(db: Db): string | null {
  return meta(db, EXPERT_META.kind) === 'expert' ? meta(db, EXPERT_META.expert) : null;
}

/** Who a workspace made from a package is for: one expert, or the jury chair (who merges). */
export type PackageRole = { kind: 'expert'; expertId: string } | { kind: 'chair' };

/** The role of a workspace made from a package; null for an organiser's workspace. */
export function roleOf(db: Db): PackageRole | null {
  const kind = meta(db, EXPERT_META.kind);
  if (kind === 'chair') return { kind: 'chair' };
  const expertId = meta(db, EXPERT_META.expert);
  return kind === 'expert' && expertId !== null ? { kind: 'expert', expertId } : null;
}

/** The revision and digest of the package an expert's workspace holds now. */
export function currentPackage(db: Db): { revision: number; digest: string; organiserKey: string } | null {
  const row = db.prepare('SELECT revision, digest, organiser_key FROM packages ORDER BY revision DESC LIMIT 1').get() as
    | { revision: number; digest: string; organiser_key: string }
    | undefined;
  return row ? { revision: row.revision, digest: row.digest, organiserKey: row.organiser_key } : null;
}

/** The newest revision of the package a workspace made from one holds, opened (and verified). */
export function heldPackage(db: Db): OpenedPackage | null {
  const digest = currentPackage(db)?.digest;
  if (digest === undefined) return null;
  const kept = openedPackages.get(db);
  if (kept?.envelope.digest === digest) return kept;
  const row = db.prepare('SELECT envelope FROM packages WHERE digest = ?').get(digest) as { envelope: Buffer };
  const pkg = openPackage('package', row.envelope);
  openedPackages.set(db, pkg);
  return pkg;
}

/**
 * A new workspace made from a verified contest package, for one expert (it scores for that expert
 * only) or for the jury chair (it takes in the experts' bundles). The package's organiser key is
 * pinned: later revisions must carry the same key.
 */
export function createFromPackage(path: string, opened: OpenedPackage, role: PackageRole, now: string): Workspace {
  if (role.kind === 'expert' && !opened.payload.contest.experts.some((x) => x.id === role.expertId)) throw new AppError('scoring.unknownExpert', { expertId: role.expertId });
  const ws = Workspace.create(path, opened.payload.contest, {
    ...(role.kind === 'expert' ? { scorerId: role.expertId } : {}),
    prepare(db) {
      setMeta(db, EXPERT_META.kind, role.kind);
      if (role.kind === 'expert') setMeta(db, EXPERT_META.expert, role.expertId);
      setMeta(db, EXPERT_META.organiserKey, publicKeyToBase64(opened.organiserKey));
      recordPackage(db, opened, now);
      if (role.kind === 'chair') audit(db, now, 'package.opened', opened.fingerprint, { revision: opened.payload.revision, digest: opened.envelope.digest });
    },
  });
  openedPackages.set(ws.db, opened);
  return ws;
}

/** An expert's new workspace (see createFromPackage). */
export function createExpertWorkspace(path: string, opened: OpenedPackage, expertId: string, now: string): Workspace {
  return createFromPackage(path, opened, { kind: 'expert', expertId }, now);
}

export interface PackageUpdate {
  revision: number;
  /** False when the workspace already held exactly this revision. */
  updated: boolean;
  /** Marks the new revision's scales no longer hold, cleared: the expert gives them again. */
  cleared: ClearedMark[];
}

/**
 * Takes a newer revision of the contest package into an expert's workspace. Refused: a package
 * signed by another key than the pinned one, another contest, an older revision, a different file
 * under a revision already held, or a revision without this expert.
 */
export function applyPackage(ws: Workspace, opened: OpenedPackage, source: string, now: string): PackageUpdate {
  const db = ws.db;
  const role = roleOf(db);
  const held = currentPackage(db);
  const pinned = meta(db, EXPERT_META.organiserKey);
  if (role === null || held === null || pinned === null) throw new AppError('package.notExpertWorkspace', { file: source });
  const key = publicKeyToBase64(opened.organiserKey);
  if (key !== pinned) throw new AppError('package.otherKey', { file: source, fingerprint: opened.fingerprint, pinned: fingerprintOf(publicKeyFromBase64(pinned)) });
  const contestId = (db.prepare('SELECT id FROM contests LIMIT 1').get() as { id: string }).id;
  if (opened.payload.contest.contest.id !== contestId) throw new AppError('package.otherContest', { file: source, contest: opened.payload.contest.contest.title });
  const revision = opened.payload.revision;
  if (revision < held.revision) throw new AppError('package.older', { file: source, revision, held: held.revision });
  if (revision === held.revision) {
    if (opened.envelope.digest !== held.digest) throw new AppError('package.sameRevisionDiffers', { file: source, revision });
    return { revision, updated: false, cleared: [] };
  }
  if (role.kind === 'expert' && !opened.payload.contest.experts.some((x) => x.id === role.expertId)) throw new AppError('package.expertRemoved', { file: source, expertId: role.expertId });
  const cleared = db.transaction(() => {
    const off = syncContest(db, opened.payload.contest, now);
    recordPackage(db, opened, now);
    // The chair's results depend on the revision: taking a new one is a decision worth recording.
    if (role.kind === 'chair') audit(db, now, 'package.applied', source, { revision, digest: opened.envelope.digest });
    return off;
  })();
  return { revision, updated: true, cleared };
}

/** Opens a package from bytes the page read (or a path), for the checks above. */
export function readPackage(source: string, bytes?: Buffer): OpenedPackage {
  return openPackage(source, bytes);
}
