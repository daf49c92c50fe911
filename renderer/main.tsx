import { askEarly } from './api/early.ts';
import { useNoticeStore } from './stores/notice-store.ts';
import { useRouteStore } from './stores/route-store.ts';
import { useWorkspaceStore } from './stores/workspace-store.ts';
import './styles.css';

// Start-up asks what is open, and the first screen's own data, before the rest of the app has even
// loaded: this module holds only the stores and the API client, and the screens (React DOM, the
// messages) load meanwhile. Opened at a list of 10,000 entries, its rows are on their way ~40 ms
// sooner than if asked after the whole app had been evaluated (docs/performance.md).
useWorkspaceStore.getState().load().catch(useNoticeStore.getState().show);
askEarly(useRouteStore.getState().route);
void import('./render.tsx').then(({ render }) => render());
