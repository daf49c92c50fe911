import { AppError } from '../../../shared/errors.ts';
import type { ContestPackage } from '../../../shared/formats/payloads.ts';
import { fingerprintOf, publicKeyFromBase64, publicKeyToBase64 } from './keys.ts';

/**
 * Who may sign a file, decided before anything is signed or written. A signature by any other key
 * would be reported as made and then refused by whoever reads the file (the chair, the experts),
 * long after the signer could have chosen the right key.
 */
export interface SignerRule {
  /** The signer as the messages name them: an expert's or the chair's name, the organiser's. */
  name: string;
  /**
   * The one key that may sign and who named it: the contest roster (an expert, the chair), or the
   * first revision of the package, which pinned the organiser key. Null while no key is named yet.
   */
  expected: { publicKey: string; by: 'roster' | 'pinned' } | null;
  /** Keys that are someone else's (owner null: the organiser's), refused even while no key is named. */
  others: { owner: string | null; publicKey: string }[];
}

// Keys are compared as the canonical base64 the roster and the workspaces keep them in: a roster of
// a thousand experts is not decoded for one signature.

/** Refuses `publicKey` unless `rule` lets it sign; the message names both fingerprints. */
export function checkSigner(publicKey: Buffer, rule: SignerRule): void {
  const offered = publicKeyToBase64(publicKey);
  const fingerprint = (b64: string) => fingerprintOf(publicKeyFromBase64(b64));
  const { expected } = rule;
  if (expected) {
    if (expected.publicKey === offered) return;
    const code = expected.by === 'roster' ? 'sign.notRosterKey' : 'sign.notPinnedKey';
    throw new AppError(code, { name: rule.name, expected: fingerprint(expected.publicKey), offered: fingerprint(offered) });
  }
  const other = rule.others.find((o) => o.publicKey === offered);
  if (other?.owner === null) throw new AppError('sign.organiserKey', { name: rule.name, offered: fingerprint(offered) });
  if (other) throw new AppError('sign.othersKey', { name: rule.name, owner: other.owner, offered: fingerprint(offered) });
}

/**
 * The rule for a person of a contest package (an expert, or the chair): the key its roster gives
 * them; while it gives none, any key that is not the organiser's or another person's on the roster
 * (the chair confirms such a key by its fingerprint). `name` stands in when the person is not in the
 * contest (a contest without a chair).
 */
export function rosterRule(pkg: ContestPackage, personId: string | null, name = ''): SignerRule {
  const names = new Map(pkg.contest.experts.map((x) => [x.id, x.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const mine = pkg.roster.find((r) => r.expertId === personId);
  return {
    name: personId === null ? name : nameOf(personId),
    expected: mine ? { publicKey: mine.publicKey, by: 'roster' } : null,
    others: [
      { owner: null, publicKey: pkg.organiser.publicKey },
      ...pkg.roster.filter((r) => r.expertId !== personId).map((r) => ({ owner: nameOf(r.expertId), publicKey: r.publicKey })),
    ],
  };
}

/**
 * The chair's rule on a contest package: the roster's key of the expert whose role is chair. Keys
 * the chair confirmed for experts the roster gives none (`confirmed`, by expert id) are those
 * experts' as much as a roster's key would be, so they never sign for the chair.
 */
export function chairRule(pkg: ContestPackage, chairName: string, confirmed: ReadonlyMap<string, string> = new Map()): SignerRule {
  const chairId = pkg.contest.experts.find((x) => x.role === 'chair')?.id ?? null;
  const rule = rosterRule(pkg, chairId, chairName);
  const nameOf = (id: string) => pkg.contest.experts.find((x) => x.id === id)?.name ?? id;
  const theirs = [...confirmed].filter(([id]) => id !== chairId).map(([id, publicKey]) => ({ owner: nameOf(id), publicKey }));
  return { ...rule, others: [...rule.others, ...theirs] };
}

/**
 * An enrolment's rule: a new key enrols (that is what an enrolment is for), so no key is expected;
 * but never one that is already the organiser's or another person's on the roster.
 */
export function enrolmentRule(pkg: ContestPackage, expertId: string): SignerRule {
  return { ...rosterRule(pkg, expertId), expected: null };
}
