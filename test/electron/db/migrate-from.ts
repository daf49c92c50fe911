import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { openDatabase, type Db } from '../../../electron/db/connection.ts';
import { tempDir } from '../../helpers/temp.ts';

/**
 * A workspace file made at `from` with a contest of one nomination, entry, criterion and expert and
 * one mark, plus what `seed` adds, then migrated to `to`: how each migration's test starts.
 */
export function migratedFrom(t: TestContext, from: number, to: number, seed = ''): Db {
  const path = join(tempDir(t), 'w.sqlite');
  const old = openDatabase(path, { create: true, targetVersion: from });
  old.exec(`
    INSERT INTO contests (id, title) VALUES ('c', 'Конкурс');
    INSERT INTO nominations (id, contest_id, position, title) VALUES ('n', 'c', 0, 'Н');
    INSERT INTO categories (id, nomination_id, position, title) VALUES ('k', 'n', 0, 'К');
    INSERT INTO criteria (id, nomination_id, position, title, scale_min, scale_max, scale_step, weight) VALUES ('q', 'n', 0, 'К', 0, 10, 1, 1);
    INSERT INTO entries (id, nomination_id, position, title, region) VALUES ('e', 'n', 0, 'У', 'Тула');
    INSERT INTO experts (id, position, name, region) VALUES ('x', 0, 'Э', 'Тула');
    INSERT INTO marks (expert_id, entry_id, criterion_id, value, updated_at) VALUES ('x', 'e', 'q', 5, 'then');
    ${seed}
  `);
  old.close();
  const db = openDatabase(path, { targetVersion: to });
  t.after(() => db.close());
  return db;
}
