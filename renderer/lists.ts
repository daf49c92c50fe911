/**
 * How far each long list is opened, kept apart from the list's component (components/LongList.tsx)
 * so that the start-up code can ask for a list's first rows before React has loaded.
 */

/** Rows shown at first: several screens' worth, few enough to appear within 200 ms (docs/performance.md). */
export const FIRST_ROWS = 100;
/** Rows each "show more" adds. */
export const MORE_ROWS = 500;

/** How far each list was opened in this session: back from an entry, its list is as long as it was. */
const opened = new Map<string, number>();

/** How many rows the list `list` shows when it opens: a screen that loads its rows a page at a time asks for these. */
export const shownAtFirst = (list: string): number => opened.get(list) ?? FIRST_ROWS;

/** Remembers that the list `list` now shows `shown` rows. */
export function openedTo(list: string, shown: number): void {
  opened.set(list, shown);
}

/** The key under which the list of a nomination (and category) remembers how far it was opened. */
export const entriesListKey = (nominationId: string, categoryId: string | null): string => `entries/${nominationId}/${categoryId ?? ''}`;
