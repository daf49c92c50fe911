import type { z } from 'zod';
import type { Criterion } from '../../../shared/domain/contest.ts';

type CriterionInput = z.input<typeof Criterion>;

/** Rubric bands for a 0–10 scale: what 0–3, 4–6, 7–8 and 9–10 look like. */
function bands10(low: string, middle: string, good: string, top: string): CriterionInput['rubric'] {
  return [
    { from: 0, to: 3, text: low },
    { from: 4, to: 6, text: middle },
    { from: 7, to: 8, text: good },
    { from: 9, to: 10, text: top },
  ];
}

/** Rubric bands for a 1–5 scale in half steps. */
function bands5(low: string, middle: string, top: string): CriterionInput['rubric'] {
  return [
    { from: 1, to: 2, text: low },
    { from: 2.5, to: 3.5, text: middle },
    { from: 4, to: 5, text: top },
  ];
}

const TEN = { min: 0, max: 10, step: 1 };
const FIVE = { min: 1, max: 5, step: 0.5 };
/** Marks below this need a comment once comment rules are enforced; a demo assumption. */
const COMMENT_BELOW_TEN = 3;

/** The six criteria the seed names for regional networks; groups and weights are demo assumptions. */
export const networkCriteria: CriterionInput[] = [
  {
    id: 'crit-net-services',
    title: 'Разнообразие предоставляемых услуг',
    group: 'Услуги',
    description: 'Сколько государственных, муниципальных и иных услуг доступно заявителю в одном окне сети.',
    scale: TEN,
    weight: 1,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10(
      'Базовый перечень услуг, за многими приходится идти в ведомства.',
      'Основные федеральные и региональные услуги, муниципальные — частично.',
      'Почти все массовые услуги всех уровней, есть услуги для бизнеса.',
      'Полный перечень, включая редкие и комплексные услуги по жизненным ситуациям.',
    ),
  },
  {
    id: 'crit-net-feedback',
    title: 'Отзывы заявителей',
    group: 'Работа с заявителями',
    description: 'Оценки качества обслуживания, жалобы и то, как сеть на них отвечает.',
    scale: TEN,
    weight: 1,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10(
      'Много обоснованных жалоб, обратная связь не собирается.',
      'Отзывы в целом положительные, работа с жалобами формальная.',
      'Высокие оценки, жалобы разбираются в срок, есть изменения по отзывам.',
      'Стабильно высокие оценки во всех офисах, обратная связь встроена в управление сетью.',
    ),
  },
  {
    id: 'crit-net-schedule',
    title: 'Удобство графика работы и доступность',
    group: 'Работа с заявителями',
    description: 'Часы работы, работа в выходные, доступность для маломобильных граждан и жителей отдалённых мест.',
    scale: TEN,
    weight: 1,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10(
      'Только будни в рабочие часы, доступная среда не обеспечена.',
      'Есть вечерние часы или суббота, доступная среда частично.',
      'Работа в выходные, полная доступная среда, выездное обслуживание по записи.',
      'График под потребности жителей, мобильные офисы, обслуживание на дому.',
    ),
  },
  {
    id: 'crit-net-remote',
    title: 'Наличие и качество дистанционных форм обслуживания граждан',
    group: 'Цифровизация',
    description: 'Запись, консультации и подача документов без визита в офис.',
    scale: TEN,
    weight: 1.5,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10(
      'Дистанционно — только справочная информация.',
      'Предварительная запись и консультации по телефону.',
      'Онлайн-запись, видеоконсультации, статус заявления онлайн.',
      'Большинство услуг начинаются и завершаются без визита, качество контролируется.',
    ),
  },
  {
    id: 'crit-net-extra',
    title: 'Дополнительные услуги и сервисы',
    group: 'Услуги',
    description: 'Сервисы сверх обязательного перечня: копирование, нотариат, консультации юристов, детская комната.',
    scale: TEN,
    weight: 1,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10(
      'Дополнительных сервисов нет.',
      'Несколько платных сервисов в крупных офисах.',
      'Набор сервисов во всех офисах, часть — бесплатно.',
      'Сервисы подобраны по запросам жителей и развиваются вместе с ними.',
    ),
  },
  {
    id: 'crit-net-digital',
    title: 'Уровень цифровизации',
    group: 'Цифровизация',
    description: 'Электронная очередь, электронный документооборот с ведомствами, аналитика.',
    scale: TEN,
    weight: 1.5,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10(
      'Бумажный документооборот, очередь без электронной системы.',
      'Электронная очередь, часть обмена с ведомствами электронная.',
      'Электронный обмен с большинством ведомств, мониторинг в реальном времени.',
      'Сквозная цифровая обработка, решения принимаются по данным.',
    ),
  },
];

