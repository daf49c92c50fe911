import type { Migration } from './index.ts';

/**
 * The awards of each nomination and, where a category has its own, of the category (JSON, validated
 * on read): prize places and laureates by count or score threshold. Files from before keep the
 * defaults: three places, no laureates.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'awards',
  up(db) {
    db.exec(`
      ALTER TABLE nominations ADD COLUMN awards TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE categories ADD COLUMN awards TEXT;
    `);
  },
};
