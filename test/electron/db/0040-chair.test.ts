import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migratedFrom } from './migrate-from.ts';

const bundle = (digest: string, status: string) =>
  `INSERT INTO bundles (digest, expert_id, sequence, draft, package_revision, status, file_name, imported_at, envelope) VALUES ('${digest}', 'x', 1, 0, 1, '${status}', 'x.jbresult', 'now', x'00')`;

describe('migration 0040-chair', () => {
  it('gives every nomination the default rules and keeps what the file held', (t) => {
    const db = migratedFrom(t, 30, 40);
    assert.equal(db.pragma('user_version', { simple: true }), 40);
    assert.deepEqual(db.prepare('SELECT rules FROM nominations').all(), [{ rules: '{}' }]);
    assert.deepEqual(db.prepare('SELECT value FROM marks').all(), [{ value: 5 }]);
  });

  it('holds one current bundle per expert, and drops its marks with it', (t) => {
    const db = migratedFrom(t, 30, 40);
    db.exec(bundle('d1', 'current'));
    assert.throws(() => db.exec(bundle('d2', 'current')), /UNIQUE/);
    assert.throws(() => db.exec(bundle('d3', 'lost')), /CHECK/);
    db.exec(bundle('d2', 'superseded'));
    db.prepare("INSERT INTO bundle_marks (digest, expert_id, entry_id, criterion_id, value) VALUES ('d1', 'x', 'e', 'q', 7)").run();
    db.pragma('foreign_keys = ON');
    db.prepare("DELETE FROM bundles WHERE digest = 'd1'").run();
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM bundle_marks').get(), { n: 0 });
  });

  it('requires a reason for a tie decision, and keeps the audit log append-only', (t) => {
    const db = migratedFrom(t, 30, 40);
    assert.throws(() => db.prepare("INSERT INTO tie_decisions (nomination_id, entry_ids, reason, decided_at) VALUES ('n', '[]', '  ', 'now')").run(), /CHECK/);
    db.prepare("INSERT INTO audit_log (at, action) VALUES ('now', 'bundle.accepted')").run();
    assert.throws(() => db.prepare("UPDATE audit_log SET action = 'x'").run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM audit_log').run(), /append-only/);
  });
});
