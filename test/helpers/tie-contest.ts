import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { importBundles } from '../../electron/services/chair/intake.ts';
import { createExpertWorkspace, createFromPackage } from '../../electron/services/expert/packages.ts';
import { submit } from '../../electron/services/expert/submit.ts';
import { openPackage, publish, type OpenedPackage } from '../../electron/services/package/contest-package.ts';
import { confirmEnrolment, createEnrolment } from '../../electron/services/package/enrolment.ts';
import { generateKey, type Ed25519Key } from '../../electron/services/signing/keys.ts';
import { Workspace } from '../../electron/services/workspace.ts';

const NOW = '2027-04-01T10:00:00.000Z';

/** One nomination «Проекты» (n-tie, one criterion 0–10, no tie-break chain) with entries A, B, C and experts x1, x2, x3. */
const CONTEST = {
  contest: { id: 'ties', title: 'Конкурс с ничьими', year: 2027 },
  nominations: [{ id: 'n-tie', title: 'Проекты', minEvaluations: 1, criteria: [{ id: 'q', title: 'Польза', scale: { min: 0, max: 10, step: 1 }, weight: 1 }] }],
  entries: ['A', 'B', 'C'].map((id) => ({ id, nominationId: 'n-tie', title: `Проект ${id}`, region: 'Тула' })),
  experts: ['x1', 'x2', 'x3'].map((id) => ({ id, name: `Эксперт ${id}`, region: 'Москва' })),
  assignments: ['x1', 'x2', 'x3'].map((expertId) => ({ expertId, nominationId: 'n-tie' })),
};

export interface TieContest {
  pkg: OpenedPackage;
  /** The chair's workspace, every bundle submitted so far taken in. */
  chair: Workspace;
  /** Every bundle file submitted, in order. */
  bundles: string[];
  /** The expert marks the entries (entry → mark) and submits the next bundle, which the chair takes in. */
  mark(expertId: string, marks: Record<string, number>): void;
}

/**
 * A contest for ties, marked through the real paths (package, enrolled keys, experts' workspaces and
 * signed bundles, the chair's import), so that a test can move a tie by an expert's correction.
 */
export function tieContest(dir: string): TieContest {
  mkdirSync(dir, { recursive: true });
  const organiserWs = Workspace.create(join(dir, 'organiser.sqlite'), CONTEST);
  const organiser = generateKey();
  const keys = new Map<string, Ed25519Key>(CONTEST.experts.map((x) => [x.id, generateKey()]));
  const packagePath = join(dir, 'ties.jbcontest');
  try {
    publish(organiserWs.db, organiser, { path: join(dir, 'draft.jbcontest'), organiserName: 'Оргкомитет', now: NOW });
    const draft = openPackage(join(dir, 'draft.jbcontest')).payload;
    for (const [id, key] of keys) confirmEnrolment(organiserWs.db, createEnrolment(draft, id, key, NOW), `${id}.jbenrol`, NOW);
    publish(organiserWs.db, organiser, { path: packagePath, organiserName: 'Оргкомитет', now: NOW });
  } finally {
    organiserWs.close();
  }
  const pkg = openPackage(packagePath);
  const chair = createFromPackage(join(dir, 'chair.sqlite'), pkg, { kind: 'chair' }, NOW);
  const bundles: string[] = [];
  const mark = (expertId: string, marks: Record<string, number>): void => {
    const path = join(dir, `${expertId}.sqlite`);
    const ws = bundles.some((b) => b.includes(`${expertId}-`)) ? Workspace.open(path) : createExpertWorkspace(path, pkg, expertId, NOW);
    try {
      for (const [entryId, value] of Object.entries(marks)) ws.setMark({ entryId, criterionId: 'q', value });
      const file = join(dir, `${expertId}-${bundles.length + 1}.jbresult`);
      submit(ws, keys.get(expertId) as Ed25519Key, { path: file, draft: false, now: NOW });
      bundles.push(file);
      importBundles(chair.db, [{ file, path: file }], NOW);
    } finally {
      ws.close();
    }
  };
  return { pkg, chair, bundles, mark };
}
