import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import type { ContestDefinitionInput } from '../../../shared/domain/contest.ts';
import { writeFileAtomic } from '../app-data.ts';
import { nextPackage, publish } from '../package/contest-package.ts';
import { confirmEnrolment, createEnrolment } from '../package/enrolment.ts';
import { createKeyFile } from '../signing/key-file.ts';
import { generateKey, type Ed25519Key } from '../signing/keys.ts';
import { saveKeyPair } from '../keys/key-store.ts';
import { Workspace } from '../workspace.ts';
import { writeDemoBundles } from './bundles.ts';
import { writeDemoResults } from './results.ts';
import { networkCriteria, projectCriteria, specialistCriteria } from './criteria.ts';
import { entries, experts } from './people.ts';

const DEMO_ASSUMPTION = 'Демо-допущение: категория не названа в исходной новости.';

/**
 * The reference contest «Лучший многофункциональный центр России», from the news text the demo is
 * drawn from: the VI All-Russian forum of MFC centres «Мои документы», 29–30 September, Ufa, with
 * winners in three nominations. The year, weights and anything else the text does not give are
 * demo assumptions and say so.
 */
export function demoContest(): ContestDefinitionInput {
  return {
    contest: {
      id: 'mfc-best-2026',
      title: 'Лучший многофункциональный центр России',
      year: 2026,
      place: 'Уфа, VI Всероссийский форум центров «Мои документы»',
      startsOn: '2026-09-29',
      endsOn: '2026-09-30',
      description:
        'Конкурс подводит итоги форума центров госуслуг «Мои документы». Оценивают представители аппарата правительства России, ' +
        'эксперты профильных министерств и ведомств. В прошлом году в номинации «Лучший МФЦ» в категории «МФЦ малых городов» ' +
        'победил филиал МФЦ Югры в Покачах. Демо-данные: год, веса критериев, часть категорий, участников и все эксперты вымышлены.',
      isDemo: true,
    },
    nominations: [
      {
        id: 'nom-network',
        title: 'Лучшая региональная сеть МФЦ',
        description: 'Оценивается сеть многофункциональных центров региона целиком.',
        minEvaluations: 3,
        // Ties are broken by the services criterion, then by the earlier application.
        rules: { method: 'mean', trim: 1, order: 'expertTotals', tieBreak: [{ kind: 'criterion', criterionId: 'crit-net-services' }, { kind: 'applicationDate' }], tolerance: 30 },
        // Three places and, as laureates, every network at 60 points of 100 or more; the large
        // networks, fewer, have one winner and one laureate (demo assumptions).
        awards: { places: 3, laureates: { kind: 'threshold', score: 60 } },
        categories: [
          { id: 'cat-network-small', title: 'Малая региональная сеть МФЦ', description: '' },
          { id: 'cat-network-medium', title: 'Средняя региональная сеть МФЦ', description: DEMO_ASSUMPTION },
          { id: 'cat-network-large', title: 'Крупная региональная сеть МФЦ', description: DEMO_ASSUMPTION, awards: { places: 1, laureates: { kind: 'count', count: 1 } } },
        ],
        criteria: networkCriteria,
      },
      {
        id: 'nom-specialist',
        title: 'Лучший универсальный специалист МФЦ',
        description: 'Оценивается специалист, ведущий приём по широкому перечню услуг.',
        minEvaluations: 3,
        // Five experts: the highest and the lowest total of each specialist are dropped.
        rules: { method: 'trimmed', trim: 1, order: 'expertTotals', tieBreak: [], tolerance: 30 },
        awards: { places: 3, laureates: { kind: 'count', count: 2 } },
        criteria: specialistCriteria,
      },
      {
        id: 'nom-project',
        title: 'Лучший проект МФЦ',
        description: 'Оцениваются проекты, которые делают услуги удобнее и могут распространиться в других регионах.',
        minEvaluations: 3,
        criteria: projectCriteria,
      },
    ],
    entries,
    experts,
    assignments: [
      // Whole nominations, so that every entry gets at least three evaluations after conflicts.
      ...['orlova', 'smirnov', 'lebedeva', 'fedorov', 'kim', 'yakovleva'].map((expertId) => ({ expertId, nominationId: 'nom-network' })),
      ...['fedorov', 'popov', 'sokolova', 'nurmukhametov', 'yakovleva'].map((expertId) => ({ expertId, nominationId: 'nom-specialist' })),
      ...['smirnov', 'kim', 'popov', 'sokolova', 'nurmukhametov'].map((expertId) => ({ expertId, nominationId: 'nom-project' })),
      // A category and single entries, to show the finer kinds of assignment.
      { expertId: 'nurmukhametov', categoryId: 'cat-network-large' },
      { expertId: 'popov', entryId: 'entry-yugra-urai' },
    ],
  };
}

