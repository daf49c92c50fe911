import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from './i18n.ts';
import { useNoticeStore } from './stores/notice-store.ts';

/**
 * The one feedback model of the app (docs/architecture.md, «Feedback»): something the user does is an
 * action; why it failed is shown beside the control that started it (<ActionError>), scrolled into
 * view and announced, and is gone as soon as the action is tried again and succeeds. A success of any
 * action also takes away an error the banner above the screen still shows (a load that failed
 * earlier), so no red error stands above a success. Data a screen loads by itself is not an action:
 * its failures go to that banner (useLoad, reportLoadError).
 */
export interface Action<T = unknown> {
  /** Why the last attempt failed, until the action is tried again or the user changes what it acts on. */
  readonly error: unknown;
  /** What the last attempt gave when it succeeded; gone when the action is tried again (only the latest outcome is shown). */
  readonly done: T | null;
  /** An attempt is under way (the control that starts it is disabled meanwhile). */
  readonly busy: boolean;
  /**
   * Runs `work`: the last outcome goes at once; a failure is kept to show beside the control, a
   * success kept as `done` and handed to `then`. Never rejects: every outcome is shown.
   */
  run<R extends T>(work: () => Promise<R>, then?: (value: R) => void): Promise<void>;
  /** Shows a failure found before anything was sent (a file over the limit, a check in the page). */
  fail(error: unknown): void;
  /** Takes the error away: the user changed what the action acts on (a success stays true, and stays shown). */
  clear(): void;
}

/** A succeeded action: the banner's error described an earlier state, and goes. */
const succeeded = (): void => useNoticeStore.getState().dismiss();

/** A failed action: a success the status line still shows described an earlier state, and goes. */
const failed = (): void => useNoticeStore.setState({ status: null });

export function useAction<T = unknown>(): Action<T> {
  const [outcome, setOutcome] = useState<{ error: unknown; done: T | null }>({ error: null, done: null });
  const [busy, setBusy] = useState(false);
  // A component may be gone when its action settles (it navigated away): nothing is set then.
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const run = useCallback(async <R extends T>(work: () => Promise<R>, then?: (value: R) => void): Promise<void> => {
    setOutcome({ error: null, done: null });
    setBusy(true);
    try {
      const value = await work();
      succeeded();
      if (live.current) setOutcome({ error: null, done: value });
      then?.(value);
    } catch (error) {
      failed();
      if (live.current) setOutcome({ error, done: null });
      // An action whose component is gone has no place to show its failure but the banner.
      else useNoticeStore.getState().show(error);
    } finally {
      if (live.current) setBusy(false);
    }
  }, []);
  const fail = useCallback((error: unknown) => {
    failed();
    setOutcome({ error, done: null });
  }, []);
  const clear = useCallback(() => setOutcome((o) => (o.error === null ? o : { ...o, error: null })), []);
  return { error: outcome.error, done: outcome.done, busy, run, fail, clear };
}

/**
 * Why the action failed, where the user acted: right after its control. Scrolled into view when it
 * appears (the control may be low on a long page), and announced: an element of role «alert» is read
 * out as it enters the page. Nothing is in the page while there is nothing to say.
 */
export function ActionError({ action }: { action: Pick<Action, 'error'> }) {
  const { error: describe } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const shown = action.error !== null && action.error !== undefined;
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [shown, action.error]);
  if (!shown) return null;
  return (
    <div ref={ref} role="alert" className="action-error">
      <p className="notice error">{describe(action.error)}</p>
    </div>
  );
}
