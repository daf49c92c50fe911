import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../../shared/errors.ts';
import type { VerdictCore } from '../bundles/judge.ts';
import { parseResultBundle } from '../bundles/payload.ts';
import { rowsOf, type BundleRows } from '../bundles/rows.ts';
import { bytesOf, type BundleSource } from '../bundles/source.ts';
import { readEnvelope } from '../signing/envelope.ts';

/** A bundle stored before every file was judged: it may still be superseded, or refused by a rival. */
interface Candidate {
  digest: string;
  expertId: string;
  file: string;
  source: BundleSource;
  /** The status its row has now. */
  status: 'current' | 'superseded';
}

type Held = Map<string, { sequence: number; digest: string }>;

/**
 * Stores result bundles inside the import's one transaction as they are judged, so that no bundle
 * waits in memory for the others. A bundle that may stand once all are judged (accepted on its own,
 * higher than the one held) is stored at once: the highest of its expert's so far as current, with
 * its marks, the others superseded. settle() then makes the rows what the settled verdicts say
 * (settleVerdicts): rivals refused as equivocation and repeats removed, the bundle that stands
 * current with its marks. It reads a file again only when the bundle that stands is not the one
 * whose marks were stored last (a higher one was refused), which a normal import never meets.
 */
export class IntakeStore {
  private readonly now: string;
  private readonly held: Held;
  private readonly stored: Set<string>;
  private readonly inserted = new Map<string, Candidate>();
  /** Per expert, the bundle of this import whose marks the tables hold (none: the held bundle's, untouched). */
  private readonly shown = new Map<string, { digest: string; sequence: number }>();
  private readonly sql: Record<'bundle' | 'mark' | 'note' | 'dropMarks' | 'dropNotes' | 'drop' | 'rename' | 'supersede' | 'status' | 'envelope', Statement>;

  constructor(db: Db, now: string, held: Held) {
    this.now = now;
    this.held = held;
    this.stored = new Set((db.prepare('SELECT digest FROM bundles').pluck().all() as string[]));
    this.sql = {
      bundle: db.prepare('INSERT INTO bundles (digest, expert_id, sequence, draft, package_revision, status, file_name, imported_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      mark: db.prepare('INSERT INTO bundle_marks (digest, expert_id, entry_id, criterion_id, value, comment) VALUES (?, ?, ?, ?, ?, ?)'),
      note: db.prepare('INSERT INTO bundle_notes (digest, expert_id, entry_id, kind, text) VALUES (?, ?, ?, ?, ?)'),
      dropMarks: db.prepare('DELETE FROM bundle_marks WHERE expert_id = ?'),
      dropNotes: db.prepare('DELETE FROM bundle_notes WHERE expert_id = ?'),
      drop: db.prepare('DELETE FROM bundles WHERE digest = ?'),
      rename: db.prepare('UPDATE bundles SET file_name = ? WHERE digest = ?'),
      supersede: db.prepare("UPDATE bundles SET status = 'superseded' WHERE expert_id = ? AND status = 'current'"),
      status: db.prepare('UPDATE bundles SET status = ? WHERE digest = ?'),
      envelope: db.prepare('SELECT envelope FROM bundles WHERE digest = ?').pluck(),
    };
  }

  /**
   * Stores a bundle judged on its own when it may still stand; a rollback, a repeat or a rival of the
   * held bundle never can. The highest of an expert's so far is stored current with its marks, the
   * one it replaces superseded (as a normal import ends: rows are rewritten whole, envelope and all,
   * so settle() should find little to change).
   */
  take(v: VerdictCore, bundle: BundleRows | null, bytes: Uint8Array, source: BundleSource): void {
    if (v.status !== 'accepted' || !bundle || !v.digest || this.stored.has(v.digest) || this.inserted.has(v.digest)) return;
    const { expertId, sequence } = bundle;
    const kept = this.held.get(expertId);
    if (kept && sequence <= kept.sequence) return;
    const shown = this.shown.get(expertId);
    const highest = !shown || sequence > shown.sequence;
    if (highest) this.sql.supersede.run(expertId);
    this.sql.bundle.run(v.digest, expertId, sequence, bundle.draft ? 1 : 0, bundle.packageRevision, highest ? 'current' : 'superseded', v.file, this.now, bytes);
    this.inserted.set(v.digest, { digest: v.digest, expertId, file: v.file, source, status: highest ? 'current' : 'superseded' });
    if (highest) {
      const before = shown && this.inserted.get(shown.digest);
      if (before) before.status = 'superseded';
      this.showMarks(bundle, v.digest);
    }
  }

  /** The expert's marks and notes become this bundle's. */
  private showMarks(bundle: BundleRows, digest: string): void {
    const { expertId, marks, notes } = bundle;
    this.sql.dropMarks.run(expertId);
    this.sql.dropNotes.run(expertId);
    const { entryIds, criterionIds, values, comments } = marks;
    for (let i = 0; i < entryIds.length; i += 1) this.sql.mark.run(digest, expertId, entryIds[i], criterionIds[i], values[i], comments[i]);
    for (let i = 0; i < notes.entryIds.length; i += 1) this.sql.note.run(digest, expertId, notes.entryIds[i], notes.kinds[i], notes.texts[i]);
    this.shown.set(expertId, { digest, sequence: bundle.sequence });
  }

  /**
   * Makes the stored rows agree with the settled verdicts (settleVerdicts): what stands is kept, under
   * the name of the file that stands (of two equal files, the first by name), the accepted one current
   * with its marks; the rest of what was stored is removed.
   */
  settle(verdicts: VerdictCore[]): void {
    const standing = new Map<string, VerdictCore>();
    for (const v of verdicts) if ((v.status === 'accepted' || v.status === 'superseded') && v.digest && !standing.has(v.digest)) standing.set(v.digest, v);
    const winners = new Map<string, Candidate>();
    const experts = new Set<string>();
    for (const c of this.inserted.values()) {
      experts.add(c.expertId);
      const v = standing.get(c.digest);
      if (!v) {
        this.sql.drop.run(c.digest);
        continue;
      }
      if (v.file !== c.file) this.sql.rename.run(v.file, c.digest);
      if (v.status === 'accepted') winners.set(c.expertId, c);
      else if (c.status === 'current') this.sql.status.run('superseded', c.digest);
    }
    for (const expertId of experts) {
      const winner = winners.get(expertId);
      const kept = this.held.get(expertId);
      if (winner) {
        if (winner.status !== 'current') {
          this.sql.supersede.run(expertId);
          this.sql.status.run('current', winner.digest);
        }
        if (this.shown.get(expertId)?.digest !== winner.digest) this.showMarks(this.reread(winner), winner.digest);
      } else {
        // Every bundle of this import that could have stood was refused: the held one stands again, with its marks.
        this.sql.dropMarks.run(expertId);
        this.sql.dropNotes.run(expertId);
        if (kept) {
          this.sql.status.run('current', kept.digest);
          this.showMarks(this.fromEnvelope(this.sql.envelope.get(kept.digest) as Buffer, kept.digest), kept.digest);
        }
      }
    }
  }

  /** A stored candidate's bundle read again: the same bytes as judged, or the import stops. */
  private reread(c: Candidate): BundleRows {
    return this.fromEnvelope(bytesOf(c.source), c.digest, c.file);
  }

  private fromEnvelope(bytes: Buffer, digest: string, file = digest): BundleRows {
    const envelope = readEnvelope(bytes, file, 'result');
    if (envelope.digest !== digest) throw new AppError('file.changedDuringImport', { file });
    return rowsOf(parseResultBundle(envelope, file));
  }
}
