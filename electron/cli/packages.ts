import { AppError } from '../../shared/errors.ts';
import { openPackage, type OpenedPackage } from '../services/package/contest-package.ts';

/**
 * The contest packages a command is given (--contest), in order of revision: one contest's, signed
 * by one organiser key (the key its first revision pins for the experts), each revision once.
 * Otherwise whose roster says who may sign (an expert, the chair) would depend on which file came last.
 * The same file given twice counts once.
 */
export function contestPackages(files: readonly string[]): OpenedPackage[] {
  const byRevision = new Map<number, { file: string; pkg: OpenedPackage }>();
  let first: OpenedPackage | undefined;
  for (const file of files) {
    const pkg = openPackage(file);
    first ??= pkg;
    if (pkg.payload.contest.contest.id !== first.payload.contest.contest.id || pkg.fingerprint !== first.fingerprint) {
      throw new AppError('cli.verify.mixedPackages', { file });
    }
    const held = byRevision.get(pkg.payload.revision);
    if (held && held.pkg.envelope.digest !== pkg.envelope.digest) {
      throw new AppError('cli.packages.sameRevision', { file, other: held.file, revision: String(pkg.payload.revision) });
    }
    byRevision.set(pkg.payload.revision, held ?? { file, pkg });
  }
  return [...byRevision.values()].map((p) => p.pkg).sort((a, b) => a.payload.revision - b.payload.revision);
}
