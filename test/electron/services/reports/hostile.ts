import type { RawMark } from '../../../../shared/domain/venue.ts';
import type { VenueResults } from '../../../../electron/services/venue/results-file.ts';

/**
 * Text from contest files that a spreadsheet would run, or that a wrong separator would cut into
 * cells that it would run: each formula character first, after either separator, after a line
 * break and after a quote; separators, quotes and line breaks inside; Cyrillic.
 */
export const HOSTILE = [
  '=HYPERLINK("http://x","клик")',
  '+7 (999) 000-00-00',
  '-5 баллов',
  '@SUM(A1:A2)',
  '\tс табуляцией',
  '\rс возвратом каретки',
  'Проект "Альфа"; этап 1,\r\nвторая строка',
  'Запятая,=1+1',
  'Точка с запятой;=1+1',
  'Строка\n-2+3',
  'Строка\r\n@cmd',
  'Кавычка "=1+1"',
  'Открытая кавычка;"=1+1',
  'Кавычка в конце;"',
  'Иванов Иван Иванович',
] as const;

const pick = (i: number): string => HOSTILE[i % HOSTILE.length] as string;

/** The results with every text an export lists replaced by hostile ones, in turn. */
export function hostileResults(results: VenueResults): VenueResults {
  let n = 0;
  const next = () => pick(n++);
  const groups = results.view.groups.map((g) => ({
    ...g,
    nominationTitle: next(),
    categoryTitle: next(),
    title: next(),
    ranked: g.ranked.map((r) => ({ ...r, title: next(), organisation: next(), region: next(), applicationNo: next() })),
    flagged: g.flagged.map((f) => ({ ...f, title: next(), organisation: next(), region: next() })),
  }));
  return { ...results, view: { ...results.view, groups } };
}

/** Marks as a spreadsheet lists them, with negative and not quite whole values among them. */
export const ODD_VALUES = [-3.5, 7.0000004, -0.0000001, 0.000001, -12] as const;

/** The marks with hostile texts and odd values, in turn. */
export function hostileMarks(marks: readonly RawMark[]): RawMark[] {
  return marks.map((m, i) => ({
    ...m,
    expertName: pick(i),
    nominationTitle: pick(i + 1),
    categoryTitle: pick(i + 2),
    entryTitle: pick(i + 3),
    criterionTitle: pick(i + 4),
    value: ODD_VALUES[i % ODD_VALUES.length] as number,
    comment: pick(i + 5),
  }));
}

const LETTERS = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A title of 300 letters without a space, the longest a contest file may hold, starting with `tag` so each is told apart. */
export const longWord = (tag: string): string => `${tag}${Array.from({ length: 300 - tag.length }, (_, i) => LETTERS[i % LETTERS.length]).join('')}`;

/** The results with a 300-letter word wherever the protocol shows a text from the contest files. */
export function unbreakableResults(results: VenueResults): VenueResults {
  const { view } = results;
  let n = 0;
  const next = () => longWord(`W${String(n++).padStart(3, '0')}`);
  const groups = view.groups.map((g) => ({
    ...g,
    nominationTitle: next(),
    categoryTitle: next(),
    title: next(),
    ranked: g.ranked.map((r) => ({ ...r, title: next(), organisation: next(), region: next() })),
    flagged: g.flagged.map((f) => ({ ...f, title: next(), organisation: next(), region: next() })),
    ties: g.ties.map((t) => ({ ...t, titles: t.titles.map(() => next()), reason: next() })),
  }));
  const criteria = Object.fromEntries(Object.entries(view.criteria).map(([id, list]) => [id, list.map((c) => ({ ...c, title: next() }))]));
  return {
    ...results,
    view: {
      ...view,
      contest: { ...view.contest, title: next(), place: next() },
      file: { ...view.file, name: next() },
      chair: { ...view.chair, name: next() },
      commission: view.commission.map((m) => ({ ...m, name: next(), organisation: next(), position: next() })),
      bundles: view.bundles.map((b) => ({ ...b, expertName: next() })),
      criteria,
      groups,
    },
  };
}