/** Professionalism is the seed's criterion for specialists; the others are demo assumptions. */
export const specialistCriteria: CriterionInput[] = [
  {
    id: 'crit-spec-professionalism',
    title: 'Профессионализм',
    description: 'Точность и полнота работы специалиста, умение решить нестандартный случай.',
    scale: FIVE,
    weight: 2,
    rubric: bands5(
      'Работает по шаблону, ошибается в нестандартных случаях.',
      'Уверенно ведёт типовые услуги, сложные случаи передаёт коллегам.',
      'Решает сложные и комплексные случаи, наставник для коллег.',
    ),
  },
  {
    id: 'crit-spec-feedback',
    title: 'Отзывы заявителей',
    description: 'Оценки заявителей, которых обслуживал специалист.',
    scale: FIVE,
    weight: 1,
    rubric: bands5('Оценки ниже средних по офису.', 'Оценки на уровне офиса.', 'Лучшие оценки в офисе, благодарности заявителей.'),
  },
  {
    id: 'crit-spec-knowledge',
    title: 'Знание порядка предоставления услуг',
    description: 'Демо-допущение: критерий не назван в источнике.',
    scale: FIVE,
    weight: 1,
    rubric: bands5('Знает отдельные услуги.', 'Знает массовые услуги всех уровней.', 'Универсал: ведёт весь перечень услуг офиса.'),
  },
  {
    id: 'crit-spec-digital',
    title: 'Работа с цифровыми сервисами',
    description: 'Демо-допущение: критерий не назван в источнике.',
    scale: FIVE,
    weight: 1,
    rubric: bands5('Помогает с порталом госуслуг с трудом.', 'Уверенно помогает с порталом госуслуг.', 'Обучает заявителей и коллег цифровым сервисам.'),
  },
];

/** Digitalisation comes from the seed; the rest are demo assumptions drawn from its wording. */
export const projectCriteria: CriterionInput[] = [
  {
    id: 'crit-proj-value',
    title: 'Значимость для заявителей',
    description: 'Демо-допущение: какую проблему жителей решает проект и для скольких из них.',
    scale: TEN,
    weight: 1,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10('Польза не показана.', 'Польза для узкой группы заявителей.', 'Заметная польза для многих заявителей.', 'Меняет опыт получения услуг для большинства жителей.'),
  },
  {
    id: 'crit-proj-digital',
    title: 'Уровень цифровизации',
    description: 'Насколько проект переводит услуги и процессы в цифровой вид.',
    scale: TEN,
    weight: 1,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10('Цифровых решений нет.', 'Цифровые элементы вспомогательные.', 'Ключевые процессы проекта цифровые.', 'Проект целиком построен на цифровых сервисах.'),
  },
  {
    id: 'crit-proj-results',
    title: 'Результативность',
    description: 'Демо-допущение: измеренные результаты проекта.',
    scale: TEN,
    weight: 1.5,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10('Результатов нет или они не измерены.', 'Первые результаты без сравнения с исходным уровнем.', 'Результаты измерены и заметны.', 'Устойчивые результаты, подтверждённые данными за длительный срок.'),
  },
  {
    id: 'crit-proj-replication',
    title: 'Возможность распространения в других регионах',
    description: 'Могут ли практику перенять другие субъекты Федерации (по словам источника об успешных кейсах).',
    scale: TEN,
    weight: 1,
    commentBelow: COMMENT_BELOW_TEN,
    rubric: bands10('Решение уникально для своего места.', 'Перенос возможен с большими затратами.', 'Перенос возможен, есть описание практики.', 'Практику уже перенимают другие регионы.'),
  },
];
