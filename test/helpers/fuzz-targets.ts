import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { Params } from '../../shared/i18n/index.ts';
import { BundleIntake, checkEnrolment, confirmEnrolmentKey } from '../../electron/api/chair.ts';
import { updatePackage } from '../../electron/api/expert.ts';
import type { Db } from '../../electron/db/connection.ts';
import { judgeBundles } from '../../electron/services/bundles/judge.ts';
import { heldBundles, judgeContext } from '../../electron/services/chair/intake.ts';
import { DEMO_PASSPHRASE, writeDemo } from '../../electron/services/demo/demo.ts';
import { createFromPackage, createExpertWorkspace } from '../../electron/services/expert/packages.ts';
import { openPackage, publish } from '../../electron/services/package/contest-package.ts';
import { createEnrolment } from '../../electron/services/package/enrolment.ts';
import { unlockKeyFile } from '../../electron/services/signing/key-file.ts';
import { generateKey, type Ed25519Key } from '../../electron/services/signing/keys.ts';
import { openResultsFile } from '../../electron/services/venue/results-file.ts';
import { Workspace } from '../../electron/services/workspace.ts';
import type { Original, PayloadFields } from './fuzz-mutations.ts';

/**
 * What the fuzz engine (fuzz.ts) feeds its mutations to: for each kind of file that travels, the
 * path the app itself reads it by, on real workspaces made from the demo, and the state a refusal
 * must leave as it was.
 */

const DEMO_NOW = '2026-09-28T09:00:00.000Z';
const NOW = '2026-09-29T09:00:00.000Z';

export type Refusal = { code: string; params: Params };

/** One kind of file, the path the app reads it by, and the state a refusal must leave alone. */
export interface Target {
  name: string;
  files: { file: string; bytes: Buffer }[];
  /** The file the structured families mutate, with its signer. */
  original: Original;
  /** The app's path: null when the file is accepted, else the refusal; what is not a user error escapes. */
  attempt(file: string, bytes: Buffer): Refusal | null;
  /** Whether the same checks accept `bytes` (without keeping anything): the oracle can say yes. */
  accepts(file: string, bytes: Buffer): boolean;
  snapshot(): unknown;
  /** What changed since `before` beyond what a refusal may change, or null. */
  changed(before: unknown, file: string): string | null;
}

const refusalOf = (fn: () => unknown): Refusal | null => {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, params: error.params };
    throw error;
  }
};

/** The main file's bytes after a checkpoint: what a refusal must leave byte for byte. */
function fileState(ws: Workspace): string {
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(ws.path)).digest('hex');
}

const cell = (v: unknown) => (Buffer.isBuffer(v) ? `b${v.toString('hex')}` : `${typeof v}${String(v)}`);

/** Every row of every table, as a digest; of the audit log, the rows up to `auditUpTo` only. */
function dump(db: Db, auditUpTo: number): string {
  const hash = createHash('sha256');
  const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').raw().all() as [string, string, string | null][];
  hash.update(JSON.stringify(schema));
  for (const [type, name] of schema) {
    if (type !== 'table' || name.startsWith('sqlite_')) continue;
    const rows = name === 'audit_log' ? db.prepare('SELECT * FROM audit_log WHERE id <= ?').raw().iterate(auditUpTo) : db.prepare(`SELECT * FROM "${name}"`).raw().iterate();
    hash.update(`\u0003${name}`);
    for (const row of rows as Iterable<unknown[]>) hash.update(`${row.map(cell).join('\u0001')}\u0002`);
  }
  return hash.digest('hex');
}

