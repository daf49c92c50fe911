import type { Migration } from './index.ts';

/**
 * The first schema: the contest as authored (nominations, categories, criteria with rubric bands,
 * entries, experts, assignments, conflicts) and the marks with their append-only history.
 * Identifiers are the contest definition's own text ids, so rows keep their identity when a
 * contest travels from one workspace to another.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE contests (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        year        INTEGER,
        place       TEXT NOT NULL DEFAULT '',
        starts_on   TEXT,
        ends_on     TEXT,
        description TEXT NOT NULL DEFAULT '',
        is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
      ) STRICT;

      CREATE TABLE nominations (
        id              TEXT PRIMARY KEY,
        contest_id      TEXT NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        title           TEXT NOT NULL,
        description     TEXT NOT NULL DEFAULT '',
        min_evaluations INTEGER NOT NULL DEFAULT 3 CHECK (min_evaluations >= 1),
        UNIQUE (contest_id, position)
      ) STRICT;

      CREATE TABLE categories (
        id            TEXT PRIMARY KEY,
        nomination_id TEXT NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        title         TEXT NOT NULL,
        description   TEXT NOT NULL DEFAULT '',
        UNIQUE (nomination_id, position),
        UNIQUE (id, nomination_id)
      ) STRICT;

      CREATE TABLE criteria (
        id            TEXT PRIMARY KEY,
        nomination_id TEXT NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        group_title   TEXT,
        title         TEXT NOT NULL,
        description   TEXT NOT NULL DEFAULT '',
        scale_min     REAL NOT NULL,
        scale_max     REAL NOT NULL,
        scale_step    REAL NOT NULL CHECK (scale_step > 0),
        weight        REAL NOT NULL CHECK (weight > 0),
        comment_below REAL,
        CHECK (scale_max > scale_min),
        UNIQUE (nomination_id, position)
      ) STRICT;

      CREATE TABLE rubric_bands (
        criterion_id TEXT NOT NULL REFERENCES criteria (id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        from_value   REAL NOT NULL,
        to_value     REAL NOT NULL,
        text         TEXT NOT NULL,
        PRIMARY KEY (criterion_id, position),
        CHECK (to_value >= from_value)
      ) STRICT;

      CREATE TABLE entries (
        id             TEXT PRIMARY KEY,
        nomination_id  TEXT NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
        category_id    TEXT,
        position       INTEGER NOT NULL,
        title          TEXT NOT NULL,
        organisation   TEXT NOT NULL DEFAULT '',
        region         TEXT NOT NULL DEFAULT '',
        description    TEXT NOT NULL DEFAULT '',
        application_no TEXT,
        applied_on     TEXT,
        -- a category, when there is one, must belong to the entry's own nomination
        FOREIGN KEY (category_id, nomination_id) REFERENCES categories (id, nomination_id)
      ) STRICT;
      CREATE INDEX entries_by_place ON entries (nomination_id, category_id, position);

      CREATE TABLE experts (
        id           TEXT PRIMARY KEY,
        position     INTEGER NOT NULL UNIQUE,
        name         TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        region       TEXT NOT NULL DEFAULT '',
        job_title    TEXT NOT NULL DEFAULT '',
        role         TEXT NOT NULL DEFAULT 'expert' CHECK (role IN ('expert', 'chair'))
      ) STRICT;

      -- One rule per row: an expert scores a whole nomination, a whole category, or one entry.
      CREATE TABLE assignments (
        id            INTEGER PRIMARY KEY,
        expert_id     TEXT NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
        nomination_id TEXT REFERENCES nominations (id) ON DELETE CASCADE,
        category_id   TEXT REFERENCES categories (id) ON DELETE CASCADE,
        entry_id      TEXT REFERENCES entries (id) ON DELETE CASCADE,
        CHECK ((nomination_id IS NOT NULL) + (category_id IS NOT NULL) + (entry_id IS NOT NULL) = 1)
      ) STRICT;
      CREATE UNIQUE INDEX assignments_unique ON assignments (expert_id, ifnull(nomination_id, ''), ifnull(category_id, ''), ifnull(entry_id, ''));
      CREATE INDEX assignments_by_nomination ON assignments (nomination_id) WHERE nomination_id IS NOT NULL;
      CREATE INDEX assignments_by_category ON assignments (category_id) WHERE category_id IS NOT NULL;
      CREATE INDEX assignments_by_entry ON assignments (entry_id) WHERE entry_id IS NOT NULL;

      -- auto: same region or organisation; declared: by the expert; organiser: set by hand.
      CREATE TABLE conflicts (
        expert_id  TEXT NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
        entry_id   TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        source     TEXT NOT NULL CHECK (source IN ('auto', 'declared', 'organiser')),
        reason     TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        PRIMARY KEY (expert_id, entry_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE marks (
        expert_id    TEXT NOT NULL REFERENCES experts (id),
        entry_id     TEXT NOT NULL REFERENCES entries (id),
        criterion_id TEXT NOT NULL REFERENCES criteria (id),
        value        REAL NOT NULL,
        comment      TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (expert_id, entry_id, criterion_id)
      ) STRICT, WITHOUT ROWID;

      -- Every change of a mark, in order, written by triggers so no code path can skip it.
      -- value NULL records a mark being removed.
      CREATE TABLE mark_history (
        id           INTEGER PRIMARY KEY,
        expert_id    TEXT NOT NULL,
        entry_id     TEXT NOT NULL,
        criterion_id TEXT NOT NULL,
        value        REAL,
        comment      TEXT NOT NULL DEFAULT '',
        changed_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mark_history_by_mark ON mark_history (expert_id, entry_id, criterion_id);

      CREATE TRIGGER marks_history_insert AFTER INSERT ON marks BEGIN
        INSERT INTO mark_history (expert_id, entry_id, criterion_id, value, comment, changed_at)
        VALUES (NEW.expert_id, NEW.entry_id, NEW.criterion_id, NEW.value, NEW.comment, NEW.updated_at);
      END;
      CREATE TRIGGER marks_history_update AFTER UPDATE ON marks
      WHEN OLD.value IS NOT NEW.value OR OLD.comment IS NOT NEW.comment BEGIN
        INSERT INTO mark_history (expert_id, entry_id, criterion_id, value, comment, changed_at)
        VALUES (NEW.expert_id, NEW.entry_id, NEW.criterion_id, NEW.value, NEW.comment, NEW.updated_at);
      END;
      CREATE TRIGGER marks_history_delete AFTER DELETE ON marks BEGIN
        INSERT INTO mark_history (expert_id, entry_id, criterion_id, value, comment, changed_at)
        VALUES (OLD.expert_id, OLD.entry_id, OLD.criterion_id, NULL, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;
      CREATE TRIGGER mark_history_no_update BEFORE UPDATE ON mark_history BEGIN
        SELECT RAISE(ABORT, 'mark_history is append-only');
      END;
      CREATE TRIGGER mark_history_no_delete BEFORE DELETE ON mark_history BEGIN
        SELECT RAISE(ABORT, 'mark_history is append-only');
      END;
    `);
  },
};
