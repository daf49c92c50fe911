import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import { checkNewFile } from '../user-files.ts';
import { ResultBundle } from '../../../shared/formats/payloads.ts';
import type { Criterion } from '../../../shared/domain/contest.ts';
import { writeFileAtomic } from '../app-data.ts';
import { writeEnvelope } from '../signing/envelope.ts';
import type { Ed25519Key } from '../signing/keys.ts';
import { checkSigner, rosterRule } from '../signing/signer.ts';
import type { Workspace } from '../workspace.ts';
import { currentPackage, heldPackage } from './packages.ts';

export interface MissingWork {
  entryId: string;
  title: string;
  /** Criteria without a mark. */
  marks: string[];
  /** Criteria whose mark is below the comment threshold and has no comment. */
  comments: string[];
}

export interface Submission {
  sequence: number;
  createdAt: string;
  draft: boolean;
  packageRevision: number;
  digest: string;
  path: string;
}

/** Whether a mark needs a comment: it is below the criterion's threshold. */
export const needsComment = (criterion: Criterion, value: number): boolean => criterion.commentBelow !== null && value < criterion.commentBelow;

/**
 * What is still missing before a complete bundle: per entry, in list order, the criteria without
 * marks or without required comments. One query over the expert's entries (Workspace.unfinished);
 * here only the comments of low marks are checked.
 */
export function missingWork(ws: Workspace): MissingWork[] {
  const byEntry = new Map<string, MissingWork>();
  for (const row of ws.unfinished()) {
    const noMark = row.value === null;
    if (!noMark && row.comment.trim() !== '') continue;
    let item = byEntry.get(row.entryId);
    if (!item) {
      item = { entryId: row.entryId, title: row.entryTitle, marks: [], comments: [] };
      byEntry.set(row.entryId, item);
    }
    (noMark ? item.marks : item.comments).push(row.criterion);
  }
  return [...byEntry.values()];
}

export function submissions(ws: Workspace): Submission[] {
  return (ws.db.prepare('SELECT sequence, created_at, draft, package_revision, digest, file_path FROM submissions ORDER BY sequence DESC').all() as {
    sequence: number;
    created_at: string;
    draft: 0 | 1;
    package_revision: number;
    digest: string;
    file_path: string;
  }[]).map((r) => ({ sequence: r.sequence, createdAt: r.created_at, draft: r.draft === 1, packageRevision: r.package_revision, digest: r.digest, path: r.file_path }));
}

/** The bundle's payload: everything the expert decided, against the package the workspace holds now. */
export function bundlePayload(ws: Workspace, options: { sequence: number; draft: boolean; now: string }): ResultBundle {
  const expertId = ws.expertId();
  const pkg = currentPackage(ws.db);
  if (expertId === null || pkg === null) throw new AppError('submit.notExpertWorkspace');
  const rows = <T>(sql: string) => ws.db.prepare(sql).all(expertId) as T[];
  return ResultBundle.parse({
    format: 'jurybox.result',
    version: 1,
    contestId: ws.summary().contest.id,
    package: { revision: pkg.revision, digest: pkg.digest },
    expertId,
    sequence: options.sequence,
    draft: options.draft,
    createdAt: options.now,
    marks: rows<{ entryId: string; criterionId: string; value: number; comment: string }>(
      'SELECT m.entry_id AS entryId, m.criterion_id AS criterionId, m.value, m.comment FROM marks m JOIN entries e ON e.id = m.entry_id JOIN criteria c ON c.id = m.criterion_id WHERE m.expert_id = ? ORDER BY e.position, c.position',
    ),
    entryComments: rows('SELECT entry_id AS entryId, comment FROM entry_comments WHERE expert_id = ? ORDER BY entry_id'),
    conflicts: rows("SELECT entry_id AS entryId, reason FROM conflicts WHERE expert_id = ? AND source = 'declared' ORDER BY entry_id"),
    abstentions: rows('SELECT entry_id AS entryId, reason FROM abstentions WHERE expert_id = ? ORDER BY entry_id'),
  });
}

/** Refuses a key the roster of the package held does not give this expert (signer.ts). */
function checkExpertSigner(ws: Workspace, key: Ed25519Key): void {
  const pkg = heldPackage(ws.db);
  const expertId = ws.expertId();
  if (pkg === null || expertId === null) throw new AppError('submit.notExpertWorkspace');
  checkSigner(key.publicKey, rosterRule(pkg.payload, expertId));
}

/**
 * Signs the expert's result bundle and writes it to `path`. Only the key the roster gives this
 * expert signs. A complete bundle needs every mark and every required comment; an incomplete one
 * only as an explicit draft, marked so in the payload. Each submission takes the next sequence
 * number, so a correction replaces the earlier bundle.
 */
export function submit(ws: Workspace, key: Ed25519Key, options: { path: string; draft: boolean; now: string }): Submission {
  checkExpertSigner(ws, key);
  const missing = missingWork(ws);
  if (missing.length > 0 && !options.draft) throw new AppError('submit.incomplete', { count: missing.length });
  checkNewFile(options.path);
  const sequence = (submissions(ws)[0]?.sequence ?? 0) + 1;
  const payload = bundlePayload(ws, { sequence, draft: options.draft, now: options.now });
  const bytes = writeEnvelope('result', Buffer.from(`${JSON.stringify(payload, null, 2)}\n`, 'utf8'), key, options.path);
  const digest = createHash('sha256').update(bytes).digest('hex');
  // Recorded only if the file was written, and the file kept only if the record commits.
  ws.db.transaction(() => {
    ws.db.prepare('INSERT INTO submissions (sequence, expert_id, created_at, draft, package_revision, digest, file_path, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      sequence, payload.expertId, options.now, options.draft ? 1 : 0, payload.package.revision, digest, options.path, bytes,
    );
    writeFileAtomic(options.path, bytes);
  })();
  return { sequence, createdAt: options.now, draft: options.draft, packageRevision: payload.package.revision, digest, path: options.path };
}