/** The first expert who is not the chair scores in a fresh demo, so marks can be entered at once. */
export const DEMO_SCORER = 'smirnov';

export const DEMO_FILE = 'demo.sqlite';
export const DEMO_PACKAGE = 'contest.jbcontest';
export const DEMO_RESULTS = 'results.jbmerged';
/** Every demo key is sealed with this passphrase, which the demo's README and docs print. */
export const DEMO_PASSPHRASE = 'demo';
const ORGANISER_NAME = 'Оргкомитет конкурса «Лучший многофункциональный центр России» (демо)';

const KEYS_README = `ДЕМО-КЛЮЧИ JuryBox / JuryBox DEMO KEYS

Эти ключи сделаны для демонстрационного конкурса. Пароль ко всем закрытым ключам: ${DEMO_PASSPHRASE}
Не используйте их в настоящем конкурсе: пароль известен всем.

These keys were made for the demo contest. The passphrase of every private key is: ${DEMO_PASSPHRASE}
Never use them in a real contest: everyone knows the passphrase.

organiser.key      организатор, подписывает пакет конкурса / the organiser, signs the contest package
chair.key          председатель жюри / the jury chair
expert-<id>.key    эксперты / the experts
*.pub.pem          открытые ключи (SPKI) / public keys (SPKI)
`;

/** Writes `dir/demo.sqlite`, a workspace holding the demo contest; refuses to overwrite one. */
export function writeDemoWorkspace(dir: string): Workspace {
  return Workspace.create(join(dir, DEMO_FILE), demoContest(), { scorerId: DEMO_SCORER });
}

/** A demo key: marked demo, which lets it be sealed with the public passphrase "demo" (key-file.ts). */
function writeKey(dir: string, name: string, key: Ed25519Key, label: string): void {
  saveKeyPair(join(dir, `${name}.key`), createKeyFile(key, { label, passphrase: DEMO_PASSPHRASE, demo: true }), key.publicKey, { ownFolder: true });
}

export interface DemoFiles {
  workspace: string;
  package: string;
  keys: string;
  bundles: string[];
  /** The demo's merged results, signed by the demo chair (the tie decided). */
  results: string;
  counts: { nominations: number; entries: number; experts: number };
}

/**
 * Writes the whole demo into `dir`: the organiser's workspace (demo.sqlite), the demo key material
 * under keys/ (marked as demo, sealed with the passphrase "demo"), every demo expert enrolled,
 * revision 1 of the contest package (contest.jbcontest) signed by the demo organiser key, and one
 * signed result bundle per demo expert under bundles/ (marks deterministic for a given `seed`), and
 * the merged results signed by the demo chair (results.jbmerged). Refuses to overwrite an earlier demo unless `force`.
 */
export function writeDemo(dir: string, options: { force?: boolean; now?: string; seed?: number } = {}): DemoFiles {
  const now = options.now ?? new Date().toISOString();
  const keys = join(dir, 'keys');
  const bundlesDir = join(dir, 'bundles');
  const files = { workspace: join(dir, DEMO_FILE), package: join(dir, DEMO_PACKAGE), results: join(dir, DEMO_RESULTS) };
  if (options.force) {
    for (const path of [files.workspace, `${files.workspace}-wal`, `${files.workspace}-shm`, files.package, files.results]) rmSync(path, { force: true });
    for (const folder of [keys, bundlesDir]) rmSync(folder, { recursive: true, force: true });
  }
  for (const path of [files.workspace, files.package, files.results, keys, bundlesDir]) if (existsSync(path)) throw new AppError('workspace.exists', { path });
  mkdirSync(keys, { recursive: true });

  const ws = writeDemoWorkspace(dir);
  try {
    const organiser = generateKey();
    writeKey(keys, 'organiser', organiser, ORGANISER_NAME);
    const draft = nextPackage(ws.db, { name: ORGANISER_NAME, publicKey: organiser.publicKey }, now);
    for (const expert of draft.contest.experts) {
      const key = generateKey();
      writeKey(keys, expert.role === 'chair' ? 'chair' : `expert-${expert.id}`, key, `${expert.name}`);
      confirmEnrolment(ws.db, createEnrolment(draft, expert.id, key, now), `${expert.id}.jbenrol`, now);
    }
    writeFileAtomic(join(keys, 'README.txt'), KEYS_README);
    publish(ws.db, organiser, { path: files.package, organiserName: ORGANISER_NAME, now });
    const bundles = writeDemoBundles({ packagePath: files.package, keysDir: keys, dir: bundlesDir, passphrase: DEMO_PASSPHRASE, seed: options.seed ?? 1, now });
    writeDemoResults({ packagePath: files.package, bundles, chairKeyFile: join(keys, 'chair.key'), passphrase: DEMO_PASSPHRASE, path: files.results, now });
    return { ...files, keys, bundles, counts: ws.summary().counts };
  } finally {
    ws.close();
  }
}
