import { useEffect, useState } from 'react';
import { useLoadError } from '../../load-error.ts';

/**
 * Loads something for a screen and gives a way to load it again after a change. `deps` are what
 * the load depends on (compared by value); errors go to the error banner; `data` stays null until
 * the first load succeeds.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; reload(): void; change(update: (data: T) => T): void } {
  const reportLoadError = useLoadError();
  const [data, setData] = useState<T | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(deps);
  useEffect(() => {
    let live = true;
    load().then((value) => live && setData(value), reportLoadError);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the caller's deps; `load` is a new function each render
  }, [key, version, reportLoadError]);
  return {
    data,
    reload: () => setVersion((v) => v + 1),
    /** Shows a change at once, before the host confirms it (a reload then shows what the host has). */
    change: (update) => setData((current) => (current === null ? current : update(current))),
  };
}
