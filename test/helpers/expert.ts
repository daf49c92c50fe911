import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { openPackage, publish, type OpenedPackage } from '../../electron/services/package/contest-package.ts';
import { confirmEnrolment, createEnrolment } from '../../electron/services/package/enrolment.ts';
import { createExpertWorkspace } from '../../electron/services/expert/packages.ts';
import { generateKey, type Ed25519Key } from '../../electron/services/signing/keys.ts';
import type { Workspace } from '../../electron/services/workspace.ts';
import { contestWorkspace } from './contest.ts';
import { tempDir } from './temp.ts';

export const NOW = '2027-02-01T10:00:00.000Z';

/**
 * The small contest published with both experts enrolled: the organiser's workspace, the package
 * (revision 1), the organiser key and each expert's key.
 */
export function publishedContest(t: TestContext) {
  const organiserWs = contestWorkspace(t);
  const dir = tempDir(t);
  const organiser = generateKey();
  const keys: Record<string, Ed25519Key> = { x1: generateKey(), x2: generateKey() };
  const draftPath = join(dir, 'draft.jbcontest');
  publish(organiserWs.db, organiser, { path: draftPath, organiserName: 'Оргкомитет', now: NOW });
  const draft = openPackage(draftPath).payload;
  for (const [id, key] of Object.entries(keys)) confirmEnrolment(organiserWs.db, createEnrolment(draft, id, key, NOW), `${id}.jbenrol`, NOW);
  const path = join(dir, 'r2.jbcontest');
  publish(organiserWs.db, organiser, { path, organiserName: 'Оргкомитет', now: NOW });
  return { organiserWs, organiser, keys, dir, pkg: openPackage(path), path };
}

/** An expert's workspace opened from `pkg`, closed when the test ends. */
export function expertWorkspace(t: TestContext, pkg: OpenedPackage, expertId: string): Workspace {
  const ws = createExpertWorkspace(join(tempDir(t), `${expertId}.sqlite`), pkg, expertId, NOW);
  t.after(() => ws.close());
  return ws;
}

/** Marks every criterion of every entry the expert can score. */
export function scoreAll(ws: Workspace, value = 7): void {
  for (const item of ws.myEntries()) {
    if (item.status === 'conflict' || item.status === 'abstained') continue;
    for (const c of ws.entry(item.id).criteria) ws.setMark({ entryId: item.id, criterionId: c.id, value });
  }
}
