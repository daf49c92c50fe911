import { join } from 'node:path';
import type { ContestDefinitionInput } from '../../../shared/domain/contest.ts';
import { Workspace } from '../workspace.ts';
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
        categories: [
          { id: 'cat-network-small', title: 'Малая региональная сеть МФЦ', description: '' },
          { id: 'cat-network-medium', title: 'Средняя региональная сеть МФЦ', description: DEMO_ASSUMPTION },
          { id: 'cat-network-large', title: 'Крупная региональная сеть МФЦ', description: DEMO_ASSUMPTION },
        ],
        criteria: networkCriteria,
      },
      {
        id: 'nom-specialist',
        title: 'Лучший универсальный специалист МФЦ',
        description: 'Оценивается специалист, ведущий приём по широкому перечню услуг.',
        minEvaluations: 3,
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
      ...['expert-orlova', 'expert-smirnov', 'expert-lebedeva', 'expert-fedorov', 'expert-kim', 'expert-yakovleva'].map((expertId) => ({ expertId, nominationId: 'nom-network' })),
      ...['expert-fedorov', 'expert-popov', 'expert-sokolova', 'expert-nurmukhametov', 'expert-yakovleva'].map((expertId) => ({ expertId, nominationId: 'nom-specialist' })),
      ...['expert-smirnov', 'expert-kim', 'expert-popov', 'expert-sokolova', 'expert-nurmukhametov'].map((expertId) => ({ expertId, nominationId: 'nom-project' })),
      // A category and single entries, to show the finer kinds of assignment.
      { expertId: 'expert-nurmukhametov', categoryId: 'cat-network-large' },
      { expertId: 'expert-popov', entryId: 'entry-yugra-urai' },
    ],
  };
}

/** The first expert who is not the chair scores in a fresh demo, so marks can be entered at once. */
export const DEMO_SCORER = 'expert-smirnov';

export const DEMO_FILE = 'demo.sqlite';

/** Writes `dir/demo.sqlite`, a workspace holding the demo contest; refuses to overwrite one. */
export function writeDemoWorkspace(dir: string): Workspace {
  return Workspace.create(join(dir, DEMO_FILE), demoContest(), { scorerId: DEMO_SCORER });
}
