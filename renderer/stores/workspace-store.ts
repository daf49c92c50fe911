import { useEffect } from 'react';
import { create } from 'zustand';
import type { AppInfo, NominationProgress, RecentWorkspace, WorkspaceSummary } from '../../shared/domain/views.ts';
import { call } from '../api/client.ts';
import { mayLeave, navigate, useRouteStore, type Route } from './route-store.ts';

interface WorkspaceState {
  ready: boolean;
  info: AppInfo | null;
  summary: WorkspaceSummary | null;
  recent: RecentWorkspace[];
  overview: NominationProgress[] | null;
  busy: boolean;
  /** Asks the host what is open (after a reload the browser host still has the workspace). */
  load(): Promise<void>;
  open(path: string): Promise<void>;
  openDemo(): Promise<void>;
  create(path: string, title: string): Promise<void>;
  openPackage(fileName: string, content: string, expertId: string): Promise<void>;
  /** Opens a contest package as the jury chair (makes the chair's workspace the first time). */
  openAsChair(fileName: string, content: string): Promise<void>;
  pick(): Promise<void>;
  close(): Promise<void>;
  setScorer(expertId: string): Promise<void>;
  refreshOverview(): Promise<void>;
}

/** Where a workspace opens: the chair at the intake of results, everyone else at the contest. */
export const homeOf = (summary: WorkspaceSummary): Route => (summary.kind === 'chair' ? { name: 'intake' } : { name: 'contest' });

/** The open workspace and the start screen's data. Actions reject with ApiError; screens show it. */
export const useWorkspaceStore = create<WorkspaceState>((set, get) => {
  async function opened(promise: Promise<WorkspaceSummary>, to?: Route): Promise<void> {
    set({ busy: true });
    try {
      const summary = await promise;
      set({ summary, overview: null });
      navigate(to ?? homeOf(summary));
    } finally {
      set({ busy: false });
    }
  }

  return {
    ready: false,
    info: null,
    summary: null,
    recent: [],
    overview: null,
    busy: false,
    async load() {
      const [info, summary, recent] = await Promise.all([call('app:info'), call('workspace:current'), call('workspace:recent')]);
      set({ info, summary, recent, ready: true });
      // A fresh page with a workspace already open (a reload, a second tab) starts at the contest.
      if (summary && useRouteStore.getState().route.name === 'start') navigate(homeOf(summary));
    },
    open: (path) => opened(call('workspace:open', { path })),
    openDemo: () => opened(call('workspace:openDemo')),
    create: (path, title) => opened(call('workspace:create', { path, title }), { name: 'organise' }),
    openPackage: (fileName, content, expertId) => opened(call('package:open', { fileName, content, expertId })),
    openAsChair: (fileName, content) => opened(call('chair:open', { fileName, content })),
    async pick() {
      const { path } = await call('workspace:pick');
      if (path) await get().open(path);
    },
    async close() {
      // Closing leaves the screen too: unsaved work is asked about while the workspace can still take it.
      if (!(await mayLeave({ name: 'start' }))) return;
      await call('workspace:close');
      set({ summary: null, overview: null, recent: await call('workspace:recent') });
      navigate({ name: 'start' });
    },
    async setScorer(expertId) {
      const summary = await call('scoring:setScorer', { expertId });
      set({ summary, overview: await call('scoring:overview') });
    },
    async refreshOverview() {
      set({ overview: await call('scoring:overview') });
    },
  };
});

/** The scorer's progress per nomination, fetched afresh whenever a screen that shows it appears. */
export function useOverview(onError: (error: unknown) => void): NominationProgress[] | null {
  const overview = useWorkspaceStore((s) => s.overview);
  const refreshOverview = useWorkspaceStore((s) => s.refreshOverview);
  useEffect(() => {
    refreshOverview().catch(onError);
  }, [refreshOverview, onError]);
  return overview;
}
