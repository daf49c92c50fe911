import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { importBundles } from '../../electron/services/chair/intake.ts';
import { createExpertWorkspace, createFromPackage } from '../../electron/services/expert/packages.ts';
import { submit } from '../../electron/services/expert/submit.ts';
import { openPackage, publish } from '../../electron/services/package/contest-package.ts';
import { confirmEnrolment, createEnrolment } from '../../electron/services/package/enrolment.ts';
import { generateKey } from '../../electron/services/signing/keys.ts';
import { Workspace } from '../../electron/services/workspace.ts';
import type { ContestDefinitionInput } from '../../shared/domain/contest.ts';

const NOW = '2027-03-01T10:00:00.000Z';
const ten = { min: 0, max: 10, step: 1 };

/**
 * Three nominations where exactness matters, each marked through the real paths (package, experts'
 * workspaces and bundles, the chair's import):
 * - n-against: two experts rank three entries in opposite orders (x1: 1, 3, 2; x2: 3, 1, 2), so
 *   ICC(2,1) = −3 (below zero) and ICC(2,k) = 3 (above 1), never a reliability;
 * - n-equal: weights 0.1, 0.2, 0.3; every total is 0.7 by another pattern of marks, equal in
 *   decimal though not in binary: W and ICC are undefined, no variance, and the normalised method
 *   gives every entry the same score;
 * - n-trimmed: the trimmed mean with k = 1 and a minimum of 2 evaluations; c2 has only two, so
 *   the plain mean scores it.
 */
export const EDGE_CONTEST: ContestDefinitionInput = {
  contest: { id: 'edge', title: 'Конкурс с особыми случаями', year: 2027 },
  nominations: [
    { id: 'n-against', title: 'Эксперты против', minEvaluations: 2, criteria: [{ id: 'q-against', title: 'Польза', scale: ten, weight: 1 }] },
    {
      id: 'n-equal',
      title: 'Равные итоги',
      minEvaluations: 2,
      rules: { method: 'normalised' },
      criteria: [0.1, 0.2, 0.3].map((weight, i) => ({ id: `q-equal-${i + 1}`, title: `Критерий ${i + 1}`, scale: ten, weight })),
    },
    { id: 'n-trimmed', title: 'Усечённое среднее', minEvaluations: 2, rules: { method: 'trimmed', trim: 1 }, criteria: [{ id: 'q-trimmed', title: 'Качество', scale: ten, weight: 1 }] },
  ],
  entries: [
    ...['a1', 'a2', 'a3'].map((id, i) => ({ id, nominationId: 'n-against', title: `Проект ${i + 1}`, region: 'Тула' })),
    ...['b1', 'b2', 'b3'].map((id, i) => ({ id, nominationId: 'n-equal', title: `Программа ${i + 1}`, region: 'Орёл' })),
    { id: 'c1', nominationId: 'n-trimmed', title: 'Центр «Север»', region: 'Тверь' },
    { id: 'c2', nominationId: 'n-trimmed', title: 'Центр «Юг»', region: 'Тверь' },
  ],
  experts: [
    { id: 'x1', name: 'Эксперт Первый', region: 'Москва' },
    { id: 'x2', name: 'Эксперт Второй', region: 'Москва' },
    { id: 'x3', name: 'Эксперт Третий', region: 'Москва' },
  ],
  assignments: [
    ...['x1', 'x2'].flatMap((expertId) => ['n-against', 'n-equal', 'n-trimmed'].map((nominationId) => ({ expertId, nominationId }))),
    { expertId: 'x3', entryId: 'c1' },
  ],
};

/** Each expert's marks: entry → marks in criterion order. */
const MARKS: Record<string, Record<string, number[]>> = {
  x1: { a1: [1], a2: [3], a3: [2], b1: [7, 0, 0], b2: [1, 0, 2], b3: [0, 2, 1], c1: [8], c2: [6] },
  x2: { a1: [3], a2: [1], a3: [2], b1: [1, 3, 0], b2: [3, 2, 0], b3: [5, 1, 0], c1: [9], c2: [9] },
  x3: { c1: [2] },
};

/** Builds the contest in `dir` and returns the path of the chair's workspace, every bundle taken in. */
export function edgeStatisticsChair(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const organiserWs = Workspace.create(join(dir, 'organiser.sqlite'), EDGE_CONTEST);
  const organiser = generateKey();
  const keys = Object.fromEntries(Object.keys(MARKS).map((id) => [id, generateKey()]));
  const packagePath = join(dir, 'edge.jbcontest');
  try {
    publish(organiserWs.db, organiser, { path: join(dir, 'draft.jbcontest'), organiserName: 'Оргкомитет', now: NOW });
    const draft = openPackage(join(dir, 'draft.jbcontest')).payload;
    for (const [id, key] of Object.entries(keys)) confirmEnrolment(organiserWs.db, createEnrolment(draft, id, key, NOW), `${id}.jbenrol`, NOW);
    publish(organiserWs.db, organiser, { path: packagePath, organiserName: 'Оргкомитет', now: NOW });
  } finally {
    organiserWs.close();
  }
  const pkg = openPackage(packagePath);
  const bundles = Object.entries(MARKS).map(([expertId, byEntry]) => {
    const ws = createExpertWorkspace(join(dir, `${expertId}.sqlite`), pkg, expertId, NOW);
    try {
      for (const [entryId, values] of Object.entries(byEntry)) {
        ws.entry(entryId).criteria.forEach((c, i) => ws.setMark({ entryId, criterionId: c.id, value: values[i] ?? 0 }));
      }
      const path = join(dir, `${expertId}.jbresult`);
      const key = keys[expertId];
      if (!key) throw new Error(`no key for ${expertId}`);
      submit(ws, key, { path, draft: false, now: NOW });
      return path;
    } finally {
      ws.close();
    }
  });
  const chairPath = join(dir, 'chair.sqlite');
  const chair = createFromPackage(chairPath, pkg, { kind: 'chair' }, NOW);
  try {
    importBundles(chair.db, bundles.map((path) => ({ file: path, path })), NOW);
  } finally {
    chair.close();
  }
  return chairPath;
}
