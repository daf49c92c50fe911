import { useEffect } from 'react';
import { create } from 'zustand';
import type { WorkspaceSummary } from '../shared/domain/views.ts';
import type { FileKind } from '../shared/formats/dsse.ts';
import { ApiError, call } from './api/client.ts';
import { useNoticeStore } from './stores/notice-store.ts';
import { navigate, type Route } from './stores/route-store.ts';
import { useWorkspaceStore } from './stores/workspace-store.ts';

/**
 * Files the operating system handed to JuryBox (a double-click on a .jbresult, "Open with", a file
 * dropped on the app's icon, `jurybox serve FILE`). The window asks the host for them when it starts
 * and whenever it comes back to the front; each waits here until the screen of its kind takes it:
 * a contest package the start screen's package opener, an expert's key the organiser's enrolments,
 * experts' results the chair's intake, signed results the venue.
 */

type Waiting = Record<FileKind, File[]>;

const none = (): Waiting => ({ contest: [], enrolment: [], result: [], merged: [] });

/** The bytes of each waiting file as the host sent them (base64), to know the same file handed twice. */
const contentOf = new WeakMap<File, string>();

interface OpenedState {
  waiting: Waiting;
  /** Adds a handed file to those waiting, unless one of the same name and bytes already waits. */
  hand(kind: FileKind, fileName: string, content: string): void;
  /** The files of one kind, no longer waiting. */
  take(kind: FileKind): File[];
  /** Forgets one waiting file (the user said no). */
  dismiss(kind: FileKind, file: File): void;
}

export const useOpenedStore = create<OpenedState>((set, get) => ({
  waiting: none(),
  hand(kind, fileName, content) {
    const held = get().waiting[kind];
    // Two corrections of one expert's results have the same name and often the same size: compare the bytes.
    if (held.some((h) => h.name === fileName && contentOf.get(h) === content)) return;
    const file = fileOf(fileName, content);
    contentOf.set(file, content);
    set({ waiting: { ...get().waiting, [kind]: [...held, file] } });
  },
  take(kind) {
    const taken = get().waiting[kind];
    if (taken.length > 0) set({ waiting: { ...get().waiting, [kind]: [] } });
    return taken;
  },
  dismiss(kind, file) {
    set({ waiting: { ...get().waiting, [kind]: get().waiting[kind].filter((f) => f !== file) } });
  },
}));

/** Where a kind of file opens; `needs` when the workspace open is not the one that takes it. */
export function placeOf(kind: FileKind, summary: WorkspaceSummary | null): { route: Route } | { needs: 'organiser' | 'chair' } {
  switch (kind) {
    case 'contest':
      return { route: { name: 'start' } };
    case 'merged':
      return { route: { name: 'venue' } };
    case 'enrolment':
      return summary?.kind === 'organiser' ? { route: { name: 'enrolments' } } : { needs: 'organiser' };
    case 'result':
      return summary?.kind === 'chair' ? { route: { name: 'intake' } } : { needs: 'chair' };
  }
}

/** The bytes the host read, as a File the screens' own pickers would have given. */
function fileOf(fileName: string, base64: string): File {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return new File([bytes], fileName);
}

let asking = false;

/**
 * Asks the host for newly handed files. A file that cannot be opened (unknown kind, unreadable, too
 * large) is reported by name; the others wait for their screen, and the app goes to the screen of
 * the last one the open workspace (or none) can take.
 */
export async function collectHandedFiles(): Promise<void> {
  if (asking) return;
  asking = true;
  try {
    const handed = await call('opened:take');
    const summary = useWorkspaceStore.getState().summary;
    let to: Route | null = null;
    for (const item of handed) {
      if (!item.ok) {
        useNoticeStore.getState().show(new ApiError(item.error));
        continue;
      }
      useOpenedStore.getState().hand(item.kind, item.fileName, item.content);
      const place = placeOf(item.kind, summary);
      if ('route' in place) to = place.route;
    }
    if (to) navigate(to);
  } finally {
    asking = false;
  }
}

/**
 * Asks for handed files once the app knows what is open, and again whenever the window regains focus
 * or the tab becomes visible: a second double-click brings the running app to the front.
 */
export function useCollectHandedFiles(): void {
  const ready = useWorkspaceStore((s) => s.ready);
  useEffect(() => {
    // The desktop app's separate ceremony window shows the ceremony only; the app's window opens files.
    if (!ready || new URLSearchParams(window.location.search).get('window') === 'ceremony') return;
    const collect = () => void collectHandedFiles().catch(useNoticeStore.getState().show);
    const onVisible = () => {
      if (document.visibilityState === 'visible') collect();
    };
    collect();
    window.addEventListener('focus', collect);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', collect);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ready]);
}

/**
 * For the screen that opens files of `kind`: hands it every file of that kind as it arrives (those
 * waiting when the screen appears, and any that come while it is shown).
 */
export function useHandedFiles(kind: FileKind, open: (files: File[]) => void): void {
  const count = useOpenedStore((s) => s.waiting[kind].length);
  useEffect(() => {
    if (count === 0) return;
    const files = useOpenedStore.getState().take(kind);
    if (files.length > 0) open(files);
    // `open` is a new function on every render of the screen; only new files matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, count]);
}
