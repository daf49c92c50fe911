import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migratedFrom } from './migrate-from.ts';

const ASSIGNMENTS = `
  INSERT INTO assignments (expert_id, nomination_id) VALUES ('x', 'n');
  INSERT INTO assignments (expert_id, category_id) VALUES ('x', 'k');
  INSERT INTO assignments (expert_id, entry_id) VALUES ('x', 'e');`;

describe('migration 0060-expert-indexes', () => {
  it('indexes assignments by expert and each kind of rule, keeping every row', (t) => {
    const db = migratedFrom(t, 50, 60, ASSIGNMENTS);
    assert.equal(db.pragma('user_version', { simple: true }), 60);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'assignments' AND name LIKE 'assignments_by_expert_%' ORDER BY name").all();
    assert.deepEqual(indexes, [{ name: 'assignments_by_expert_category' }, { name: 'assignments_by_expert_entry' }, { name: 'assignments_by_expert_nomination' }]);
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM assignments').get(), { n: 3 });
    assert.deepEqual(db.prepare('SELECT value FROM marks').all(), [{ value: 5 }]);
  });

  it('answers whether a rule gives an entry to an expert with one probe of an index, not a walk over the expert’s rules', (t) => {
    const db = migratedFrom(t, 50, 60, ASSIGNMENTS);
    for (const column of ['nomination_id', 'category_id', 'entry_id']) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM assignments a WHERE a.expert_id = ? AND a.${column} = ?`).all('x', 'v') as { detail: string }[];
      assert.match(plan.map((p) => p.detail).join('\n'), new RegExp(`USING COVERING INDEX assignments_by_expert_\\w+ \\(expert_id=\\? AND ${column}=\\?\\)`));
    }
  });
});
