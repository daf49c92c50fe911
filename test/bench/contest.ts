import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPackage, nextPackage, publish, type OpenedPackage } from '../../electron/services/package/contest-package.ts';
import { confirmEnrolment, createEnrolment } from '../../electron/services/package/enrolment.ts';
import { generateKey, type Ed25519Key } from '../../electron/services/signing/keys.ts';
import { Workspace } from '../../electron/services/workspace.ts';
import { syntheticContest, type BenchSize } from './synthetic.ts';
import { timed } from './stats.ts';

export interface PublishedContest {
  organiserPath: string;
  packagePath: string;
  pkg: OpenedPackage;
  /** Each expert's enrolled key, by expert index. */
  keys: Ed25519Key[];
  packageBytes: number;
  timings: { workspaceMs: number; enrolMs: number; publishMs: number; openMs: number };
}

const ORGANISER = 'Оргкомитет синтетического конкурса (бенчмарк)';

/**
 * The organiser's way to a signed contest package: the contest in a workspace, every expert's
 * enrolment (a fresh key, the self-signed .jbenrol, the organiser's confirmation), then the
 * package published with the roster and opened (verified) as an expert or the chair opens it.
 */
export function publishContest(size: BenchSize, assign: 'entries' | 'nomination', dir: string, now: string): PublishedContest {
  mkdirSync(dir, { recursive: true });
  const organiserPath = join(dir, 'organiser.sqlite');
  const packagePath = join(dir, 'contest.jbcontest');
  const created = timed(() => Workspace.create(organiserPath, syntheticContest(size, assign)));
  const ws = created.value;
  try {
    const organiser = generateKey();
    const keys = Array.from({ length: size.experts }, () => generateKey());
    const enrol = timed(() => {
      const draft = nextPackage(ws.db, { name: ORGANISER, publicKey: organiser.publicKey }, now);
      draft.contest.experts.forEach((x, i) => {
        const key = keys[i];
        if (key) confirmEnrolment(ws.db, createEnrolment(draft, x.id, key, now), `${x.id}.jbenrol`, now);
      });
    });
    const published = timed(() => publish(ws.db, organiser, { path: packagePath, organiserName: ORGANISER, now }));
    const opened = timed(() => openPackage(packagePath));
    return {
      organiserPath,
      packagePath,
      pkg: opened.value,
      keys,
      packageBytes: opened.value.bytes.length,
      timings: { workspaceMs: created.ms, enrolMs: enrol.ms, publishMs: published.ms, openMs: opened.ms },
    };
  } finally {
    ws.close();
  }
}
