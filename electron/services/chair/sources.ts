import type { Db } from '../../db/connection.ts';
import type { ContestDefinition } from '../../../shared/domain/contest.ts';
import type { OpenedPackage } from '../package/contest-package.ts';
import { latestContest } from './coverage.ts';
import { judgeContext } from './intake.ts';
import type { MergeSources } from './merge.ts';
import type { Tie } from './results.ts';

export interface HeldTie extends Tie {
  id: number;
  decidedAt: string;
}

/** The chair's tie decisions, oldest first. */
export function heldTies(db: Db): HeldTie[] {
  const rows = db.prepare('SELECT id, nomination_id, category_id, entry_ids, reason, decided_at FROM tie_decisions ORDER BY id').all() as {
    id: number;
    nomination_id: string;
    category_id: string | null;
    entry_ids: string;
    reason: string;
    decided_at: string;
  }[];
  return rows.map((r) => ({ id: r.id, nominationId: r.nomination_id, categoryId: r.category_id, entryIds: JSON.parse(r.entry_ids) as string[], reason: r.reason, decidedAt: r.decided_at }));
}

type Bundle = MergeSources['bundles'][number];

/** Everything a chair's workspace holds that results are computed from: packages, the bundles that stand, keys, ties. */
export type ChairSources = Omit<MergeSources, 'ties'> & {
  contest: ContestDefinition;
  packages: OpenedPackage[];
  ties: HeldTie[];
  /**
   * What is computed from these packages and bundles (groups, rankings, statistics), kept with them
   * and dropped when either changes; see `cached`.
   */
  cache: Map<string, { stamp: string; value: unknown }>;
};

/** What was read from one chair's workspace, kept until its packages or its standing bundles change. */
interface Held {
  /** The revisions and digests of the packages the workspace held when they were opened. */
  packagesKey: string;
  packages: OpenedPackage[];
  contest: ContestDefinition;
  /** The standing bundle of each expert, with its marks, by the digest it was read for. */
  bundles: Map<string, Bundle>;
  /** The digests of the standing bundles, in expert order. */
  bundlesKey: string;
  cache: ChairSources['cache'];
}

const held = new WeakMap<Db, Held>();

/**
 * The packages, opened and verified again only when the set of revisions changed (a new one was
 * taken in): re-verifying the package is ~0.5 s at national scale, on every screen otherwise.
 */
function packagesOf(db: Db, before: Held | undefined): Pick<Held, 'packagesKey' | 'packages' | 'contest'> {
  const rows = db.prepare('SELECT revision, digest FROM packages ORDER BY revision').all() as { revision: number; digest: string }[];
  const packagesKey = rows.map((r) => `${r.revision}:${r.digest}`).join(',');
  if (before?.packagesKey === packagesKey) return { packagesKey, packages: before.packages, contest: before.contest };
  const { packages } = judgeContext(db);
  return { packagesKey, packages, contest: latestContest(db, packages) };
}

/**
 * The bundles that stand. A bundle's marks are those of its file, so they are read again only for
 * experts whose standing bundle is another one (by digest) than when they were last read: after an
 * import of one correction, one expert's marks rather than a million.
 */
function bundlesOf(db: Db, before: Held | undefined): Pick<Held, 'bundles' | 'bundlesKey'> {
  const rows = db.prepare("SELECT digest, expert_id, sequence, draft FROM bundles WHERE status = 'current' ORDER BY expert_id").all() as { digest: string; expert_id: string; sequence: number; draft: number }[];
  const bundlesKey = rows.map((r) => r.digest).join(',');
  if (before?.bundlesKey === bundlesKey) return { bundles: before.bundles, bundlesKey };
  const marksOf = db.prepare('SELECT entry_id, criterion_id, value, comment FROM bundle_marks WHERE expert_id = ? ORDER BY entry_id, criterion_id');
  const bundles = new Map<string, Bundle>();
  for (const r of rows) {
    const kept = before?.bundles.get(r.expert_id);
    if (kept?.digest === r.digest) {
      bundles.set(r.expert_id, kept);
      continue;
    }
    const raw = marksOf.raw().all(r.expert_id) as [string, string, number, string][];
    const marks = raw.map(([entryId, criterionId, value, comment]) => ({ entryId, criterionId, value, comment }));
    bundles.set(r.expert_id, { expertId: r.expert_id, sequence: r.sequence, digest: r.digest, draft: r.draft === 1, marks });
  }
  return { bundles, bundlesKey };
}

/**
 * Everything a chair's workspace holds that results are computed from: packages, the bundles that
 * stand, keys, ties. Packages and bundles are kept in memory per workspace and read again when
 * they change (checked on every call by their digests, so an import, a package update or a
 * restored backup is seen whoever made it); keys and ties are read every time. The objects
 * returned are shared between calls: read them, never change them.
 */
export function chairSources(db: Db): ChairSources {
  // One read transaction: the digests and the marks read for them come from the same state of the file.
  return db.transaction(() => {
    const before = held.get(db);
    const packages = packagesOf(db, before);
    const bundles = bundlesOf(db, before);
    const same = before !== undefined && packages.packagesKey === before.packagesKey && bundles.bundlesKey === before.bundlesKey;
    const now: Held = same ? before : { ...packages, ...bundles, cache: new Map() };
    held.set(db, now);
    const confirmedKeys = new Map((db.prepare('SELECT expert_id, public_key FROM confirmed_keys').all() as { expert_id: string; public_key: string }[]).map((r) => [r.expert_id, r.public_key]));
    return { contest: now.contest, packages: now.packages, bundles: [...now.bundles.values()], confirmedKeys, ties: heldTies(db), cache: now.cache };
  })();
}

/**
 * A value computed from `sources`' packages and bundles, remembered with them under `name` while
 * `stamp` (what else it depends on, e.g. the tie decisions) stays the same.
 */
export function cached<T>(sources: ChairSources, name: string, stamp: string, compute: () => T): T {
  const hit = sources.cache.get(name);
  if (hit?.stamp === stamp) return hit.value as T;
  const value = compute();
  sources.cache.set(name, { stamp, value });
  return value;
}