const lastAudit = (db: Db) => (db.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;

/** The chair's workspace after a refused import: every row as it was, and the refusal (only) in the audit log. */
function intakeChanged(db: Db, before: { audit: number; rows: string }, file: string): string | null {
  if (dump(db, before.audit) !== before.rows) return 'the workspace changed';
  const added = db.prepare('SELECT action, detail FROM audit_log WHERE id > ?').all(before.audit) as { action: string; detail: string }[];
  const [only] = added;
  if (added.length !== 1 || only?.action !== 'bundle.refused' || (JSON.parse(only.detail) as { file?: string }).file !== file) {
    return `the audit log gained ${JSON.stringify(added.map((a) => a.action))}`;
  }
  return null;
}

const FIELDS: Record<string, PayloadFields> = {
  package: {
    scalars: ['format', 'version', 'revision', 'publishedAt', 'publicKey'],
    integers: ['version', 'revision'],
    numbers: ['version', 'revision', 'weight'],
    marks: [],
    keys: [{ field: 'publicKey', nth: 1 }, { field: 'publicKey', nth: 2 }],
    signerKey: 'publicKey',
  },
  enrolment: {
    scalars: ['format', 'version', 'contestId', 'expertId', 'name', 'publicKey', 'createdAt'],
    integers: ['version'],
    numbers: ['version'],
    marks: [],
    keys: [{ field: 'publicKey', nth: 1 }],
    signerKey: 'publicKey',
  },
  bundle: {
    scalars: ['format', 'version', 'contestId', 'expertId', 'sequence', 'draft', 'createdAt', 'value', 'digest'],
    integers: ['version', 'sequence', 'revision'],
    numbers: ['version', 'sequence', 'revision', 'value'],
    marks: ['value'],
    keys: [],
    signerKey: null,
  },
  merged: {
    scalars: ['format', 'version', 'contestId', 'createdAt', 'publicKey', 'sequence'],
    integers: ['version'],
    numbers: ['version', 'revision', 'sequence', 'score', 'weight'],
    marks: [],
    keys: [{ field: 'publicKey', nth: 1 }],
    signerKey: 'publicKey',
  },
};

/** Publishes the next revision of the contest in the organiser's workspace at `workspace`. */
function publishRevision(workspace: string, organiser: Ed25519Key, path: string): string {
  const ws = Workspace.open(workspace);
  try {
    publish(ws.db, organiser, { path, organiserName: 'Оргкомитет (демо)', now: NOW });
  } finally {
    ws.close();
  }
  return path;
}

/** What `fn` returns, with everything it wrote to `db` undone. */
function rolledBack<T>(db: Db, fn: () => T): T {
  db.exec('BEGIN');
  try {
    return fn();
  } finally {
    db.exec('ROLLBACK');
  }
}

/** The demo, an expert's and a chair's workspace made from its package, and one target per kind of file. */
export function setUp(dir: string, seed: number): { targets: Target[]; close(): void } {
  const demo = writeDemo(join(dir, 'demo'), { now: DEMO_NOW, seed });
  const key = (name: string): Ed25519Key => {
    const path = join(demo.keys, `${name}.key`);
    return unlockKeyFile(readFileSync(path, 'utf8'), { passphrase: DEMO_PASSPHRASE }, path);
  };
  const pkg = openPackage(demo.package);
  const expert = createExpertWorkspace(join(dir, 'expert.sqlite'), pkg, 'smirnov', NOW);
  const chair = createFromPackage(join(dir, 'chair.sqlite'), pkg, { kind: 'chair' }, NOW);
  const b64 = (bytes: Buffer) => bytes.toString('base64');
  const read = (path: string) => ({ file: basename(path), bytes: readFileSync(path) });
  // The expert holds revision 1; revision 2 is what the mutations start from, so that one the checks
  // let through would be taken in (a changed revision 1 is refused for differing from the one held).
  const packageFile = read(publishRevision(demo.workspace, key('organiser'), join(dir, 'contest-r2.jbcontest')));
  const mergedFile = read(demo.results);
  const bundles = demo.bundles.map(read);
  const kim = bundles.find((b) => b.file === 'kim.jbresult') ?? bundles[0];
  // A new key of kim's, as an expert who lost their key would send it to the chair.
  const newKey = generateKey();
  const enrolment = { file: 'kim.jbenrol', bytes: createEnrolment(pkg.payload, 'kim', newKey, NOW) };
  if (!kim) throw new Error('the demo wrote no bundles');

  const importOne = (file: string, bytes: Buffer): Refusal | null => {
    const intake = new BundleIntake();
    const { batch } = intake.begin();
    intake.stage(batch, file, b64(bytes));
    const [verdict] = intake.commit(chair, batch);
    if (!verdict) throw new Error('the intake gave no verdict');
    return verdict.status === 'refused' ? { code: verdict.reason?.key ?? '', params: verdict.reason?.params ?? {} } : null;
  };
  const targets: Target[] = [
    {
      name: 'package',
      files: [packageFile],
      original: { kind: 'contest', bytes: packageFile.bytes, key: key('organiser'), stranger: key('chair'), fields: FIELDS.package as PayloadFields },
      attempt: (file, bytes) => refusalOf(() => updatePackage(expert, file, b64(bytes))),
      accepts: (file, bytes) => rolledBack(expert.db, () => refusalOf(() => updatePackage(expert, file, b64(bytes))) === null),
      snapshot: () => fileState(expert),
      changed: (before) => (fileState(expert) === before ? null : 'the expert’s workspace file changed'),
    },
    {
      name: 'enrolment',
      files: [enrolment],
      original: { kind: 'enrolment', bytes: enrolment.bytes, key: newKey, stranger: key('expert-kim'), fields: FIELDS.enrolment as PayloadFields },
      attempt: (file, bytes) => refusalOf(() => confirmEnrolmentKey(chair, file, b64(bytes))),
      accepts: (file, bytes) => checkEnrolment(chair, file, b64(bytes)).status === 'new',
      snapshot: () => fileState(chair),
      changed: (before) => (fileState(chair) === before ? null : 'the chair’s workspace file changed'),
    },
    {
      name: 'bundle',
      files: bundles,
      original: { kind: 'result', bytes: kim.bytes, key: key('expert-kim'), stranger: key('expert-smirnov'), fields: FIELDS.bundle as PayloadFields },
      attempt: (file, bytes) => {
        let verdict: Refusal | null = null;
        return refusalOf(() => (verdict = importOne(file, bytes))) ?? verdict;
      },
      accepts: (file, bytes) => judgeBundles(judgeContext(chair.db), [{ file, bytes }], heldBundles(chair.db))[0]?.status === 'accepted',
      snapshot: () => ({ audit: lastAudit(chair.db), rows: dump(chair.db, lastAudit(chair.db)) }),
      changed: (before, file) => intakeChanged(chair.db, before as { audit: number; rows: string }, file),
    },
    {
      name: 'merged',
      files: [mergedFile],
      original: { kind: 'merged', bytes: mergedFile.bytes, key: key('chair'), stranger: key('organiser'), fields: FIELDS.merged as PayloadFields },
      attempt: (file, bytes) => refusalOf(() => openResultsFile(file, bytes)),
      accepts: (file, bytes) => refusalOf(() => openResultsFile(file, bytes)) === null,
      snapshot: () => null,
      changed: () => null,
    },
  ];
  return {
    targets,
    close: () => {
      expert.close();
      chair.close();
    },
  };
}
