import type { Migration } from './index.ts';

/**
 * Indexes for the expert's read models at national scale. Whether an entry is assigned to an expert
 * is asked per entry by its nomination, its category or itself; the only index that starts with
 * the expert (assignments_unique) wraps those columns in ifnull(), so SQLite could use it for
 * expert_id alone and walked every assignment of the expert for each entry: 10,000 × 10,000 rows
 * for an expert given 10,000 entries one by one. One index per kind of rule answers each question
 * with a single probe. Partial, like the by-column indexes of 0010: each rule fills one column.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'expert-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX assignments_by_expert_nomination ON assignments (expert_id, nomination_id) WHERE nomination_id IS NOT NULL;
      CREATE INDEX assignments_by_expert_category ON assignments (expert_id, category_id) WHERE category_id IS NOT NULL;
      CREATE INDEX assignments_by_expert_entry ON assignments (expert_id, entry_id) WHERE entry_id IS NOT NULL;
    `);
  },
};
