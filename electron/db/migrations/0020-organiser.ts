import type { Migration } from './index.ts';

/**
 * What the organiser adds: materials of entries, the organiser's own conflict decisions (a
 * conflict the automatic rule misses, or a waived automatic one, each with a reason), the experts'
 * enrolled keys, and every published revision of the contest package, kept byte for byte.
 * From here on the `conflicts` table is derived for source 'auto' and 'organiser' (recomputed from
 * entries, experts and decisions); only 'declared' rows are written by an expert.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'organiser',
  up(db) {
    db.exec(`
      CREATE TABLE entry_materials (
        entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind     TEXT NOT NULL CHECK (kind IN ('link', 'file')),
        title    TEXT NOT NULL DEFAULT '',
        ref      TEXT NOT NULL CHECK (length(ref) > 0),
        PRIMARY KEY (entry_id, position)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE conflict_decisions (
        expert_id  TEXT NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
        entry_id   TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('conflict', 'waiver')),
        reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        decided_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, entry_id)
      ) STRICT, WITHOUT ROWID;

      -- An expert's key enters the roster once the organiser has confirmed its fingerprint.
      CREATE TABLE enrolments (
        expert_id    TEXT PRIMARY KEY REFERENCES experts (id) ON DELETE CASCADE,
        public_key   TEXT NOT NULL UNIQUE,
        enrolled_at  TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        envelope     BLOB NOT NULL
      ) STRICT;

      -- Published revisions: the exact signed bytes, so any revision can be handed out again.
      CREATE TABLE publications (
        revision      INTEGER PRIMARY KEY CHECK (revision >= 1),
        published_at  TEXT NOT NULL,
        organiser_key TEXT NOT NULL,
        digest        TEXT NOT NULL,
        file_path     TEXT NOT NULL,
        envelope      BLOB NOT NULL
      ) STRICT;
    `);
  },
};
