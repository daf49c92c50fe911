import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { askEarly } from './api/early.ts';
import { useNoticeStore } from './stores/notice-store.ts';
import { useRouteStore } from './stores/route-store.ts';
import { useWorkspaceStore } from './stores/workspace-store.ts';
import './styles.css';

// What is open is asked before the first render rather than in an effect after it: every screen waits
// for the answer. The first screen's own data is asked for at the same time.
useWorkspaceStore.getState().load().catch(useNoticeStore.getState().show);
askEarly(useRouteStore.getState().route);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
