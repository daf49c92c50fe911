import type { MessageKey } from '../../../shared/i18n/index.ts';
import { fold } from './values.ts';

/** Where an entry goes: its nomination and category, named in the file by id or by title. */

export interface NominationRef {
  id: string;
  title: string;
  categories: { id: string; title: string }[];
}

export interface PlacementDefaults {
  nominationId?: string | null;
  categoryId?: string | null;
}

export interface PlacementProblem {
  field: 'nomination' | 'category';
  code: MessageKey;
  params: Record<string, string | number>;
}

export interface Placement {
  nominationId: string | null;
  categoryId: string | null;
  problems: PlacementProblem[];
}

const names = (item: { id: string; title: string }, text: string): boolean =>
  item.id === text || item.id.toLowerCase() === text.toLowerCase() || fold(item.title) === fold(text);

/** The nomination used for an empty cell: the default given, or the contest's only one. */
export function defaultNomination(nominations: NominationRef[], defaults: PlacementDefaults = {}): NominationRef | undefined {
  const chosen = nominations.find((n) => n.id === defaults.nominationId);
  return chosen ?? (nominations.length === 1 ? nominations[0] : undefined);
}

/** Resolves the cells' texts ('' when empty or unmapped) against the contest's nominations. */
export function place(nominations: NominationRef[], defaults: PlacementDefaults | undefined, nominationText: string, categoryText: string): Placement {
  const nomination = nominationText === '' ? defaultNomination(nominations, defaults) : nominations.find((n) => names(n, nominationText));
  if (nomination === undefined) {
    const problem: PlacementProblem =
      nominationText === ''
        ? { field: 'nomination', code: 'import.nominationMissing', params: {} }
        : { field: 'nomination', code: 'import.unknownNomination', params: { value: nominationText } };
    // The category cannot be checked without knowing the nomination; it is reported once that is fixed.
    return { nominationId: null, categoryId: null, problems: [problem] };
  }
  const problems: PlacementProblem[] = [];
  const categoryId = categoryText === '' ? defaultCategory(nomination, defaults, problems) : namedCategory(nominations, nomination, categoryText, problems);
  return { nominationId: nomination.id, categoryId, problems };
}

function namedCategory(nominations: NominationRef[], nomination: NominationRef, text: string, problems: PlacementProblem[]): string | null {
  const own = nomination.categories.find((c) => names(c, text));
  if (own !== undefined) return own.id;
  const other = nominations.find((n) => n.categories.some((c) => names(c, text)));
  problems.push(
    other === undefined
      ? { field: 'category', code: 'import.unknownCategory', params: { value: text, nomination: nomination.title } }
      : { field: 'category', code: 'import.categoryOfOtherNomination', params: { value: text, nomination: nomination.title, other: other.title } },
  );
  return null;
}

function defaultCategory(nomination: NominationRef, defaults: PlacementDefaults | undefined, problems: PlacementProblem[]): string | null {
  const fallback = nomination.categories.find((c) => c.id === defaults?.categoryId);
  if (fallback !== undefined) return fallback.id;
  if (nomination.categories.length > 0) problems.push({ field: 'category', code: 'import.categoryMissing', params: { nomination: nomination.title } });
  return null;
}
