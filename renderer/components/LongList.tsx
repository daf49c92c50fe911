import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useT } from '../i18n.ts';
import { MORE_ROWS, openedTo, shownAtFirst } from '../lists.ts';
import { markOnce } from '../marks.ts';

/**
 * Long lists (an expert may hold 10,000 entries) show their first rows at once and more on request.
 * Every row shown is a real row in the DOM, so Tab, a screen reader's browse mode and the browser's
 * find all reach it; a window of rows that follows the scroll would take the focused row out of the
 * DOM and hide the rest from all three. A table says how many rows it has in all (aria-rowcount).
 */


export interface ShownRows<E extends HTMLElement> {
  /** How many rows to render (may exceed the total). */
  shown: number;
  more(): void;
  /** On the element holding the rows, each with `data-row` (its index): "show more" moves focus to the first new one. */
  rowsRef: RefObject<E | null>;
}

/**
 * How many rows of the list `list` (a key for the session) are shown. `rendered`, the rows in the
 * DOM, matters where they arrive after "show more" (loaded a page at a time): focus waits for them.
 */
export function useShownRows<E extends HTMLElement>(list: string, rendered = 0): ShownRows<E> {
  const [state, setState] = useState({ list, shown: shownAtFirst(list), focus: null as number | null });
  const current = state.list === list ? state : { list, shown: shownAtFirst(list), focus: null };
  const rowsRef = useRef<E>(null);
  const focused = useRef<number | null>(null);
  useEffect(() => {
    if (current.focus === null || focused.current === current.focus) return;
    const row = rowsRef.current?.querySelector(`[data-row="${current.focus}"]`);
    const target = row?.querySelector<HTMLElement>('a[href], button, input, select, textarea');
    if (!target) return;
    target.focus();
    focused.current = current.focus;
  }, [current.focus, rendered]);
  return {
    shown: current.shown,
    more: () => {
      const shown = current.shown + MORE_ROWS;
      openedTo(list, shown);
      setState({ list, shown, focus: current.shown });
    },
    rowsRef,
  };
}

/** Under a long list: how much of it is shown and a button for more; nothing once all of it is. */
export function ShowMore({ shown, total, onMore, children }: { shown: number; total: number; onMore(): void; children?: ReactNode }) {
  const { t } = useT();
  if (shown >= total) return null;
  return (
    <div className="show-more">
      <p>{t('list.shown', { shown, total })}</p>
      <button type="button" onClick={onMore}>
        {t('list.more', { count: Math.min(MORE_ROWS, total - shown) })}
      </button>
      {children}
    </div>
  );
}

/**
 * Marks the moment a list's rows are in the DOM (`jurybox:list-committed`, with how many rows and of
 * how many), each time `rows` or `version` change: the benchmark times the screens by these marks.
 */
export function useListCommitted(list: string, rows: number, total: number, version: unknown = null): void {
  useLayoutEffect(() => {
    markOnce('jurybox:list-committed', { list, rows, total });
  }, [list, rows, total, version]);
}
