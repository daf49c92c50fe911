import type { Migration } from './index.ts';

/**
 * The scoring rules of each nomination (JSON, validated on read), and what a chair's workspace keeps:
 * every result bundle received (byte for byte, with its verdict), the marks of the bundles that stand,
 * keys the chair accepted by fingerprint, tie decisions with their reasons, signed merged results,
 * and an append-only audit log of every decision.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'chair',
  up(db) {
    db.exec(`
      ALTER TABLE nominations ADD COLUMN rules TEXT NOT NULL DEFAULT '{}';

      CREATE TABLE bundles (
        digest           TEXT PRIMARY KEY,
        expert_id        TEXT NOT NULL,
        sequence         INTEGER NOT NULL CHECK (sequence >= 1),
        draft            INTEGER NOT NULL CHECK (draft IN (0, 1)),
        package_revision INTEGER NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('current', 'superseded')),
        file_name        TEXT NOT NULL,
        imported_at      TEXT NOT NULL,
        envelope         BLOB NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX bundles_current ON bundles (expert_id) WHERE status = 'current';

      -- The marks of the bundle that stands for each expert (drafts included, flagged by the bundle).
      CREATE TABLE bundle_marks (
        digest       TEXT NOT NULL REFERENCES bundles (digest) ON DELETE CASCADE,
        expert_id    TEXT NOT NULL,
        entry_id     TEXT NOT NULL,
        criterion_id TEXT NOT NULL,
        value        REAL NOT NULL,
        comment      TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (expert_id, entry_id, criterion_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX bundle_marks_by_entry ON bundle_marks (entry_id);

      CREATE TABLE bundle_notes (
        digest    TEXT NOT NULL REFERENCES bundles (digest) ON DELETE CASCADE,
        expert_id TEXT NOT NULL,
        entry_id  TEXT NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('comment', 'conflict', 'abstention')),
        text      TEXT NOT NULL,
        PRIMARY KEY (expert_id, entry_id, kind)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE confirmed_keys (
        expert_id    TEXT PRIMARY KEY,
        public_key   TEXT NOT NULL UNIQUE,
        confirmed_at TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE tie_decisions (
        id            INTEGER PRIMARY KEY,
        nomination_id TEXT NOT NULL,
        category_id   TEXT,
        entry_ids     TEXT NOT NULL,
        reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        decided_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE finalisations (
        id         INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        digest     TEXT NOT NULL,
        file_path  TEXT NOT NULL,
        envelope   BLOB NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id      INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,
        action  TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        detail  TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
    `);
  },
};
