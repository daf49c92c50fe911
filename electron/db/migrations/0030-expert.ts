import type { Migration } from './index.ts';

/**
 * What an expert's workspace keeps: the contest packages it was made from (byte for byte, with the
 * organiser key they pin), a comment per entry, the entries the expert abstained from, and every
 * result bundle it signed, by sequence number.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'expert',
  up(db) {
    db.exec(`
      CREATE TABLE packages (
        revision      INTEGER PRIMARY KEY CHECK (revision >= 1),
        digest        TEXT NOT NULL UNIQUE,
        organiser_key TEXT NOT NULL,
        opened_at     TEXT NOT NULL,
        envelope      BLOB NOT NULL
      ) STRICT;

      CREATE TABLE entry_comments (
        expert_id  TEXT NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
        entry_id   TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        comment    TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, entry_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE abstentions (
        expert_id  TEXT NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
        entry_id   TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        created_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, entry_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE submissions (
        sequence         INTEGER PRIMARY KEY CHECK (sequence >= 1),
        expert_id        TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        draft            INTEGER NOT NULL CHECK (draft IN (0, 1)),
        package_revision INTEGER NOT NULL,
        digest           TEXT NOT NULL,
        file_path        TEXT NOT NULL,
        envelope         BLOB NOT NULL
      ) STRICT;
    `);
  },
};
